// Turning recorded before/after values into rows a person can read. Pure: the
// time zone and the language come in as arguments.
import { diffRecords, type AuditRecord } from "./audit";
import { formatInstant } from "./format";
import { isWithheld } from "./personal-data";
import { addDays, startOfLocalDay } from "./time";

/** One change a speaker made, as the speaker-changes inbox and a speaker's page list it. */
export type SpeakerChange = {
  id: number;
  at: number;
  speakerUuid: string;
  speakerName: string;
  entity: string;
  action: string;
  sessionTitle: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export type ChangeRow = { field: string; before: unknown; after: unknown };

/**
 * The changed fields of one audit entry: a creation lists what was set, a deletion
 * what was removed, an update only what differs (diffRecords).
 */
export function changeRows(before: AuditRecord | null, after: AuditRecord | null): ChangeRow[] {
  const diff = diffRecords(before ?? {}, after ?? {});
  if (!diff) return [];
  return Object.keys(diff.after).map((field) => ({ field, before: diff.before[field], after: diff.after[field] }));
}

/** Fields that hold an instant (epoch ms) rather than a number. */
export function isInstantField(field: string): boolean {
  return field === "at" || /[a-z]At$/.test(field);
}

/** `withheld`: a value the audit log does not keep (sensitive, or private past retention). */
export type ValueWords = { yes: string; no: string; empty: string; withheld: string };

/** One recorded value as text: instants in the edition's zone, booleans as words, lists joined. */
export function formatAuditValue(
  field: string,
  value: unknown,
  { timeZone, locale, words }: { timeZone: string; locale: "fr" | "en"; words: ValueWords },
): string {
  if (value === null || value === undefined || value === "") return words.empty;
  if (isWithheld(value)) return words.withheld;
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (typeof value === "number" && isInstantField(field)) return formatInstant(value, timeZone, locale);
  if (Array.isArray(value)) {
    if (value.length === 0) return words.empty;
    return value.map((item) => (isLink(item) ? `${item.label} (${item.url})` : typeof item === "object" ? JSON.stringify(item) : String(item))).join(", ");
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function isLink(value: unknown): value is { label: string; url: string } {
  return typeof value === "object" && value !== null && "url" in value && "label" in value;
}

/**
 * Local dates "from" and "to" (inclusive, in the edition's zone) → the half-open range
 * of instants [start of `from`, start of the day after `to`).
 */
export function localDateRange(
  { from, to }: { from?: string; to?: string },
  timeZone: string,
): { from?: number; to?: number } {
  return {
    from: from ? startOfLocalDay(from, timeZone) : undefined,
    to: to ? startOfLocalDay(addDays(to, 1), timeZone) : undefined,
  };
}
