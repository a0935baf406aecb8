// A schedule file's texts without the characters no text may hold (app/domain/text.ts): an
// import does not refuse a whole programme for an invisible character, it removes it and
// reports every value it changed, like any other normalised value.
import { removeForbiddenCharacters, showForbiddenCharacters } from "../text";
import type { ImportChange, RawSchedule } from "./model";

type Report = (change: ImportChange) => void;

/** `where` (a path in the file, JSON or XPath-like) and a field of the thing it names. */
function pathOf(where: string, field: string): string {
  if (where === "") return field;
  return where.startsWith("/") ? `${where}/${field}` : `${where}.${field}`;
}

/** A copy of `value` whose string properties are cleaned, each change reported under `where` (shown with the characters named: a file's room name can hold one). */
function cleanFields<T extends object>(value: T, where: string, report: Report): T {
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [field, text] of Object.entries(value)) {
    // `where` is ours (where the value sits in the file), not the file's text.
    if (field === "where" || typeof text !== "string") continue;
    const cleaned = removeForbiddenCharacters(text);
    if (cleaned === text) continue;
    out[field] = cleaned;
    report({ kind: "text.controlRemoved", subject: showForbiddenCharacters(pathOf(where, field)), from: showForbiddenCharacters(text), to: cleaned });
  }
  return out as T;
}

/** Every text of the raw schedule cleaned; one change per value that held a refused character. */
export function cleanRawSchedule(raw: RawSchedule): { raw: RawSchedule; changes: ImportChange[] } {
  const changes: ImportChange[] = [];
  const report: Report = (change) => changes.push(change);
  const base = raw.format.endsWith("xml") ? "/schedule/conference" : "schedule.conference";
  const cleaned: RawSchedule = {
    ...cleanFields(raw, base, report),
    rooms: raw.rooms.map((room, i) => cleanFields(room, pathOf(base, `rooms[${i}]`), report)),
    tracks: raw.tracks.map((track, i) => cleanFields(track, pathOf(base, `tracks[${i}]`), report)),
    days: raw.days.map((day) => ({
      ...cleanFields(day, day.where, report),
      rooms: day.rooms.map((room, r) => ({
        ...cleanFields(room, day.where.startsWith("/") ? `${day.where}/room[${r + 1}]` : `${day.where}.rooms[${r}]`, report),
        events: room.events.map((event) => ({
          ...cleanFields(event, event.where, report),
          persons: event.persons.map((person) => cleanFields(person, person.where, report)),
        })),
      })),
    })),
  };
  return { raw: cleaned, changes };
}
