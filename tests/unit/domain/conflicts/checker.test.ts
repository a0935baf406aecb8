import { describe, expect, it } from "vitest";
import { checkProgramme, createChecker, fingerprintFor, type ProgrammeInput } from "~/domain/conflicts";
import { localInterval } from "~/domain/time";
import { generateWorkload } from "../../../bench/workloads";
import { applyChange } from "./arbitraries";
import { TALK, ZONE, at, person, placed, programme, room, session, speaker } from "./fixtures";
import { plain } from "./oracle";

const D1 = "2016-03-26";

describe("acknowledgements", () => {
  const base = () =>
    programme({
      sessions: [
        placed("s1", "A", D1, "10:00", "11:00", { people: [speaker("p1", { confirmation: "pending" })] }),
        placed("s2", "A", D1, "10:30", "11:30", { people: [speaker("p2")] }),
        placed("s3", "B", D1, "10:00", "11:00"),
      ],
    });
  const acknowledge = (input: ProgrammeInput): ProgrammeInput => {
    const conflict = checkProgramme(input).find((c) => c.rule === "ROOM_OVERLAP")!;
    return {
      ...input,
      acknowledgements: [{ id: "ack1", rule: conflict.rule, key: conflict.key, fingerprint: fingerprintFor(input, conflict), reason: "Même équipe, salle partagée" }],
    };
  };
  const overlap = (input: ProgrammeInput) => checkProgramme(input).find((c) => c.rule === "ROOM_OVERLAP");

  it("applies to the conflict it names, keeping its level", () => {
    expect(overlap(acknowledge(base()))).toMatchObject({ acknowledged: true, acknowledgementId: "ack1", level: "block" });
    expect(overlap(base())).toMatchObject({ acknowledged: false, acknowledgementId: null });
  });

  it("lapses when a named session moves (time or room) or its people change", () => {
    const input = acknowledge(base());
    const moved = applyChange(input, { kind: "move", sessionId: "s2", roomId: "A", start: at(D1, "10:45"), end: at(D1, "11:30") });
    expect(overlap(moved)).toMatchObject({ key: "ROOM_OVERLAP|s1,s2", acknowledged: false });
    const people = applyChange(input, { kind: "people", sessionId: "s1", people: [speaker("p1", { confirmation: "pending" }), speaker("p3")] });
    expect(overlap(people)?.acknowledged).toBe(false);
    const role = applyChange(input, { kind: "people", sessionId: "s1", people: [speaker("p1", { role: "moderator", confirmation: "pending" })] });
    expect(overlap(role)?.acknowledged).toBe(false);
  });

  it("still applies when only a confirmation changes or an unrelated session moves", () => {
    const input = acknowledge(base());
    const confirmed = applyChange(input, { kind: "people", sessionId: "s1", people: [speaker("p1")] });
    expect(overlap(confirmed)?.acknowledged).toBe(true);
    const other = applyChange(input, { kind: "move", sessionId: "s3", roomId: "C", start: at(D1, "14:00"), end: at(D1, "15:00") });
    expect(overlap(other)?.acknowledged).toBe(true);
  });

  it("a stale fingerprint or another rule's acknowledgement does not apply", () => {
    const input = acknowledge(base());
    expect(overlap({ ...input, acknowledgements: [{ ...input.acknowledgements[0], fingerprint: "v1-00000000000000" }] })?.acknowledged).toBe(false);
    expect(overlap({ ...input, acknowledgements: [{ ...input.acknowledgements[0], rule: "THEME_PARALLEL" }] })?.acknowledged).toBe(false);
  });

  it("the checker sees it lapse on apply and come back when the session returns", () => {
    const input = acknowledge(base());
    const checker = createChecker(input);
    const away = { kind: "move" as const, sessionId: "s2", roomId: "A", start: at(D1, "10:45"), end: at(D1, "11:30") };
    const { appeared, disappeared } = checker.preview(away);
    expect(disappeared.map((c) => [c.key, c.acknowledged])).toContainEqual(["ROOM_OVERLAP|s1,s2", true]);
    expect(appeared.map((c) => [c.key, c.acknowledged])).toContainEqual(["ROOM_OVERLAP|s1,s2", false]);
    checker.apply(away);
    checker.apply({ kind: "move", sessionId: "s2", roomId: "A", start: at(D1, "10:30"), end: at(D1, "11:30") });
    expect(checker.conflicts().find((c) => c.rule === "ROOM_OVERLAP")?.acknowledged).toBe(true);
  });
});

