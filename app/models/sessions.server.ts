// Sessions of one edition, read: options, the list, one session, the speaker search (writes are
// in session-writes.server.ts). Every function takes the edition's id and never reaches a
// row of another edition (a UUID from elsewhere is "not found", a 404).
import { and, asc, count, eq, inArray, isNotNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { formats, rooms, sessions, sessionSpeakers, speakers, themes, organisations } from "~/db/schema";
import { containsPattern, searchTerms } from "~/domain/search";
import { editionDays, localDate, localTime, occurrenceOf } from "~/domain/time";
import type { EditionSummary } from "~/models/editions.server";
import type { SessionFilters } from "~/schemas/sessions";

export const SESSIONS_PAGE_SIZE = 25;

type Edition = Pick<EditionSummary, "id" | "timeZone" | "startDate" | "endDate">;
type Named = { uuid: string; nameFr: string; nameEn: string };
export type SessionOptions = { formats: Named[]; themes: Named[]; rooms: { uuid: string; name: string }[] };

/** The choices of the session forms and filters: three queries. */
export async function sessionOptions(db: Queryable, { editionId }: { editionId: number }): Promise<SessionOptions> {
  const [formatRows, themeRows, roomRows] = await Promise.all([
    db
      .select({ uuid: formats.uuid, nameFr: formats.nameFr, nameEn: formats.nameEn })
      .from(formats)
      .where(eq(formats.editionId, editionId))
      .orderBy(asc(formats.position), asc(formats.id))
      .all(),
    db
      .select({ uuid: themes.uuid, nameFr: themes.nameFr, nameEn: themes.nameEn })
      .from(themes)
      .where(eq(themes.editionId, editionId))
      .orderBy(asc(themes.position), asc(themes.id))
      .all(),
    db
      .select({ uuid: rooms.uuid, name: rooms.name })
      .from(rooms)
      .where(eq(rooms.editionId, editionId))
      .orderBy(asc(rooms.position), asc(rooms.id))
      .all(),
  ]);
  return { formats: formatRows, themes: themeRows, rooms: roomRows };
}

// ---------------------------------------------------------------- list

export type SessionListItem = {
  uuid: string;
  slug: string;
  titleFr: string | null;
  titleEn: string | null;
  status: (typeof sessions.$inferSelect)["status"];
  isPublic: boolean;
  format: { fr: string; en: string } | null;
  theme: { fr: string; en: string; colour: string } | null;
  room: string | null;
  day: string | null;
  start: string | null;
  end: string | null;
  people: string[];
};


/** "Scheduled" as the dashboard counts it: placed in a room at a time, and not cancelled. */
const placed = and(ne(sessions.status, "cancelled"), isNotNull(sessions.roomId), isNotNull(sessions.startsAt), isNotNull(sessions.endsAt));

function filterWhere(edition: Edition, filters: SessionFilters): SQL {
  const conditions: (SQL | undefined)[] = [eq(sessions.editionId, edition.id)];
  // Every word in the folded titles or the speakers' names (search_text), or in the name of
  // one of its speakers' organisations (read through the people: renaming one needs no refresh).
  for (const term of searchTerms(filters.q ?? "")) {
    const pattern = containsPattern(term);
    conditions.push(
      or(
        sql`${sessions.searchText} like ${pattern} escape '\\'`,
        sql`exists (select 1 from ${sessionSpeakers} inner join ${speakers} on ${speakers.id} = ${sessionSpeakers.speakerId} inner join ${organisations} on ${organisations.id} = ${speakers.organisationId} where ${sessionSpeakers.sessionId} = ${sessions.id} and ${organisations.searchText} like ${pattern} escape '\\')`,
      ),
    );
  }
  if (filters.speaker) {
    conditions.push(
      sql`exists (select 1 from ${sessionSpeakers} inner join ${speakers} on ${speakers.id} = ${sessionSpeakers.speakerId} where ${sessionSpeakers.sessionId} = ${sessions.id} and ${speakers.editionId} = ${edition.id} and ${speakers.uuid} = ${filters.speaker})`,
    );
  }
  if (filters.format) conditions.push(eq(formats.uuid, filters.format));
  if (filters.theme) conditions.push(eq(themes.uuid, filters.theme));
  if (filters.room) conditions.push(eq(rooms.uuid, filters.room));
  if (filters.status) conditions.push(eq(sessions.status, filters.status));
  if (filters.scheduled === "yes") conditions.push(placed);
  if (filters.scheduled === "no") conditions.push(sql`not (${placed})`);
  if (filters.day) {
    const day = editionDays(edition.startDate, edition.endDate, edition.timeZone).find((d) => d.date === filters.day);
    // A day outside the edition matches nothing rather than everything.
    conditions.push(day ? and(sql`${sessions.startsAt} >= ${day.start}`, sql`${sessions.startsAt} < ${day.end}`) : sql`0`);
  }
  return and(...conditions)!;
}

/**
 * One page of the edition's sessions matching the filters, in three queries whatever the
 * number of sessions (count, page, the page's people).
 */
export async function listSessions(
  db: Queryable,
  { edition, filters, pageSize = SESSIONS_PAGE_SIZE }: { edition: Edition; filters: SessionFilters; pageSize?: number },
): Promise<{ items: SessionListItem[]; total: number; page: number; pageCount: number }> {
  const where = filterWhere(edition, filters);
  const base = db
    .select({ total: count() })
    .from(sessions)
    .leftJoin(formats, eq(formats.id, sessions.formatId))
    .leftJoin(themes, eq(themes.id, sessions.themeId))
    .leftJoin(rooms, eq(rooms.id, sessions.roomId))
    .where(where);
  const totalRow = await base.get();
  const total = totalRow?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filters.page ?? 1, pageCount);
  const rows = await db
    .select({
      id: sessions.id,
      uuid: sessions.uuid,
      slug: sessions.slug,
      titleFr: sessions.titleFr,
      titleEn: sessions.titleEn,
      status: sessions.status,
      isPublic: sessions.isPublic,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      formatFr: formats.nameFr,
      formatEn: formats.nameEn,
      themeFr: themes.nameFr,
      themeEn: themes.nameEn,
      themeColour: themes.colour,
      room: rooms.name,
    })
    .from(sessions)
    .leftJoin(formats, eq(formats.id, sessions.formatId))
    .leftJoin(themes, eq(themes.id, sessions.themeId))
    .leftJoin(rooms, eq(rooms.id, sessions.roomId))
    .where(where)
    .orderBy(sql`${sessions.startsAt} is null`, asc(sessions.startsAt), asc(rooms.position), sql`coalesce(${sessions.titleFr}, ${sessions.titleEn})`, asc(sessions.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const people = new Map<number, string[]>();
  if (rows.length > 0) {
    const personRows = await db
      .select({ sessionId: sessionSpeakers.sessionId, name: speakers.publicName })
      .from(sessionSpeakers)
      .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
      .where(inArray(sessionSpeakers.sessionId, rows.map((row) => row.id)))
      .orderBy(asc(sessionSpeakers.sessionId), asc(sessionSpeakers.position))
      .all();
    for (const row of personRows) people.set(row.sessionId, [...(people.get(row.sessionId) ?? []), row.name]);
  }
  const tz = edition.timeZone;
  return {
    total,
    page,
    pageCount,
    items: rows.map((row) => ({
      uuid: row.uuid,
      slug: row.slug,
      titleFr: row.titleFr,
      titleEn: row.titleEn,
      status: row.status,
      isPublic: row.isPublic,
      format: row.formatFr === null ? null : { fr: row.formatFr, en: row.formatEn ?? row.formatFr },
      theme: row.themeFr === null ? null : { fr: row.themeFr, en: row.themeEn ?? row.themeFr, colour: row.themeColour ?? "#555555" },
      room: row.room,
      day: row.startsAt === null ? null : localDate(row.startsAt, tz),
      start: row.startsAt === null ? null : localTime(row.startsAt, tz),
      end: row.endsAt === null ? null : localTime(row.endsAt, tz),
      people: people.get(row.id) ?? [],
    })),
  };
}

// ---------------------------------------------------------------- one session

export type SessionPerson = {
  speakerUuid: string;
  name: string;
  organisation: string | null;
  role: (typeof sessionSpeakers.$inferSelect)["role"];
  confirmation: (typeof sessionSpeakers.$inferSelect)["confirmation"];
  position: number;
};

export type SessionDetail = typeof sessions.$inferSelect & {
  formatUuid: string | null;
  themeUuid: string | null;
  roomUuid: string | null;
  formatName: string | null;
  themeName: string | null;
  roomName: string | null;
  people: SessionPerson[];
};

/** A session of this edition with its people (two queries); null when the UUID is not one of its sessions. */
export async function getSession(db: Queryable, { editionId, sessionUuid }: { editionId: number; sessionUuid: string }): Promise<SessionDetail | null> {
  const row = await db
    .select({
      session: sessions,
      formatUuid: formats.uuid,
      themeUuid: themes.uuid,
      roomUuid: rooms.uuid,
      formatName: formats.nameFr,
      themeName: themes.nameFr,
      roomName: rooms.name,
    })
    .from(sessions)
    .leftJoin(formats, eq(formats.id, sessions.formatId))
    .leftJoin(themes, eq(themes.id, sessions.themeId))
    .leftJoin(rooms, eq(rooms.id, sessions.roomId))
    .where(and(eq(sessions.editionId, editionId), eq(sessions.uuid, sessionUuid)))
    .get();
  if (!row) return null;
  const people = await peopleOf(db, row.session.id);
  const { session, ...refs } = row;
  return { ...session, ...refs, people };
}

export async function peopleOf(db: Queryable, sessionId: number): Promise<SessionPerson[]> {
  return db
    .select({
      speakerUuid: speakers.uuid,
      name: speakers.publicName,
      organisation: organisations.name,
      role: sessionSpeakers.role,
      confirmation: sessionSpeakers.confirmation,
      position: sessionSpeakers.position,
    })
    .from(sessionSpeakers)
    .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
    .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
    .where(eq(sessionSpeakers.sessionId, sessionId))
    .orderBy(asc(sessionSpeakers.position), asc(sessionSpeakers.id))
    .all();
}

/** The session as the edit form shows it (strings, local times): the loader's defaults and a stale save's "theirs". */
export function sessionFormValues(session: SessionDetail, timeZone: string): Record<string, string> {
  return {
    titleFr: session.titleFr ?? "",
    titleEn: session.titleEn ?? "",
    abstractFr: session.abstractFr ?? "",
    abstractEn: session.abstractEn ?? "",
    slug: session.slug,
    formatId: session.formatUuid ?? "",
    themeId: session.themeUuid ?? "",
    roomId: session.roomUuid ?? "",
    language: session.language,
    status: session.status,
    isPublic: session.isPublic ? "on" : "",
    expectedAudience: session.expectedAudience === null ? "" : String(session.expectedAudience),
    day: session.startsAt === null ? "" : localDate(session.startsAt, timeZone),
    start: session.startsAt === null ? "" : localTime(session.startsAt, timeZone),
    end: session.endsAt === null ? "" : localTime(session.endsAt, timeZone),
    // The second pass of a repeated autumn hour, kept so that saving the form unchanged moves nothing.
    startOccurrence: session.startsAt === null ? "" : occurrenceOf(session.startsAt, timeZone) === "second" ? "second" : "",
    endOccurrence: session.endsAt === null ? "" : occurrenceOf(session.endsAt, timeZone) === "second" ? "second" : "",
    people: session.people.map((p) => `${p.name} (${p.role})`).join(", "),
  };
}

// ---------------------------------------------------------------- people

/** Speakers of the edition whose name, organisation or email matches, for the "add a person" search. */
export async function searchSpeakers(
  db: Queryable,
  { editionId, q, limit = 10 }: { editionId: number; q: string; limit?: number },
): Promise<{ uuid: string; name: string; organisation: string | null }[]> {
  const terms = searchTerms(q);
  return db
    .select({ uuid: speakers.uuid, name: speakers.publicName, organisation: organisations.name })
    .from(speakers)
    .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
    .where(
      and(
        eq(speakers.editionId, editionId),
        ...terms.map((term) => {
          const pattern = containsPattern(term);
          return sql`(${speakers.searchText} like ${pattern} escape '\\' or coalesce(${organisations.searchText}, '') like ${pattern} escape '\\')`;
        }),
      ),
    )
    .orderBy(asc(speakers.publicName))
    .limit(limit)
    .all();
}

/** The public name of one of the edition's speakers (the list's speaker filter chip); null when not the edition's. */
export async function speakerNameOf(db: Queryable, { editionId, speakerUuid }: { editionId: number; speakerUuid: string }): Promise<string | null> {
  const row = await db
    .select({ name: speakers.publicName })
    .from(speakers)
    .where(and(eq(speakers.editionId, editionId), eq(speakers.uuid, speakerUuid)))
    .get();
  return row?.name ?? null;
}
