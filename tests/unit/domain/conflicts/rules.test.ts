// Boundary tests, rule by rule: touching, containing, identical, cross-midnight, DST day, edges.
import { describe, expect, it } from "vitest";
import { RULES, checkProgramme, type RuleId } from "~/domain/conflicts";
import { localInterval } from "~/domain/time";
import { DAYS, TALK, ZONE, at, check, keys, person, placed, programme, room, session, speaker } from "./fixtures";

const D1 = "2016-03-26";
const DST = "2016-03-27"; // 23 hours
const D3 = "2016-03-28";

describe("ROOM_OVERLAP", () => {
  const two = (a: [string, string], b: [string, string], roomB = "A") =>
    check(programme({ sessions: [placed("s1", "A", D1, ...a), placed("s2", roomB, D1, ...b)] }), "ROOM_OVERLAP");

  it("touching sessions do not overlap", () => {
    expect(two(["10:00", "10:30"], ["10:30", "11:00"])).toEqual([]);
    expect(two(["10:30", "11:00"], ["10:00", "10:30"])).toEqual([]);
  });

  it("partial overlap: one conflict on the intersection, blocking, with a French and English message", () => {
    const [c] = two(["10:00", "11:00"], ["10:30", "11:30"]);
    expect(c).toMatchObject({
      rule: "ROOM_OVERLAP",
      level: "block",
      key: "ROOM_OVERLAP|s1,s2",
      sessions: ["s1", "s2"],
      rooms: ["A"],
      people: [],
      interval: { start: at(D1, "10:30"), end: at(D1, "11:00") },
      acknowledged: false,
    });
    expect(c.message.fr).toBe("Salle A est occupée deux fois le 26/03 de 10:30 à 11:00 : « Titre s1 » et « Titre s2 »");
    expect(c.message.en).toBe("Salle A is booked twice on 26/03 from 10:30 to 11:00: “Titre s1” and “Titre s2”"); // titles in the main language
  });

  it("containment and identical intervals", () => {
    expect(two(["10:00", "12:00"], ["10:30", "11:00"])[0].interval).toEqual({ start: at(D1, "10:30"), end: at(D1, "11:00") });
    expect(two(["10:00", "11:00"], ["10:00", "11:00"])).toHaveLength(1);
  });

  it("sessions in different rooms do not clash", () => {
    expect(two(["10:00", "11:00"], ["10:00", "11:00"], "B")).toEqual([]);
  });

  it("across midnight", () => {
    const c = check(
      programme({ sessions: [placed("s1", "A", D1, "23:30", "00:30"), placed("s2", "A", DST, "00:00", "01:00")] }),
      "ROOM_OVERLAP",
    );
    expect(c).toHaveLength(1);
    expect(c[0].interval).toEqual({ start: at(DST, "00:00"), end: at(DST, "00:30") });
    expect(c[0].message.fr).toContain("le 27/03 de 00:00 à 00:30");
  });

  it("on the DST day, by real time: 01:30–03:00 lasts 30 minutes and touches 03:00–04:00", () => {
    const sessions = [placed("s1", "A", DST, "01:30", "03:00"), placed("s2", "A", DST, "03:00", "04:00")];
    expect(check(programme({ sessions }), "ROOM_OVERLAP")).toEqual([]);
    const longer = [placed("s1", "A", DST, "01:30", "03:30"), placed("s2", "A", DST, "03:00", "04:00")];
    expect(check(programme({ sessions: longer }), "ROOM_OVERLAP")[0].interval).toEqual({ start: at(DST, "03:00"), end: at(DST, "03:30") });
  });

  it("blocked times and pauses count; touching ones do not; adjacent blocks merge", () => {
    const pause = localInterval(D1, "12:30", "13:00", ZONE);
    const more = localInterval(D1, "13:00", "13:30", ZONE);
    const rooms = [room("A", { blocked: [more, pause] })];
    expect(check(programme({ rooms, sessions: [placed("s1", "A", D1, "12:00", "12:30")] }), "ROOM_OVERLAP")).toEqual([]);
    expect(check(programme({ rooms, sessions: [placed("s1", "A", D1, "13:30", "14:00")] }), "ROOM_OVERLAP")).toEqual([]);
    const [c, ...rest] = check(programme({ rooms, sessions: [placed("s1", "A", D1, "12:00", "14:00")] }), "ROOM_OVERLAP");
    expect(rest).toEqual([]);
    expect(c.key).toBe(`ROOM_OVERLAP|s1|blocked:A:${pause.start}-${more.end}`);
    expect(c.interval).toEqual({ start: pause.start, end: more.end });
    expect(c.message.fr).toBe("« Titre s1 » est programmée dans Salle A pendant un créneau bloqué (le 26/03 de 12:30 à 13:30)");
  });

  it("ignores cancelled and unplaced sessions", () => {
    const sessions = [
      placed("s1", "A", D1, "10:00", "11:00"),
      placed("s2", "A", D1, "10:00", "11:00", { status: "cancelled" }),
      session("s3", { roomId: "A", start: at(D1, "10:00") }),
    ];
    expect(check(programme({ sessions }), "ROOM_OVERLAP")).toEqual([]);
  });
});

