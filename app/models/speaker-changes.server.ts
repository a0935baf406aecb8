// "What speakers changed since you last looked": the audit entries written by speakers,
// newer than this organiser's review of each speaker (speaker_reviews).
import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { auditLog, sessions, speakerReviews, speakers } from "~/db/schema";
import type { SpeakerChange } from "~/domain/audit-display";

export type { SpeakerChange };


export const CHANGES_LIMIT = 500;

/** Unseen changes by speakers of the edition (one speaker's, when given), newest first, in one query. */
export async function listSpeakerChanges(
  db: Queryable,
  { editionId, organiserId, speakerUuid }: { editionId: number; organiserId: number; speakerUuid?: string },
): Promise<SpeakerChange[]> {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      speakerUuid: speakers.uuid,
      speakerName: speakers.publicName,
      entity: auditLog.entity,
      action: auditLog.action,
      sessionTitle: sql<string | null>`coalesce(${sessions.titleFr}, ${sessions.titleEn}, ${sessions.slug})`,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .innerJoin(speakers, and(eq(speakers.id, auditLog.speakerId), eq(speakers.editionId, editionId)))
    .leftJoin(sessions, and(eq(auditLog.entity, "session_speaker"), eq(sessions.uuid, auditLog.entityUuid), eq(sessions.editionId, editionId)))
    .leftJoin(speakerReviews, and(eq(speakerReviews.speakerId, speakers.id), eq(speakerReviews.organiserId, organiserId)))
    .where(
      and(
        eq(auditLog.editionId, editionId),
        eq(auditLog.actorType, "speaker"),
        speakerUuid ? eq(speakers.uuid, speakerUuid) : undefined,
        or(isNull(speakerReviews.reviewedAt), gt(auditLog.at, speakerReviews.reviewedAt)),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(CHANGES_LIMIT)
    .all();
}

/** This organiser has now seen what the speaker changed (one speaker, or all of the edition's). */
export async function markSpeakerChangesSeen(
  db: Queryable,
  { editionId, organiserId, speakerUuid, now }: { editionId: number; organiserId: number; speakerUuid?: string; now: number },
): Promise<number> {
  const targets = await db
    .select({ id: speakers.id })
    .from(speakers)
    .where(and(eq(speakers.editionId, editionId), speakerUuid ? eq(speakers.uuid, speakerUuid) : undefined))
    .all();
  if (targets.length === 0) return 0;
  await db
    .insert(speakerReviews)
    .values(targets.map((t) => ({ organiserId, speakerId: t.id, reviewedAt: now })))
    .onConflictDoUpdate({ target: [speakerReviews.organiserId, speakerReviews.speakerId], set: { reviewedAt: now } });
  return targets.length;
}
