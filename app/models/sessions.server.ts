// Sessions of one edition: every function takes the edition's id and never reaches a
// row of another edition (a UUID from elsewhere is "not found", a 404).
import { and, asc, count, eq, inArray, isNotNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { formats, programmeVersions, rooms, sessions, sessionSpeakers, speakers, themes, organisations } from "~/db/schema";
import { diffRecords, type AuditRecord } from "~/domain/audit";
import { containsPattern, searchTerms, searchTextOf } from "~/domain/search";
import { editionDays, localDate, localTime, occurrenceOf } from "~/domain/time";
import type { Locale } from "~/i18n";
import { resolvePlacement } from "~/schemas/placement";
import type { EditionSummary } from "~/models/editions.server";
import { recordAudit, type Actor } from "~/models/audit.server";
import { refreshSessionSearch } from "~/models/search-text.server";
import { addSessionSpeakers, removeSessionSpeaker, reorderSessionSpeakers, setSessionSpeakerRole } from "~/models/session-speakers.server";
import { StaleVersionError, updateVersioned } from "~/models/versioning.server";
import type { PeopleChange, SessionFilters, SessionForm } from "~/schemas/sessions";
import type { FieldErrors } from "~/utils/forms";

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
  // Every word in the folded titles or the speakers' names.
  for (const term of searchTerms(filters.q ?? "")) conditions.push(sql`${sessions.searchText} like ${containsPattern(term)} escape '\\'`);
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

async function peopleOf(db: Queryable, sessionId: number): Promise<SessionPerson[]> {
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

/** What the audit log keeps of a session: readable names rather than internal ids. */
function auditView(session: typeof sessions.$inferSelect, names: { format: string | null; theme: string | null; room: string | null }): AuditRecord {
  return {
    slug: session.slug,
    titleFr: session.titleFr,
    titleEn: session.titleEn,
    abstractFr: session.abstractFr,
    abstractEn: session.abstractEn,
    formatId: names.format,
    themeId: names.theme,
    language: session.language,
    status: session.status,
    isPublic: session.isPublic,
    expectedAudience: session.expectedAudience,
    roomId: names.room,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
  };
}

export type SaveResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

type Resolved = {
  values: Omit<typeof sessions.$inferInsert, "editionId" | "slug">;
  names: { format: string | null; theme: string | null; room: string | null };
};

/**
 * Checks what only the server knows (references belong to this edition, the day is one of
 * the edition's, the local times exist) and turns the form into column values.
 */
async function resolveForm(db: Queryable, edition: Edition, data: SessionForm, locale: Locale): Promise<SaveResult<Resolved>> {
  const errors: FieldErrors = {};
  const [format, theme, room] = await Promise.all([
    data.formatId
      ? db.select({ id: formats.id, name: formats.nameFr }).from(formats).where(and(eq(formats.editionId, edition.id), eq(formats.uuid, data.formatId))).get()
      : null,
    data.themeId
      ? db.select({ id: themes.id, name: themes.nameFr }).from(themes).where(and(eq(themes.editionId, edition.id), eq(themes.uuid, data.themeId))).get()
      : null,
    data.roomId
      ? db.select({ id: rooms.id, name: rooms.name }).from(rooms).where(and(eq(rooms.editionId, edition.id), eq(rooms.uuid, data.roomId))).get()
      : null,
  ]);
  if (data.formatId && !format) errors.formatId = "sessions.error.unknown";
  if (data.themeId && !theme) errors.themeId = "sessions.error.unknown";
  if (data.roomId && !room) errors.roomId = "sessions.error.unknown";
  let startsAt: number | null = null;
  let endsAt: number | null = null;
  if (data.day && data.start && data.end) {
    // The placement schema's rule, as on the board: the day is one of the edition's.
    const days = editionDays(edition.startDate, edition.endDate, edition.timeZone);
    const placed = resolvePlacement({ days, timeZone: edition.timeZone }, { date: data.day, start: data.start, end: data.end, startOccurrence: data.startOccurrence, endOccurrence: data.endOccurrence }, locale);
    if (placed.ok) {
      startsAt = placed.start;
      endsAt = placed.end;
    } else Object.assign(errors, placed.errors.date ? { day: placed.errors.date } : {}, placed.errors.start ? { start: placed.errors.start } : {}, placed.errors.end ? { end: placed.errors.end } : {});
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      values: {
        titleFr: data.titleFr,
        titleEn: data.titleEn,
        abstractFr: data.abstractFr,
        abstractEn: data.abstractEn,
        formatId: format?.id ?? null,
        themeId: theme?.id ?? null,
        roomId: room?.id ?? null,
        language: data.language,
        status: data.status,
        isPublic: data.isPublic,
        expectedAudience: data.expectedAudience,
        startsAt,
        endsAt,
      },
      names: { format: format?.name ?? null, theme: theme?.name ?? null, room: room?.name ?? null },
    },
  };
}

export function slugify(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "session"
  );
}

