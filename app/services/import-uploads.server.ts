// Uploaded programmes waiting between the preview and the apply, and the progress of
// running imports. Kept in this process's memory: an upload is read once, shown, and
// applied by the organiser who sent it, or forgotten after UPLOAD_TTL_MS.
import { randomBytes } from "node:crypto";
import type { ImportChange, ImportCounts, ImportedProgramme } from "~/domain/import";
import type { ImportProgress, ImportResult } from "./import.server";

export const UPLOAD_TTL_MS = 30 * 60_000;
const MAX_UPLOADS = 20;

export type PendingUpload = {
  id: string;
  organiserId: number;
  fileName: string;
  programme: ImportedProgramme;
  changes: ImportChange[];
  counts: ImportCounts;
  createdAt: number;
};

export type UploadState =
  | { state: "waiting" }
  | { state: "running"; progress: ImportProgress }
  | { state: "done"; result: Pick<ImportResult, "slug" | "title"> }
  | { state: "failed" };

const uploads = new Map<string, PendingUpload>();
const states = new Map<string, { organiserId: number; state: UploadState; at: number }>();

function forgetOld(now: number) {
  for (const [id, upload] of uploads) if (now - upload.createdAt > UPLOAD_TTL_MS) uploads.delete(id);
  for (const [id, entry] of states) if (now - entry.at > UPLOAD_TTL_MS) states.delete(id);
  while (uploads.size >= MAX_UPLOADS) uploads.delete(uploads.keys().next().value!);
}

export function keepUpload(upload: Omit<PendingUpload, "id" | "createdAt">, now = Date.now()): PendingUpload {
  forgetOld(now);
  const kept = { ...upload, id: randomBytes(18).toString("base64url"), createdAt: now };
  uploads.set(kept.id, kept);
  states.set(kept.id, { organiserId: upload.organiserId, state: { state: "waiting" }, at: now });
  return kept;
}

/** The upload, only for the organiser who sent it; taken out so it is applied once. */
export function takeUpload(id: string, organiserId: number, now = Date.now()): PendingUpload | undefined {
  forgetOld(now);
  const upload = uploads.get(id);
  if (!upload || upload.organiserId !== organiserId) return undefined;
  uploads.delete(id);
  return upload;
}

export function setUploadState(id: string, organiserId: number, state: UploadState, now = Date.now()) {
  states.set(id, { organiserId, state, at: now });
}

export function uploadState(id: string, organiserId: number): UploadState | undefined {
  const entry = states.get(id);
  return entry && entry.organiserId === organiserId ? entry.state : undefined;
}
