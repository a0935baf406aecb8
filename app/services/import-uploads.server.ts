// Programme files uploaded for import, between their preview and their apply. The request
// streams the file to a temporary file (never whole in memory), then its bytes go into the
// database (import_uploads + import_upload_chunks) and the temporary file is removed: any
// app server sharing the database can apply it, and nothing of it stays in this process.
import { MaxPartSizeExceededError, unstable_composeUploadHandlers, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { once } from "node:events";
import type { Database } from "~/db/client.server";
import { importUploadChunks, importUploads } from "~/db/schema";
import { displayFileName, readSchedule } from "~/domain/import";
import { organiserActor } from "~/models/audit.server";
import { applyImport, type ImportProgress, type ImportResult } from "./import.server";

export const UPLOAD_TTL_MS = 30 * 60_000;
/** Pending uploads an organiser may have; a further upload removes their oldest. */
export const UPLOADS_PER_ORGANISER = 3;
/** Bytes per row of import_upload_chunks. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;
/** Text fields of the upload form (the slug, the intent) are short. */
const FIELD_LIMIT = 16 * 1024;

export type UploadState =
  | { state: "waiting" }
  | { state: "running"; progress?: ImportProgress }
  | { state: "done"; result: Pick<ImportResult, "slug" | "title"> }
  | { state: "failed" };

// ── Receiving: multipart → a temporary file ─────────────────────────────────────────

export type ReceivedFile = { path: string; fileName: string; size: number };
export type Received =
  | { ok: true; fields: FormData; file: ReceivedFile | null }
  | { ok: false; status: 400 | 413 };

/**
 * Reads a multipart upload, the part named `file` streamed to a temporary file of at most
 * `maxBytes` (413 past it), text fields in memory (16 KB each). A body that is not readable
 * multipart is a 400. The caller removes the file (`removeReceived`).
 */
export async function receiveUpload(request: Request, maxBytes: number): Promise<Received> {
  let file: ReceivedFile | null = null;
  let writing: string | null = null;
  const toFile: UploadHandler = async ({ name, filename, data }) => {
    if (name !== "file" || filename === undefined || file || writing) return undefined;
    const target = path.join(os.tmpdir(), `barouf-upload-${randomBytes(12).toString("hex")}`);
    writing = target;
    const out = createWriteStream(target, { flags: "wx" });
    let size = 0;
    try {
      for await (const chunk of data) {
        size += chunk.byteLength;
        if (size > maxBytes) throw new MaxPartSizeExceededError(name, maxBytes);
        if (!out.write(chunk)) await once(out, "drain");
      }
      out.end();
      await finished(out);
    } catch (error) {
      out.destroy();
      throw error;
    }
    file = { path: target, fileName: displayFileName(filename), size };
    // The form's value is only a marker: the bytes are in the file.
    return filename;
  };
  const fields = unstable_createMemoryUploadHandler({ maxPartSize: FIELD_LIMIT, filter: ({ filename }) => filename === undefined });
  // Any other part is read and dropped: the parser needs every part consumed.
  const skip: UploadHandler = async ({ data }) => {
    for await (const _ of data);
    return undefined;
  };
  try {
    const form = await unstable_parseMultipartFormData(request, unstable_composeUploadHandlers(toFile, fields, skip));
    return { ok: true, fields: form, file };
  } catch (error) {
    if (writing) await rm(writing, { force: true });
    if (request.signal.aborted) throw error;
    if (error instanceof MaxPartSizeExceededError) return { ok: false, status: 413 };
    // The system's own failures (a full disk…) are server errors; anything else is a body
    // the multipart parser could not read (no boundary, a cut body, a header it cannot split).
    if (typeof (error as { code?: unknown }).code === "string") throw error;
    return { ok: false, status: 400 };
  }
}

export async function removeReceived(file: ReceivedFile | null) {
  if (file) await rm(file.path, { force: true });
}

/** The received file's text, for the preview (transient: the caller drops it after the answer). */
export async function receivedText(file: ReceivedFile): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(file.path)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

// ── Keeping: the temporary file → the database ──────────────────────────────────────

/** Removes every upload past its expiry (their chunks go with them). */
export async function sweepUploads(db: Database, now = Date.now()) {
  await db.delete(importUploads).where(lte(importUploads.expiresAt, now));
}

/**
 * Keeps a received file as a pending upload of this organiser, in one write transaction of
 * 512 KB chunks. Expired uploads are swept first, and the organiser's oldest waiting uploads
 * beyond UPLOADS_PER_ORGANISER are removed (an earlier preview left open then says it expired).
 */
export async function keepUpload(
  db: Database,
  { organiserId, file, slug }: { organiserId: number; file: ReceivedFile; slug: string | undefined },
  now = Date.now(),
): Promise<{ id: string }> {
  await sweepUploads(db, now);
  const id = randomBytes(18).toString("base64url");
  await db.transaction(async (tx) => {
    await tx.insert(importUploads).values({
      id,
      organiserId,
      fileName: file.fileName,
      byteSize: file.size,
      state: "waiting",
      detail: slug ? { slug } : {},
      createdAt: now,
      expiresAt: now + UPLOAD_TTL_MS,
      updatedAt: now,
    });
    let seq = 0;
    for await (const chunk of createReadStream(file.path, { highWaterMark: UPLOAD_CHUNK_BYTES })) {
      await tx.insert(importUploadChunks).values({ uploadId: id, seq: seq++, data: chunk as Buffer });
    }
    const waiting = await tx
      .select({ id: importUploads.id })
      .from(importUploads)
      .where(and(eq(importUploads.organiserId, organiserId), eq(importUploads.state, "waiting")))
      .orderBy(desc(importUploads.createdAt), desc(sql`rowid`));
    const beyond = waiting.slice(UPLOADS_PER_ORGANISER).map((upload) => upload.id);
    if (beyond.length > 0) await tx.delete(importUploads).where(inArray(importUploads.id, beyond));
  });
  return { id };
}

/** Whose upload this is: `mine`, `other` (someone else's: not to be shown) or `missing`. */
export async function uploadOwner(db: Database, id: string, organiserId: number): Promise<"mine" | "other" | "missing"> {
  const row = await db.select({ organiserId: importUploads.organiserId }).from(importUploads).where(eq(importUploads.id, id)).get();
  return !row ? "missing" : row.organiserId === organiserId ? "mine" : "other";
}

/**
 * Takes a waiting upload of this organiser to apply it (once: its state becomes `running`
 * in the same statement) and reads its bytes back; null if it is not waiting any more.
 */
export async function claimUpload(
  db: Database,
  { id, organiserId }: { id: string; organiserId: number },
  now = Date.now(),
): Promise<{ fileName: string; slug: string | undefined; text: string } | null> {
  const claimed = await db
    .update(importUploads)
    .set({ state: "running", updatedAt: now })
    .where(and(eq(importUploads.id, id), eq(importUploads.organiserId, organiserId), eq(importUploads.state, "waiting"), sql`${importUploads.expiresAt} > ${now}`))
    .returning({ fileName: importUploads.fileName, detail: importUploads.detail })
    .get();
  if (!claimed) return null;
  const chunks = await db.select({ data: importUploadChunks.data }).from(importUploadChunks).where(eq(importUploadChunks.uploadId, id)).orderBy(asc(importUploadChunks.seq));
  const slug = typeof claimed.detail?.slug === "string" ? claimed.detail.slug : undefined;
  return { fileName: claimed.fileName, slug, text: Buffer.concat(chunks.map((chunk) => chunk.data)).toString("utf8") };
}

/** The running import's progress: only the server applying it knows it (the rows are written in one transaction). */
const progressOf = new Map<string, ImportProgress>();

/** The end of an apply: the bytes are removed, the row keeps the outcome for the page's last poll until it expires. */
export async function finishUpload(db: Database, id: string, outcome: Extract<UploadState, { state: "done" | "failed" }>, now = Date.now()) {
  progressOf.delete(id);
  await db.batch([
    db.delete(importUploadChunks).where(eq(importUploadChunks.uploadId, id)),
    db
      .update(importUploads)
      .set({ state: outcome.state, detail: outcome.state === "done" ? { result: outcome.result } : {}, updatedAt: now })
      .where(eq(importUploads.id, id)),
  ]);
}

/**
 * Applies a waiting upload of this organiser, read back from the database (so on whichever
 * server the request lands); `other` for someone else's upload, `expired` when it is no
 * longer waiting (applied, cancelled, replaced or expired).
 */
export async function applyUpload(
  db: Database,
  { id, organiser }: { id: string; organiser: { id: number; organisationId: number | null } },
): Promise<{ ok: true; result: ImportResult } | { ok: false; reason: "other" | "expired" }> {
  const claimed = await claimUpload(db, { id, organiserId: organiser.id });
  if (!claimed) return { ok: false, reason: (await uploadOwner(db, id, organiser.id)) === "other" ? "other" : "expired" };
  const { fileName } = claimed;
  try {
    const read = readSchedule(claimed.text, { slug: claimed.slug });
    claimed.text = "";
    // It was read when uploaded; the same bytes read the same way.
    if (!read.ok) throw new Error(`The kept upload ${id} no longer reads`);
    const result = await applyImport(db, {
      programme: read.programme,
      changes: read.changes,
      actor: organiserActor(organiser),
      organisationId: organiser.organisationId,
      fileName,
      onProgress: (progress) => progressOf.set(id, progress),
    });
    await finishUpload(db, id, { state: "done", result: { slug: result.slug, title: result.title } });
    return { ok: true, result };
  } catch (error) {
    await finishUpload(db, id, { state: "failed" });
    throw error;
  }
}

/** Removes a waiting upload of this organiser; false if there is none. */
export async function cancelUpload(db: Database, { id, organiserId }: { id: string; organiserId: number }): Promise<boolean> {
  const removed = await db
    .delete(importUploads)
    .where(and(eq(importUploads.id, id), eq(importUploads.organiserId, organiserId), eq(importUploads.state, "waiting")))
    .returning({ id: importUploads.id });
  return removed.length > 0;
}

/** The upload's state, for the organiser who sent it only. */
export async function uploadState(db: Database, id: string, organiserId: number, now = Date.now()): Promise<UploadState | undefined> {
  const row = await db
    .select({ state: importUploads.state, detail: importUploads.detail })
    .from(importUploads)
    .where(and(eq(importUploads.id, id), eq(importUploads.organiserId, organiserId), sql`${importUploads.expiresAt} > ${now}`))
    .get();
  if (!row) return undefined;
  switch (row.state) {
    case "waiting":
      return { state: "waiting" };
    case "running": {
      const progress = progressOf.get(id);
      return progress ? { state: "running", progress } : { state: "running" };
    }
    case "done":
      return { state: "done", result: row.detail?.result as Pick<ImportResult, "slug" | "title"> };
    case "failed":
      return { state: "failed" };
  }
}