describe("SPEAKER_OVERLAP", () => {
  const withP1 = (a: [string, string, string], b: [string, string, string], extra = {}) =>
    check(
      programme({
        sessions: [
          placed("s1", a[0], D1, a[1], a[2], { people: [speaker("p1")] }),
          placed("s2", b[0], D1, b[1], b[2], { people: [speaker("p1", { role: "moderator" }), speaker("p2")] }),
        ],
        ...extra,
      }),
      "SPEAKER_OVERLAP",
    );

  it("one person in two overlapping sessions, in any role", () => {
    const [c] = withP1(["A", "10:00", "11:00"], ["B", "10:30", "11:30"]);
    expect(c).toMatchObject({ level: "error", key: "SPEAKER_OVERLAP|s1,s2|p1", people: ["p1"], rooms: ["A", "B"] });
    expect(c.message.fr).toBe(
      "Public p1 est dans deux sessions en même temps le 26/03 de 10:30 à 11:00 : « Titre s1 » (Salle A) et « Titre s2 » (Salle B)",
    );
  });

  it("touching sessions, containment, identical", () => {
    expect(withP1(["A", "10:00", "11:00"], ["B", "11:00", "12:00"])).toEqual([]);
    expect(withP1(["A", "10:00", "12:00"], ["B", "10:30", "11:00"])).toHaveLength(1);
    expect(withP1(["A", "10:00", "11:00"], ["A", "10:00", "11:00"])).toHaveLength(1);
  });

  it("a person listed twice on one session does not clash with itself", () => {
    const sessions = [placed("s1", "A", D1, "10:00", "11:00", { people: [speaker("p1"), speaker("p1", { role: "moderator" })] })];
    expect(check(programme({ sessions }), "SPEAKER_OVERLAP")).toEqual([]);
  });

  it("across midnight", () => {
    const sessions = [
      placed("s1", "A", D1, "23:00", "00:30", { people: [speaker("p1")] }),
      placed("s2", "B", DST, "00:15", "01:00", { people: [speaker("p1")] }),
    ];
    expect(keys(check(programme({ sessions }), "SPEAKER_OVERLAP"))).toEqual(["SPEAKER_OVERLAP|s1,s2|p1"]);
  });
});

describe("SPEAKER_CHANGEOVER", () => {
  const gap = (endA: string, startB: string, over: Parameters<typeof programme>[0] = {}, roomB = "B") =>
    check(
      programme({
        sessions: [
          placed("s1", "A", D1, "10:00", endA, { people: [speaker("p1")] }),
          placed("s2", roomB, D1, startB, "12:00", { people: [speaker("p1")] }),
        ],
        ...over,
      }),
      "SPEAKER_CHANGEOVER",
    );

  it("uses the edition's changeover when no walking time is given: 9 minutes is too short, 10 is enough", () => {
    const [c] = gap("11:00", "11:09");
    expect(c).toMatchObject({ level: "warning", key: "SPEAKER_CHANGEOVER|s1,s2|p1", interval: { start: at(D1, "11:00"), end: at(D1, "11:09") } });
    expect(c.message.fr).toContain("n’a que 9 min pour aller de Salle A");
    expect(gap("11:00", "11:10")).toEqual([]);
    expect(gap("11:00", "11:00")).toHaveLength(1); // touching, different rooms
  });

  it("same room needs no changeover; overlapping sessions are SPEAKER_OVERLAP instead", () => {
    expect(gap("11:00", "11:00", {}, "A")).toEqual([]);
    expect(gap("11:30", "11:00")).toEqual([]);
  });

  it("uses the walking time from the first room to the second (asymmetric), and the edition's setting", () => {
    const rooms = [room("A", { walkingMinutes: { B: 15 } }), room("B", { walkingMinutes: { A: 2 } })];
    expect(gap("11:00", "11:14", { rooms })).toHaveLength(1);
    expect(gap("11:00", "11:15", { rooms })).toEqual([]);
    const edition = programme().edition;
    expect(gap("11:00", "11:20", { edition: { ...edition, changeoverMinutes: 30 } })).toHaveLength(1);
  });

  it("across midnight", () => {
    const sessions = [
      placed("s1", "A", D1, "23:00", "00:00", { people: [speaker("p1")] }),
      placed("s2", "B", DST, "00:05", "01:00", { people: [speaker("p1")] }),
    ];
    expect(check(programme({ sessions }), "SPEAKER_CHANGEOVER")).toHaveLength(1);
  });
});

