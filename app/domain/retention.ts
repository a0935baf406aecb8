// Retention (RGPD art. 5-1-e): how long after an edition ends its speakers' private and
// sensitive data are kept. Pure: today's date and the period come in as arguments.
import { addDays, addMonths, startOfLocalDay } from "./time";

export const DEFAULT_RETENTION_MONTHS = 12;
export const MIN_RETENTION_MONTHS = 1;
export const MAX_RETENTION_MONTHS = 120;

/**
 * The instant the edition's personal data is due for erasure: the start (in the edition's
 * zone) of the day after its last day plus the retention period.
 */
export function purgeDueAt(edition: { endDate: string; timeZone: string }, retentionMonths: number): number {
  return startOfLocalDay(addMonths(addDays(edition.endDate, 1), retentionMonths), edition.timeZone);
}

/** The retention that applies to an edition: the shortest of the organisations running it. */
export function editionRetentionMonths(organisationMonths: readonly number[]): number {
  return organisationMonths.length === 0 ? DEFAULT_RETENTION_MONTHS : Math.min(...organisationMonths);
}

/** How a speaker is recognised across editions (each edition holds its own speaker rows). */
export function personKey(speaker: { email: string | null; publicName: string }): string {
  const email = speaker.email?.trim().toLowerCase();
  return email ? `email:${email}` : `name:${speaker.publicName.trim().toLowerCase()}`;
}