describe("createChecker", () => {
  const input = () =>
    programme({
      sessions: [
        placed("s1", "A", D1, "10:00", "11:00", { people: [speaker("p1")] }),
        placed("s2", "B", D1, "10:00", "11:00", { people: [speaker("p2")] }),
        placed("s3", "A", D1, "11:00", "12:00", { people: [speaker("p1")], formatId: "talk" }),
        session("s4", { status: "accepted", people: [speaker("p2")] }),
      ],
    });

  it("previews a drag without changing anything, then applies it", () => {
    const checker = createChecker(input());
    const before = checker.conflicts();
    const drag = { kind: "place" as const, sessionId: "s4", roomId: "A", start: at(D1, "10:30"), end: at(D1, "11:30") };
    const { appeared, disappeared } = checker.preview(drag);
    expect(appeared.map((c) => c.key)).toEqual(["ROOM_OVERLAP|s1,s4", "ROOM_OVERLAP|s3,s4", "SPEAKER_OVERLAP|s2,s4|p2"]);
    expect(disappeared.map((c) => c.key)).toEqual(["UNSCHEDULED|s4"]);
    expect(checker.conflicts()).toEqual(before);
    checker.apply(drag);
    expect(checker.conflicts().map(plain)).toEqual(checkProgramme(applyChange(input(), drag)).map(plain));
  });

  it("swaps exchange the two sessions' room, start and end", () => {
    const checker = createChecker(input());
    checker.apply({ kind: "swap", a: "s2", b: "s3" });
    const swapped = applyChange(input(), { kind: "swap", a: "s2", b: "s3" });
    expect(swapped.sessions.find((s) => s.id === "s3")).toMatchObject({ roomId: "B", start: at(D1, "10:00"), end: at(D1, "11:00") });
    expect(checker.conflicts().map(plain)).toEqual(checkProgramme(swapped).map(plain));
    expect(checker.conflicts().map((c) => c.key)).toContain("SPEAKER_OVERLAP|s1,s3|p1");
  });

  it("unschedules and changes people", () => {
    const checker = createChecker(input());
    checker.apply({ kind: "unschedule", sessionId: "s1" });
    checker.apply({ kind: "people", sessionId: "s2", people: [speaker("p1"), speaker("ghost")] });
    let expected = applyChange(input(), { kind: "unschedule", sessionId: "s1" });
    expected = applyChange(expected, { kind: "people", sessionId: "s2", people: [speaker("p1"), speaker("ghost")] });
    expect(checker.conflicts().map(plain)).toEqual(checkProgramme(expected).map(plain));
    expect(checker.conflicts().map((c) => c.key)).toContain("SPEAKER_UNAVAILABLE|s2|ghost");
  });

  it("keeps up with many changes of people (their lists outgrow and are compacted) and never touches its input", () => {
    const original = input();
    const frozen = JSON.stringify(original);
    const checker = createChecker(original);
    let expected: ProgrammeInput = input();
    const crowds = [
      [speaker("p1"), speaker("p2"), speaker("p3"), speaker("p4")],
      [speaker("p2"), speaker("ghost"), speaker("p2", { role: "moderator" })],
      [],
      [speaker("p3"), speaker("p1"), speaker("p5"), speaker("p6"), speaker("p7")],
    ];
    for (let k = 0; k < 60; k++) {
      const change = { kind: "people" as const, sessionId: `s${(k % 4) + 1}`, people: crowds[k % crowds.length] };
      checker.apply(change);
      expected = applyChange(expected, change);
      if (k % 15 === 14) expect(checker.conflicts().map(plain)).toEqual(checkProgramme(expected).map(plain));
    }
    expect(checker.conflicts().map((c) => c.key)).toContain("SPEAKER_UNAVAILABLE|s2|ghost");
    expect(JSON.stringify(original)).toBe(frozen);
  });

  it("refuses a change naming an unknown session", () => {
    expect(() => createChecker(input()).preview({ kind: "unschedule", sessionId: "nope" })).toThrow("Unknown session: nope");
  });

  it("matches the full check after many moves on a generated programme", () => {
    const w = generateWorkload("BAROUF");
    const checker = createChecker(w);
    let current: ProgrammeInput = w;
    const placedIds = w.sessions.filter((s) => s.start !== null).map((s) => s.id);
    for (let k = 0; k < 40; k++) {
      const s = current.sessions.find((x) => x.id === placedIds[(k * 37) % placedIds.length])!;
      const change = { kind: "move" as const, sessionId: s.id, roomId: w.rooms[k % w.rooms.length].id, start: s.start! + 30 * 60_000, end: s.end! + 30 * 60_000 };
      checker.apply(change);
      current = applyChange(current, change);
    }
    expect(checker.conflicts().map(plain)).toEqual(checkProgramme(current).map(plain));
  });
});

