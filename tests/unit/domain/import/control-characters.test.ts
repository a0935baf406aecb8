// A schedule file's invisible control characters and lone surrogates: removed from every text
// and reported value by value (from → to), never refusing the whole programme.
import { describe, expect, it } from "vitest";
import { readSchedule, type ImportedProgramme } from "~/domain/import";
import { hasForbiddenCharacter } from "~/domain/text";

function accepted(text: string) {
  const result = readSchedule(text);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result;
}

/** Every string of the programme the import would write. */
function textsOf(programme: ImportedProgramme): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(programme);
  return out;
}

const frab = JSON.stringify({
  schedule: {
    version: "1",
    conference: {
      title: "Barouf\u0000 2016",
      acronym: "barouf",
      start: "2016-03-09",
      end: "2016-03-09",
      time_zone_name: "Europe/Paris",
      days: [
        {
          index: 1,
          date: "2016-03-09",
          rooms: {
            "Agora\u009F": [
              {
                id: 1,
                guid: "0b9e1a9c-0a40-4c5c-8f7a-4c0f6e3e5b10",
                date: "2016-03-09T10:30:00+01:00",
                start: "10:30",
                duration: "01:00",
                room: "Agora\u009F",
                slug: "opening",
                title: "Ouverture\u0000 officielle",
                abstract: "Premier\u001B[31m paragraphe.\n\tSecond\u0085 paragraphe \uD800fin.",
                type: "Keynote",
                language: "fr",
                persons: [{ id: 7, public_name: "Ada\u0000 Lovelace" }],
              },
            ],
          },
        },
      ],
    },
  },
});

describe("a frab schedule.json with control characters", () => {
  const result = accepted(frab);
  const removed = result.changes.filter((c) => c.kind === "text.controlRemoved");

  it("reports each changed value, where it is in the file, with what was removed shown", () => {
    expect(removed).toEqual(
      expect.arrayContaining([
        { kind: "text.controlRemoved", subject: "schedule.conference.title", from: "Barouf⟨U+0000⟩ 2016", to: "Barouf 2016" },
        { kind: "text.controlRemoved", subject: 'schedule.conference.days[0].rooms["Agora⟨U+009F⟩"][0].title', from: "Ouverture⟨U+0000⟩ officielle", to: "Ouverture officielle" },
        {
          kind: "text.controlRemoved",
          subject: 'schedule.conference.days[0].rooms["Agora⟨U+009F⟩"][0].abstract',
          from: "Premier⟨U+001B⟩[31m paragraphe.\n\tSecond⟨U+0085⟩ paragraphe ⟨U+D800⟩fin.",
          to: "Premier[31m paragraphe.\n\tSecond paragraphe fin.",
        },
        expect.objectContaining({ subject: expect.stringMatching(/persons\[0\]\.name$/), from: "Ada⟨U+0000⟩ Lovelace", to: "Ada Lovelace" }),
      ]),
    );
    // The room's name, in the day's rooms and in the event's own "room" field.
    expect(removed.filter((c) => c.from === "Agora⟨U+009F⟩").map((c) => c.subject)).toEqual([
      "schedule.conference.days[0].rooms[0].name",
      'schedule.conference.days[0].rooms["Agora⟨U+009F⟩"][0].room',
    ]);
    expect(removed.length).toBe(6);
  });

  it("keeps the cleaned texts whole (nothing cut at the NUL), tab and new lines included", () => {
    const { programme } = result;
    expect(programme.edition.title).toBe("Barouf 2016");
    expect(programme.rooms.map((r) => r.name)).toEqual(["Agora"]);
    expect(programme.sessions[0]).toMatchObject({ title: "Ouverture officielle", abstract: "Premier[31m paragraphe.\n\tSecond paragraphe fin.", room: "Agora" });
    expect(programme.persons.map((p) => p.name)).toEqual(["Ada Lovelace"]);
    expect(textsOf(programme).filter(hasForbiddenCharacter)).toEqual([]);
  });
});

describe("a pentabarf schedule.xml with control characters", () => {
  // XML 1.0 allows C1 characters as they are; C0 ones cannot be written at all (a raw NUL makes the file binary).
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><title>FOSDEM\u0085</title><acronym>fosdem</acronym><start>2021-02-06</start><end>2021-02-06</end></conference>
  <day index="1" date="2021-02-06">
    <room name="K.1.105">
      <event id="11"><start>10:00</start><duration>00:30</duration><room>K.1.105</room><slug>welcome</slug>
        <title>Welcome\u0090 to FOSDEM</title><type>keynote</type><language>en</language>
        <abstract>First line
second line\u009B.</abstract>
        <persons><person id="3">Jane\u0080 Doe</person></persons>
      </event>
    </room>
  </day>
</schedule>`;
  const result = accepted(xml);
  const removed = result.changes.filter((c) => c.kind === "text.controlRemoved");

  it("reports each value changed, by its place in the file", () => {
    expect(removed.map((c) => [c.subject, c.to])).toEqual([
      ["/schedule/conference/title", "FOSDEM"],
      ["/schedule/day[1]/room[@name='K.1.105']/event[@id='11']/title", "Welcome to FOSDEM"],
      ["/schedule/day[1]/room[@name='K.1.105']/event[@id='11']/abstract", "First line\nsecond line."],
      [expect.stringMatching(/person.*\/name$/), "Jane Doe"],
    ]);
  });

  it("writes none of them", () => {
    expect(result.programme.sessions[0]).toMatchObject({ title: "Welcome to FOSDEM", abstract: "First line\nsecond line." });
    expect(textsOf(result.programme).filter(hasForbiddenCharacter)).toEqual([]);
  });
});

it("a file with a raw NUL byte is still refused as binary, not read", () => {
  const result = readSchedule(frab.replace("\\u0000", "\u0000"));
  expect(result.ok).toBe(false);
});
