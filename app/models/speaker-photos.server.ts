// Speakers' uploaded portraits: one row per standard size, scoped by the speaker's edition.
// Organisers and the speaker themselves read any stored photo; the public reads it only while
// the speaker consents to its publication (consentPublicPhoto).
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { speakerPhotos, speakers } from "~/db/schema";
import { EXPORT_PHOTO_SIZE, type PhotoSize } from "~/domain/images";
import { recordAudit, type Actor } from "./audit.server";

/** A speaker of the edition, by uuid (organisers' pages) or id (the speaker's own session). */
export type PhotoOwner = { editionId: number } & ({ speakerUuid: string } | { speakerId: number });

function ownerWhere(owner: PhotoOwner): SQL {
  const which = "speakerId" in owner ? eq(speakers.id, owner.speakerId) : eq(speakers.uuid, owner.speakerUuid);
  return and(eq(speakers.editionId, owner.editionId), which)!;
}

/** The key of the speaker's uploaded photo (its URLs' cache-buster), or null. */
export const currentPhotoKey = sql<string | null>`(select ${speakerPhotos.key} from ${speakerPhotos} where ${speakerPhotos.speakerId} = ${speakers.id} limit 1)`;

/** Whether the speaker has an uploaded photo: the speaker pages' and lists' mark. */
export const hasUploadedPhoto = sql<number>`exists (select 1 from ${speakerPhotos} where ${speakerPhotos.speakerId} = ${speakers.id})`;

/**
 * The key of the photo a public snapshot may point at: only while the speaker consents, so a
 * programme built without consent holds no photo at all (app/domain/exports/snapshot.ts).
 */
export const consentedPhotoKey = sql<string | null>`case when ${speakers.consentPublicPhoto} then (select ${speakerPhotos.key} from ${speakerPhotos} where ${speakerPhotos.speakerId} = ${speakers.id} and ${speakerPhotos.size} = ${EXPORT_PHOTO_SIZE}) end`;

/**
 * Replaces the speaker's photo by these sizes (inside the caller's transaction); audited on the
 * speaker without the image. Null when the speaker is not of this edition.
 */
export async function replaceSpeakerPhoto(
  tx: Queryable,
  args: { owner: PhotoOwner; key: string; images: { size: PhotoSize; bytes: Buffer }[]; actor: Actor; now: number },
): Promise<{ speakerUuid: string } | null> {
  const speaker = await tx.select({ id: speakers.id, uuid: speakers.uuid, had: hasUploadedPhoto }).from(speakers).where(ownerWhere(args.owner)).get();
  if (!speaker) return null;
  await tx.delete(speakerPhotos).where(eq(speakerPhotos.speakerId, speaker.id));
  await tx.insert(speakerPhotos).values(args.images.map((image) => ({ speakerId: speaker.id, size: image.size, key: args.key, bytes: image.bytes, createdAt: args.now })));
  await touchSpeaker(tx, speaker.id, args.now);
  await recordAudit(tx, {
    editionId: args.owner.editionId,
    actor: args.actor,
    entity: "speaker",
    entityUuid: speaker.uuid,
    action: "update",
    before: { photo: speaker.had ? "✓" : null },
    after: { photo: "✓" },
    at: args.now,
  });
  return { speakerUuid: speaker.uuid };
}

/** Removes the speaker's photo (every size); false when there was none, null for another edition's speaker. */
export async function removeSpeakerPhoto(tx: Queryable, args: { owner: PhotoOwner; actor: Actor; now: number }): Promise<boolean | null> {
  const speaker = await tx.select({ id: speakers.id, uuid: speakers.uuid }).from(speakers).where(ownerWhere(args.owner)).get();
  if (!speaker) return null;
  const removed = await tx.delete(speakerPhotos).where(eq(speakerPhotos.speakerId, speaker.id)).returning({ size: speakerPhotos.size });
  if (removed.length === 0) return false;
  await touchSpeaker(tx, speaker.id, args.now);
  await recordAudit(tx, {
    editionId: args.owner.editionId,
    actor: args.actor,
    entity: "speaker",
    entityUuid: speaker.uuid,
    action: "update",
    before: { photo: "✓" },
    after: { photo: null },
    at: args.now,
  });
  return true;
}

/** A new photo is a change of the speaker: their version moves on (pages show the new one). */
async function touchSpeaker(tx: Queryable, speakerId: number, now: number) {
  await tx
    .update(speakers)
    .set({ updatedAt: now, version: sql`${speakers.version} + 1` })
    .where(eq(speakers.id, speakerId));
}

/** One size of the speaker's photo; `publicOnly`: only while the speaker consents to its publication. */
export async function readSpeakerPhoto(
  db: Queryable,
  args: { owner: PhotoOwner; size: PhotoSize; publicOnly: boolean },
): Promise<{ key: string; bytes: Buffer } | undefined> {
  const where = args.publicOnly ? and(ownerWhere(args.owner), eq(speakers.consentPublicPhoto, true)) : ownerWhere(args.owner);
  return db
    .select({ key: speakerPhotos.key, bytes: speakerPhotos.bytes })
    .from(speakerPhotos)
    .innerJoin(speakers, eq(speakers.id, speakerPhotos.speakerId))
    .where(and(where, eq(speakerPhotos.size, args.size)))
    .get();
}

/** The current photo's key (its URLs' cache-buster) and the public consent, for the pages that show it. */
export async function speakerPhotoState(db: Queryable, owner: PhotoOwner): Promise<{ key: string | null; consentPublicPhoto: boolean } | undefined> {
  const row = await db
    .select({
      key: currentPhotoKey,
      consentPublicPhoto: speakers.consentPublicPhoto,
    })
    .from(speakers)
    .where(ownerWhere(owner))
    .get();
  return row;
}