describe("SPEAKER_UNAVAILABLE", () => {
  const morning = localInterval(D1, "09:00", "12:00", ZONE);
  const afternoon = localInterval(D1, "12:00", "18:00", ZONE);
  const run = (from: string, to: string, availability = [morning]) =>
    check(
      programme({ people: [person("p1", { availability })], sessions: [placed("s1", "A", D1, from, to, { people: [speaker("p1")] })] }),
      "SPEAKER_UNAVAILABLE",
    );

  it("inside the window up to its edges is fine; one minute out is not", () => {
    expect(run("09:00", "12:00")).toEqual([]);
    expect(run("08:59", "10:00")).toHaveLength(1);
    expect(run("11:00", "12:01")[0]).toMatchObject({ level: "error", key: "SPEAKER_UNAVAILABLE|s1|p1", people: ["p1"] });
  });

  it("adjacent windows join; a person who gave none is always available", () => {
    expect(run("11:00", "13:00", [afternoon, morning])).toEqual([]);
    expect(run("03:00", "04:00", [])).toEqual([]);
  });

  it("an unknown person is reported here, at least as an error, even with the rule off", () => {
    const input = programme({ levels: { SPEAKER_UNAVAILABLE: "off" }, sessions: [session("s1", { status: "draft", people: [speaker("ghost")] })] });
    const [c] = check(input, "SPEAKER_UNAVAILABLE");
    expect(c).toMatchObject({ level: "error", key: "SPEAKER_UNAVAILABLE|s1|ghost", interval: null });
    expect(c.message.en).toBe("“Titre s1” names an unknown person (ghost)");
  });
});

describe("SPEAKER_DECLINED and SPEAKER_UNCONFIRMED", () => {
  it("a declined person still on a session is an error, placed or not; cancelled sessions are ignored", () => {
    const sessions = [
      session("s1", { status: "draft", people: [speaker("p1", { confirmation: "declined" })] }),
      placed("s2", "A", D1, "10:00", "11:00", { people: [speaker("p2", { confirmation: "declined" })] }),
      session("s3", { status: "cancelled", people: [speaker("p3", { confirmation: "declined" })] }),
      placed("s4", "A", D1, "11:00", "12:00", { people: [speaker("p3")] }),
    ];
    const found = check(programme({ sessions }), "SPEAKER_DECLINED");
    expect(keys(found)).toEqual(["SPEAKER_DECLINED|s2|p2", "SPEAKER_DECLINED|s1|p1"]); // with an interval first
    expect(found[1].message.fr).toBe("Public p1 a décliné « Titre s1 » mais y figure encore");
  });

  it("pending and must-reconfirm people on scheduled sessions are warnings; unplaced sessions are not checked", () => {
    const sessions = [
      placed("s1", "A", D1, "10:00", "11:00", { people: [speaker("p1", { confirmation: "pending" })] }),
      placed("s2", "B", D1, "10:00", "11:00", { people: [speaker("p2", { confirmation: "must_reconfirm" })] }),
      session("s3", { people: [speaker("p3", { confirmation: "pending" })] }),
    ];
    const found = check(programme({ sessions }), "SPEAKER_UNCONFIRMED");
    expect(keys(found)).toEqual(["SPEAKER_UNCONFIRMED|s1|p1", "SPEAKER_UNCONFIRMED|s2|p2"]);
    expect(found[0].level).toBe("warning");
    expect(found[1].message.fr).toBe("Public p2 doit confirmer à nouveau « Titre s2 », qui a changé");
  });
});

