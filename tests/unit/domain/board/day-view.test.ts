// One day of the board from a programme and its conflicts: no database, no server.
import { describe, expect, it } from "vitest";
import { dayView, type BoardSource } from "~/domain/board/day-view";
import { checkProgramme, type ProgrammeInput } from "~/domain/conflicts";
import { at, DAYS, placed, person, programme, room, session, speaker, ZONE } from "../conflicts/fixtures";

function sourceOf(input: ProgrammeInput, versions: Record<string, number> = {}): BoardSource {
  return {
    input,
    timeZone: ZONE,
    conflicts: checkProgramme(input),
    versionOf: (uuid) => versions[uuid] ?? 1,
    themeColours: new Map([["t1", "#123456"]]),
    placementText: (p) => (p.roomId === null ? "nowhere" : `${p.roomId}@${p.start}`),
  };
}

const [SAT, SUN] = [DAYS[0]!, DAYS[1]!];

describe("dayView", () => {
  it("puts the day's placed sessions on the grid by start, the unplaced in the tray by title, and leaves other days out", () => {
    const input = programme({
      sessions: [
        placed("late", "A", "2016-03-26", "14:00", "15:00", { title: { fr: "Tard", en: "Late" }, themeId: "t1" }),
        placed("early", "B", "2016-03-26", "09:00", "10:00", { title: { fr: "Tôt", en: "Early" }, people: [speaker("p1", { confirmation: "pending" })] }),
        placed("sunday", "A", "2016-03-27", "10:00", "11:00"),
        session("zulu", { status: "accepted", title: { fr: "Zoulou", en: "Zulu" }, formatId: "talk" }),
        session("alpha", { status: "accepted", title: { fr: "Alpha", en: "Alpha" } }),
        session("gone", { status: "cancelled" }),
      ],
    });
    const view = dayView(sourceOf(input, { early: 4 }), "fr", SAT, 30);
    expect(view.cards.map((c) => c.id)).toEqual(["early", "late"]);
    expect(view.unplaced.map((u) => u.card.title)).toEqual(["Alpha", "Zoulou"]);
    const early = view.cards[0]!;
    expect(early).toMatchObject({ version: 4, roomId: "B", startLabel: "09:00", endLabel: "10:00", minutes: 60, unconfirmed: 1 });
    expect(early.people).toEqual([{ name: "Public p1", role: "speaker", confirmation: "pending" }]);
    expect(view.cards[1]!.theme).toEqual({ id: "t1", name: "Données", colour: "#123456" });
    // A tray card takes its format's default duration.
    expect(view.unplaced[1]!.card.minutes).toBe(60);
    expect(view.cardOf.has("sunday")).toBe(false);
    expect(view.days.map((d) => d.date)).toEqual(["2016-03-26", "2016-03-27", "2016-03-28"]);
    expect(view.dates).toEqual({ first: "2016-03-26", last: "2016-03-28" });
  });

  it("spans whole hours around the rooms' opening hours and the day's sessions, with rows of the chosen step", () => {
    const input = programme({
      rooms: [room("A", { openingHours: [{ start: at("2016-03-26", "10:00"), end: at("2016-03-26", "12:00") }] }), room("B")],
      sessions: [placed("s", "B", "2016-03-26", "12:30", "13:15")],
    });
    const view = dayView(sourceOf(input), "en", SAT, 60);
    expect(view.grid.start).toBe(at("2016-03-26", "10:00"));
    expect(view.grid.end).toBe(at("2016-03-26", "14:00"));
    expect(view.grid.rows.map((r) => r.time)).toEqual(["10:00", "11:00", "12:00", "13:00"]);
    expect(view.rooms.map((r) => [r.id, r.restricted, r.open.length])).toEqual([
      ["A", true, 1],
      ["B", false, 0],
    ]);
  });

  it("runs 08:00–20:00 on a day with nothing, in local time across the spring-forward night", () => {
    const view = dayView(sourceOf(programme()), "fr", SUN, 60);
    // The 27th has 23 hours: rows are instants an hour apart, labelled in local time.
    expect(view.grid.rows[0]).toMatchObject({ date: "2016-03-27", time: "09:00" });
    expect(view.grid.rows).toHaveLength(12);
  });

  it("lists a conflict once for the panel and on each of its cards, the same object", () => {
    const input = programme({
      sessions: [placed("a", "A", "2016-03-26", "10:00", "11:00"), placed("b", "A", "2016-03-26", "10:30", "11:30")],
    });
    const view = dayView(sourceOf(input), "en", SAT, 30);
    const overlap = view.panel.find((c) => c.rule === "ROOM_OVERLAP")!;
    expect(overlap.sessions.map((s) => s.id).sort()).toEqual(["a", "b"]);
    expect(view.cardOf.get("a")!.conflicts).toContain(overlap);
    expect(view.cardOf.get("b")!.conflicts).toContain(overlap);
    expect(overlap.message).toMatch(/\S/);
  });

  it("flags a placed session outside the edition's days, with where it is", () => {
    const input = programme({
      people: [person("p1")],
      sessions: [placed("before", "A", "2016-03-20", "10:00", "11:00")],
    });
    const view = dayView(sourceOf(input), "fr", SAT, 30);
    expect(view.outside.map((o) => [o.card.id, o.where])).toEqual([["before", `A@${at("2016-03-20", "10:00")}`]]);
    expect(view.cards).toEqual([]);
  });

  it("shares one theme and one person object between cards", () => {
    const input = programme({
      sessions: [
        placed("a", "A", "2016-03-26", "10:00", "11:00", { themeId: "t1", people: [speaker("p1")] }),
        placed("b", "B", "2016-03-26", "10:00", "11:00", { themeId: "t1", people: [speaker("p1")] }),
      ],
    });
    const [a, b] = dayView(sourceOf(input), "fr", SAT, 30).cards;
    expect(a!.theme).toBe(b!.theme);
    expect(a!.people[0]).toBe(b!.people[0]);
  });
});
