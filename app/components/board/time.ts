// Browser-side reading of instants in the edition's time zone (the server sends epochs).
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Epoch ms → local date "YYYY-MM-DD" and time "HH:MM" in the zone. */
export function localParts(epoch: number, timeZone: string): { date: string; time: string } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(epoch))) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export const LEVEL_ICONS: Record<string, string> = { block: "⛔", error: "✖", warning: "⚠", info: "ℹ" };