describe("SPEAKER_DAILY_LOAD", () => {
  const day = (n: number, date = D1, from = 9) =>
    Array.from({ length: n }, (_, k) =>
      placed(`${date}-${k}`, "A", date, `${String(from + k).padStart(2, "0")}:00`, `${String(from + k).padStart(2, "0")}:30`, { people: [speaker("p1")] }),
    );

  it("three sessions a day is the default limit; a fourth is one warning naming all four", () => {
    expect(check(programme({ sessions: day(3) }), "SPEAKER_DAILY_LOAD")).toEqual([]);
    const [c, ...rest] = check(programme({ sessions: day(4) }), "SPEAKER_DAILY_LOAD");
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ level: "warning", key: `SPEAKER_DAILY_LOAD|p1|${D1}`, people: ["p1"], sessions: day(4).map((s) => s.id) });
    expect(c.message.fr).toMatch(/^Public p1 a 4 sessions le 26 mars 2016 \(maximum 3\)/);
    expect(c.message.en).toMatch(/^Public p1 has 4 sessions on 26 March 2016 \(limit 3\)/);
  });

  it("a late-night session belongs to the day it started", () => {
    const late = placed("late", "A", D1, "23:30", "00:30", { people: [speaker("p1")] });
    const early = placed("early", "A", DST, "00:30", "01:00", { people: [speaker("p1")] });
    expect(keys(check(programme({ sessions: [...day(3), late] }), "SPEAKER_DAILY_LOAD"))).toEqual([`SPEAKER_DAILY_LOAD|p1|${D1}`]);
    expect(check(programme({ sessions: [...day(3), early] }), "SPEAKER_DAILY_LOAD")).toEqual([]);
  });

  it("counts by local day on the DST day, and follows the edition's limit", () => {
    const dst = day(4, DST, 3); // 03:00 to 06:30 on the 23-hour day
    expect(keys(check(programme({ sessions: dst }), "SPEAKER_DAILY_LOAD"))).toEqual([`SPEAKER_DAILY_LOAD|p1|${DST}`]);
    const edition = { ...programme().edition, dailySessionLimit: 4 };
    expect(check(programme({ edition, sessions: dst }), "SPEAKER_DAILY_LOAD")).toEqual([]);
  });
});

describe("ROOM_CLOSED", () => {
  const open = [localInterval(D1, "09:00", "12:00", ZONE), localInterval(D1, "12:00", "19:00", ZONE), localInterval(D1, "21:00", "01:45", ZONE)];
  const run = (from: string, to: string, date = D1) =>
    check(programme({ rooms: [room("A", { openingHours: open })], sessions: [placed("s1", "A", date, from, to)] }), "ROOM_CLOSED");

  it("opening-hours edges: opening and closing times are inside; a minute beyond is not", () => {
    expect(run("09:00", "10:00")).toEqual([]);
    expect(run("18:00", "19:00")).toEqual([]);
    expect(run("08:59", "10:00")).toHaveLength(1);
    const [c] = run("18:30", "19:01");
    expect(c).toMatchObject({ level: "error", key: "ROOM_CLOSED|s1" });
    expect(c.message.fr).toBe("« Titre s1 » a lieu le 26/03 de 18:30 à 19:01, en dehors des heures d’ouverture de Salle A");
  });

  it("adjacent windows join; opening hours across midnight hold a late-night session", () => {
    expect(run("11:00", "13:00")).toEqual([]);
    expect(run("23:30", "01:30")).toEqual([]);
    expect(run("01:30", "03:30", DST)).toHaveLength(1); // 01:45 closing, on the DST night
  });

  it("a room without opening hours is not restricted", () => {
    expect(check(programme({ sessions: [placed("s1", "A", D1, "03:00", "04:00")] }), "ROOM_CLOSED")).toEqual([]);
  });

  it("an unknown room is reported here at least as an error, even with the rule off", () => {
    const input = programme({ levels: { ROOM_CLOSED: "off" }, sessions: [placed("s1", "nowhere", D1, "10:00", "11:00")] });
    const [c] = checkProgramme(input);
    expect(c).toMatchObject({ rule: "ROOM_CLOSED", level: "error", rooms: ["nowhere"] });
    expect(c.message.en).toBe("“Titre s1” is placed in an unknown room (nowhere)");
  });
});

