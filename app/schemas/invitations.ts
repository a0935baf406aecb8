import { z } from "zod";
import { textField } from "./fields";
import { INVITATION_STATES } from "~/domain/invitations";

const uuid = z.uuid({ message: "inv.unknownSpeaker" });
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** The organisers' invitation actions: one form per button, told apart by `intent`. */
export const invitationActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("send"), speaker: list(uuid).pipe(z.array(uuid).min(1, { message: "inv.noneSelected" }).max(500)) }),
  z.object({ intent: z.literal("link"), speaker: uuid }),
  z.object({ intent: z.literal("revoke"), speaker: uuid, confirm: z.literal("yes").optional() }),
]);
export type InvitationAction = z.infer<typeof invitationActionSchema>;

/** The list's filter (a GET form). Unknown values fall back to "everyone". */
export const invitationFilterSchema = z.object({
  q: textField().trim().max(100).catch(""),
  state: z.enum(INVITATION_STATES).or(z.literal("")).catch(""),
});

export const outboxActionSchema = z.object({ intent: z.literal("resend") });

export const outboxFilterSchema = z.object({
  state: z.enum(["queued", "sent", "failed", "stored"]).or(z.literal("")).catch(""),
  page: z.coerce.number().int().min(0).max(10_000).catch(0),
});

export const speakerChangesActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("seen"), speaker: uuid, redirectTo: textField().optional() }),
  z.object({ intent: z.literal("seen-all") }),
]);
