// Pure checks on rooms' opening hours, entered in the edition's local time.
import { LocalTimeError, localInterval } from "./time";

export type DayHours = { date: string; opens: string | null; closes: string | null };

/**
 * The days that have hours, as stored rows; and per-field errors for local times that do
 * not exist in the zone (skipped by a DST change) or dates outside the edition.
 */
export function openingHoursRows(
  hours: readonly DayHours[],
  { timeZone, editionDates }: { timeZone: string; editionDates: readonly string[] },
): { rows: { date: string; opens: string; closes: string }[]; errors: Record<string, string> } {
  const rows: { date: string; opens: string; closes: string }[] = [];
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  hours.forEach((day, i) => {
    if (!editionDates.includes(day.date) || seen.has(day.date)) {
      errors[`hours.${i}.date`] = "rooms.hoursDate";
      return;
    }
    seen.add(day.date);
    if (!day.opens || !day.closes) return;
    try {
      localInterval(day.date, day.opens, day.closes, timeZone);
    } catch (error) {
      if (!(error instanceof LocalTimeError)) throw error;
      errors[`hours.${i}.opens`] = "rooms.hoursNonexistent";
      return;
    }
    rows.push({ date: day.date, opens: day.opens, closes: day.closes });
  });
  return { rows, errors };
}
