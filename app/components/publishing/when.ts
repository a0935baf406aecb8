/** An instant shown in the edition's time zone, in the interface language. */
export function formatInstant(epoch: number, timeZone: string, locale: "fr" | "en"): string {
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone }).format(epoch);
}
