import { describe, expect, it } from "vitest";
import { defaultPlacement, endAfter, freeSlots, minutesBetween, slotKey } from "~/domain/board/placing";

const H = 3_600_000;
const slot = (start: number, end: number) => ({ start: start * H, end: end * H });

describe("a room's free slots", () => {
  it("keeps the slots nothing overlaps, half-open: a session touching a slot leaves it free", () => {
    const slots = [slot(11, 12), slot(9, 10), slot(10, 11), slot(14, 15)];
    const occupied = [slot(8, 9), slot(10.5, 11.5), slot(12, 14)];
    expect(freeSlots(slots, occupied)).toEqual([slot(9, 10), slot(14, 15)]);
  });

  it("leaves out a slot a longer session or a blocked time contains, and keeps every slot of an empty room", () => {
    expect(freeSlots([slot(9, 10), slot(10, 11)], [slot(8, 12)])).toEqual([]);
    expect(freeSlots([slot(10, 11), slot(9, 10)], [])).toEqual([slot(9, 10), slot(10, 11)]);
  });
});

describe("where the place/move form opens", () => {
  const rooms = [{ id: "hall", open: [slot(10, 18)] }, { id: "agora", open: [] }];
  const base = { minutes: 45, suggestions: [], freeSlots: [], rooms, firstRow: 8 * H };

  it("opens a placed session where it is, whatever the engine would rather", () => {
    const current = { roomId: "agora", start: 9 * H, end: 10 * H };
    expect(defaultPlacement({ ...base, current, suggestions: [{ roomId: "hall", ...slot(11, 12) }] })).toEqual(current);
  });

  it("opens a session from the tray on the engine's best placement, then on a free slot", () => {
    const current = { roomId: null, start: null, end: null };
    const best = { roomId: "agora", ...slot(14, 15) };
    expect(defaultPlacement({ ...base, current, suggestions: [best, { roomId: "hall", ...slot(10, 11) }], freeSlots: [{ roomId: "hall", ...slot(9, 10) }] })).toEqual(best);
    expect(defaultPlacement({ ...base, current, freeSlots: [{ roomId: "hall", ...slot(16, 17) }] })).toEqual({ roomId: "hall", ...slot(16, 17) });
  });

  it("opens on the free slot chosen without JavaScript, for a placed session too, and not on a slot that is not free", () => {
    const free = { roomId: "hall", ...slot(16, 17) };
    const placed = { roomId: "agora", start: 9 * H, end: 10 * H };
    const best = { roomId: "agora", ...slot(14, 15) };
    expect(slotKey(free)).toBe(`hall|${16 * H}`);
    expect(defaultPlacement({ ...base, current: placed, freeSlots: [free], chosenSlot: slotKey(free) })).toEqual(free);
    const tray = { roomId: null, start: null, end: null };
    expect(defaultPlacement({ ...base, current: tray, suggestions: [best], freeSlots: [free], chosenSlot: slotKey(free) })).toEqual(free);
    // A key naming a time that is not one of the free slots is ignored.
    expect(defaultPlacement({ ...base, current: tray, suggestions: [best], freeSlots: [free], chosenSlot: `hall|${11 * H}` })).toEqual(best);
    expect(defaultPlacement({ ...base, current: placed, freeSlots: [free], chosenSlot: "agora|x" })).toEqual(placed);
  });

  it("without any proposal, opens in the first room when it opens (not at a closed hour), for the session's length", () => {
    const current = { roomId: null, start: null, end: null };
    expect(defaultPlacement({ ...base, current })).toEqual({ roomId: "hall", start: 10 * H, end: 10 * H + 45 * 60_000 });
    expect(defaultPlacement({ ...base, current, rooms: [{ id: "agora", open: [] }] })).toEqual({ roomId: "agora", start: 8 * H, end: 8 * H + 45 * 60_000 });
    expect(defaultPlacement({ ...base, current, rooms: [] })).toBeNull();
  });
});

describe("the end that follows the start", () => {
  it("measures a duration, across midnight when the end is at or before the start", () => {
    expect(minutesBetween("09:00", "10:15")).toBe(75);
    expect(minutesBetween("23:30", "00:30")).toBe(60);
    expect(minutesBetween("10:00", "10:00")).toBe(1440);
    expect(minutesBetween("10:0", "11:00")).toBeNull();
  });

  it("keeps the duration when the start moves, across midnight too, and waits for a whole time", () => {
    expect(endAfter("10:30", 75)).toBe("11:45");
    expect(endAfter("23:30", 60)).toBe("00:30");
    expect(endAfter("", 60)).toBeNull();
    expect(endAfter("1", 60)).toBeNull();
  });
});
