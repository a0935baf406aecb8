import { z } from "zod";
import { BODY_MAX, checkTemplate, EMAIL_KINDS, normaliseLineEnds, problemMessage, SUBJECT_MAX } from "~/domain/email-template";
import { LOCALES } from "~/i18n/locales";
import { textField } from "./fields";

const which = {
  kind: z.enum(EMAIL_KINDS),
  language: z.enum(LOCALES),
  /** The version the text was read at; 0: the edition never changed this text. */
  version: z.coerce.number().int().min(0).max(1_000_000),
};

const text = {
  ...which,
  subject: textField({ message: "form.required" }).trim().min(1, { message: "form.required" }).max(SUBJECT_MAX, { message: "structure.tooLong" }),
  body: textField({ message: "form.required" })
    .transform(normaliseLineEnds)
    .pipe(z.string().trim().min(1, { message: "form.required" }).max(BODY_MAX, { message: "structure.tooLong" })),
};

/** Refused as the message would be: a placeholder this message does not offer, a body without the personal link. */
function checked<S extends z.ZodObject<typeof text & { intent: z.ZodLiteral<string> }>>(schema: S) {
  return schema.superRefine((value, ctx) => {
    const problems = checkTemplate(value.kind, value);
    for (const field of ["subject", "body"] as const) {
      const problem = problems[field];
      if (problem) ctx.addIssue({ code: "custom", path: [field], message: problemMessage(problem) });
    }
  });
}

/** One message's text in one language: saved, or shown as it would be sent (the preview button, without JavaScript). */
export const emailTextSchema = checked(z.object({ intent: z.literal("save"), ...text }));
export const emailTextPreviewSchema = checked(z.object({ intent: z.literal("preview"), ...text }));
/** Back to the default text (asks for confirmation: the edition's text is dropped). */
export const emailTextResetSchema = z.object({ intent: z.literal("reset"), ...which, confirm: z.literal("yes").optional() });

export const emailTextActionSchema = z.discriminatedUnion("intent", [emailTextSchema, emailTextPreviewSchema, emailTextResetSchema]);

/** Which message and language the page edits (its address). */
export const emailTextPageSchema = z.object({
  kind: z.enum(EMAIL_KINDS).catch("invitation"),
  language: z.enum(LOCALES).catch("fr"),
});
