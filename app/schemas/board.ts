// The board's forms: one schema per change, shared by the browser (react-hook-form) and the
// action. Drag and drop and the keyboard post the same fields as the plain forms.
import { z } from "zod";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const id = z.string().trim().min(1, "form.required").max(64);
const version = z.coerce.number().int().min(1);
/** When the board the change was made on was read (the server's clock): a refusal says what changed since. */
const seen = z.coerce.number().int().min(0).optional();

/** Place a session from the tray or move it: room, day, start and end (local times). */
export const placeSchema = z
  .object({
    intent: z.literal("place"),
    session: id,
    version,
    room: id,
    date: z.string().regex(DATE, "board.error.date"),
    start: z.string().regex(HHMM, "board.error.time"),
    end: z.string().regex(HHMM, "board.error.time"),
    /** The session ends after midnight (a late-night programme): "on" when posted, a boolean in the browser. */
    endsNextDay: z.union([z.literal("on"), z.boolean()]).optional(),
    seen,
  })
  .refine((v) => v.endsNextDay === "on" || v.endsNextDay === true || !HHMM.test(v.start) || !HHMM.test(v.end) || v.end > v.start, {
    path: ["end"],
    message: "board.error.endBeforeStart",
  });

export const swapSchema = z.object({ intent: z.literal("swap"), session: id, version, other: id, otherVersion: version, seen });
export const unscheduleSchema = z.object({ intent: z.literal("unschedule"), session: id, version });
export const undoSchema = z.object({ intent: z.literal("undo"), change: z.string().max(64).optional() });
export const acknowledgeSchema = z.object({
  intent: z.literal("acknowledge"),
  key: z.string().min(1).max(2000),
  reason: z.string().trim().min(3, "conflicts.reasonShort").max(1000, "conflicts.reasonLong"),
});

export const boardActionSchema = z.discriminatedUnion("intent", [placeSchema, swapSchema, unscheduleSchema, undoSchema, acknowledgeSchema]);
export type BoardAction = z.output<typeof boardActionSchema>;

/** A proposed change for the drag preview (query string of the preview route). */
export const previewSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("place"),
    session: id,
    room: id,
    date: z.string().regex(DATE),
    start: z.string().regex(HHMM),
    end: z.string().regex(HHMM),
    endsNextDay: z.enum(["on"]).optional(),
  }),
  z.object({ kind: z.literal("swap"), session: id, other: id }),
  z.object({ kind: z.literal("unschedule"), session: id }),
]);
