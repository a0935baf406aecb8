// The public programme page's data: the snapshot, filtered by day, room, theme and format.
import type { PublicProgramme } from "./model";

export type PageFilters = { day: string | null; room: string | null; theme: string | null; format: string | null };

export function filtersFrom(search: URLSearchParams): PageFilters {
  const one = (name: string) => {
    const value = search.get(name);
    return value && value.length <= 64 ? value : null;
  };
  return { day: one("day"), room: one("room"), theme: one("theme"), format: one("format") };
}

/** The page's view of a snapshot: every filter choice, the matching sessions and only their people. */
export function programmePage(programme: PublicProgramme, filters: PageFilters) {
  const days = [...new Set(programme.sessions.map((s) => s.start.slice(0, 10)))].sort();
  const sessions = programme.sessions.filter(
    (s) =>
      (!filters.day || s.start.startsWith(filters.day)) &&
      (!filters.room || s.roomId === filters.room) &&
      (!filters.theme || s.themeId === filters.theme) &&
      (!filters.format || s.formatId === filters.format),
  );
  const people = new Set(sessions.flatMap((s) => s.people.map((p) => p.speakerId)));
  return {
    edition: programme.edition,
    version: programme.version,
    days,
    rooms: programme.rooms,
    themes: programme.themes,
    formats: programme.formats,
    speakers: programme.speakers.filter((s) => people.has(s.id)),
    sessions,
    total: programme.sessions.length,
    filters,
  };
}

export type ProgrammePage = ReturnType<typeof programmePage>;
