import { z } from "zod";
import { textField } from "./fields";

export const publishSchema = z.object({
  intent: z.literal("publish").optional(),
  note: textField().trim().max(500, { message: "versions.noteTooLong" }).optional().default(""),
});
export type PublishForm = z.infer<typeof publishSchema>;

export const compareSchema = z.object({
  from: z.coerce.number().int().min(0),
  to: z.coerce.number().int().min(1),
});