describe("suggest", () => {
  const open = [localInterval(D1, "09:00", "12:00", ZONE), localInterval("2016-03-27", "09:00", "12:00", ZONE)];
  const base = (over: Parameters<typeof programme>[0] = {}) =>
    programme({
      rooms: [room("A", { openingHours: open, features: ["video"] }), room("B", { openingHours: open, features: ["video"] }), room("C", { openingHours: open })],
      formats: [{ ...TALK, requiredFeatures: ["video"] }],
      people: [person("p1", { availability: [] }), person("p2")],
      sessions: [
        placed("busy", "A", D1, "09:00", "10:00", { people: [speaker("p2")] }),
        placed("s1", "A", D1, "09:30", "10:30", { formatId: "talk", people: [speaker("p1")] }),
      ],
      ...over,
    });

  it("same room and day first, nearest time first; other rooms after; only rooms with the format's features", () => {
    const suggestions = createChecker(base()).suggest("s1", 5);
    expect(suggestions.map((s) => [s.roomId, s.start, s.cost])).toEqual([
      ["A", at(D1, "10:00"), 30],
      ["A", at(D1, "10:15"), 45],
      ["A", at(D1, "10:30"), 60],
      ["A", at(D1, "10:45"), 75],
      ["A", at(D1, "11:00"), 90],
    ]);
    expect(suggestions.every((s) => s.end - s.start === 60 * 60_000)).toBe(true);
    const many = createChecker(base()).suggest("s1", 40);
    expect(many.some((s) => s.roomId === "C")).toBe(false);
    const firstOther = many.findIndex((s) => s.roomId !== "A");
    expect(many.slice(firstOther).every((s) => s.roomId !== "A")).toBe(true);
    // Same room on the other day comes before another room on the same day.
    expect(many.slice(0, firstOther).some((s) => s.start >= at("2016-03-27", "00:00"))).toBe(true);
    expect(many[firstOther]).toMatchObject({ roomId: "B", start: at(D1, "09:30") });
  });

  it("uses the room's slots when given, and keeps people's availability", () => {
    const slots = [localInterval(D1, "11:00", "12:00", ZONE), localInterval(D1, "09:00", "10:00", ZONE)];
    const rooms = [room("A", { openingHours: open, features: ["video"], slots })];
    const people = [person("p1", { availability: [localInterval(D1, "10:30", "12:00", ZONE)] }), person("p2")];
    const suggestions = createChecker(base({ rooms, people })).suggest("s1");
    expect(suggestions.map((s) => [s.roomId, s.start])).toEqual([["A", at(D1, "11:00")]]);
  });

  it("suggests placements for an unplaced session, earliest first, and none for a cancelled one", () => {
    const input = base();
    input.sessions.push(session("s9", { status: "accepted", formatId: "talk", people: [speaker("p2")] }));
    const suggestions = createChecker(input).suggest("s9", 2);
    // p2 is busy until 10:00 and room A is taken until 10:30.
    expect(suggestions.map((s) => [s.roomId, s.start])).toEqual([["B", at(D1, "10:00")], ["B", at(D1, "10:15")]]);
    input.sessions.push(session("s10", { status: "cancelled" }));
    expect(createChecker(input).suggest("s10")).toEqual([]);
  });
});

describe("determinism and messages", () => {
  it("gives identical output for the same input twice, messages included", () => {
    const w = generateWorkload("BAROUF");
    expect(JSON.stringify(checkProgramme(w))).toBe(JSON.stringify(checkProgramme(structuredClone(w))));
  });

  it("serialises messages and spreads conflicts like plain data", () => {
    const input = programme({ sessions: [session("s1", { status: "accepted" })] });
    const [c] = checkProgramme(input);
    const json = JSON.parse(JSON.stringify(c));
    expect(json.message).toEqual({ fr: "« Titre s1 » est acceptée mais n’a pas encore de salle ou d’horaire", en: "“Titre s1” is accepted but has no room or time yet" });
    const copy = { ...c };
    expect(copy.message.fr).toBe(json.message.fr);
    expect(c.message).toEqual(json.message); // plain own properties once read
  });

  it("names sessions in the main language, falling back to the other, then to the id", () => {
    const sessions = [
      session("s1", { status: "accepted", title: { fr: null, en: "Only English" } }),
      session("s2", { status: "accepted", title: { fr: "", en: null } }),
    ];
    const [a, b] = checkProgramme(programme({ sessions }));
    expect(a.message.fr).toContain("« Only English »");
    expect(b.message.fr).toContain("« s2 »");
  });

  it("writes intervals across midnight with both dates, in the edition's time zone", () => {
    const sessions = [placed("s1", "A", D1, "23:30", "00:30"), placed("s2", "A", D1, "23:00", "01:00")];
    const [c] = checkProgramme(programme({ sessions }));
    expect(c.message.fr).toContain("du 26/03 à 23:30 au 27/03 à 00:30");
    expect(c.message.en).toContain("from 26/03 23:30 to 27/03 00:30");
  });
});
