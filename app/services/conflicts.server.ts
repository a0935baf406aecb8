// The conflict engine on an edition's stored programme: what the conflicts page,
// the dashboard, the session page, the board's panel, publishing and the CLI read.
import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { conflictAcknowledgements, organisers } from "~/db/schema";
import { fingerprintFor, type Conflict, type Level, type Localised, type RuleId } from "~/domain/conflicts";
import { LEVELS } from "~/domain/conflicts/types";
import { recordAudit, type Actor } from "~/models/audit.server";
import { currentProgramme } from "./programme-cache.server";
import type { LoadedProgramme } from "./programme.server";
import { notFound } from "~/utils/http.server";

export type ReportedLevel = Exclude<Level, "off">;
export const REPORTED_LEVELS = LEVELS.filter((level): level is ReportedLevel => level !== "off");

/**
 * Every current conflict of an edition, in the engine's order, with the programme it was
 * computed from: the one way to read them. It asks the cached incremental checker
 * (programme-cache.server.ts), so a page read again with nothing changed costs the stamp's
 * query, whatever the programme's size; inside a write transaction the answer is exact.
 */
export async function checkEdition(
  db: Queryable,
  { editionId }: { editionId: number },
): Promise<{ programme: LoadedProgramme; conflicts: Conflict[] }> {
  const { programme, checker } = await currentProgramme(db, editionId);
  return { programme, conflicts: checker.conflicts() };
}

export type LevelCounts = Record<ReportedLevel, { open: number; acknowledged: number }>;

export function countByLevel(conflicts: readonly Conflict[]): LevelCounts {
  const counts = Object.fromEntries(REPORTED_LEVELS.map((level) => [level, { open: 0, acknowledged: 0 }])) as LevelCounts;
  for (const conflict of conflicts) counts[conflict.level][conflict.acknowledged ? "acknowledged" : "open"] += 1;
  return counts;
}

/** Levels at or above `min` (block is the most severe). */
export function levelsFrom(min: ReportedLevel): ReportedLevel[] {
  return REPORTED_LEVELS.slice(0, REPORTED_LEVELS.indexOf(min) + 1);
}

/** Names for what conflicts mention: session titles, people's names, room names, acknowledgement authors. */
export type ConflictNames = {
  sessions: Record<string, { title: Localised; slug: string }>;
  people: Record<string, string>;
  rooms: Record<string, string>;
};

export function namesOf(programme: LoadedProgramme): ConflictNames {
  const names: ConflictNames = { sessions: {}, people: {}, rooms: {} };
  for (const session of programme.input.sessions) {
    const fr = session.title.fr ?? session.title.en ?? "";
    names.sessions[session.id] = {
      title: { fr, en: session.title.en ?? fr },
      slug: programme.sessionMeta.get(session.id)?.slug ?? "",
    };
  }
  for (const person of programme.input.people) names.people[person.id] = person.publicName ?? person.name;
  for (const room of programme.input.rooms) names.rooms[room.id] = room.name;
  return names;
}

export type AcknowledgementView = { id: string; reason: string; by: string | null; at: number };

/** The active acknowledgements of an edition by uuid, with their authors' names (one query). */
export async function acknowledgementsOf(db: Queryable, editionId: number): Promise<Map<string, AcknowledgementView>> {
  const rows = await db
    .select({
      uuid: conflictAcknowledgements.uuid,
      reason: conflictAcknowledgements.reason,
      createdAt: conflictAcknowledgements.createdAt,
      by: organisers.name,
    })
    .from(conflictAcknowledgements)
    .leftJoin(organisers, eq(organisers.id, conflictAcknowledgements.organiserId))
    .where(and(eq(conflictAcknowledgements.editionId, editionId), isNull(conflictAcknowledgements.withdrawnAt)))
    .all();
  return new Map(rows.map((row) => [row.uuid, { id: row.uuid, reason: row.reason, by: row.by, at: row.createdAt }]));
}

export class ConflictGoneError extends Error {
  constructor(readonly key: string) {
    super(`No current conflict has the key ${key}`);
  }
}

/**
 * Accepts one current conflict with a written reason. The acknowledgement holds while the
 * sessions it names keep their time, room and people (the engine's fingerprint); it lapses
 * by itself when one of them changes. Idempotent: acknowledging an acknowledged conflict
 * keeps the first reason.
 */
export async function acknowledgeConflict(
  db: Queryable,
  { editionId, key, reason, actor, organiserId }: { editionId: number; key: string; reason: string; actor: Actor; organiserId: number | null },
): Promise<{ id: string; created: boolean }> {
  const { programme, conflicts } = await checkEdition(db, { editionId });
  const conflict = conflicts.find((c) => c.key === key);
  if (!conflict) throw new ConflictGoneError(key);
  if (conflict.acknowledged && conflict.acknowledgementId) return { id: conflict.acknowledgementId, created: false };
  const [row] = await db
    .insert(conflictAcknowledgements)
    .values({
      editionId,
      rule: conflict.rule,
      key: conflict.key,
      fingerprint: fingerprintFor(programme.input, conflict),
      sessionUuids: conflict.sessions,
      speakerUuids: conflict.people,
      roomUuids: conflict.rooms,
      reason,
      organiserId,
    })
    .returning({ uuid: conflictAcknowledgements.uuid });
  await recordAudit(db, {
    editionId,
    actor,
    entity: "conflict_acknowledgement",
    entityUuid: row!.uuid,
    action: "acknowledge",
    after: { rule: conflict.rule, key: conflict.key, level: conflict.level, reason, message: conflict.message.en },
  });
  return { id: row!.uuid, created: true };
}

/** Withdraws an acknowledgement of this edition; the conflict is open again. */
export async function withdrawAcknowledgement(
  db: Queryable,
  { editionId, acknowledgementId, actor, now = Date.now() }: { editionId: number; acknowledgementId: string; actor: Actor; now?: number },
): Promise<void> {
  const [row] = await db
    .update(conflictAcknowledgements)
    .set({ withdrawnAt: now })
    .where(
      and(
        eq(conflictAcknowledgements.editionId, editionId),
        eq(conflictAcknowledgements.uuid, acknowledgementId),
        isNull(conflictAcknowledgements.withdrawnAt),
      ),
    )
    .returning({ rule: conflictAcknowledgements.rule, key: conflictAcknowledgements.key, reason: conflictAcknowledgements.reason });
  if (!row) notFound();
  await recordAudit(db, {
    editionId,
    actor,
    entity: "conflict_acknowledgement",
    entityUuid: acknowledgementId,
    action: "withdraw",
    before: { rule: row.rule, key: row.key, reason: row.reason },
    at: now,
  });
}

export type { Conflict, RuleId };
