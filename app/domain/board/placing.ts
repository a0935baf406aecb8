// What the board's place/move form offers: where it opens, a room's free slots, and the end
// that follows a new start. Pure: the rooms' slots, the sessions and the engine's ranked
// suggestions come in as arguments.
import { rowMinutes } from "~/domain/slots";
import { formatHHMM, isHHMM, parseHHMM } from "~/domain/time";

export type Interval = { start: number; end: number };
export type Placement = { roomId: string; start: number; end: number };

/**
 * A room's slots (slots page) that nothing occupies: no other session and no blocked time
 * overlaps them (half-open, so a session ending at a slot's start leaves it free). Sorted by start.
 */
export function freeSlots(slots: readonly Interval[], occupied: readonly Interval[]): Interval[] {
  return slots
    .filter((slot) => !occupied.some((o) => o.start < slot.end && slot.start < o.end))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Where the form opens. The free slot the organiser chose (the form's slot choice without
 * JavaScript), when it is one of the free slots. Else a placed session: where it is (confirming
 * the form unchanged moves nothing). A session from the tray: the engine's best suggestion
 * (ranked, with no block or error conflict of placement), else the first free slot, else the
 * first room's first opening hour of the day for the session's length, else the day's first
 * row; null without rooms.
 */
export function defaultPlacement(args: {
  chosenSlot?: string | null;
  current: { roomId: string | null; start: number | null; end: number | null };
  minutes: number;
  suggestions: readonly Placement[];
  freeSlots: readonly Placement[];
  rooms: readonly { id: string; open: readonly Interval[] }[];
  firstRow: number | null;
}): Placement | null {
  const { current, minutes } = args;
  const chosen = args.chosenSlot ? args.freeSlots.find((slot) => slotKey(slot) === args.chosenSlot) : undefined;
  if (chosen) return { roomId: chosen.roomId, start: chosen.start, end: chosen.end };
  if (current.roomId !== null && current.start !== null && current.end !== null) return { roomId: current.roomId, start: current.start, end: current.end };
  const best = args.suggestions[0] ?? args.freeSlots[0];
  if (best) return { roomId: best.roomId, start: best.start, end: best.end };
  const room = args.rooms[0];
  if (!room) return null;
  const start = room.open[0]?.start ?? args.firstRow;
  return start === null ? null : { roomId: room.id, start, end: start + minutes * 60_000 };
}

/** A free slot's name in a form (the slot choice without JavaScript): its room and its start instant. */
export function slotKey(slot: { roomId: string; start: number }): string {
  return `${slot.roomId}|${slot.start}`;
}

/** Minutes from a local start to a local end ("HH:MM"); an end at or before the start is the next day. Null unless both are times. */
export function minutesBetween(start: string, end: string): number | null {
  if (!isHHMM(start) || !isHHMM(end)) return null;
  const row = rowMinutes({ start, end });
  return row.end - row.start;
}

/** The end that keeps a duration when the start changes ("HH:MM", across midnight); null while the start is not a time. */
export function endAfter(start: string, minutes: number): string | null {
  return isHHMM(start) ? formatHHMM(parseHHMM(start) + minutes) : null;
}
