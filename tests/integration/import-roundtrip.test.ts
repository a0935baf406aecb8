// Import then export: each real file goes in through the importer and comes out through the
// frab exporters (the same pure functions the public URLs use). Every event keeps its title,
// room, start, duration and people; the exports validate against the c3voc schema and the XSD.
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { buildFrabJson, buildFrabXml } from "~/domain/exports";
import { readSchedule } from "~/domain/import";
import { applyImport } from "~/services/import.server";
import { draftProgramme } from "~/services/publishing.server";
import { eventLine, readFixture, REAL_FILES, sourceEvents, type SourceEvent } from "../helpers/schedule-files";
import { assertScheduleJson, assertScheduleXml } from "../helpers/validators";

const OPTIONS = { origin: "http://barouf.test", generatedAt: Date.parse("2026-01-01T00:00:00Z") };

/** The events of an exported schedule.json, in the source's terms. */
function exportedEvents(document: any): SourceEvent[] {
  const out: SourceEvent[] = [];
  for (const day of document.schedule.conference.days) {
    for (const [room, events] of Object.entries(day.rooms as Record<string, any[]>)) {
      for (const e of events) {
        const [h, m] = (e.duration as string).split(":").map(Number);
        out.push({ title: e.title, room, start: Date.parse(e.date), minutes: h! * 60 + m!, people: e.persons.map((p: any) => p.public_name ?? p.name) });
      }
    }
  }
  return out;
}

describe("import then export", { timeout: 300_000 }, () => {
  it.each(REAL_FILES)("$file keeps every event's title, room, start, duration and people", async ({ file, events }) => {
    const read = readSchedule(readFixture(file), { slug: `roundtrip-${file.split("__")[1]!.split(".")[0]!.toLowerCase().replace(/[^a-z0-9]+/g, "-")}` });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const db = await getDb();
    const imported = await applyImport(db, { programme: read.programme, changes: read.changes, actor: { type: "system" }, organisationId: null, fileName: file });
    const programme = await draftProgramme(db, { editionId: imported.editionId });

    const json = buildFrabJson(programme, OPTIONS);
    const document = assertScheduleJson(json);
    const exported = exportedEvents(document);
    expect(exported).toHaveLength(events);
    expect(exported.map(eventLine).sort()).toEqual(sourceEvents(file).map(eventLine).sort());
    // Session guids: the source's where it gave UUIDs.
    const guids = new Set(read.programme.sessions.flatMap((s) => (s.guid ? [s.guid] : [])));
    const exportedGuids = new Set(Object.values(document.schedule.conference.days).flatMap((d: any) => Object.values(d.rooms).flat().map((e: any) => e.guid)));
    for (const guid of guids) expect(exportedGuids.has(guid)).toBe(true);

    await assertScheduleXml(buildFrabXml(programme, OPTIONS));
  });
});
