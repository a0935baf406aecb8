// « Placer automatiquement »: the form that asks for a plan, and the preview's form that
// applies the placements left ticked. Shared by the board's script and the plain forms.
import { z } from "zod";
import { checkboxList, localDateField, requiredInt, textField, uuidField } from "./fields";

export const AUTO_SCOPES = ["day", "edition", "selected"] as const;

/** At most this many seconds a plan may take (the board's form; the command line allows more). */
export const AUTO_MAX_SECONDS = 120;

const autoPlanFields = z.object({
  scope: z.enum(AUTO_SCOPES, { message: "form.required" }),
  day: z.preprocess((v) => (v === "" ? undefined : v), localDateField.optional()),
  sessions: checkboxList(uuidField),
  movePlaced: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  timeLimit: requiredInt(1, AUTO_MAX_SECONDS),
});

function planScopeIsComplete(v: z.output<typeof autoPlanFields>, ctx: z.RefinementCtx) {
  if (v.scope === "day" && !v.day) ctx.addIssue({ code: "custom", path: ["day"], message: "form.required" });
  if (v.scope === "selected" && v.sessions.length === 0) ctx.addIssue({ code: "custom", path: ["sessions"], message: "auto.error.noSelection" });
}

export const autoPlanSchema = autoPlanFields.superRefine(planScopeIsComplete);
export type AutoPlanInput = z.output<typeof autoPlanSchema>;

/** One proposal as its checkbox posts it: session|version|room|start|end (uuids, integers; see proposalValue). */
const PROPOSAL = /^([0-9a-f-]{36})\|(\d{1,15})\|([0-9a-f-]{36})\|(\d{1,16})\|(\d{1,16})$/i;
export const proposalToken = textField().regex(PROPOSAL, { message: "structure.unknownChoice" });

export const autoApplySchema = z.object({
  stamp: textField().trim().min(1, "form.required").max(200),
  seen: requiredInt(0, 8.64e15),
  proposals: checkboxList(proposalToken)
    .refine((list) => list.length > 0, { message: "auto.error.noneTicked" })
    .transform((list) =>
      list.map((token) => {
        const [, session, version, room, start, end] = PROPOSAL.exec(token)!;
        return { session: session!, version: Number(version), room: room!, start: Number(start), end: Number(end) };
      }),
    ),
});
export type AutoApplyInput = z.output<typeof autoApplySchema>;

/** The auto-placement page's two forms: ask for a plan, apply the ticked proposals. */
export const autoScheduleActionSchema = z.discriminatedUnion("intent", [
  autoPlanFields.extend({ intent: z.literal("plan") }).superRefine(planScopeIsComplete),
  autoApplySchema.extend({ intent: z.literal("apply") }),
]);
