// What the audit log says about board changes: who last changed a session (for refusals) and
// the organiser's own changes (for undo).
import { and, desc, eq, gt, inArray, ne, or } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { auditLog, organisers } from "~/db/schema";
import { titleOf } from "~/domain/board/day-view";
import type { AuditPlacement, UndoRow } from "~/domain/board/undo";
import type { BoardOutcome, StaleChange } from "~/domain/board/view";
import { isMessageKey, translate, type Locale } from "~/i18n";
import type { AuditAction } from "~/models/audit.server";
import type { CachedProgramme } from "../programme-cache.server";
import { placementText } from "./placement-text.server";

const BOARD_ACTIONS: AuditAction[] = ["place", "move", "swap", "unschedule"];
/** How far back the undo stack looks (an organiser's own board changes). */
const UNDO_DEPTH = 60;

/**
 * Who last changed each of these sessions, and where they are now (one query). With `since`,
 * only the sessions changed after that instant.
 */
export async function lastChanges(
  db: Queryable,
  entry: CachedProgramme,
  editionId: number,
  uuids: string[],
  locale: Locale,
  since?: number,
): Promise<StaleChange[]> {
  const rows = await db
    .select({ uuid: auditLog.entityUuid, at: auditLog.at, by: organisers.name })
    .from(auditLog)
    .leftJoin(organisers, eq(organisers.id, auditLog.organiserId))
    .where(
      and(
        eq(auditLog.editionId, editionId),
        eq(auditLog.entity, "session"),
        inArray(auditLog.entityUuid, uuids),
        since === undefined ? undefined : gt(auditLog.at, since),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(uuids.length * 4)
    .all();
  return uuids.flatMap((uuid) => {
    const s = entry.programme.input.sessions[entry.sessionIndex.get(uuid)!]!;
    const last = rows.find((r) => r.uuid === uuid);
    if (since !== undefined && !last) return [];
    return [{ session: uuid, title: titleOf(s, locale), by: last?.by ?? null, at: last?.at ?? null, now: placementText(entry, s, locale) }];
  });
}

/** At most this many changes to the edition's structure are named when a preview went stale. */
const STRUCTURE_NAMED = 10;

/** A recorded object's name: its `name` (or public name, or title), in the locale when it is localised. */
function nameIn(values: Record<string, unknown> | null, locale: Locale): string | null {
  for (const field of ["name", "publicName", "title", "date"]) {
    const v = values?.[field];
    if (typeof v === "string" && v.trim() !== "") return v;
    if (v && typeof v === "object" && typeof (v as Record<string, unknown>)[locale] === "string") return (v as Record<string, string>)[locale]!;
  }
  return null;
}

/**
 * The edition's changes other than sessions' since `since` (rooms, slots, people, formats,
 * levels…), newest first, worded like a session's change: what (« Salle « A » »), its action,
 * by whom. What makes an auto-scheduling preview stale when no session moved.
 */
export async function structureChanges(db: Queryable, editionId: number, since: number, locale: Locale): Promise<StaleChange[]> {
  const rows = await db
    .select({ id: auditLog.id, entity: auditLog.entity, uuid: auditLog.entityUuid, action: auditLog.action, at: auditLog.at, before: auditLog.before, after: auditLog.after, by: organisers.name })
    .from(auditLog)
    .leftJoin(organisers, eq(organisers.id, auditLog.organiserId))
    .where(and(eq(auditLog.editionId, editionId), ne(auditLog.entity, "session"), gt(auditLog.at, since)))
    .orderBy(desc(auditLog.id))
    .limit(STRUCTURE_NAMED)
    .all();
  const word = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? translate(locale, key) : value;
  };
  return rows.map((r) => {
    const name = nameIn(r.after, locale) ?? nameIn(r.before, locale);
    const entity = word("audit.entity", r.entity);
    return {
      session: r.uuid ?? `${r.entity}-${r.id}`,
      title: name ? translate(locale, "auto.refused.named", { entity, name }) : entity,
      by: r.by ?? null,
      at: r.at,
      now: word("audit.action", r.action),
    };
  });
}

/** Who last changed each of these sessions, and where they are now. */
export async function staleOutcome(
  db: Queryable,
  entry: CachedProgramme,
  editionId: number,
  uuids: string[],
  locale: Locale,
): Promise<Exclude<BoardOutcome, { ok: true }>> {
  const changes = await lastChanges(db, entry, editionId, uuids, locale);
  const message = changes
    .map((c) =>
      translate(locale, c.by ? "board.refused.staleBy" : "board.refused.staleSomeone", {
        title: c.title,
        by: c.by ?? "",
        now: c.now,
      }),
    )
    .join(" ");
  return { ok: false, reason: "stale", message, changes };
}

export async function undoCandidates(db: Queryable, editionId: number, organiserId: number): Promise<UndoRow[]> {
  const rows = await db
    .select({ id: auditLog.id, entity: auditLog.entity, uuid: auditLog.entityUuid, action: auditLog.action, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.editionId, editionId),
        eq(auditLog.organiserId, organiserId),
        or(
          and(eq(auditLog.entity, "session"), inArray(auditLog.action, BOARD_ACTIONS)),
          // An auto-scheduling change made on the board: one entry listing its placements.
          and(eq(auditLog.entity, "schedule"), eq(auditLog.action, "place")),
        ),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(UNDO_DEPTH)
    .all();
  return rows.flatMap((r): UndoRow[] => {
    const after = r.after as (UndoRow["after"] & { placements?: ScheduleEntry[] }) | null;
    if (!after || typeof after.change !== "string") return [];
    if (r.entity === "schedule") {
      const { change, undoes } = after;
      return (after.placements ?? [])
        .filter((p) => p.before)
        .map((p) => ({
          id: r.id,
          session: p.session,
          action: "schedule",
          before: p.before,
          after: { room: p.room, roomName: p.roomName, startsAt: p.startsAt, endsAt: p.endsAt, status: p.status, change, ...(undoes ? { undoes } : {}) },
        }));
    }
    if (!r.uuid || !r.before) return [];
    return [{ id: r.id, session: r.uuid, action: r.action as UndoRow["action"], before: r.before as AuditPlacement, after }];
  });
}

/** One placement of an auto-scheduling change's audit entry (app/services/board/write.server.ts). */
type ScheduleEntry = AuditPlacement & { session: string; before: AuditPlacement };
