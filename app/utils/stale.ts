import type { FieldErrors } from "./forms";

/**
 * What a refused (stale) save sends back, status 409: built by `staleSave()` in
 * stale.server.ts, shown by <StaleNotice> (app/components/stale-notice.tsx).
 * It is a FormFailure too (`ok: false`, `errors`, `values`), so a page that already
 * keeps the typed values of a failed form keeps them here as well.
 */
export type StaleSave = {
  ok: false;
  stale: true;
  errors: FieldErrors;
  /**
   * What "re-apply my change on top" sends: what the organiser submitted, or with a read
   * base (three-way merge) the current values with only the organiser's changed fields.
   */
  values: Record<string, string | string[]>;
  /** Exactly what the organiser submitted: the page's own form keeps showing it. */
  submitted: Record<string, string | string[]>;
  /** The row's version now: the version a re-applied save carries. */
  currentVersion: number;
  /** The name of the form's hidden version field. */
  versionField: string;
  /** Field by field: what is saved now (theirs) and what the organiser typed (yours). */
  changes: StaleChange[];
  /** Who saved in between, and when (local date and time), when the audit log tells. */
  changedBy: string | null;
  changedAt: { date: string; time: string } | null;
  /** How many saves happened since the organiser read the row. */
  savesSince: number;
};

export type StaleChange = {
  field: string;
  /** An i18n key (or plain text) naming the field. */
  label: string;
  theirs: string;
  yours: string;
  /** The other person's save touched this field (from the audit log). */
  changedByOther: boolean;
};

export function isStaleSave(value: unknown): value is StaleSave {
  return typeof value === "object" && value !== null && (value as { stale?: unknown }).stale === true;
}
