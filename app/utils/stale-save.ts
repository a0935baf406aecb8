// What a refused stale save sends back (HTTP 409): the row as the other person left it,
// the fields where it differs from what this organiser typed, and the version to re-apply on.
import type { FormFailure } from "./forms";

export type StaleChange = { field: string; theirs: string; yours: string };
export type StaleFailure = FormFailure & { stale: { version: number; changed: StaleChange[] } };

type Nested = unknown;

/** Nested form values → flat names ("hours.0.opens"); lists of plain values stay lists. */
export function flattenValues(values: Nested, prefix = "", out: Record<string, string | string[]> = {}) {
  if (Array.isArray(values) && values.every((v) => typeof v !== "object" || v === null)) {
    out[prefix] = values.map((v) => (v === null || v === undefined ? "" : String(v)));
  } else if (typeof values === "object" && values !== null) {
    for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
      flattenValues(value, prefix ? `${prefix}.${key}` : key, out);
    }
  } else if (prefix) {
    out[prefix] = values === null || values === undefined ? "" : String(values);
  }
  return out;
}

const display = (value: string | string[] | undefined) =>
  Array.isArray(value) ? [...value].sort().join(", ") : (value ?? "").trim();

/**
 * The refusal of a stale save: keeps what the organiser typed, and lists every field
 * of the current row (as form values) that differs from it. `version` and `intent` are
 * bookkeeping and never listed.
 */
export function staleFailure(
  typed: Record<string, string | string[]>,
  current: Record<string, string | string[]>,
  version: number,
): StaleFailure {
  const changed: StaleChange[] = [];
  for (const [field, theirs] of Object.entries(current)) {
    if (field === "version" || field === "intent") continue;
    const mine = typed[field];
    if (display(theirs) !== display(mine)) changed.push({ field, theirs: display(theirs), yours: display(mine) });
  }
  return { ok: false, errors: {}, values: typed, stale: { version, changed } };
}

export function isStaleFailure(value: unknown): value is StaleFailure {
  return typeof value === "object" && value !== null && "stale" in value;
}