async function slugTaken(db: Queryable, editionId: number, slug: string, exceptId?: number): Promise<boolean> {
  const row = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.editionId, editionId), eq(sessions.slug, slug), exceptId === undefined ? undefined : ne(sessions.id, exceptId)))
    .get();
  return row !== undefined;
}

/** A free slug from the title: "le-futur", then "le-futur-2"… (one query). */
async function freeSlug(db: Queryable, editionId: number, base: string): Promise<string> {
  const rows = await db
    .select({ slug: sessions.slug })
    .from(sessions)
    .where(and(eq(sessions.editionId, editionId), or(eq(sessions.slug, base), sql`${sessions.slug} like ${`${base}-%`}`)))
    .all();
  const used = new Set(rows.map((row) => row.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Creates a session and its audit entry in one transaction. */
export async function createSession(
  db: Queryable,
  { edition, data, actor, locale }: { edition: Edition; data: SessionForm; actor: Actor; locale: Locale },
): Promise<SaveResult<{ uuid: string }>> {
  return db.transaction(async (tx) => {
    const resolved = await resolveForm(tx, edition, data, locale);
    if (!resolved.ok) return resolved;
    let slug = data.slug;
    if (slug) {
      if (await slugTaken(tx, edition.id, slug)) return { ok: false, errors: { slug: "sessions.error.slugTaken" } };
    } else {
      slug = await freeSlug(tx, edition.id, slugify(data.titleFr ?? data.titleEn ?? ""));
    }
    const created = await tx
      .insert(sessions)
      // A new session has nobody on it yet: its titles are all its search text.
      .values({ ...resolved.value.values, editionId: edition.id, slug, searchText: searchTextOf([resolved.value.values.titleFr, resolved.value.values.titleEn]) })
      .returning()
      .get();
    await recordAudit(tx, {
      editionId: edition.id,
      actor,
      entity: "session",
      entityUuid: created.uuid,
      action: "create",
      after: auditView(created, resolved.value.names),
    });
    return { ok: true, value: { uuid: created.uuid } };
  });
}

/** Where a session was before a save moved it (its day, time or room changed). */
export type MovedFrom = { sessionId: number; startsAt: number | null; endsAt: number | null; roomId: number | null };

/**
 * Saves the edit form at the version it was read at (StaleVersionError otherwise) and records
 * what changed. Call it inside the caller's transaction: when the room or times changed,
 * `movedFrom` says where the session was, so the caller asks confirmed speakers to confirm
 * again (services/sessions.server.ts `saveSession`). Null when the session is not the edition's.
 */
export async function updateSession(
  tx: Queryable,
  {
    edition,
    sessionUuid,
    version,
    data,
    actor,
    locale,
  }: { edition: Edition; sessionUuid: string; version: number; data: SessionForm; actor: Actor; locale: Locale },
): Promise<SaveResult<{ uuid: string; movedFrom: MovedFrom | null }> | null> {
  const before = await getSessionRow(tx, edition.id, sessionUuid);
  if (!before) return null;
  const resolved = await resolveForm(tx, edition, data, locale);
  if (!resolved.ok) return resolved;
  const slug = data.slug ?? before.session.slug;
  if (slug !== before.session.slug && (await slugTaken(tx, edition.id, slug, before.session.id))) {
    return { ok: false, errors: { slug: "sessions.error.slugTaken" } };
  }
  const after = await updateVersioned(tx, sessions, and(eq(sessions.id, before.session.id), eq(sessions.editionId, edition.id)), version, {
    ...resolved.value.values,
    slug,
  });
  if (!after) return null;
  if (before.session.titleFr !== after.titleFr || before.session.titleEn !== after.titleEn) await refreshSessionSearch(tx, [after.id]);
  const diff = diffRecords(auditView(before.session, before.names), auditView(after, resolved.value.names));
  if (diff) {
    await recordAudit(tx, { editionId: edition.id, actor, entity: "session", entityUuid: sessionUuid, action: "update", ...diff });
  }
  const moved =
    before.session.roomId !== after.roomId || before.session.startsAt !== after.startsAt || before.session.endsAt !== after.endsAt;
  const movedFrom = moved ? { sessionId: after.id, startsAt: before.session.startsAt, endsAt: before.session.endsAt, roomId: before.session.roomId } : null;
  return { ok: true, value: { uuid: sessionUuid, movedFrom } };
}

async function getSessionRow(db: Queryable, editionId: number, sessionUuid: string) {
  const row = await db
    .select({ session: sessions, format: formats.nameFr, theme: themes.nameFr, room: rooms.name })
    .from(sessions)
    .leftJoin(formats, eq(formats.id, sessions.formatId))
    .leftJoin(themes, eq(themes.id, sessions.themeId))
    .leftJoin(rooms, eq(rooms.id, sessions.roomId))
    .where(and(eq(sessions.editionId, editionId), eq(sessions.uuid, sessionUuid)))
    .get();
  if (!row) return null;
  return { session: row.session, names: { format: row.format, theme: row.theme, room: row.room } };
}

/** Cancels a session: it stays, with its place, people and history; only its status changes. False: not the edition's. */
export async function cancelSession(
  db: Queryable,
  { editionId, sessionUuid, version, actor }: { editionId: number; sessionUuid: string; version: number; actor: Actor },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const before = await getSessionRow(tx, editionId, sessionUuid);
    if (!before) return false;
    if (before.session.status === "cancelled") return true;
    const after = await updateVersioned(tx, sessions, and(eq(sessions.id, before.session.id), eq(sessions.editionId, editionId)), version, {
      status: "cancelled",
    });
    if (!after) return false;
    await recordAudit(tx, {
      editionId,
      actor,
      entity: "session",
      entityUuid: sessionUuid,
      action: "update",
      before: { status: before.session.status },
      after: { status: "cancelled" },
    });
    return true;
  });
}

/** Whether a published programme version ever contained this session (its UUID is in a snapshot). */
export async function wasEverPublished(db: Queryable, { editionId, sessionUuid }: { editionId: number; sessionUuid: string }): Promise<boolean> {
  const row = await db
    .select({ one: sql<number>`1` })
    .from(programmeVersions)
    .where(and(eq(programmeVersions.editionId, editionId), sql`instr(${programmeVersions.snapshot}, ${sessionUuid}) > 0`))
    .limit(1)
    .get();
  return row !== undefined;
}

export class PublishedSessionError extends Error {
  constructor() {
    super("A session that was ever published cannot be deleted; cancel it instead");
  }
}

/**
 * Deletes a session that was never published (admins only: the route checks). Its people go
 * with it; its audit entries stay, with the deleted values in `before`. False: not the edition's.
 */
export async function deleteSession(
  db: Queryable,
  { editionId, sessionUuid, version, actor }: { editionId: number; sessionUuid: string; version: number; actor: Actor },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const before = await getSessionRow(tx, editionId, sessionUuid);
    if (!before) return false;
    if (before.session.firstPublishedVersion !== null || (await wasEverPublished(tx, { editionId, sessionUuid }))) {
      throw new PublishedSessionError();
    }
    const people = await peopleOf(tx, before.session.id);
    const deleted = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, before.session.id), eq(sessions.editionId, editionId), eq(sessions.version, version)))
      .returning({ id: sessions.id });
    if (deleted.length === 0) {
      const current = await tx.select().from(sessions).where(eq(sessions.id, before.session.id)).get();
      throw new StaleVersionError(current);
    }
    await recordAudit(tx, {
      editionId,
      actor,
      entity: "session",
      entityUuid: sessionUuid,
      action: "delete",
      before: { ...auditView(before.session, before.names), people: people.map((p) => `${p.name} (${p.role})`) },
    });
    return true;
  });
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

