import { z } from "zod";
import { textField } from "./fields";

/** Acknowledge one conflict, named by its key, with a written reason. */
export const acknowledgeSchema = z.object({
  intent: z.literal("acknowledge"),
  key: textField().min(1, { message: "conflicts.badKey" }).max(4000, { message: "conflicts.badKey" }),
  reason: textField().trim().min(3, { message: "conflicts.reasonShort" }).max(1000, { message: "conflicts.reasonLong" }),
});

/** Withdraw an acknowledgement, named by its uuid. */
export const withdrawSchema = z.object({
  intent: z.literal("withdraw"),
  acknowledgementId: z.uuid({ message: "conflicts.badKey" }),
});

export const conflictActionSchema = z.discriminatedUnion("intent", [acknowledgeSchema, withdrawSchema]);

export const LEVEL_FILTERS = ["block", "error", "warning", "info"] as const;
export const STATE_FILTERS = ["open", "acknowledged"] as const;

/** The conflicts page's filters, from its URL; anything unknown is ignored rather than refused. */
export const conflictFiltersSchema = z.object({
  level: z.enum(LEVEL_FILTERS).optional().catch(undefined),
  rule: textField().max(40).optional().catch(undefined),
  state: z.enum(STATE_FILTERS).optional().catch(undefined),
  q: textField().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type ConflictFilters = z.infer<typeof conflictFiltersSchema>;
