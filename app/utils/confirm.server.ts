// Destructive or far-reaching actions act only on a second, confirmed request.
import { data } from "@remix-run/node";
import type { FlatValues, FormFailure } from "./forms";

/** The answer to an unconfirmed destructive request: nothing done; the page shows the confirmation step for `intent`. */
export type ConfirmationAsked = FormFailure & { confirm: string; target?: string };

/**
 * Null when the form carries `confirm=yes` (the organiser has seen what will happen); otherwise
 * the response that asks for it. The page's ConfirmForm for `intent` opens on that answer with its
 * consequence text, and its button sends the confirmed request. Works without JavaScript.
 * `target` tells apart the forms of one intent on a page (one per row: the speaker of a link);
 * `keep`: the values the step shows again (a bulk bar's ticked rows).
 */
export function askConfirmation(values: Record<string, unknown>, intent: string, target?: string, keep: FlatValues = {}) {
  if (values.confirm === "yes") return null;
  return data(confirmationAsked(intent, target, keep), { status: 400 });
}

/** askConfirmation for a resource route's action, whose answers are plain responses (ConfirmForm with `action`). */
export function askConfirmationResponse(values: Record<string, unknown>, intent: string): Response | null {
  if (values.confirm === "yes") return null;
  return Response.json(confirmationAsked(intent), { status: 400 });
}

function confirmationAsked(intent: string, target?: string, keep: FlatValues = {}): ConfirmationAsked {
  return { ok: false, errors: {}, values: keep, confirm: intent, ...(target ? { target } : {}) };
}
