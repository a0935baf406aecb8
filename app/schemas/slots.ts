// The slots page's forms: a slot template (name and rows of local times), applying a
// template to rooms and days (preview, then apply), and one slot's times or removal.
import { z } from "zod";
import { rowProblem, sortTimes, templateProblems, type TemplateTime } from "~/domain/slots";
import { checkboxList, localDateField, requiredText, textField, uuidField, versionField } from "./fields";

/** How many rows a template may have (a day of 5-minute slots is 288). */
export const MAX_TEMPLATE_ROWS = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const blank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");
const row = z.object({
  start: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), textField()),
  end: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), textField()),
});

/**
 * Rows of local times; fully blank rows are left out (the form offers spare rows without
 * JavaScript). Errors keep the index of the row as typed, so they land on its inputs.
 */
const timesField = z
  .preprocess((value) => (Array.isArray(value) ? Array.from(value, (r: unknown) => (r && typeof r === "object" ? r : {})) : []), z.array(row).max(MAX_TEMPLATE_ROWS, { message: "slots.tooManyRows" }))
  .superRefine((rows, ctx) => {
    const filled: { index: number; time: TemplateTime }[] = [];
    let halfFilled = false;
    rows.forEach((r, index) => {
      if (blank(r.start) && blank(r.end)) return;
      if (blank(r.start) || blank(r.end)) {
        halfFilled = true;
        ctx.addIssue({ code: "custom", path: [index, blank(r.start) ? "start" : "end"], message: "slots.error.bothTimes" });
        return;
      }
      filled.push({ index, time: r });
    });
    if (filled.length === 0 && !halfFilled) {
      ctx.addIssue({ code: "custom", path: [], message: "slots.error.noTimes" });
      return;
    }
    for (const [i, problem] of templateProblems(filled.map((f) => f.time))) {
      ctx.addIssue({ code: "custom", path: [filled[i]!.index, problem.field], message: `slots.error.${problem.code}` });
    }
  })
  .transform((rows) => sortTimes(rows.filter((r) => !blank(r.start) || !blank(r.end))));

const templateFields = z.object({ name: requiredText(120), times: timesField });

export const templateSchema = templateFields;
export const templateEditSchema = templateFields.extend({ template: uuidField, version: versionField });
export type TemplateValues = z.output<typeof templateFields>;

export const templateDeleteSchema = z.object({ template: uuidField });

/** Which template, on which rooms and days. `templateVersion` is what the preview was made from. */
export const applySchema = z.object({
  template: textField({ message: "slots.error.chooseTemplate" }).regex(UUID, { message: "slots.error.chooseTemplate" }),
  rooms: checkboxList(uuidField).refine((list) => list.length > 0, { message: "slots.error.chooseRooms" }),
  dates: checkboxList(localDateField).refine((list) => list.length > 0, { message: "slots.error.chooseDays" }),
  templateVersion: z.preprocess((v) => (blank(v) ? undefined : v), versionField.optional()),
});
export type ApplyValues = z.output<typeof applySchema>;

/** What a preview was made for; "apply" carries it, and a different choice is previewed again first. */
export function selectionKey(values: { template: string; rooms: readonly string[]; dates: readonly string[] }): string {
  return [values.template, [...values.rooms].sort().join(","), [...values.dates].sort().join(",")].join("|");
}

/** One slot's local times on its own date (the date does not change here). */
const slotEditFields = z.object({
  slot: uuidField,
  version: versionField,
  start: textField({ message: "form.required" }).trim().min(1, { message: "form.required" }),
  end: textField({ message: "form.required" }).trim().min(1, { message: "form.required" }),
});
const slotTimesCheck = (slot: { start: string; end: string }, ctx: z.RefinementCtx) => {
  const problem = rowProblem(slot);
  if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: `slots.error.${problem.code}` });
};
export const slotEditSchema = slotEditFields.superRefine(slotTimesCheck);
export type SlotEditValues = z.output<typeof slotEditSchema>;

export const slotDeleteSchema = z.object({ slot: uuidField, version: versionField });

/**
 * Every form of the slots page, told apart by the `intent` it posts (parseIntent). The browser
 * validates each form with its own schema above; the intent is added here, for the server.
 */
export const slotsPageActionSchema = z.discriminatedUnion("intent", [
  templateSchema.extend({ intent: z.literal("create-template") }),
  templateEditSchema.extend({ intent: z.literal("update-template") }),
  templateDeleteSchema.extend({ intent: z.literal("delete-template") }),
  applySchema.extend({ intent: z.enum(["preview", "apply"]), previewOf: z.preprocess((v) => (typeof v === "string" ? v : ""), textField()) }),
  slotEditFields.extend({ intent: z.literal("update-slot") }).superRefine(slotTimesCheck),
  slotDeleteSchema.extend({ intent: z.literal("delete-slot") }),
]);
