// CSV for print and spreadsheets: one row per session with its people. Cells that a spreadsheet
// would read as a formula (starting with =, +, -, @, tab or carriage return) get a leading
// apostrophe, so they show as text and never run.
import type { PublicProgramme } from "./model";
import { lookups } from "./frab";
import { wellFormed } from "./text";

export const CSV_COLUMNS = [
  "id",
  "numeric_id",
  "slug",
  "day",
  "start",
  "end",
  "duration_minutes",
  "room",
  "title_fr",
  "title_en",
  "format",
  "theme",
  "language",
  "people",
  "abstract_fr",
  "abstract_en",
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  let text = wellFormed(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function buildCsv(programme: PublicProgramme): string {
  const l = lookups(programme);
  const rows: string[] = [CSV_COLUMNS.join(",")];
  for (const s of programme.sessions) {
    const format = s.formatId ? l.formats.get(s.formatId) : undefined;
    const theme = s.themeId ? l.themes.get(s.themeId) : undefined;
    const people = s.people.map((p) => `${l.speakers.get(p.speakerId)?.name ?? ""} (${p.role})`).join("; ");
    rows.push(
      [
        s.id,
        s.numericId,
        s.slug,
        s.start.slice(0, 10),
        s.start.slice(11, 16),
        s.end.slice(11, 16),
        s.durationMinutes,
        l.rooms.get(s.roomId)?.name ?? "",
        s.title.fr,
        s.title.en,
        format ? l.text(format.name) : null,
        theme ? l.text(theme.name) : null,
        s.language,
        people,
        s.abstract.fr,
        s.abstract.en,
      ]
        .map(csvCell)
        .join(","),
    );
  }
  // The BOM tells spreadsheets the file is UTF-8.
  return `\uFEFF${rows.join("\r\n")}\r\n`;
}
