// Where a session is, in words: the board's notices, refusals and flags say it the same way.
import { formatLocalDate } from "~/domain/format";
import { localDate, localTime } from "~/domain/time";
import { translate, type Locale } from "~/i18n";
import type { CachedProgramme } from "../programme-cache.server";

export function placementText(entry: CachedProgramme, p: { roomId: string | null; start: number | null; end: number | null }, locale: Locale): string {
  return placementTextOf(entry.programme.input.rooms, entry.programme.timeZone, p, locale);
}

export function placementTextOf(
  rooms: { id: string; name: string }[],
  timeZone: string,
  p: { roomId: string | null; start: number | null; end: number | null },
  locale: Locale,
): string {
  if (p.roomId === null || p.start === null || p.end === null) return translate(locale, "board.placement.none");
  const room = rooms.find((r) => r.id === p.roomId);
  return translate(locale, "board.placement.at", {
    room: room?.name ?? "?",
    day: formatLocalDate(localDate(p.start, timeZone), locale),
    start: localTime(p.start, timeZone),
    end: localTime(p.end, timeZone),
  });
}
