// What the frab-compatible exports (schedule.json and schedule.xml) share: days, slugs, URLs.
import { addDays, startOfLocalDay, toIsoWithOffset } from "../time";
import type { PublicProgramme, PublicSession } from "./model";
import { textOf, titleOf } from "./snapshot";
import { asciiSlug, hhmm } from "./text";

export interface ExportOptions {
  /** The app's public origin, e.g. "https://barouf.example" (absolute URLs in the exports). */
  origin: string;
  /** Used as DTSTAMP for the unpublished draft (a published version uses its publication time). */
  generatedAt?: number;
}

/** Lowercase letters, digits and "_", at least 4 characters (both frab schemas and the consumers accept it). */
export function acronymOf(programme: PublicProgramme): string {
  const acronym = asciiSlug(programme.edition.slug, "_") || "barouf";
  return acronym.length >= 4 ? acronym : acronym.padEnd(4, "_");
}

/** `<acronym>-<id>-<slug>`: unique, lowercase, valid for the JSON schema and the XSD's voc-slug-new. */
export function eventSlug(acronym: string, session: PublicSession): string {
  const rest = asciiSlug(`${session.numericId}-${session.slug}`, "-");
  return `${acronym}-${rest.length >= 4 ? rest : rest.padEnd(4, "0")}`;
}

export function publicPageUrl(options: ExportOptions, programme: PublicProgramme): string {
  return `${options.origin}/programme/${encodeURIComponent(programme.edition.slug)}/`;
}

export function sessionUrl(options: ExportOptions, programme: PublicProgramme, session: PublicSession): string {
  return `${publicPageUrl(options, programme)}#session-${session.id}`;
}

export interface FrabDay {
  index: number;
  date: string;
  start: string;
  end: string;
  /** Every room, in programme order, with its sessions of the day (possibly none). */
  rooms: { room: PublicProgramme["rooms"][number]; sessions: PublicSession[] }[];
}

/**
 * The programme's days: the edition's dates plus any date a session starts on. A day with
 * sessions runs from its first start to its last end; an empty day from midnight to midnight.
 */
export function frabDays(programme: PublicProgramme): FrabDay[] {
  const tz = programme.edition.timeZone;
  const dates = new Set<string>();
  for (let d = programme.edition.startDate; d <= programme.edition.endDate; d = addDays(d, 1)) {
    dates.add(d);
    if (dates.size > 366) break;
  }
  const byDate = new Map<string, PublicSession[]>();
  for (const session of programme.sessions) {
    const date = session.start.slice(0, 10);
    dates.add(date);
    let list = byDate.get(date);
    if (!list) byDate.set(date, (list = []));
    list.push(session);
  }
  return [...dates].sort().map((date, i) => {
    const sessions = byDate.get(date) ?? [];
    let start: string;
    let end: string;
    if (sessions.length === 0) {
      start = toIsoWithOffset(startOfLocalDay(date, tz), tz);
      end = toIsoWithOffset(startOfLocalDay(addDays(date, 1), tz), tz);
    } else {
      let first = sessions[0]!;
      let last = sessions[0]!;
      let lastEnd = Date.parse(last.end);
      for (const s of sessions) {
        if (s.start < first.start) first = s;
        const e = Date.parse(s.end);
        if (e > lastEnd) {
          last = s;
          lastEnd = e;
        }
      }
      start = first.start;
      end = last.end;
    }
    const byRoom = new Map<string, PublicSession[]>();
    for (const s of sessions) {
      let list = byRoom.get(s.roomId);
      if (!list) byRoom.set(s.roomId, (list = []));
      list.push(s);
    }
    return { index: i + 1, date, start, end, rooms: programme.rooms.map((room) => ({ room, sessions: byRoom.get(room.id) ?? [] })) };
  });
}

export function durationOf(session: PublicSession): string {
  return hhmm(session.durationMinutes);
}

export function lookups(programme: PublicProgramme) {
  const language = programme.edition.mainLanguage;
  return {
    language,
    rooms: new Map(programme.rooms.map((r) => [r.id, r])),
    themes: new Map(programme.themes.map((t) => [t.id, t])),
    formats: new Map(programme.formats.map((f) => [f.id, f])),
    speakers: new Map(programme.speakers.map((s) => [s.id, s])),
    title: (s: PublicSession) => titleOf(s, language),
    text: (t: { fr: string | null; en: string | null }) => textOf(t, language),
  };
}
