import { describe, expect, it } from "vitest";
import { planTemplate, rowMinutes, rowProblem, slotInterval, slotsByDay, sortTimes, templateProblems } from "~/domain/slots";
import { templateSchema } from "~/schemas/slots";
import { nestFormValues } from "~/utils/forms";

const PARIS = "Europe/Paris";
const utc = (iso: string) => Date.parse(iso);
const GRID = [
  { start: "09:30", end: "10:30" },
  { start: "10:45", end: "11:45" },
];

describe("template rows", () => {
  it("reads an end at or before the start as the next day", () => {
    expect(rowMinutes({ start: "09:30", end: "10:30" })).toEqual({ start: 570, end: 630 });
    expect(rowMinutes({ start: "22:00", end: "01:00" })).toEqual({ start: 1320, end: 1500 });
    expect(rowMinutes({ start: "23:00", end: "00:00" })).toEqual({ start: 1380, end: 1440 });
  });

  it("refuses bad times, an empty slot and one longer than 12 hours (a typo like 10:30–09:30)", () => {
    expect(rowProblem({ start: "9:30", end: "10:30" })).toEqual({ field: "start", code: "invalidTime" });
    expect(rowProblem({ start: "09:30", end: "24:00" })).toEqual({ field: "end", code: "invalidTime" });
    expect(rowProblem({ start: "10:00", end: "10:00" })).toEqual({ field: "end", code: "sameTime" });
    expect(rowProblem({ start: "10:30", end: "09:30" })).toEqual({ field: "end", code: "tooLong" });
    expect(rowProblem({ start: "08:00", end: "20:00" })).toBeNull();
    expect(rowProblem({ start: "08:00", end: "20:01" })).toEqual({ field: "end", code: "tooLong" });
    expect(rowProblem({ start: "20:00", end: "02:00" })).toBeNull();
  });

  it("finds overlapping rows, touching ones being fine, across midnight too", () => {
    expect(templateProblems([...GRID, { start: "11:45", end: "12:45" }]).size).toBe(0);
    const overlap = templateProblems([...GRID, { start: "10:00", end: "10:50" }]);
    expect([...overlap]).toEqual([[2, { field: "start", code: "overlap" }]]);
    // The later row (in the list) is the one blamed, whatever the order of the times.
    expect([...templateProblems([{ start: "11:00", end: "12:00" }, { start: "10:00", end: "11:30" }])]).toEqual([[1, { field: "start", code: "overlap" }]]);
    // 23:00–01:00 runs into the next day's 00:30–02:00.
    expect([...templateProblems([{ start: "00:30", end: "02:00" }, { start: "23:00", end: "01:00" }])]).toEqual([[1, { field: "start", code: "overlap" }]]);
    expect(templateProblems([{ start: "00:00", end: "01:00" }, { start: "23:00", end: "00:00" }]).size).toBe(0);
    // A bad row is reported on its own and left out of the overlap check.
    expect([...templateProblems([{ start: "10:00", end: "10:00" }, { start: "09:00", end: "11:00" }])]).toEqual([[0, { field: "end", code: "sameTime" }]]);
  });

  it("sorts rows by their start", () => {
    expect(sortTimes([GRID[1]!, GRID[0]!])).toEqual(GRID);
  });

  it("the form's schema keeps each error on the row as typed and leaves blank rows out", () => {
    const parsed = templateSchema.safeParse(nestFormValues({
      name: "Journée",
      "times.0.start": "10:45",
      "times.0.end": "11:45",
      "times.1.start": "",
      "times.1.end": "",
      "times.2.start": "09:30",
      "times.2.end": "10:30",
    }));
    expect(parsed.success && parsed.data).toEqual({ name: "Journée", times: GRID });
    const refused = templateSchema.safeParse(nestFormValues({ name: "X", "times.0.start": "09:00", "times.0.end": "10:00", "times.2.start": "09:30", "times.2.end": "", "times.3.start": "09:45", "times.3.end": "10:15" }));
    expect(refused.success).toBe(false);
    const issues = refused.error!.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues).toEqual([
      ["times.2.end", "slots.error.bothTimes"],
      ["times.3.start", "slots.error.overlap"],
    ]);
    const empty = templateSchema.safeParse(nestFormValues({ name: "X", "times.0.start": "", "times.0.end": "" }));
    expect(empty.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["times", "slots.error.noTimes"]]);
  });
});

