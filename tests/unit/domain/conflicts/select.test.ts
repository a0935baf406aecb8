import { describe, expect, it } from "vitest";
import { selectConflicts, type Conflict } from "~/domain/conflicts";

function conflict(values: Partial<Conflict> & Pick<Conflict, "key">): Conflict {
  return {
    rule: "ROOM_OVERLAP",
    level: "block",
    acknowledged: false,
    acknowledgementId: null,
    sessions: [],
    people: [],
    rooms: [],
    interval: null,
    message: { fr: "", en: "" },
    ...values,
  };
}

const list = [
  conflict({ key: "a", rule: "ROOM_OVERLAP", level: "block", message: { fr: "La salle Agora est réservée deux fois", en: "Agora is booked twice" } }),
  conflict({ key: "b", rule: "SPEAKER_OVERLAP", level: "error", acknowledged: true, acknowledgementId: "x", message: { fr: "Émilie est à deux endroits", en: "Émilie is in two places" } }),
  conflict({ key: "c", rule: "SPEAKER_UNCONFIRMED", level: "warning", message: { fr: "Hugo n'a pas confirmé", en: "Hugo has not confirmed" } }),
  conflict({ key: "d", rule: "UNSCHEDULED", level: "info", message: { fr: "Session non placée", en: "Session not placed" } }),
];
const keys = (conflicts: Conflict[]) => conflicts.map((c) => c.key);

describe("selectConflicts", () => {
  it("keeps everything without filters, in the given order", () => {
    expect(keys(selectConflicts(list, {}))).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps one level, or a level and everything more severe", () => {
    expect(keys(selectConflicts(list, { level: "error" }))).toEqual(["b"]);
    expect(keys(selectConflicts(list, { minLevel: "warning" }))).toEqual(["a", "b", "c"]);
    expect(keys(selectConflicts(list, { minLevel: "block" }))).toEqual(["a"]);
    expect(keys(selectConflicts(list, { minLevel: "info" }))).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps one rule and ignores an unknown one", () => {
    expect(keys(selectConflicts(list, { rule: "UNSCHEDULED" }))).toEqual(["d"]);
    expect(keys(selectConflicts(list, { rule: "NOT_A_RULE" }))).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps open or acknowledged conflicts", () => {
    expect(keys(selectConflicts(list, { state: "acknowledged" }))).toEqual(["b"]);
    expect(keys(selectConflicts(list, { state: "open" }))).toEqual(["a", "c", "d"]);
  });

  it("finds every word in either language, ignoring case and accents", () => {
    expect(keys(selectConflicts(list, { q: "emilie ENDROITS" }))).toEqual(["b"]);
    expect(keys(selectConflicts(list, { q: "booked agora" }))).toEqual(["a"]);
    expect(keys(selectConflicts(list, { q: "agora hugo" }))).toEqual([]);
    expect(keys(selectConflicts(list, { q: "   " }))).toEqual(["a", "b", "c", "d"]);
  });
});
