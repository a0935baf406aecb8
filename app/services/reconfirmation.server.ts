import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { sessionSpeakers } from "~/db/schema";
import { recordAudit, type Actor } from "~/models/audit.server";

/**
 * After a session's day, time or room changed: everyone who had confirmed it must
 * confirm again. Call it inside the transaction that moved the session(s).
 * Returns the session-speaker rows that lapsed.
 */
export async function markMustReconfirm(
  tx: Queryable,
  { editionId, sessionIds, actor, now = Date.now() }: { editionId: number; sessionIds: number[]; actor: Actor; now?: number },
): Promise<{ sessionId: number; speakerId: number }[]> {
  if (sessionIds.length === 0) return [];
  const lapsed = await tx
    .update(sessionSpeakers)
    .set({ confirmation: "must_reconfirm", confirmationChangedAt: now })
    .where(and(inArray(sessionSpeakers.sessionId, sessionIds), eq(sessionSpeakers.confirmation, "confirmed")))
    .returning({ sessionId: sessionSpeakers.sessionId, speakerId: sessionSpeakers.speakerId });
  if (lapsed.length > 0) {
    await recordAudit(tx, {
      editionId,
      actor,
      entity: "session_speaker",
      entityUuid: null,
      action: "update",
      before: { confirmation: "confirmed", rows: lapsed },
      after: { confirmation: "must_reconfirm" },
      at: now,
    });
  }
  return lapsed;
}
