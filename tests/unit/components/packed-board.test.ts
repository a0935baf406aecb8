import { describe, expect, it } from "vitest";
import { packBoard, unpackBoard } from "~/components/board/packed";
import type { BoardCard, BoardData, PanelConflict } from "~/domain/board/view";

const theme = { id: "t1", name: "Inclusion numérique", colour: "#2f5f8a" };
const zoe = { name: "Zoé Lecomte", role: "speaker", confirmation: "confirmed" };
const jennifer = { name: "Jennifer Leblond", role: "moderator", confirmation: "pending" };
const clash: PanelConflict = {
  key: "PERSON_DOUBLE_BOOKED|a,b",
  rule: "PERSON_DOUBLE_BOOKED",
  level: "error",
  acknowledged: false,
  message: "Jennifer Leblond est à deux endroits « à la fois »",
  sessions: [
    { id: "a", title: "Fishbowl" },
    { id: "b", title: "Atelier" },
  ],
  acknowledgedReason: null,
};

function card(id: string, values: Partial<BoardCard>): BoardCard {
  return {
    id,
    version: 1,
    title: `Session ${id}`,
    status: "scheduled",
    format: "Atelier",
    theme,
    people: [zoe],
    unconfirmed: 0,
    roomId: "r1",
    start: 1457510400000,
    end: 1457512200000,
    startLabel: "09:00",
    endLabel: "09:30",
    minutes: 30,
    conflicts: [],
    ...values,
  };
}

function board(): BoardData {
  const a = card("a", { people: [zoe, jennifer], unconfirmed: 1, conflicts: [clash] });
  return {
    stamp: "0123456789abcdef.4",
    asOf: 1457500000000,
    timeZone: "Europe/Paris",
    day: "2016-03-09",
    days: [{ date: "2016-03-09", label: "9 mars 2016" }],
    step: 30,
    grid: { start: 1457510400000, end: 1457514000000, rows: [{ at: 1457510400000, date: "2016-03-09", time: "09:00" }] },
    rooms: [{ id: "r1", name: "Agora", capacity: 80, open: [], restricted: false, slots: [] }],
    roomPages: { page: 2, pages: 9, first: 13, last: 24, total: 104, ranges: [[1, 12], [13, 24], [25, 30], [31, 40], [41, 52], [53, 64], [65, 76], [77, 90], [91, 104]] },
    cards: [a, card("b", { people: [jennifer], theme: null, conflicts: [clash] })],
    tray: [card("c", { status: "accepted", roomId: null, start: null, end: null, startLabel: null, endLabel: null, format: null })],
    trayPages: null,
    trayTotal: 1,
    outside: [{ card: card("d", { start: 1457337600000, end: 1457341200000, startLabel: "09:00", endLabel: "10:00" }), where: "Agora, 7 mars 2016, 09:00–10:00" }],
    dates: { first: "2016-03-09", last: "2016-03-10" },
    filters: { q: "", theme: "", format: "", person: "" },
    options: { themes: [{ id: "t1", name: theme.name }], formats: [], people: [] },
    conflicts: [clash],
    conflictPages: null,
    conflictTotals: { open: 1, count: 1, infos: 0 },
    suggestions: null,
    editing: a,
    placing: null,
    swapTargets: [],
    undo: { change: "c1", label: "Annuler « Session a »" },
    notice: null,
  };
}

describe("the board as its route sends it", () => {
  it("unpacks to the same board", () => {
    const original = board();
    expect(unpackBoard(packBoard(original))).toEqual(original);
  });

  it("writes each shared theme, person and conflict once, and shares them again when unpacked", () => {
    const packed = packBoard(board());
    expect(packed.split("Jennifer Leblond est à deux endroits").length - 1).toBe(1);
    expect(packed.split('"Zoé Lecomte"').length - 1).toBe(1);
    const data = unpackBoard(packed);
    const [a, b] = data.cards;
    expect(a!.conflicts[0]).toBe(data.conflicts[0]);
    expect(b!.conflicts[0]).toBe(data.conflicts[0]);
    expect(a!.people[1]).toBe(b!.people[0]);
    expect(a!.theme).toBe(data.tray[0]!.theme);
    expect(data.editing).toEqual(a);
  });

});
