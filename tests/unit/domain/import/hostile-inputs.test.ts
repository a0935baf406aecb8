import { describe, expect, it } from "vitest";
import { detectFormat, parseDuration, readSchedule } from "~/domain/import";

/** A minimal valid schedule.json with one event, and ways to bend it. */
function scheduleJson(event: Record<string, unknown> = {}, conference: Record<string, unknown> = {}, rooms?: Record<string, unknown>) {
  return JSON.stringify({
    schedule: {
      version: "1",
      conference: {
        title: "Test",
        acronym: "test",
        start: "2016-03-09",
        end: "2016-03-10",
        time_zone_name: "Europe/Paris",
        days: [
          {
            index: 1,
            date: "2016-03-09",
            day_start: "2016-03-09T08:00:00+01:00",
            day_end: "2016-03-09T22:00:00+01:00",
            rooms: rooms ?? {
              Agora: [
                {
                  id: 1,
                  guid: "0b9e1a9c-0a40-4c5c-8f7a-4c0f6e3e5b10",
                  date: "2016-03-09T10:30:00+01:00",
                  start: "10:30",
                  duration: "01:00",
                  room: "Agora",
                  slug: "opening",
                  title: "Opening",
                  type: "Keynote",
                  track: "Citoyens",
                  language: "fr",
                  persons: [{ id: 7, public_name: "Ada" }],
                  ...event,
                },
              ],
            },
          },
        ],
        ...conference,
      },
    },
  });
}

function refused(text: string) {
  const result = readSchedule(text);
  if (result.ok) throw new Error("expected a refusal");
  return result.problems;
}

function accepted(text: string) {
  const result = readSchedule(text);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result;
}

