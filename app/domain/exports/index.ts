// Programme exports: pure functions of a public snapshot (see snapshot.ts for the one rule).
import { buildCsv } from "./csv";
import { EXPORT_PHOTO_SIZE, photoUrl } from "../images";
import { publicPageUrl, type ExportOptions } from "./frab";
import { buildFrabJson } from "./frab-json";
import { buildFrabXml } from "./frab-xml";
import { buildIcal } from "./ical";
import { CHANGES_SCHEMA_PATH, PROGRAMME_SCHEMA_PATH, type Changes, type PublicProgramme } from "./model";

export * from "./model";
export { buildSnapshot, SNAPSHOT_SPEAKER_COLUMNS, SNAPSHOT_SPEAKER_GATES, isPublicSession, isPublicPerson, titleOf, textOf, type PublicSource, type SnapshotVersion } from "./snapshot";
export { diffProgrammes, changeCount } from "./changes";
export { buildCsv, CSV_COLUMNS } from "./csv";
export { buildFrabJson } from "./frab-json";
export { buildFrabXml } from "./frab-xml";
export { buildIcal, icalText, foldLine, type IcalScope } from "./ical";
export type { ExportOptions } from "./frab";

/** Barouf's own JSON, pointing at its JSON Schema. */
export function buildBaroufJson(programme: PublicProgramme, options: ExportOptions): string {
  const { $schema: _ignored, ...rest } = programme;
  // A consented photo's address is absolute here, as every URL of the document.
  const base = publicPageUrl(options, programme);
  const speakers = rest.speakers.map((s) => (s.photo ? { ...s, photo: photoUrl(base, s.photo, EXPORT_PHOTO_SIZE) } : s));
  return JSON.stringify({ $schema: `${options.origin}${PROGRAMME_SCHEMA_PATH}`, ...rest, speakers });
}

export function buildChangesJson(changes: Changes, options: ExportOptions): string {
  const { $schema: _ignored, ...rest } = changes;
  return JSON.stringify({ $schema: `${options.origin}${CHANGES_SCHEMA_PATH}`, ...rest });
}

export const EXPORT_FORMATS = {
  "barouf-json": { file: "programme.json", contentType: "application/json; charset=utf-8", build: buildBaroufJson },
  "frab-json": { file: "schedule.json", contentType: "application/json; charset=utf-8", build: buildFrabJson },
  "frab-xml": { file: "schedule.xml", contentType: "application/xml; charset=utf-8", build: buildFrabXml },
  ical: { file: "programme.ics", contentType: "text/calendar; charset=utf-8", build: (p: PublicProgramme, o: ExportOptions) => buildIcal(p, o) },
  csv: { file: "programme.csv", contentType: "text/csv; charset=utf-8; header=present", build: (p: PublicProgramme) => buildCsv(p) },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];

export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, value);
}
