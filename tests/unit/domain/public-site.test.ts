// The public site's pure parts: the canonical query of a programme page (unknown values dropped,
// one order) and the timetable grid of a day (steps, spans, overlaps, midnight).
import { describe, expect, it } from "vitest";
import type { PublicProgramme, PublicSession } from "~/domain/exports";
import { programmeQuery, querySearch, timetableOf, webcalUrl } from "~/domain/exports/site";

const ROOMS: PublicProgramme["rooms"] = [
  { id: "r-b", numericId: 2, name: "B", capacity: null, position: 2 },
  { id: "r-a", numericId: 1, name: "A", capacity: null, position: 1 },
  { id: "r-c", numericId: 3, name: "C", capacity: null, position: 3 },
];

function session(id: string, roomId: string, start: string, end: string): PublicSession {
  return {
    id, numericId: 1, slug: id, title: { fr: id, en: null }, abstract: { fr: null, en: null }, formatId: null, themeId: null,
    language: "fr", roomId, start: `${start}+01:00`, end: `${end}+01:00`, durationMinutes: 0, sequence: 0, people: [],
  };
}

describe("timetableOf", () => {
  it("puts rooms used that day in their order, in steps dividing every time, sessions spanning their rows", () => {
    const grid = timetableOf(
      [session("s1", "r-b", "2016-03-09T09:00:00", "2016-03-09T10:30:00"), session("s2", "r-a", "2016-03-09T09:30:00", "2016-03-09T10:00:00")],
      ROOMS,
      "2016-03-09",
    );
    expect(grid.rooms.map((r) => r.name)).toEqual(["A", "B"]);
    expect(grid.rows.map((r) => r.time)).toEqual(["09:00", "09:30", "10:00"]);
    expect(grid.rows[0]!.cells).toEqual([null, { session: expect.objectContaining({ id: "s1" }), rows: 3 }]);
    expect(grid.rows[1]!.cells).toEqual([{ session: expect.objectContaining({ id: "s2" }), rows: 1 }, "covered"]);
    expect(grid.rows[2]!.cells).toEqual([null, "covered"]);
  });

  it("uses 5-minute steps at least, keeps the first of two overlapping sessions in a room, ends a session crossing midnight at the day's end", () => {
    const grid = timetableOf(
      [
        session("early", "r-a", "2016-03-09T22:00:00", "2016-03-09T23:01:00"),
        session("overlap", "r-a", "2016-03-09T22:30:00", "2016-03-09T23:00:00"),
        session("late", "r-c", "2016-03-09T23:30:00", "2016-03-10T01:00:00"),
      ],
      ROOMS,
      "2016-03-09",
    );
    // 23:01 allows only 1-minute steps: 5 at least.
    expect(grid.rows[1]!.time).toBe("22:05");
    const placed = grid.rows.flatMap((r) => r.cells).filter((c) => c && c !== "covered") as { session: PublicSession; rows: number }[];
    expect(placed.map((c) => c.session.id)).toEqual(["early", "late"]);
    expect(grid.rows.at(-1)!.time).toBe("23:55");
    expect(placed[1]!.rows).toBe(6);
  });

  it("is empty for a day without sessions", () => {
    expect(timetableOf([], ROOMS, "2016-03-09")).toEqual({ day: "2016-03-09", rooms: [], rows: [] });
  });
});

describe("programmeQuery and querySearch", () => {
  const programme = {
    rooms: ROOMS,
    themes: [{ id: "t-1" }],
    formats: [],
    sessions: [session("s1", "r-a", "2016-03-09T09:00:00", "2016-03-09T10:00:00")],
  } as unknown as PublicProgramme;

  it("keeps known values only, and writes any query in one order", () => {
    const query = programmeQuery(programme, new URLSearchParams("theme=t-1&room=nope&day=2016-03-09&view=timetable&lang=en&format=x"));
    expect(query).toEqual({ view: "timetable", lang: "en", filters: { day: "2016-03-09", room: null, theme: "t-1", format: null } });
    expect(querySearch(query)).toBe("?view=timetable&day=2016-03-09&theme=t-1&lang=en");
    expect(querySearch(programmeQuery(programme, new URLSearchParams("lang=de&view=grid")))).toBe("");
  });

  it("turns an http(s) calendar address into webcal://", () => {
    expect(webcalUrl("https://barouf.example/programme/x/programme.ics")).toBe("webcal://barouf.example/programme/x/programme.ics");
    expect(webcalUrl("http://barouf.test/a.ics")).toBe("webcal://barouf.test/a.ics");
  });
});
