// Display helpers for plain values; pure (no clock, no environment).
import { localTime } from "./time";

/** "2016-03-09" → "9 mars 2016" / "9 March 2016" (a calendar date, no time zone involved). */
export function formatLocalDate(date: string, locale: "fr" | "en"): string {
  const [year, month, day] = date.split("-").map(Number);
  if (!year || !month || !day) return date;
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(Date.UTC(year, month - 1, day));
}

/** "9 mars 2016, 10:30" / "9 Mar 2016, 10:30": an instant's date and time in the edition's zone, for lists and histories. */
export function formatInstant(epoch: number, timeZone: string, locale: "fr" | "en"): string {
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(epoch);
}

/** "9 mars 2016 à 10:30" / "9 March 2016 at 10:30", the month spelt out: when a programme version was published. */
export function formatInstantLong(epoch: number, timeZone: string, locale: "fr" | "en"): string {
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone }).format(epoch);
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, key: string, make: () => Intl.DateTimeFormat) {
  let formatter = cache.get(key);
  if (!formatter) cache.set(key, (formatter = make()));
  return formatter;
}

/** "mer. 9 mars" / "Wed 9 Mar": an instant's local day in the edition's zone. */
export function formatDay(epoch: number, timeZone: string, locale: "fr" | "en"): string {
  return cached(dayFormatters, `${locale}|${timeZone}`, () =>
    new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { weekday: "short", day: "numeric", month: "short", timeZone }),
  ).format(epoch);
}

/** "10:30": an instant's local time in the edition's zone, 24-hour clock in both languages (time.ts). */
export function formatTime(epoch: number, timeZone: string, _locale: "fr" | "en"): string {
  return localTime(epoch, timeZone);
}

/**
 * A half-open interval in the edition's zone: "mer. 9 mars, 10:00–11:00", or with both
 * days when it crosses midnight: "mer. 9 mars, 23:30 – jeu. 10 mars, 00:30".
 */
export function formatInterval(start: number, end: number, timeZone: string, locale: "fr" | "en"): string {
  const startDay = formatDay(start, timeZone, locale);
  // The last instant inside the interval decides its last day (an end at midnight stays on the first day).
  const endDay = formatDay(Math.max(start, end - 1), timeZone, locale);
  if (startDay === endDay) return `${startDay}, ${formatTime(start, timeZone, locale)}–${formatTime(end, timeZone, locale)}`;
  return `${startDay}, ${formatTime(start, timeZone, locale)} – ${formatDay(end, timeZone, locale)}, ${formatTime(end, timeZone, locale)}`;
}
