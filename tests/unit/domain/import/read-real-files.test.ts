import { describe, expect, it } from "vitest";
import { readSchedule, type ImportedProgramme } from "~/domain/import";
import { eventLine, INVALID_FILE, readFixture, REAL_FILES, sourceEvents } from "../../../helpers/schedule-files";

const cache = new Map<string, ReturnType<typeof readSchedule>>();
/** Each big file is read once per test file (the 2 MB XML takes a second or more). */
function read(file: string) {
  if (!cache.has(file)) cache.set(file, readSchedule(readFixture(file)));
  return cache.get(file)!;
}

function eventsOf(programme: ImportedProgramme) {
  return programme.sessions.map((s) => ({
    title: s.title,
    room: s.room!,
    start: s.start!,
    minutes: (s.end! - s.start!) / 60_000,
    people: s.people.map((p) => programme.persons[p.person]!.name),
  }));
}

describe.each(REAL_FILES)("reading $file", { timeout: 60_000 }, ({ file, events }) => {
  const result = read(file);

  it("reads the file without refusing it", () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it(`keeps all ${events} events with their title, room, start, duration and people`, () => {
    if (!result.ok) throw new Error("refused");
    expect(result.counts.sessions).toBe(events);
    const source = sourceEvents(file).map(eventLine).sort();
    expect(source).toHaveLength(events);
    expect(eventsOf(result.programme).map(eventLine).sort()).toEqual(source);
  });

  it("gives every session a unique slug and every person a name", () => {
    if (!result.ok) throw new Error("refused");
    const slugs = result.programme.sessions.map((s) => s.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const person of result.programme.persons) expect(person.name.trim()).not.toBe("");
  });

  it("keeps the events' guids when they are UUIDs", () => {
    if (!result.ok) throw new Error("refused");
    const guids = new Set([...readFixture(file).matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi)].map((m) => m[0].toLowerCase()));
    for (const session of result.programme.sessions) if (session.guid) expect(guids.has(session.guid)).toBe(true);
    if (!file.startsWith("giggity")) expect(result.programme.sessions.every((s) => s.guid !== null)).toBe(true);
    else expect(result.programme.sessions.every((s) => s.guid === null)).toBe(true);
  });
});

describe("what each file needed", { timeout: 60_000 }, () => {
  it("detects the format of each file", () => {
    const formats = Object.fromEntries(REAL_FILES.map(({ file }) => [file, (read(file) as { programme: ImportedProgramme }).programme.format]));
    expect(formats).toEqual({
      "voc-schedule__pretalx-democon.json": "pretalx-json",
      "voc-schedule__frab-camp2019.json": "frab-json",
      "voc-schedule__pretalx-rc3.json": "pretalx-json",
      "jgerstbe-fahrplan-ccc__36c3.json": "frab-json",
      "eventfahrplan__schedule-38c3-20251206.xml": "frab-xml",
      "giggity__fosdem_2021.xml": "pentabarf-xml",
    });
  });

  it("FOSDEM 2021 (no time zone, no <date>): Europe/Paris assumed and reported; its two days and 108 rooms", () => {
    const result = read("giggity__fosdem_2021.xml");
    if (!result.ok) throw new Error("refused");
    expect(result.programme.edition).toMatchObject({ title: "FOSDEM 2021", slug: "fosdem-2021", startDate: "2021-02-06", endDate: "2021-02-07", timeZone: "Europe/Paris", venue: "Online" });
    expect(result.counts).toMatchObject({ days: 2, rooms: 108 });
    expect(result.changes).toContainEqual({ kind: "edition.timeZoneMissing", subject: "FOSDEM 2021", from: null, to: "Europe/Paris" });
    expect(result.programme.days.every((d) => d.opens === null)).toBe(true);
  });

  it("38C3: its time zone, tracks with their colours, 72 rooms and the days' opening hours", () => {
    const result = read("eventfahrplan__schedule-38c3-20251206.xml");
    if (!result.ok) throw new Error("refused");
    expect(result.programme.edition.timeZone).toBe("Europe/Berlin");
    expect(result.counts.rooms).toBe(72);
    expect(result.programme.themes.find((t) => t.name === "Art & Beauty")).toMatchObject({ slug: "art-beauty", colour: "#f9b000" });
    expect(result.programme.days[0]).toEqual({ date: "2024-12-27", opens: "10:30", closes: "06:00" });
  });

  it("camp2019: upper-case slugs and acronym normalised and each one reported", () => {
    const result = read("voc-schedule__frab-camp2019.json");
    if (!result.ok) throw new Error("refused");
    expect(result.programme.edition.slug).toBe("camp2019");
    expect(result.changes).toContainEqual({ kind: "edition.slugNormalised", subject: "Chaos Communication Camp 2019", from: "Camp2019", to: "camp2019" });
    expect(result.changes.filter((c) => c.kind === "session.slugNormalised")).toHaveLength(79);
    expect(result.changes).toContainEqual({ kind: "session.slugNormalised", subject: "Opening Ceremony", from: "Camp2019-10386-opening_ceremony", to: "camp2019-10386-opening-ceremony" });
    // German talks: Barouf speaks French and English, so each one is reported.
    expect(result.changes.filter((c) => c.kind === "session.languageUnsupported").every((c) => c.from === "de" && c.to === "en")).toBe(true);
  });

  it("democon: the declared zone (UTC) disagrees with the dates' offsets; instants kept, each shifted local start reported", () => {
    const result = read("voc-schedule__pretalx-democon.json");
    if (!result.ok) throw new Error("refused");
    expect(result.programme.edition.timeZone).toBe("UTC");
    const shifted = result.changes.filter((c) => c.kind === "session.startShifted");
    expect(shifted).toHaveLength(36);
    expect(shifted[0]).toEqual({ kind: "session.startShifted", subject: "Focused 5thgeneration hardware", from: "09:00", to: "08:00" });
  });
});

describe("the invalid example", () => {
  it("is refused with where and why", () => {
    const result = readSchedule(readFixture(INVALID_FILE));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toEqual({
      code: "schema.type",
      where: "schedule.conference.days[0].rooms.Winterchaos[0].id",
      message: 'expected an integer, got the text "2814"',
      args: { expected: "int", got: 'the text "2814"' },
    });
  });
});
