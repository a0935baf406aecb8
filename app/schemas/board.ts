// The board's forms: one schema per change, shared by the browser (react-hook-form) and the
// action. Drag and drop and the keyboard post the same fields as the plain forms.
import { z } from "zod";
import { textField } from "./fields";
import { addLocalTimesIssue, DATE_PATTERN, occurrenceField, TIME_PATTERN } from "./placement";

const id = textField().trim().min(1, "form.required").max(64);
const version = z.coerce.number().int().min(1);
/** When the board the change was made on was read (the server's clock): a refusal says what changed since. */
const seen = z.coerce.number().int().min(0).optional();

/** An instant a drop already holds (epoch ms), posted as it is instead of re-derived from local text. */
const instant = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().min(0).max(8.64e15).optional());

/**
 * Place a session from the tray or move it: a room, and either the instants a drop holds
 * (`startsAt`, `endsAt`) or a local day and times (the keyboard and plain forms, suggestions),
 * which the server resolves by time.ts's one rule (an end at or before the start is the next
 * day; a repeated hour is its first occurrence unless `startOccurrence`/`endOccurrence` say "second").
 */
export const placeSchema = z
  .object({
    intent: z.literal("place"),
    session: id,
    version,
    room: id,
    startsAt: instant,
    endsAt: instant,
    date: textField().optional(),
    start: textField().optional(),
    end: textField().optional(),
    startOccurrence: occurrenceField,
    endOccurrence: occurrenceField,
    seen,
  })
  .superRefine((v, ctx) => {
    if (v.startsAt !== undefined && v.endsAt !== undefined) return;
    if (!v.date || !DATE_PATTERN.test(v.date)) ctx.addIssue({ code: "custom", path: ["date"], message: "board.error.date" });
    if (!v.start || !TIME_PATTERN.test(v.start)) ctx.addIssue({ code: "custom", path: ["start"], message: "board.error.time" });
    if (!v.end || !TIME_PATTERN.test(v.end)) ctx.addIssue({ code: "custom", path: ["end"], message: "board.error.time" });
    addLocalTimesIssue(ctx, v.start, v.end, { start: "start", end: "end" });
  });

export const swapSchema = z.object({ intent: z.literal("swap"), session: id, version, other: id, otherVersion: version, seen });
export const unscheduleSchema = z.object({ intent: z.literal("unschedule"), session: id, version });
export const undoSchema = z.object({ intent: z.literal("undo"), change: textField().max(64).optional() });
export const acknowledgeSchema = z.object({
  intent: z.literal("acknowledge"),
  key: textField().min(1).max(2000),
  reason: textField().trim().min(3, "conflicts.reasonShort").max(1000, "conflicts.reasonLong"),
});

export const boardActionSchema = z.discriminatedUnion("intent", [placeSchema, swapSchema, unscheduleSchema, undoSchema, acknowledgeSchema]);
export type BoardAction = z.output<typeof boardActionSchema>;

/** A proposed change for the drag preview (query string of the preview route): a drop's instants, or the form's local times. */
export const previewSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("place"),
    session: id,
    room: id,
    startsAt: instant,
    endsAt: instant,
    date: textField().regex(DATE_PATTERN).optional(),
    start: textField().regex(TIME_PATTERN).optional(),
    end: textField().regex(TIME_PATTERN).optional(),
    startOccurrence: occurrenceField,
    endOccurrence: occurrenceField,
  }),
  z.object({ kind: z.literal("swap"), session: id, other: id }),
  z.object({ kind: z.literal("unschedule"), session: id }),
]);
