// Bulk changes of the sessions list (issue 14 item 12): the status, theme or format of the ticked
// sessions, in one write transaction — every session must be the edition's (otherwise 404 and
// nothing written), the new value must be one of the edition's, the status "scheduled" needs a
// place, and a change that would raise a `block` conflict is refused as on the board. Versions
// go up (open edit forms see the change as someone else's save) and ONE audit entry lists the
// sessions. No session moves, so no confirmation lapses. A constant number of queries, whatever
// the number of sessions.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database, Queryable } from "~/db/client.server";
import { formats, sessions, sessionSpeakers, speakers, themes } from "~/db/schema";
import { appearedAfter } from "~/domain/board/batch";
import type { SessionInput } from "~/domain/conflicts";
import { translate, type Locale } from "~/i18n";
import { recordAudit, type Actor } from "~/models/audit.server";
import type { SessionsBulkChange } from "~/schemas/sessions-bulk";
import type { FieldErrors } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { currentProgramme } from "./programme-cache.server";

export type BulkOutcome = { ok: true; count: number } | { ok: false; errors: FieldErrors };

type Field = "status" | "themeId" | "formatId";

/** What the change sets: the column, its value, the engine's view of it, and the value's name for the audit entry. */
type Setting = { field: Field; column: number | string | null; engine: Partial<SessionInput>; name: string | null };

async function resolveSetting(tx: Queryable, editionId: number, change: SessionsBulkChange): Promise<Setting | { errors: FieldErrors }> {
  switch (change.intent) {
    case "bulkStatus":
      return { field: "status", column: change.status, engine: { status: change.status }, name: change.status };
    case "bulkTheme": {
      if (change.theme === null) return { field: "themeId", column: null, engine: { themeId: null }, name: null };
      const row = await tx.select({ id: themes.id, name: themes.nameFr }).from(themes).where(and(eq(themes.editionId, editionId), eq(themes.uuid, change.theme))).get();
      return row ? { field: "themeId", column: row.id, engine: { themeId: change.theme }, name: row.name } : { errors: { theme: "bulk.error.choose" } };
    }
    case "bulkFormat": {
      if (change.format === null) return { field: "formatId", column: null, engine: { formatId: null }, name: null };
      const row = await tx.select({ id: formats.id, name: formats.nameFr }).from(formats).where(and(eq(formats.editionId, editionId), eq(formats.uuid, change.format))).get();
      return row ? { field: "formatId", column: row.id, engine: { formatId: change.format }, name: row.name } : { errors: { format: "bulk.error.choose" } };
    }
  }
}

export async function applySessionsBulk(
  db: Database,
  { editionId, change, actor, locale, now = Date.now() }: { editionId: number; change: SessionsBulkChange; actor: Actor; locale: Locale; now?: number },
): Promise<BulkOutcome> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: sessions.id,
        uuid: sessions.uuid,
        title: sql<string>`coalesce(${sessions.titleFr}, ${sessions.titleEn}, ${sessions.slug})`,
        status: sessions.status,
        themeId: sessions.themeId,
        formatId: sessions.formatId,
        placed: sql<number>`${sessions.roomId} is not null and ${sessions.startsAt} is not null and ${sessions.endsAt} is not null`,
        theme: themes.nameFr,
        format: formats.nameFr,
      })
      .from(sessions)
      .leftJoin(themes, eq(themes.id, sessions.themeId))
      .leftJoin(formats, eq(formats.id, sessions.formatId))
      .where(and(eq(sessions.editionId, editionId), inArray(sessions.uuid, change.session)))
      .all();
    // A session of another edition (or none) is not found, and nothing of the selection changes.
    if (rows.length !== change.session.length) notFound();
    const setting = await resolveSetting(tx, editionId, change);
    if ("errors" in setting) return { ok: false, errors: setting.errors };
    const changing = rows.filter((row) => row[setting.field] !== setting.column);
    if (setting.field === "status" && setting.column === "scheduled" && changing.some((row) => !row.placed)) {
      return { ok: false, errors: { status: "bulk.error.scheduledNeedsPlace" } };
    }
    if (changing.length === 0) return { ok: true, count: 0 };

    // The conflict engine on the programme with the change: a `block` conflict refuses it.
    const { programme } = await currentProgramme(tx, editionId);
    const touched = new Set(changing.map((row) => row.uuid));
    const next = { ...programme.input, sessions: programme.input.sessions.map((s) => (touched.has(s.id) ? { ...s, ...setting.engine } : s)) };
    const blocking = appearedAfter(programme.input, next).filter((c) => c.level === "block" && !c.acknowledged);
    if (blocking.length > 0) return { ok: false, errors: { _form: translate(locale, "board.refused.block", { reason: blocking[0]!.message[locale] }) } };

    await tx
      .update(sessions)
      .set({ [setting.field]: setting.column, version: sql`${sessions.version} + 1`, updatedAt: now })
      .where(and(eq(sessions.editionId, editionId), inArray(sessions.id, changing.map((row) => row.id))));
    const shown = (row: (typeof rows)[number]) => (setting.field === "status" ? row.status : setting.field === "themeId" ? row.theme : row.format);
    await recordAudit(tx, {
      editionId,
      actor,
      entity: "session",
      entityUuid: null,
      action: "update",
      // The sessions listed on the "after" side only, so the entry's table shows them (unchanged fields are left out).
      before: { [setting.field]: changing.map(shown) },
      after: { sessions: changing.map((row) => row.title), [setting.field]: setting.name, uuids: changing.map((row) => row.uuid) },
      at: now,
    });
    return { ok: true, count: changing.length };
  });
}

/** The speakers of these sessions of the edition (their UUIDs, once each): whom "invite the speakers of the selection" names. */
export async function speakersOfSessions(db: Queryable, { editionId, sessionUuids }: { editionId: number; sessionUuids: readonly string[] }): Promise<string[]> {
  if (sessionUuids.length === 0) return [];
  const rows = await db
    .selectDistinct({ uuid: speakers.uuid })
    .from(sessionSpeakers)
    .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
    .innerJoin(speakers, and(eq(speakers.id, sessionSpeakers.speakerId), eq(speakers.editionId, editionId)))
    .where(and(eq(sessions.editionId, editionId), inArray(sessions.uuid, [...sessionUuids])))
    .all();
  return rows.map((row) => row.uuid);
}
