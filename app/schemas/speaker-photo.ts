// The organisers' photo of a speaker: upload (the file is read by the action from the multipart
// body and checked by app/services/photos.server.ts, not by zod) or remove (confirmed first).
import { z } from "zod";

export const speakerPhotoActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("upload") }),
  z.object({ intent: z.literal("remove"), confirm: z.literal("yes").optional() }),
]);

/** What the speaker page may be told after a refused upload (`?photoProblem=`); anything else is ignored. */
export const PHOTO_PROBLEMS = ["speaker.photoMissing", "speaker.photoTooLarge", "speaker.photoType"] as const;
export type PhotoProblemKey = (typeof PHOTO_PROBLEMS)[number];

export function photoProblemOf(value: string | null): PhotoProblemKey | null {
  return (PHOTO_PROBLEMS as readonly string[]).includes(value ?? "") ? (value as PhotoProblemKey) : null;
}