describe("ROOM_CAPACITY and ROOM_FEATURES", () => {
  it("an audience equal to the capacity fits; one more does not", () => {
    const rooms = [room("A", { capacity: 50 })];
    const run = (expectedAudience: number | null) =>
      check(programme({ rooms, sessions: [placed("s1", "A", D1, "10:00", "11:00", { expectedAudience })] }), "ROOM_CAPACITY");
    expect(run(50)).toEqual([]);
    expect(run(null)).toEqual([]);
    const [c] = run(51);
    expect(c.level).toBe("warning");
    expect(c.message.fr).toBe("« Titre s1 » attend 51 personnes mais Salle A n’en accueille que 50");
    expect(check(programme({ sessions: [placed("s1", "A", D1, "10:00", "11:00", { expectedAudience: 5000 })] }), "ROOM_CAPACITY")).toEqual([]);
  });

  it("the room must have every feature the format needs", () => {
    const formats = [{ ...TALK, requiredFeatures: ["video", "piano"] }];
    const s = placed("s1", "A", D1, "10:00", "11:00", { formatId: "talk", people: [speaker("p1")] });
    expect(check(programme({ formats, rooms: [room("A", { features: ["piano", "video", "stage"] })], sessions: [s] }), "ROOM_FEATURES")).toEqual([]);
    const [c] = check(programme({ formats, rooms: [room("A", { features: ["video"] })], sessions: [s] }), "ROOM_FEATURES");
    expect(c.level).toBe("error");
    expect(c.message.fr).toBe("Salle A n’a pas ce que demande le format de « Titre s1 » : piano");
  });
});

describe("FORMAT_DURATION", () => {
  const run = (from: string, to: string, date = D1) =>
    check(programme({ sessions: [placed("s1", "A", date, from, to, { formatId: "talk", people: [speaker("p1")] })] }), "FORMAT_DURATION");

  it("lengths at the format's minimum and maximum are fine; one minute outside is a warning", () => {
    expect(run("10:00", "10:30")).toEqual([]);
    expect(run("10:00", "11:30")).toEqual([]);
    expect(run("10:00", "10:29")[0].level).toBe("warning");
    expect(run("10:00", "11:31")[0].message.fr).toBe("« Titre s1 » dure 91 min, hors de la durée de son format Conférence (30 à 90 min)");
  });

  it("measures real time on the DST day: 01:30–03:30 lasts one hour", () => {
    expect(run("01:30", "03:30", DST)).toEqual([]);
    expect(run("01:45", "03:10", DST)).toHaveLength(1); // 25 minutes
  });

  it("a session with end <= start is reported here at least as an error, even with the rule off, and nowhere else", () => {
    const start = at(D1, "10:00");
    for (const end of [start, start - 60_000]) {
      const input = programme({ levels: { FORMAT_DURATION: "off" }, sessions: [session("s1", { roomId: "A", start, end }), placed("s2", "A", D1, "09:00", "11:00")] });
      const found = checkProgramme(input);
      expect(found.map((c) => [c.rule, c.level, c.key])).toEqual([["FORMAT_DURATION", "error", "FORMAT_DURATION|s1"]]);
      expect(found[0].message.fr).toBe("« Titre s1 » a une fin qui n’est pas après son début");
    }
  });
});

describe("FORMAT_ROLES", () => {
  const run = (speakers: number, extra: ReturnType<typeof speaker>[] = []) =>
    check(
      programme({
        sessions: [session("s1", { formatId: "talk", people: [...Array.from({ length: speakers }, (_, k) => speaker(`p${k + 1}`)), ...extra] })],
      }),
      "FORMAT_ROLES",
    );

  it("counts per role at min-1, min, max and max+1", () => {
    expect(run(0)).toHaveLength(1);
    expect(run(1)).toEqual([]);
    expect(run(2)).toEqual([]);
    const [c] = run(3);
    expect(c).toMatchObject({ level: "error", people: ["p1", "p2", "p3"], interval: null });
    expect(c.message.fr).toBe("« Titre s1 » ne respecte pas les rôles du format Conférence : intervenant·e 3 (attendu 1 à 2)");
  });

  it("optional roles (min 0) and roles the format does not list", () => {
    expect(run(1, [speaker("p2", { role: "moderator" })])).toEqual([]);
    expect(run(1, [speaker("p2", { role: "moderator" }), speaker("p3", { role: "moderator" })])).toHaveLength(1);
    expect(run(1, [speaker("p2", { role: "artist" })])[0].message.en).toContain("artist 1 (expected 0)");
  });

  it("a format that lists no roles imposes no role rule: nobody, one speaker or any mix of roles", () => {
    const OPEN = { ...TALK, id: "open", roles: [] };
    const run = (people: ReturnType<typeof speaker>[]) =>
      check(programme({ formats: [OPEN], sessions: [session("s1", { formatId: "open", people })] }), "FORMAT_ROLES");
    expect(run([])).toEqual([]);
    expect(run([speaker("p1")])).toEqual([]);
    expect(run([speaker("p1"), speaker("p2", { role: "artist" }), speaker("p3", { role: "moderator" })])).toEqual([]);
  });

  it("an unknown format is reported here at least as an error, even with the rule off", () => {
    const input = programme({ levels: { FORMAT_ROLES: "off" }, sessions: [session("s1", { status: "draft", formatId: "opera" })] });
    expect(checkProgramme(input).map((c) => [c.rule, c.level])).toEqual([["FORMAT_ROLES", "error"]]);
  });
});

