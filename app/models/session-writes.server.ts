// Session writes of one edition: create, save, cancel, delete and the people on a session.
// Every function takes the edition's id, so a UUID from another edition is "not found".
import { and, asc, eq, ne, or, sql } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { formats, programmeVersions, rooms, sessions, sessionSpeakers, speakers, themes } from "~/db/schema";
import { diffRecords, type AuditRecord } from "~/domain/audit";
import { slugify } from "~/domain/slug";
import { searchTextOf } from "~/domain/search";
import { editionDays } from "~/domain/time";
import type { Locale } from "~/i18n";
import { resolvePlacement } from "~/schemas/placement";
import type { EditionSummary } from "~/models/editions.server";
import { recordAudit, type Actor } from "~/models/audit.server";
import { refreshSessionSearch } from "~/models/search-text.server";
import { addSessionSpeakers, removeSessionSpeaker, reorderSessionSpeakers, setSessionSpeakerRole } from "~/models/session-speakers.server";
import { StaleVersionError, updateVersioned } from "~/models/versioning.server";
import type { PeopleChange, SessionForm } from "~/schemas/sessions";
import type { FieldErrors } from "~/utils/forms";
import { peopleOf, type SessionPerson } from "./sessions.server";

type Edition = Pick<EditionSummary, "id" | "timeZone" | "startDate" | "endDate">;

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
      slug = await freeSlug(tx, edition.id, slugify(data.titleFr ?? data.titleEn ?? "") || "session");
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
