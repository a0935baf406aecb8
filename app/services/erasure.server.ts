// The right to erasure (RGPD art. 17): a speaker asks from their page, an editor or admin of
// the edition erases (with or without a request: a request may come by email), and the speaker
// is told by email. What is erased is the data map's private and sensitive data
// (models/personal-data.server.ts eraseSpeakers): public names, organisations and published
// versions stay, so the published history stays whole. Audited with counts, never values.
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Database, Queryable } from "~/db/client.server";
import { editions, speakers } from "~/db/schema";
import { recordAudit, type Actor } from "~/models/audit.server";
import { compactDatabase, eraseSpeakers, type ErasureCounts } from "~/models/personal-data.server";
import { erasureEmail } from "./mail-templates.server";
import { deliverQueued, queueEmails } from "./outbox.server";

/** Records the speaker's request (once: asking again keeps the first date). */
export async function requestErasure(db: Database, { editionId, speakerId, now }: { editionId: number; speakerId: number; now: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(speakers)
      .set({ erasureRequestedAt: now })
      .where(and(eq(speakers.id, speakerId), eq(speakers.editionId, editionId), isNull(speakers.erasureRequestedAt)))
      .returning({ uuid: speakers.uuid });
    const speaker = updated[0];
    if (speaker) await recordAudit(tx, { editionId, actor: { type: "speaker", speakerId }, entity: "speaker", entityUuid: speaker.uuid, action: "erasure_request", at: now });
  });
}

/** The speakers of the edition waiting for their erasure, oldest request first. */
export async function listErasureRequests(db: Queryable, { editionId }: { editionId: number }) {
  return db
    .select({ uuid: speakers.uuid, publicName: speakers.publicName, requestedAt: speakers.erasureRequestedAt })
    .from(speakers)
    .where(and(eq(speakers.editionId, editionId), isNotNull(speakers.erasureRequestedAt)))
    .orderBy(asc(speakers.erasureRequestedAt), asc(speakers.id))
    .all();
}

/**
 * Erases one speaker's personal data in one write transaction, and queues the message that
 * tells them (to the address read before it is erased; the outbox forgets it once delivered).
 * Then delivers it and wipes the erased values from the database file. Null: no such speaker.
 */
export async function eraseSpeakerData(
  db: Database,
  { editionId, speakerUuid, actor, now }: { editionId: number; speakerUuid: string; actor: Actor; now: number },
): Promise<ErasureCounts | null> {
  const done = await db.transaction(async (tx) => {
    const speaker = await tx
      .select({ id: speakers.id, email: speakers.email, publicName: speakers.publicName, preferredLocale: speakers.preferredLocale, erasureRequestedAt: speakers.erasureRequestedAt, title: editions.title })
      .from(speakers)
      .innerJoin(editions, eq(editions.id, speakers.editionId))
      .where(and(eq(speakers.uuid, speakerUuid), eq(speakers.editionId, editionId)))
      .get();
    if (!speaker) return null;
    const { speakerUuids: _uuids, ...counts } = await eraseSpeakers(tx, { editionId, speakerIds: [speaker.id] });
    const requested = speaker.erasureRequestedAt !== null;
    const message = speaker.email
      ? erasureEmail({ locale: speaker.preferredLocale, speakerName: speaker.publicName, editionTitle: speaker.title, requested })
      : null;
    const queued = message ? await queueEmails(tx, [{ editionId, speakerId: speaker.id, to: speaker.email!, ...message, forgetWhenSent: true }], now) : [];
    await recordAudit(tx, { editionId, actor, entity: "speaker", entityUuid: speakerUuid, action: "erase", after: { ...counts, requested, told: queued.length > 0 }, at: now });
    return { counts, queued };
  });
  if (!done) return null;
  if (done.queued.length > 0) await deliverQueued({ ids: done.queued });
  await compactDatabase(db);
  return done.counts;
}