describe("OUTSIDE_EDITION", () => {
  const run = (start: number, end: number) => check(programme({ sessions: [session("s1", { roomId: "A", start, end })] }), "OUTSIDE_EDITION");
  const first = DAYS[0].start;
  const last = DAYS[DAYS.length - 1].end;

  it("starts at the first instant of the edition: inside; a minute before: outside", () => {
    expect(run(first, first + 3_600_000)).toEqual([]);
    expect(run(first - 60_000, first + 3_600_000)[0]).toMatchObject({ level: "error", key: "OUTSIDE_EDITION|s1" });
  });

  it("a late-night session on the last day may end after midnight; one starting at midnight is outside", () => {
    expect(run(at(D3, "23:30"), last + 3_600_000)).toEqual([]);
    expect(run(last, last + 3_600_000)).toHaveLength(1);
  });

  it("a session on the DST day is inside", () => {
    expect(run(at(DST, "03:00"), at(DST, "04:00"))).toEqual([]);
  });
});

describe("THEME_PARALLEL and ORGANISATION_PARALLEL", () => {
  it("two sessions of one theme at the same time; touching or of other themes do not count", () => {
    const s = (id: string, roomId: string, from: string, to: string, themeId: string | null) => placed(id, roomId, D1, from, to, { themeId });
    const found = check(programme({ sessions: [s("s1", "A", "10:00", "11:00", "t1"), s("s2", "B", "10:30", "11:30", "t1"), s("s3", "C", "11:30", "12:00", "t1"), s("s4", "C", "10:00", "11:00", "t2"), s("s5", "B", "09:00", "10:30", null)] }), "THEME_PARALLEL");
    expect(found.map((c) => [c.key, c.level])).toEqual([["THEME_PARALLEL|s1,s2", "info"]]);
    expect(found[0].message.fr).toBe("« Titre s1 » et « Titre s2 », du même thème Données, ont lieu en même temps le 26/03 de 10:30 à 11:00");
  });

  it("two sessions at the same time with people of one organisation: one conflict per pair naming those people", () => {
    const people = [person("p1", { organisationId: "o1" }), person("p2", { organisationId: "o1" }), person("p3", { organisationId: "o2" }), person("p4")];
    const sessions = [
      placed("s1", "A", D1, "10:00", "11:00", { people: [speaker("p1"), speaker("p3")] }),
      placed("s2", "B", D1, "10:00", "11:00", { people: [speaker("p2"), speaker("p4")] }),
      placed("s3", "C", D1, "11:00", "12:00", { people: [speaker("p2")] }),
    ];
    const found = check(programme({ people, sessions }), "ORGANISATION_PARALLEL");
    expect(found.map((c) => [c.key, c.people])).toEqual([["ORGANISATION_PARALLEL|s1,s2", ["p1", "p2"]]]);
  });
});

