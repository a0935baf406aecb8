// Speakers' photos: an upload is checked (size, first bytes, then what the image library reads
// in it, never the file name or the declared type), turned into the standard square sizes as
// WebP with no metadata (EXIF, GPS: sharp drops them unless asked to keep them), and stored in
// the database (ADR 0029). Served only by routes that check who is asking.
import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { getDb } from "~/db/client.server";
import { detectImage, PHOTO_SIZES, type PhotoProblemKey, type PhotoSize } from "~/domain/images";
import type { Actor } from "~/models/audit.server";
import { readSpeakerPhoto, removeSpeakerPhoto, replaceSpeakerPhoto, type PhotoOwner } from "~/models/speaker-photos.server";
import { PHOTO_MAX_BYTES } from "~/schemas/speaker";
import { NO_CONTENT_CSP } from "~/server/security-headers.server";
import { notFound } from "~/utils/http.server";

export type PhotoProblem = PhotoProblemKey;

/** What sharp may decode: the formats we accept, and no image larger than 40 megapixels (a decompression bomb). */
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp"]);
const MAX_INPUT_PIXELS = 40_000_000;

/** The upload as the standard sizes, or why it is refused. */
export async function preparePhoto(file: FormDataEntryValue | null): Promise<{ ok: true; images: { size: PhotoSize; bytes: Buffer }[] } | { ok: false; problem: PhotoProblem }> {
  if (!file || typeof file === "string" || file.size === 0) return { ok: false, problem: "speaker.photoMissing" };
  if (file.size > PHOTO_MAX_BYTES) return { ok: false, problem: "speaker.photoTooLarge" };
  const bytes = Buffer.from(await file.arrayBuffer());
  if (!detectImage(bytes)) return { ok: false, problem: "speaker.photoType" };
  try {
    const metadata = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format)) return { ok: false, problem: "speaker.photoType" };
    const images = await Promise.all(
      PHOTO_SIZES.map(async (size) => ({
        size,
        // rotate(): upright as the camera meant it, before the orientation tag goes with the metadata.
        bytes: await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).rotate().resize(size, size, { fit: "cover", position: "attention" }).webp({ quality: 82 }).toBuffer(),
      })),
    );
    return { ok: true, images };
  } catch {
    // Whatever sharp cannot decode (truncated, corrupt, too large) is not an image we take.
    return { ok: false, problem: "speaker.photoType" };
  }
}

/** Checks, resizes and stores an upload as the speaker's photo, replacing the one before; null: no such speaker. */
export async function storeSpeakerPhoto(
  args: { owner: PhotoOwner; actor: Actor; now?: number },
  file: FormDataEntryValue | null,
): Promise<{ ok: true } | { ok: false; problem: PhotoProblem } | null> {
  const prepared = await preparePhoto(file);
  if (!prepared.ok) return prepared;
  const key = randomBytes(8).toString("hex");
  const now = args.now ?? Date.now();
  const db = await getDb();
  const stored = await db.transaction((tx) => replaceSpeakerPhoto(tx, { owner: args.owner, key, images: prepared.images, actor: args.actor, now }));
  return stored ? { ok: true } : null;
}

/** Removes the speaker's photo; null: no such speaker. */
export async function deleteSpeakerPhoto(args: { owner: PhotoOwner; actor: Actor; now?: number }): Promise<boolean | null> {
  const db = await getDb();
  return db.transaction((tx) => removeSpeakerPhoto(tx, { ...args, now: args.now ?? Date.now() }));
}

/**
 * One size of the photo as an HTTP response, or 404. Organisers' and the speaker's copies are
 * private and never stored by a cache; the public one is cached briefly (a withdrawn consent
 * takes effect within minutes) and revalidated by its ETag.
 */
export async function photoResponse(request: Request, args: { owner: PhotoOwner; size: PhotoSize; audience: "private" | "public" }): Promise<Response> {
  const photo = await readSpeakerPhoto(await getDb(), { owner: args.owner, size: args.size, publicOnly: args.audience === "public" });
  if (!photo) notFound();
  const etag = `"${photo.key}-${args.size}"`;
  const headers: Record<string, string> = {
    "Content-Type": "image/webp",
    "Cache-Control": args.audience === "public" ? "public, max-age=300" : "private, no-store",
    ETag: etag,
    // Its own policy, kept by the header set: an image opened on its own runs nothing.
    "Content-Security-Policy": `${NO_CONTENT_CSP}; sandbox`,
  };
  if (args.audience === "public") headers["Access-Control-Allow-Origin"] = "*";
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(photo.bytes), { headers: { ...headers, "Content-Length": String(photo.bytes.length) } });
}
