// The one placement schema: the fields every form that places a session posts (the board's
// drag, keyboard and plain forms, the session form), and the server-side step that turns
// them into instants and applies the placement rule (app/domain/placement.ts).
import { z } from "zod";
import { formatLocalDate } from "~/domain/format";
import { placementProblem, type PlacementProblem } from "~/domain/placement";
import { addDays, localToEpoch, LocalTimeError, NonexistentLocalTimeError, type LocalDay } from "~/domain/time";
import { translate, type Locale, type MessageKey } from "~/i18n";

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A local day and times, as typed (each message an i18n key, set by the form using them). */
export const localPlacementFields = (messages: { date: MessageKey; time: MessageKey }) => ({
  date: z.string().trim().regex(DATE_PATTERN, messages.date),
  start: z.string().trim().regex(TIME_PATTERN, messages.time),
  end: z.string().trim().regex(TIME_PATTERN, messages.time),
});

export type EditionPlacement = { days: readonly LocalDay[]; timeZone: string };
export type LocalPlacement = { date: string; start: string; end: string; endsNextDay?: boolean };
export type PlacementResult = { ok: true; start: number; end: number } | { ok: false; errors: Record<string, string> };

/** The placement rule's refusal, in words: the edition's dates are named. */
export function placementMessage(problem: PlacementProblem, locale: Locale): string {
  if (problem.code === "endNotAfterStart") return translate(locale, "placement.endNotAfterStart");
  return translate(locale, "placement.outsideEdition", {
    day: formatLocalDate(problem.day, locale),
    first: formatLocalDate(problem.first, locale),
    last: formatLocalDate(problem.last, locale),
  });
}

/** Instants already resolved (a drop, an import, the command line) checked against the rule. */
export function checkPlacement(edition: EditionPlacement, interval: { start: number; end: number }, locale: Locale): PlacementResult {
  const problem = placementProblem(edition, interval);
  if (!problem) return { ok: true, ...interval };
  return { ok: false, errors: { [problem.code === "outsideEdition" ? "date" : "end"]: placementMessage(problem, locale) } };
}

/**
 * Local day and times in the edition's zone → instants, then the placement rule. Errors are
 * per field: i18n keys for bad times, the rule's message (with the edition's dates) on the day.
 */
export function resolvePlacement(edition: EditionPlacement, input: LocalPlacement, locale: Locale): PlacementResult {
  const at = (date: string, time: string, field: "start" | "end") => {
    try {
      return { ok: true as const, value: localToEpoch(date, time, edition.timeZone, field === "end" ? { ambiguous: "later" } : {}) };
    } catch (error) {
      if (error instanceof LocalTimeError) {
        return { ok: false as const, field, key: error instanceof NonexistentLocalTimeError ? "board.error.nonexistentTime" : "board.error.time" };
      }
      throw error;
    }
  };
  const start = at(input.date, input.start, "start");
  const end = at(input.endsNextDay ? addDays(input.date, 1) : input.date, input.end, "end");
  const errors: Record<string, string> = {};
  if (!start.ok) errors[start.field] = start.key;
  if (!end.ok) errors[end.field] = end.key;
  if (!start.ok || !end.ok) return { ok: false, errors };
  return checkPlacement(edition, { start: start.value, end: end.value }, locale);
}