/**
 * Adds, removes, reorders or re-roles one person. The session's version goes up (a people
 * change is a save of the session like any other), and the audit entry lists the people
 * before and after. A removed person's confirmation goes with them. Null: the session, or the
 * person on it, is not found.
 */
export async function changePeople(
  db: Queryable,
  { editionId, sessionUuid, change, actor }: { editionId: number; sessionUuid: string; change: PeopleChange; actor: Actor },
): Promise<SaveResult<null> | null> {
  return db.transaction(async (tx) => {
    const found = await getSessionRow(tx, editionId, sessionUuid);
    if (!found) return null;
    const { session } = found;
    const speaker = await tx
      .select({ id: speakers.id })
      .from(speakers)
      .where(and(eq(speakers.editionId, editionId), eq(speakers.uuid, change.speakerId)))
      .get();
    if (!speaker) return { ok: false, errors: { speakerId: "sessions.error.unknown" } };
    const rows = await tx
      .select({ id: sessionSpeakers.id, speakerId: sessionSpeakers.speakerId, role: sessionSpeakers.role, position: sessionSpeakers.position })
      .from(sessionSpeakers)
      .where(eq(sessionSpeakers.sessionId, session.id))
      .orderBy(asc(sessionSpeakers.position), asc(sessionSpeakers.id))
      .all();
    const beforePeople = await peopleOf(tx, session.id);
    const index = rows.findIndex((row) => row.speakerId === speaker.id);
    if (change.intent === "addPerson" && index >= 0) return { ok: false, errors: { speakerId: "sessions.error.alreadyThere" } };
    if (change.intent !== "addPerson" && index < 0) return null;
    // The version check first: a stale change must not touch the people.
    if (!(await updateVersioned(tx, sessions, and(eq(sessions.id, session.id), eq(sessions.editionId, editionId)), change.version, {}))) return null;
    switch (change.intent) {
      case "addPerson":
        await addSessionSpeakers(tx, [{ sessionId: session.id, speakerId: speaker.id, role: change.role, position: rows.length }]);
        break;
      case "removePerson":
        await removeSessionSpeaker(tx, { id: rows[index]!.id });
        break;
      case "changeRole":
        await setSessionSpeakerRole(tx, { id: rows[index]!.id, role: change.role });
        break;
      case "movePerson": {
        const other = change.direction === "up" ? index - 1 : index + 1;
        if (other < 0 || other >= rows.length) break;
        const order = rows.map((row) => row.id);
        [order[index], order[other]] = [order[other]!, order[index]!];
        // Rewrite every position: positions may have gaps or ties from imports.
        await reorderSessionSpeakers(tx, { sessionId: session.id, order });
        break;
      }
    }
    // The session is searched by its people's names, in their order; a role is not part of it.
    if (change.intent !== "changeRole") await refreshSessionSearch(tx, [session.id]);
    const afterPeople = await peopleOf(tx, session.id);
    const view = (people: SessionPerson[]) => people.map((p) => `${p.name} (${p.role})`);
    await recordAudit(tx, {
      editionId,
      actor,
      entity: "session",
      entityUuid: sessionUuid,
      action: "update",
      before: { people: view(beforePeople) },
      after: { people: view(afterPeople) },
    });
    return { ok: true, value: null };
  });
}
