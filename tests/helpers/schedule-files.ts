// The real schedule files and an independent reading of their events (plain JSON.parse,
// or fast-xml-parser configured on its own), to check the import against the source.
import { XMLParser } from "fast-xml-parser";
import { DateTime } from "luxon";
import { readFileSync } from "node:fs";
import path from "node:path";

export const FORMATS_DIR = path.resolve(import.meta.dirname, "..", "fixtures", "formats");
export const REAL_FILES = [
  { file: "voc-schedule__pretalx-democon.json", events: 36 },
  { file: "voc-schedule__frab-camp2019.json", events: 79 },
  { file: "voc-schedule__pretalx-rc3.json", events: 48 },
  { file: "jgerstbe-fahrplan-ccc__36c3.json", events: 161 },
  { file: "eventfahrplan__schedule-38c3-20251206.xml", events: 1007 },
  { file: "giggity__fosdem_2021.xml", events: 773 },
] as const;
export const INVALID_FILE = "voc-schedule__invalid-example.json";

export function readFixture(file: string): string {
  return readFileSync(path.join(FORMATS_DIR, file), "utf8");
}

export type SourceEvent = { title: string; room: string; start: number; minutes: number; people: string[] };

const minutesOf = (duration: string) => {
  const [h, m] = duration.split(":").map(Number);
  return h! * 60 + m!;
};

/** Every event of a real file as its producer meant it; a missing time zone reads as Europe/Paris (Barouf's default). */
export function sourceEvents(file: string): SourceEvent[] {
  const text = readFixture(file);
  const out: SourceEvent[] = [];
  if (file.endsWith(".json")) {
    const conference = JSON.parse(text).schedule.conference;
    for (const day of conference.days) {
      for (const [room, events] of Object.entries(day.rooms as Record<string, any[]>)) {
        for (const e of events) {
          out.push({
            title: e.title,
            room,
            start: Date.parse(e.date),
            minutes: minutesOf(e.duration),
            people: (e.persons ?? []).map((p: any) => (p.public_name ?? p.name).trim()),
          });
        }
      }
    }
    return out;
  }
  const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ["day", "room", "event", "person"].includes(name) }).parse(text);
  const zone = doc.schedule.conference.time_zone_name ?? "Europe/Paris";
  for (const day of doc.schedule.day) {
    for (const room of day.room ?? []) {
      for (const e of room.event ?? []) {
        const start = e.date
          ? Date.parse(e.date)
          : DateTime.fromISO(`${day["@_date"]}T${e.start}`, { zone }).toMillis();
        out.push({
          title: String(e.title),
          room: room["@_name"],
          start,
          minutes: minutesOf(e.duration),
          people: (e.persons?.person ?? []).map((p: any) => String(typeof p === "object" ? p["#text"] : p).trim()),
        });
      }
    }
  }
  return out;
}

/** A sortable line per event, to compare two programmes as multisets. */
export function eventLine(e: SourceEvent): string {
  return JSON.stringify([e.start, e.room, e.title, e.minutes, [...e.people].sort()]);
}