describe("applying a template", () => {
  const base = { times: GRID, timeZone: PARIS, existing: [], openingHours: [] };

  it("expands rooms × days into UTC instants in the edition's zone", () => {
    const { slots, counts } = planTemplate({ ...base, rooms: ["a", "b"], dates: ["2016-03-09", "2016-03-10"] });
    expect(counts).toEqual({ create: 8, duplicate: 0, overlap: 0, nonexistent: 0, outsideHours: 0 });
    expect(slots[0]).toMatchObject({ room: "a", date: "2016-03-09", start: utc("2016-03-09T08:30:00Z"), end: utc("2016-03-09T09:30:00Z"), status: "create" });
    expect(slots.map((s) => `${s.room} ${s.date} ${s.time.start}`)).toEqual([
      "a 2016-03-09 09:30",
      "a 2016-03-09 10:45",
      "a 2016-03-10 09:30",
      "a 2016-03-10 10:45",
      "b 2016-03-09 09:30",
      "b 2016-03-09 10:45",
      "b 2016-03-10 09:30",
      "b 2016-03-10 10:45",
    ]);
  });

  it("follows the change to summer time in Europe/Paris (27 March 2016): same local times, one hour earlier in UTC", () => {
    const times = [...GRID, { start: "01:30", end: "03:30" }];
    const { slots, counts } = planTemplate({ ...base, times, rooms: ["a"], dates: ["2016-03-26", "2016-03-27"] });
    const on = (date: string, start: string) => slots.find((s) => s.date === date && s.time.start === start)!;
    expect(on("2016-03-26", "09:30")).toMatchObject({ start: utc("2016-03-26T08:30:00Z"), end: utc("2016-03-26T09:30:00Z") });
    expect(on("2016-03-27", "09:30")).toMatchObject({ start: utc("2016-03-27T07:30:00Z"), end: utc("2016-03-27T08:30:00Z") });
    // 01:30–03:30 on the change day really lasts one hour; 02:15 does not exist that day.
    expect(on("2016-03-27", "01:30")).toMatchObject({ start: utc("2016-03-27T00:30:00Z"), end: utc("2016-03-27T01:30:00Z"), status: "create" });
    expect(counts).toMatchObject({ create: 6, nonexistent: 0 });
    const skipped = planTemplate({ ...base, times: [{ start: "02:15", end: "02:45" }], rooms: ["a"], dates: ["2016-03-26", "2016-03-27"] });
    expect(skipped.slots.map((s) => [s.date, s.status, s.start])).toEqual([
      ["2016-03-26", "create", utc("2016-03-26T01:15:00Z")],
      ["2016-03-27", "nonexistent", undefined],
    ]);
    expect(skipped.counts).toMatchObject({ create: 1, nonexistent: 1 });
  });

  it("on the change back to winter time (30 October 2016) a repeated hour is read at its longest", () => {
    const { slots } = planTemplate({ ...base, times: [{ start: "02:00", end: "03:00" }], rooms: ["a"], dates: ["2016-10-30"] });
    expect(slots[0]).toMatchObject({ start: utc("2016-10-30T00:00:00Z"), end: utc("2016-10-30T02:00:00Z") });
  });

  it("skips duplicates and overlaps with the room's slots (and with slots made earlier in the run), not other rooms'", () => {
    const existing = [
      { room: "a", start: utc("2016-03-09T08:30:00Z"), end: utc("2016-03-09T09:30:00Z") }, // 09:30–10:30, identical
      { room: "a", start: utc("2016-03-10T09:00:00Z"), end: utc("2016-03-10T10:00:00Z") }, // 10:00–11:00, overlaps both
      { room: "b", start: utc("2016-03-09T09:30:00Z"), end: utc("2016-03-09T09:45:00Z") }, // 10:30–10:45, between: touches both
    ];
    const { slots, counts } = planTemplate({ ...base, existing, rooms: ["a", "b"], dates: ["2016-03-09", "2016-03-10"] });
    expect(slots.filter((s) => s.room === "a").map((s) => s.status)).toEqual(["duplicate", "create", "overlap", "overlap"]);
    expect(slots.filter((s) => s.room === "b").every((s) => s.status === "create")).toBe(true);
    expect(slots[2]!.clash).toEqual({ start: existing[1]!.start, end: existing[1]!.end });
    expect(counts).toEqual({ create: 5, duplicate: 1, overlap: 2, nonexistent: 0, outsideHours: 0 });

    // A row past midnight overlaps the next day's early row: the second is skipped.
    const late = planTemplate({ ...base, times: [{ start: "00:30", end: "01:30" }, { start: "23:30", end: "01:00" }], rooms: ["a"], dates: ["2016-03-09", "2016-03-10"] });
    expect(late.slots.map((s) => `${s.date} ${s.time.start} ${s.status}`)).toEqual([
      "2016-03-09 00:30 create",
      "2016-03-09 23:30 create",
      "2016-03-10 00:30 overlap",
      "2016-03-10 23:30 create",
    ]);
  });

  it("flags slots outside the room's opening hours; a room without hours is always open", () => {
    const openingHours = [
      { room: "a", date: "2016-03-09", opens: "10:00", closes: "18:00" },
      { room: "a", date: "2016-03-10", opens: "09:00", closes: "18:00" },
    ];
    const { slots, counts } = planTemplate({ ...base, openingHours, rooms: ["a", "b"], dates: ["2016-03-09", "2016-03-10", "2016-03-11"] });
    const outside = slots.filter((s) => s.outsideHours).map((s) => `${s.room} ${s.date} ${s.time.start}`);
    // 09:30 on the 9th is before opening; the 11th has no hours for a room that has hours: closed.
    expect(outside).toEqual(["a 2016-03-09 09:30", "a 2016-03-11 09:30", "a 2016-03-11 10:45"]);
    expect(counts).toMatchObject({ create: 12, outsideHours: 3 });
  });
});

