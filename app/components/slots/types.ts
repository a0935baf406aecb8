import type { Plan } from "~/domain/slots";
import type { FormFailure } from "~/utils/forms";
import type { StaleSave } from "~/utils/stale";

/** A preview of applying a template; `changed` when it replaces what was previewed before. */
export type PreviewResult = { ok: true; intent: "preview"; plan: Plan; values: Record<string, string | string[]>; changed: boolean };

/** What the slots page's action answers: a preview, a refused form (400) or a stale save (409). */
export type SlotsActionResult = PreviewResult | FormFailure | StaleSave;

export const intentOf = (result: SlotsActionResult | undefined): string | undefined => {
  const intent = result?.values.intent;
  return typeof intent === "string" ? intent : undefined;
};
