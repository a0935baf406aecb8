// Display helpers for plain values; pure (no clock, no environment).

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