describe("one slot", () => {
  it("turns local times into instants on its date, refusing a time skipped by the clocks", () => {
    expect(slotInterval("2016-03-09", { start: "22:00", end: "01:00" }, PARIS)).toEqual({ start: utc("2016-03-09T21:00:00Z"), end: utc("2016-03-10T00:00:00Z") });
    expect(slotInterval("2016-03-27", { start: "02:30", end: "04:00" }, PARIS)).toEqual({ field: "start", code: "nonexistent" });
    expect(slotInterval("2016-03-27", { start: "01:00", end: "02:30" }, PARIS)).toEqual({ field: "end", code: "nonexistent" });
    expect(slotInterval("2016-03-09", { start: "10:00", end: "10:00" }, PARIS)).toEqual({ field: "end", code: "sameTime" });
  });

  it("groups slots by the local day they start on, rooms in order", () => {
    const rooms = [
      { uuid: "a", name: "A" },
      { uuid: "b", name: "B" },
    ];
    const days = slotsByDay(
      [
        { room: "b", startsAt: utc("2016-03-09T08:30:00Z"), endsAt: utc("2016-03-09T09:30:00Z") },
        { room: "a", startsAt: utc("2016-03-09T22:30:00Z"), endsAt: utc("2016-03-10T00:30:00Z") }, // 23:30–01:30
        { room: "a", startsAt: utc("2016-03-09T23:30:00Z"), endsAt: utc("2016-03-10T00:00:00Z") }, // 00:30 on the 10th
      ],
      rooms,
      PARIS,
    );
    expect(days.map((d) => [d.date, d.rooms.map((r) => [r.name, r.slots.map((s) => `${s.start}–${s.end}${s.nextDay ? "+1" : ""}`)])])).toEqual([
      ["2016-03-09", [["A", ["23:30–01:30+1"]], ["B", ["09:30–10:30"]]]],
      ["2016-03-10", [["A", ["00:30–01:00"]]]],
    ]);
  });
});
