import { data } from "@remix-run/node";
import type { FormFailure } from "./forms";

// Responses for refused forms. Reading and validating a form is in ./forms (the one parser).

/** A 400 response carrying per-field errors and the typed values. */
export function invalid(failure: FormFailure, status = 400) {
  return data(failure, { status });
}

/** What a structure page's refused delete answers: 409, with how many sessions still use the row. */
export type DeleteRefused = FormFailure & { deleteRefused?: { sessions: number } };

export function deleteRefused(sessions: number) {
  return data({ ok: false, errors: {}, values: {}, deleteRefused: { sessions } } satisfies DeleteRefused, { status: 409 });
}