describe("PUBLIC_INFO_MISSING", () => {
  it("a scheduled public session needs a title and abstract in the main language, and public names and bios", () => {
    const sessions = [
      placed("s1", "A", D1, "10:00", "11:00", { isPublic: true, title: { fr: "  ", en: "Title" }, people: [speaker("p1")] }),
      placed("s2", "B", D1, "10:00", "11:00", { isPublic: true, people: [speaker("p2")] }),
      placed("s3", "C", D1, "10:00", "11:00", { isPublic: false, title: { fr: null, en: null } }),
      session("s4", { isPublic: true, title: { fr: null, en: null } }),
    ];
    const people = [person("p1"), person("p2", { publicName: null, bio: { fr: null, en: "Bio" } })];
    const found = check(programme({ people, sessions }), "PUBLIC_INFO_MISSING");
    expect(found.map((c) => [c.key, c.people])).toEqual([["PUBLIC_INFO_MISSING|s1", []], ["PUBLIC_INFO_MISSING|s2", ["p2"]]]);
    expect(found[0].message.fr).toBe("« Title » est publique mais il manque : le titre (fr)");
    expect(found[1].message.fr).toBe("« Titre s2 » est publique mais il manque : le nom public de Nom p2, la bio (fr) de Nom p2");
    const english = { ...programme().edition, mainLanguage: "en" as const };
    expect(check(programme({ edition: english, people, sessions }), "PUBLIC_INFO_MISSING").map((c) => c.key)).toEqual(["PUBLIC_INFO_MISSING|s2"]);
  });
});

describe("UNSCHEDULED", () => {
  it("accepted (or scheduled) sessions without room or time; not drafts, cancelled or placed ones", () => {
    const sessions = [
      session("s1", { status: "accepted" }),
      session("s2", { status: "accepted", roomId: "A" }),
      session("s3", { status: "draft" }),
      session("s4", { status: "cancelled" }),
      placed("s5", "A", D1, "10:00", "11:00", { status: "accepted" }),
    ];
    const found = check(programme({ sessions }), "UNSCHEDULED");
    expect(found.map((c) => [c.key, c.level, c.interval])).toEqual([["UNSCHEDULED|s1", "info", null], ["UNSCHEDULED|s2", "info", null]]);
    expect(found[0].message.en).toBe("“Titre s1” is accepted but has no room or time yet");
  });
});

describe("levels", () => {
  const busy = () => [
    placed("s1", "A", D1, "10:00", "11:00", { themeId: "t1", formatId: "talk", isPublic: true, title: { fr: null, en: null }, people: [speaker("p1", { confirmation: "pending" })] }),
    placed("s2", "A", D1, "10:30", "11:30", { themeId: "t1", people: [speaker("p1", { confirmation: "declined" }), speaker("p2", { role: "artist" })] }),
    session("s3", { status: "accepted" }),
  ];

  it("a rule at off produces nothing; every rule off leaves nothing for well-formed data", () => {
    const all = checkProgramme(programme({ sessions: busy() }));
    expect(new Set(all.map((c) => c.rule)).size).toBeGreaterThan(5);
    for (const rule of RULES) {
      const found = checkProgramme(programme({ sessions: busy(), levels: { [rule]: "off" } }));
      expect(found.filter((c) => c.rule === rule)).toEqual([]);
      expect(found.length).toBe(all.filter((c) => c.rule !== rule).length);
    }
    const off = Object.fromEntries(RULES.map((r) => [r, "off"])) as Record<RuleId, "off">;
    expect(checkProgramme(programme({ sessions: busy(), levels: off }))).toEqual([]);
  });

  it("an override is respected, both ways", () => {
    const found = checkProgramme(programme({ sessions: busy(), levels: { ROOM_OVERLAP: "warning", THEME_PARALLEL: "block" } }));
    expect(found.find((c) => c.rule === "ROOM_OVERLAP")?.level).toBe("warning");
    expect(found[0]).toMatchObject({ rule: "THEME_PARALLEL", level: "block" });
  });

  it("orders by level, then rule, then start (none last), then the sessions named, then key", () => {
    const found = checkProgramme(programme({ sessions: busy() }));
    const rank = ["block", "error", "warning", "info"];
    for (let i = 1; i < found.length; i++) {
      const a = found[i - 1];
      const b = found[i];
      const order =
        rank.indexOf(a.level) - rank.indexOf(b.level) ||
        RULES.indexOf(a.rule) - RULES.indexOf(b.rule) ||
        (a.interval?.start ?? Infinity) - (b.interval?.start ?? Infinity) ||
        (a.sessions.join(" ") !== b.sessions.join(" ") ? (a.sessions.join(" ") < b.sessions.join(" ") ? -1 : 1) : 0) ||
        (a.key < b.key ? -1 : 1);
      expect(order).toBeLessThan(0);
    }
    expect(found[0].rule).toBe("ROOM_OVERLAP");
    expect(found[found.length - 1].rule).toBe("UNSCHEDULED");
  });
});
