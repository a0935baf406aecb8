import type { z } from "zod";

/** Field path ("people.0.role") → the first message for it (an i18n key, or plain text). */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "_form";
    errors[path] ??= issue.message;
  }
  return errors;
}

/** What a failed action sends back: per-field errors and what the person typed, kept. */
export type FormFailure = {
  ok: false;
  errors: FieldErrors;
  values: Record<string, string | string[]>;
};
