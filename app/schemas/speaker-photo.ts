// The organisers' photo of a speaker: upload (the file is read by the action from the multipart
// body and checked by app/services/photos.server.ts, not by zod) or remove (confirmed first).
import { z } from "zod";

export const speakerPhotoActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("upload") }),
  z.object({ intent: z.literal("remove"), confirm: z.literal("yes").optional() }),
]);
