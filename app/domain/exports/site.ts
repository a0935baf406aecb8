// The public site's pages as values: which page a URL asks for (in canonical form, so that one
// page is built once whatever order its query came in), the timetable of a day, and the pages
// of one speaker and one session. Pure: built from a published snapshot.
import type { Locale } from "~/i18n/locales";
import type { PublicProgramme, PublicSession, PublicSpeaker } from "./model";
import { programmePage, type PageFilters } from "./page";

export type PublicView = "list" | "timetable";

/** The programme page a query names: unknown values are dropped, so the set of variants is finite. */
export type ProgrammeQuery = { view: PublicView; lang: Locale; filters: PageFilters };

/** `?lang=en` picks English; French otherwise (the public pages' language is part of their URL). */
export function langFrom(search: URLSearchParams): Locale {
  return search.get("lang") === "en" ? "en" : "fr";
}

export function programmeQuery(programme: PublicProgramme, search: URLSearchParams): ProgrammeQuery {
  const days = new Set(programme.sessions.map((s) => s.start.slice(0, 10)));
  const known = (name: string, values: Iterable<string>) => {
    const value = search.get(name);
    return value && new Set(values).has(value) ? value : null;
  };
  return {
    view: search.get("view") === "timetable" ? "timetable" : "list",
    lang: langFrom(search),
    filters: {
      day: known("day", days),
      room: known("room", programme.rooms.map((r) => r.id)),
      theme: known("theme", programme.themes.map((t) => t.id)),
      format: known("format", programme.formats.map((f) => f.id)),
    },
  };
}

/** The query string of a page, always in the same order ("" for the plain French list). */
export function querySearch(query: { view?: PublicView; lang: Locale; filters?: Partial<PageFilters> }): string {
  const params = new URLSearchParams();
  if (query.view === "timetable") params.set("view", "timetable");
  for (const name of ["day", "room", "theme", "format"] as const) {
    const value = query.filters?.[name];
    if (value) params.set(name, value);
  }
  if (query.lang !== "fr") params.set("lang", query.lang);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function isFiltered(query: ProgrammeQuery): boolean {
  return Object.values(query.filters).some(Boolean);
}

export type TimetableCell = { session: PublicSession; rows: number };
export type Timetable = {
  day: string;
  rooms: PublicProgramme["rooms"];
  /** One row per step; each room's column holds a session starting there, "covered" under one, or null. */
  rows: { time: string; cells: (TimetableCell | "covered" | null)[] }[];
};

const minutesOf = (iso: string) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The rooms × time grid of one day (local times of the snapshot), in steps of the largest
 * duration that divides every start and end (at least 5 minutes). Sessions overlapping in one
 * room (the organisers acknowledged the conflict) keep the first; the list view shows them all.
 */
export function timetableOf(sessions: PublicSession[], rooms: PublicProgramme["rooms"], day: string): Timetable {
  const today = sessions.filter((s) => s.start.startsWith(day));
  const used = new Set(today.map((s) => s.roomId));
  const columns = [...rooms].filter((r) => used.has(r.id)).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  if (today.length === 0) return { day, rooms: columns, rows: [] };
  const endOf = (s: PublicSession) => (s.end.startsWith(day) ? minutesOf(s.end) : 24 * 60);
  const first = Math.min(...today.map((s) => minutesOf(s.start)));
  const last = Math.max(...today.map(endOf));
  const step = Math.max(5, today.reduce((g, s) => gcd(gcd(g, minutesOf(s.start)), endOf(s)), 60));
  const start = first - (first % step);
  const count = Math.max(1, Math.ceil((last - start) / step));
  const grid: (TimetableCell | "covered" | null)[][] = Array.from({ length: count }, () => columns.map(() => null));
  const ordered = [...today].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
  for (const session of ordered) {
    const column = columns.findIndex((r) => r.id === session.roomId);
    const top = Math.floor((minutesOf(session.start) - start) / step);
    const rows = Math.max(1, Math.ceil((endOf(session) - minutesOf(session.start)) / step));
    if (grid[top]![column] !== null) continue;
    let span = 0;
    while (span < rows && top + span < count && grid[top + span]![column] === null) span++;
    grid[top]![column] = { session, rows: span };
    for (let i = 1; i < span; i++) grid[top + i]![column] = "covered";
  }
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return { day, rooms: columns, rows: grid.map((cells, i) => ({ time: hhmm(start + i * step), cells })) };
}

/** A speaker's page: their public fields and their sessions, in time order; null if not in the snapshot. */
export function speakerPage(programme: PublicProgramme, speakerId: string) {
  const speaker = programme.speakers.find((s) => s.id === speakerId);
  if (!speaker) return null;
  const sessions = programme.sessions
    .filter((s) => s.people.some((p) => p.speakerId === speakerId))
    .sort((a, b) => a.start.localeCompare(b.start));
  return { ...context(programme), speaker, sessions };
}

/** A session's page: the session and its people; null if not in the snapshot. */
export function sessionPage(programme: PublicProgramme, sessionId: string) {
  const session = programme.sessions.find((s) => s.id === sessionId);
  if (!session) return null;
  const byId = new Map(programme.speakers.map((s) => [s.id, s]));
  const people = session.people.flatMap((p) => {
    const speaker = byId.get(p.speakerId);
    return speaker ? [{ role: p.role, speaker }] : [];
  });
  return { ...context(programme), session, people };
}

function context(programme: PublicProgramme) {
  return { edition: programme.edition, version: programme.version, rooms: programme.rooms, themes: programme.themes, formats: programme.formats };
}

/** The programme page and, for the timetable view, the grid of its day (the filtered day, else the first). */
export function programmeSitePage(programme: PublicProgramme, query: ProgrammeQuery) {
  const page = programmePage(programme, query.filters);
  const day = query.filters.day ?? page.days[0] ?? null;
  const timetable = query.view === "timetable" && day ? timetableOf(page.sessions.filter((s) => s.start.startsWith(day)), page.rooms, day) : null;
  return { page, timetable };
}

export type SpeakerPage = NonNullable<ReturnType<typeof speakerPage>>;
export type SessionPage = NonNullable<ReturnType<typeof sessionPage>>;
export type ProgrammeSitePage = ReturnType<typeof programmeSitePage>;
export type { PublicSpeaker };

/** `webcal://` for the same calendar URL: calendar apps subscribe to it instead of importing it once. */
export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:\/\//, "webcal://");
}
