// Where a session may be placed: the one rule that every path placing a session applies
// (the board's drag, keyboard and plain forms, the session form, import, the command line).
// A session's day is the local date of its start (ADR 0003): it must be one of the
// edition's days, and the session must end after it starts. Pure: the days come in.
import { dayContaining, localDate, type LocalDay } from "./time";

export type PlacementProblem =
  | { code: "outsideEdition"; day: string; first: string; last: string }
  | { code: "endNotAfterStart" };

/** What is wrong with placing a session at [start, end) in an edition with these (sorted) days; null when nothing is. */
export function placementProblem(
  edition: { days: readonly LocalDay[]; timeZone: string },
  interval: { start: number; end: number },
): PlacementProblem | null {
  if (!(interval.end > interval.start)) return { code: "endNotAfterStart" };
  if (dayContaining(edition.days, interval.start)) return null;
  const { days } = edition;
  return {
    code: "outsideEdition",
    day: localDate(interval.start, edition.timeZone),
    first: days[0]?.date ?? "",
    last: days[days.length - 1]?.date ?? "",
  };
}

/** Whether a placed session lies outside the edition's days (its dates changed after it was placed). */
export function isOutsideEdition(days: readonly LocalDay[], start: number): boolean {
  return dayContaining(days, start) === undefined;
}
