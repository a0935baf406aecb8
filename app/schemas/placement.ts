// The one placement schema: the fields every form that places a session posts (the board's
// drag, keyboard and plain forms, the session form), and the server-side step that turns
// them into instants and applies the placement rule (app/domain/placement.ts).
import { z } from "zod";
import { textField } from "./fields";
import { formatLocalDate } from "~/domain/format";
import { placementProblem, type PlacementProblem } from "~/domain/placement";
import { localTimesProblem, resolveLocalInterval, type LocalDay, type LocalIntervalInput, type LocalIntervalProblem, type Occurrence } from "~/domain/time";
import { translate, type Locale, type MessageKey } from "~/i18n";

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A local day and times, as typed (each message an i18n key, set by the form using them). */
export const localPlacementFields = (messages: { date: MessageKey; time: MessageKey }) => ({
  date: textField().trim().regex(DATE_PATTERN, messages.date),
  start: textField().trim().regex(TIME_PATTERN, messages.time),
  end: textField().trim().regex(TIME_PATTERN, messages.time),
});

export type EditionPlacement = { days: readonly LocalDay[]; timeZone: string };
export type LocalPlacement = LocalIntervalInput;
export type PlacementResult = { ok: true; start: number; end: number } | { ok: false; errors: Record<string, string> };

/** Which occurrence of a repeated local time is meant; absent or "" is the first (time.ts). */
export const occurrenceField = z
  .union([z.enum(["first", "second"]), z.literal("")])
  .optional()
  .transform((value): Occurrence | undefined => (value === "second" ? "second" : undefined));

/** A local time problem (time.ts's rule) → the message key forms show on its field. */
export const TIME_PROBLEM_MESSAGES: Record<LocalIntervalProblem["code"], MessageKey> = {
  invalidDate: "board.error.date",
  invalidTime: "board.error.time",
  nonexistent: "time.nonexistent",
  sameTime: "time.sameTime",
  tooLong: "time.tooLong",
};

/** The typed times' own check (no zone needed), for a schema's refinement in the browser and on the server. */
export function addLocalTimesIssue(ctx: z.RefinementCtx, start: string | undefined, end: string | undefined, path: { start: string; end: string }) {
  if (!start || !end || !TIME_PATTERN.test(start) || !TIME_PATTERN.test(end)) return;
  const problem = localTimesProblem(start, end);
  if (problem) ctx.addIssue({ code: "custom", path: [path[problem.field === "start" ? "start" : "end"]], message: TIME_PROBLEM_MESSAGES[problem.code] });
}

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
 * Local day and times in the edition's zone → instants by time.ts's one rule (overnight ends,
 * skipped and repeated hours), then the placement rule. Errors are per field: i18n keys for
 * the times, the rule's message (with the edition's dates) on the day.
 */
export function resolvePlacement(edition: EditionPlacement, input: LocalPlacement, locale: Locale): PlacementResult {
  const result = resolveLocalInterval(input, edition.timeZone);
  if (!result.ok) return { ok: false, errors: { [result.problem.field]: TIME_PROBLEM_MESSAGES[result.problem.code] } };
  return checkPlacement(edition, result, locale);
}
