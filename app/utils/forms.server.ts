import { data } from "@remix-run/node";
import type { z } from "zod";
import { fieldErrorsOf, type FormFailure } from "./forms";

/** Form data as a plain object; repeated names become arrays. Files are left out. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of formData) {
    if (typeof value !== "string") continue;
    const previous = out[key];
    if (previous === undefined) out[key] = value;
    else out[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}

export type Parsed<S extends z.ZodType> =
  | { ok: true; data: z.output<S>; values: Record<string, string | string[]> }
  | { ok: false; failure: FormFailure };

/** Validates a submitted form with the same zod schema the browser used. */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S): Promise<Parsed<S>> {
  const values = formDataToObject(await request.formData());
  return parseValues(values, schema);
}

export function parseValues<S extends z.ZodType>(values: Record<string, string | string[]>, schema: S): Parsed<S> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  // Never echo secrets back into the page.
  const { password: _password, ...kept } = values;
  return { ok: false, failure: { ok: false, errors: fieldErrorsOf(result.error), values: kept } };
}

/** A 400 response carrying per-field errors and the typed values. */
export function invalid(failure: FormFailure, status = 400) {
  return data(failure, { status });
}

/** What a structure page's refused delete answers: 409, with how many sessions still use the row. */
export type DeleteRefused = FormFailure & { deleteRefused?: { sessions: number } };

export function deleteRefused(sessions: number) {
  return data({ ok: false, errors: {}, values: {}, deleteRefused: { sessions } } satisfies DeleteRefused, { status: 409 });
}
