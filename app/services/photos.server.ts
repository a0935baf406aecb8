// Speakers' photos live on disk under UPLOADS_DIR/speakers, never in the database, and
// are served only by routes that check who is asking.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { getDb } from "~/db/client.server";
import { detectImage, storedPhotoType } from "~/domain/images";
import { getEnv } from "~/env.server";
import { NO_CONTENT_CSP } from "~/server/security-headers.server";
import { setSpeakerPhoto, type SpeakerScope } from "~/models/speaker-self.server";
import { PHOTO_MAX_BYTES } from "~/schemas/speaker";
import { notFound } from "~/utils/http.server";

function photoDir(): string {
  return path.resolve(getEnv().UPLOADS_DIR, "speakers");
}

export type PhotoProblem = "speaker.photoMissing" | "speaker.photoTooLarge" | "speaker.photoType";

/** Checks and stores an upload as the speaker's photo; the previous file is removed after the save. */
export async function storeSpeakerPhoto(
  scope: SpeakerScope & { speakerUuid: string },
  file: FormDataEntryValue | null,
  now = Date.now(),
): Promise<{ ok: true } | { ok: false; problem: PhotoProblem }> {
  if (!file || typeof file === "string" || file.size === 0) return { ok: false, problem: "speaker.photoMissing" };
  if (file.size > PHOTO_MAX_BYTES) return { ok: false, problem: "speaker.photoTooLarge" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = detectImage(bytes);
  if (!kind) return { ok: false, problem: "speaker.photoType" };
  const dir = photoDir();
  await mkdir(dir, { recursive: true });
  const name = `${scope.speakerUuid}-${randomBytes(8).toString("hex")}.${kind.ext}`;
  await writeFile(path.join(dir, name), bytes, { mode: 0o600 });
  const db = await getDb();
  let previous: string | null;
  try {
    previous = (await db.transaction(async (tx) => (await setSpeakerPhoto(tx, { ...scope, photoPath: name, now })) ?? notFound())).previous;
  } catch (error) {
    await rm(path.join(dir, name), { force: true });
    throw error;
  }
  if (previous && storedPhotoType(previous)) await rm(path.join(dir, previous), { force: true });
  return { ok: true };
}

/** The photo as an HTTP response (private: it is behind a check), or 404. */
export async function photoResponse(photoPath: string | null): Promise<Response> {
  const type = photoPath ? storedPhotoType(photoPath) : null;
  if (!photoPath || !type) notFound();
  let body: Buffer;
  try {
    body = await readFile(path.join(photoDir(), photoPath));
  } catch {
    notFound();
  }
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": type,
      "Content-Length": String(body.length),
      "Cache-Control": "private, no-store",
      // Its own policy, kept by the header set: an image opened on its own runs nothing, even an SVG in disguise.
      "Content-Security-Policy": `${NO_CONTENT_CSP}; sandbox`,
    },
  });
}
