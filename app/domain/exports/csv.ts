// CSV for print and spreadsheets: one row per session with its people, written by the one CSV
// writer (toCsv), which neutralises formula-like cells and replaces lone surrogates.
import { toCsv } from "../csv";
import type { PublicProgramme } from "./model";
import { lookups } from "./frab";

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

export function buildCsv(programme: PublicProgramme): string {
  const l = lookups(programme);
  const rows = programme.sessions.map((s) => {
    const format = s.formatId ? l.formats.get(s.formatId) : undefined;
    const theme = s.themeId ? l.themes.get(s.themeId) : undefined;
    const people = s.people.map((p) => `${l.speakers.get(p.speakerId)?.name ?? ""} (${p.role})`).join("; ");
    return [
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
    ];
  });
  return toCsv(CSV_COLUMNS, rows);
}