describe("refused with where and why", () => {
  it("an empty file, a binary file, a file that is neither JSON nor XML", () => {
    expect(refused("")[0]).toMatchObject({ code: "file.empty", where: "file" });
    expect(refused("  \n\uFEFF ")[0]).toMatchObject({ code: "file.empty" });
    expect(refused("PK\u0003\u0004\u0000\u0000")[0]).toMatchObject({ code: "file.notText" });
    expect(refused("Title,Room\nOpening,Agora")[0]).toMatchObject({ code: "file.unknownFormat", where: "line 1" });
  });

  it("broken JSON: the line and column of the mistake", () => {
    const problem = refused('{\n  "schedule": {\n    "version": "1",,\n  }\n}')[0]!;
    expect(problem.code).toBe("json.syntax");
    expect(problem.where).toBe("line 3, column 20");
    expect(problem.message).toMatch(/^this is not valid JSON: /);
  });

  it("JSON nested beyond reason is refused, not a crash", () => {
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    expect(["json.tooDeep", "schema.type"]).toContain(refused(deep)[0]!.code);
  });

  it("JSON that is not a schedule", () => {
    expect(refused("[1, 2, 3]")[0]).toMatchObject({ code: "schema.type", where: "(root)" });
    expect(refused('{"events": []}')[0]).toMatchObject({ code: "schema.missing", where: "schedule" });
    expect(refused('{"schedule": {"version": "1"}}')[0]).toMatchObject({ code: "schema.missing", where: "schedule.conference" });
  });

  it("wrong types say what was expected and what was found, with the path", () => {
    expect(refused(scheduleJson({ title: 42 }))[0]).toEqual({
      code: "schema.type",
      where: "schedule.conference.days[0].rooms.Agora[0].title",
      message: "expected text, got the number 42",
      args: { expected: "text", got: "the number 42" },
    });
    expect(refused(scheduleJson({ duration: undefined }))[0]).toMatchObject({
      code: "schema.missing",
      where: "schedule.conference.days[0].rooms.Agora[0].duration",
    });
    expect(refused(scheduleJson({ persons: [{ id: 1 }] }))[0]).toMatchObject({
      code: "schema.missing",
      where: "schedule.conference.days[0].rooms.Agora[0].persons[0]",
    });
    expect(refused(scheduleJson({}, {}, { "Salle des fêtes": "nope" }))[0]).toMatchObject({
      where: 'schedule.conference.days[0].rooms["Salle des fêtes"]',
    });
    expect(refused(scheduleJson({}, { days: [{ date: "someday", rooms: {} }] }))[0]).toMatchObject({
      code: "schema.date",
      where: "schedule.conference.days[0].date",
    });
  });

  it("reports many problems at once, not only the first", () => {
    const text = scheduleJson({}, {}, { A: [{ id: "x", title: 1, start: "10:00", duration: "00:30" }, { id: 2, start: "10:00" }] });
    expect(refused(text).map((p) => p.where)).toEqual([
      "schedule.conference.days[0].rooms.A[0].id",
      "schedule.conference.days[0].rooms.A[0].title",
      "schedule.conference.days[0].rooms.A[1].duration",
      "schedule.conference.days[0].rooms.A[1].title",
    ]);
  });

  it("malformed XML: the line and column", () => {
    const problem = refused('<?xml version="1.0"?>\n<schedule>\n  <conference><title>T</title></conference>\n  <day date="2021-02-06">\n</schedule>')[0]!;
    expect(problem.code).toBe("xml.syntax");
    expect(problem.where).toMatch(/^line \d+, column \d+$/);
  });

  it("XML entity declarations (billion laughs) are refused before parsing", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><schedule><conference><title>&lol2;</title></conference></schedule>`;
    expect(refused(bomb)[0]).toMatchObject({ code: "xml.entities" });
  });

  it("XML that is not a schedule, or events without what they need", () => {
    expect(refused("<rss><channel/></rss>")[0]).toMatchObject({ code: "schema.missing", where: "/", args: { found: "rss" } });
    const xml = `<schedule><conference><title>T</title></conference><day date="2021-02-06"><room name="K"><event id="12"><start>10:00</start><duration>00:30</duration></event><event id="abc"><title>x</title><start>10:00</start><duration>00:30</duration></event></room></day></schedule>`;
    expect(refused(xml)).toEqual([
      expect.objectContaining({ code: "schema.missing", where: "/schedule/day[1]/room[@name='K']/event[@id='12']/title" }),
      expect.objectContaining({ code: "schema.type", where: "/schedule/day[1]/room[@name='K']/event[@id='abc']/@id" }),
    ]);
  });
});

describe("accepted, with every changed value reported", () => {
  it("a clean file needs no change", () => {
    const result = accepted(scheduleJson());
    expect(result.changes).toEqual([]);
    expect(result.programme.sessions[0]).toMatchObject({
      guid: "0b9e1a9c-0a40-4c5c-8f7a-4c0f6e3e5b10",
      slug: "opening",
      title: "Opening",
      language: "fr",
      room: "Agora",
      start: Date.parse("2016-03-09T10:30:00+01:00"),
      end: Date.parse("2016-03-09T11:30:00+01:00"),
    });
    expect(result.programme.days).toEqual([
      { date: "2016-03-09", opens: "08:00", closes: "22:00" },
      { date: "2016-03-10", opens: null, closes: null },
    ]);
  });

  it("extra keys, null fields and a __proto__ room are harmless", () => {
    const text = scheduleJson({ extra: { nested: true }, subtitle: null, abstract: null }, { $weird: 1 }).replace('"Agora":', '"__proto__":');
    const result = accepted(text);
    expect(result.programme.rooms.map((r) => r.name)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).id).toBeUndefined();
  });

  it("durations: seconds and single-digit hours normalised; an unreadable one leaves the session unscheduled", () => {
    expect(accepted(scheduleJson({ duration: "00:45:00" })).changes).toContainEqual({ kind: "session.durationNormalised", subject: "Opening", from: "00:45:00", to: "00:45" });
    expect(accepted(scheduleJson({ duration: "1:30" })).programme.sessions[0]!.end).toBe(Date.parse("2016-03-09T12:00:00+01:00"));
    const unreadable = accepted(scheduleJson({ duration: "soon" }));
    expect(unreadable.programme.sessions[0]).toMatchObject({ start: null, end: null, room: "Agora" });
    expect(unreadable.changes).toContainEqual({ kind: "session.durationUnreadable", subject: "Opening", from: "soon", to: null });
    expect(accepted(scheduleJson({ duration: "26:00" })).changes).toEqual([]);
  });

  it("without <date>, a start before the day's start is the early morning of the next date", () => {
    const result = accepted(scheduleJson({ date: undefined, start: "01:30" }));
    expect(result.programme.sessions[0]!.start).toBe(Date.parse("2016-03-10T01:30:00+01:00"));
  });

  it("a start skipped by daylight saving time moves past the gap and is reported", () => {
    const text = scheduleJson({ date: undefined, start: "02:30" }, { end: "2016-03-27" }).replace(/2016-03-09/g, "2016-03-27");
    const result = accepted(text.replace('"day_start":"2016-03-27T08:00:00+01:00"', '"day_start":"2016-03-27T00:00:00+01:00"'));
    expect(result.programme.sessions[0]!.start).toBe(Date.parse("2016-03-27T02:30:00+01:00"));
    expect(result.changes).toContainEqual(expect.objectContaining({ kind: "session.startShifted", from: "02:30" }));
  });

  it("time zones: missing or unknown → Europe/Paris, reported", () => {
    expect(accepted(scheduleJson({}, { time_zone_name: undefined })).changes).toContainEqual({ kind: "edition.timeZoneMissing", subject: "Test", from: null, to: "Europe/Paris" });
    expect(accepted(scheduleJson({}, { time_zone_name: "Mars/Olympus" })).changes).toContainEqual({ kind: "edition.timeZoneInvalid", subject: "Test", from: "Mars/Olympus", to: "Europe/Paris" });
  });

  it("guids: not a UUID, or repeated → a derived UUID later, reported", () => {
    expect(accepted(scheduleJson({ guid: "talk-1" })).changes).toContainEqual({ kind: "session.guidNotUuid", subject: "Opening", from: "talk-1", to: null });
    const event = { id: 1, guid: "0b9e1a9c-0a40-4c5c-8f7a-4c0f6e3e5b10", start: "10:00", duration: "00:30", title: "A" };
    const twice = accepted(scheduleJson({}, {}, { R: [event, { ...event, id: 2, title: "B", slug: "a" }] }));
    expect(twice.programme.sessions.map((s) => s.guid)).toEqual(["0b9e1a9c-0a40-4c5c-8f7a-4c0f6e3e5b10", null]);
    expect(twice.programme.sessions.map((s) => s.slug)).toEqual(["a", "a-2"]);
    expect(twice.changes.map((c) => c.kind)).toEqual(["session.guidDuplicate", "session.slugDuplicate"]);
  });

  it("persons: merged by guid, then by name where a guid is missing; two guids with one name stay two people", () => {
    const base = { start: "10:00", duration: "00:30" };
    const g1 = "11111111-1111-4111-8111-111111111111";
    const g2 = "22222222-2222-4222-8222-222222222222";
    const result = accepted(
      scheduleJson({}, {}, {
        R: [
          { ...base, id: 1, title: "A", persons: [{ guid: g1, name: "Ada Lovelace" }] },
          { ...base, id: 2, title: "B", persons: [{ guid: g1, name: "A. Lovelace" }] },
          { ...base, id: 3, title: "C", persons: [{ name: "ada  lovelace" }] },
          { ...base, id: 4, title: "D", persons: [{ guid: g2, name: "Ada Lovelace" }] },
          { ...base, id: 5, title: "E", persons: [{ guid: g1, name: "Ada Lovelace" }, { guid: g1, name: "Ada Lovelace" }] },
        ],
      }),
    );
    expect(result.programme.persons.map((p) => [p.name, p.guid])).toEqual([
      ["Ada Lovelace", g1],
      ["Ada Lovelace", g2],
    ]);
    expect(result.programme.sessions.map((s) => s.people.map((p) => p.person))).toEqual([[0], [0], [0], [1], [0]]);
    expect(result.changes).toEqual([
      { kind: "person.merged", subject: "A. Lovelace", from: "A. Lovelace", to: "Ada Lovelace" },
      { kind: "person.merged", subject: "ada  lovelace", from: "ada  lovelace", to: `Ada Lovelace (guid:${g1})` },
      { kind: "session.personRepeated", subject: "E", from: "Ada Lovelace", to: null },
    ]);
  });

  it("languages outside French and English, unknown roles, invalid colours: kept readable, reported", () => {
    const result = accepted(scheduleJson({ language: "de-CH", persons: [{ id: 1, public_name: "Ada", role: "coordinator" }] }, { tracks: [{ name: "Citoyens", color: "red" }] }));
    expect(result.changes).toEqual(
      expect.arrayContaining([
        { kind: "session.languageUnsupported", subject: "Opening", from: "de-CH", to: "fr" },
        { kind: "person.roleUnknown", subject: "Ada", from: "coordinator", to: "speaker" },
        { kind: "theme.colourInvalid", subject: "Citoyens", from: "red", to: "#1f77b4" },
      ]),
    );
  });

  it("text that breaks naive code comes through unchanged; a lone surrogate alone is removed, and reported", () => {
    const title = `</script><script>alert(1)</script> "quoted", \u2028 =SUM(A1) `;
    const result = accepted(scheduleJson({ title: `${title}\ud800`, abstract: "x".repeat(1_000_000) }));
    expect(result.programme.sessions[0]!.title).toBe(title);
    expect(result.programme.sessions[0]!.abstract).toHaveLength(1_000_000);
    expect(result.changes).toContainEqual({ kind: "text.controlRemoved", subject: "schedule.conference.days[0].rooms.Agora[0].title", from: `${title}⟨U+D800⟩`, to: title });
  });

  it("the edition's slug: asked for, or from the acronym; dates widened to hold every session", () => {
    expect(accepted(scheduleJson()).programme.edition.slug).toBe("test");
    expect(readSchedule(scheduleJson(), { slug: "barouf-2017" })).toMatchObject({ ok: true, programme: { edition: { slug: "barouf-2017" } } });
    const late = accepted(scheduleJson({ date: "2016-03-12T10:00:00+01:00" }));
    expect(late.programme.edition).toMatchObject({ startDate: "2016-03-09", endDate: "2016-03-12" });
    expect(late.changes).toContainEqual({ kind: "edition.datesExtended", subject: "Test", from: "2016-03-09 – 2016-03-10", to: "2016-03-09 – 2016-03-12" });
  });
});

describe("helpers", () => {
  it("detects formats by their first character", () => {
    expect(detectFormat('\uFEFF  {"a":1}')).toBe("json");
    expect(detectFormat("\n<?xml?>")).toBe("xml");
    expect(detectFormat("hello")).toBeNull();
  });

  it("durations", () => {
    expect(parseDuration("00:90")).toEqual({ minutes: 90, canonical: "01:30" });
    expect(parseDuration("45")).toEqual({ minutes: 45, canonical: "00:45" });
    expect(parseDuration("1h")).toBeNull();
  });
});

describe("JSON syntax errors point at the character", () => {
  it.each([
    ['{\n  "schedule": {\n    "conference": ,\n  }\n}', "line 3, column 19", "Unexpected token ','"],
    ['{"a": tru}', "line 1, column 10", "Unexpected token '}'"],
    ['{"a": 1} x', "line 1, column 10", "Unexpected non-whitespace character after JSON"],
    ['{"a": [1, 2,]}', "line 1, column 13", "Unexpected token ']'"],
    ['{"a": "\\q"}', "line 1, column 9", ""],
  ])("%j → %s", (text, where, reason) => {
    const problem = refused(text)[0]!;
    expect(problem).toMatchObject({ code: "json.syntax", where });
    expect(problem.message).toContain(reason);
    expect(problem.message.length).toBeLessThan(120);
  });
});
