// What the audit log says about board changes: who last changed a session (for refusals) and
// the organiser's own changes (for undo).
import { and, desc, eq, gt, inArray, or } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { auditLog, organisers } from "~/db/schema";
import { titleOf } from "~/domain/board/day-view";
import type { AuditPlacement, UndoRow } from "~/domain/board/undo";
import type { BoardOutcome, StaleChange } from "~/domain/board/view";
import { translate, type Locale } from "~/i18n";
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
