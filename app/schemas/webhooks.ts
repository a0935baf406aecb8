import { z } from "zod";
import { WEBHOOK_EVENTS } from "~/domain/vocabulary";
import { textField } from "./fields";

const endpoint = textField().pipe(z.uuid({ message: "webhooks.unknown" }));
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** The "add an endpoint" form. The address rules (public addresses only) are checked on the server. */
export const webhookAddSchema = z.object({
  intent: z.literal("add"),
  url: textField()
    .trim()
    .min(1, { message: "webhooks.url.required" })
    .max(2000, { message: "webhooks.url.invalid" })
    .regex(/^https?:\/\/[^\s]+$/i, { message: "webhooks.url.scheme" }),
  description: textField().trim().max(200, { message: "webhooks.description.tooLong" }).default(""),
  events: list(z.enum(WEBHOOK_EVENTS, { message: "webhooks.events.required" })).pipe(z.array(z.enum(WEBHOOK_EVENTS)).min(1, { message: "webhooks.events.required" })),
  active: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
export type WebhookAdd = z.infer<typeof webhookAddSchema>;

/** Every form of the webhooks page, told apart by `intent`: the add form and one button per action. */
export const webhookActionSchema = z.discriminatedUnion("intent", [
  webhookAddSchema,
  z.object({ intent: z.literal("test"), endpoint }),
  z.object({ intent: z.literal("rotate"), endpoint }),
  z.object({ intent: z.literal("pause"), endpoint }),
  z.object({ intent: z.literal("resume"), endpoint }),
  z.object({ intent: z.literal("enable"), endpoint }),
  z.object({ intent: z.literal("delete"), endpoint, confirm: z.literal("yes").optional() }),
]);
export type WebhookAction = z.infer<typeof webhookActionSchema>;
