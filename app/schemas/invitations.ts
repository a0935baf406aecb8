import { z } from "zod";
import { checkboxList, localDateField, textField, uuidField } from "./fields";
import { AUDIENCES, INVITATION_STATES, REMINDER_AUDIENCES } from "~/domain/invitations";

const uuid = z.uuid({ message: "inv.unknownSpeaker" });
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** The organisers' invitation actions: one form per button, told apart by `intent`. */
export const invitationActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("send"),
    speaker: list(uuid).pipe(z.array(uuid).min(1, { message: "inv.noneSelected" }).max(500)),
    // Unticked, a speaker's live link is kept; ticked, it is replaced (the old one stops working).
    reissue: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    kind: z.enum(["invitation", "reminder"]).default("invitation"),
  }),
  z.object({ intent: z.literal("link"), speaker: uuid }),
  z.object({ intent: z.literal("revoke"), speaker: uuid, confirm: z.literal("yes").optional() }),
]);
export type InvitationAction = z.infer<typeof invitationActionSchema>;

/** The list's filter (a GET form). Unknown values fall back to "everyone". */
export const invitationFilterSchema = z.object({
  q: textField().trim().max(100).catch(""),
  state: z.enum(INVITATION_STATES).or(z.literal("")).catch(""),
});

/**
 * Who a message to a list would go to (a GET form, so the names show before anything is
 * sent, with or without JavaScript): an invitation by audience, or a reminder to those
 * who have not answered and were sent nothing since a date.
 */
export const bulkPreviewSchema = z.discriminatedUnion("bulk", [
  z.object({
    bulk: z.literal("invite"),
    audience: checkboxList(z.enum(AUDIENCES)).pipe(z.array(z.enum(AUDIENCES)).min(1, { message: "inv.noneSelected" })),
    withoutSession: z.preprocess((v) => v === "on", z.boolean()),
  }),
  z.object({
    bulk: z.literal("remind"),
    audience: checkboxList(z.enum(REMINDER_AUDIENCES)).pipe(z.array(z.enum(REMINDER_AUDIENCES)).min(1, { message: "inv.noneSelected" })),
    withoutSession: z.preprocess((v) => v === "on", z.boolean()),
    since: localDateField,
  }),
  // The rows ticked in the speakers list, or the speakers of the sessions ticked in the sessions list.
  z.object({ bulk: z.literal("selection"), speaker: checkboxList(uuidField), session: checkboxList(uuidField) }),
]);
export type BulkPreview = z.infer<typeof bulkPreviewSchema>;

export const outboxActionSchema = z.object({ intent: z.literal("resend") });

export const outboxFilterSchema = z.object({
  state: z.enum(["queued", "sent", "failed", "stored"]).or(z.literal("")).catch(""),
  page: z.coerce.number().int().min(0).max(10_000).catch(0),
});

export const speakerChangesActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("seen"), speaker: uuid, redirectTo: textField().optional() }),
  z.object({ intent: z.literal("seen-all") }),
]);
