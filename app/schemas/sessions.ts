import { z } from "zod";
import { textField } from "./fields";
import { SESSION_ROLES, SESSION_STATUSES } from "~/domain/vocabulary";
import { LOCALES } from "~/i18n/locales";
import { addLocalTimesIssue, occurrenceField } from "./placement";

// The session forms. One schema per form, used by react-hook-form in the browser and
// by the action on the server. Times are typed in the edition's local time; the server
// turns them into instants (it alone knows the edition's zone and days).

const text = (max: number) =>
  textField()
    .trim()
    .max(max, { message: "sessions.error.tooLong" })
    .optional()
    .transform((value) => (value ? value : null));

/** "" (nothing chosen) → null; otherwise a row's UUID, resolved in the edition by the server. */
const reference = textField()
  .trim()
  .optional()
  .transform((value) => (value ? value : null))
  .pipe(z.uuid({ message: "sessions.error.unknown" }).nullable());

/** A checkbox: "on" from a plain form, a boolean from react-hook-form, absent when unchecked. */
const checkbox = z
  .union([z.boolean(), textField()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const localDate = textField().regex(DATE, { message: "sessions.error.day" });
/** An optional typed value: "" is nothing; anything else must match. */
const optional = (pattern: RegExp, message: string) =>
  textField()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(textField().regex(pattern, { message }).optional());

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const sessionSchema = z
  .object({
    intent: z.literal("save").optional(),
    /** The version the form was read at; absent when creating. */
    version: z.coerce.number().int().positive().optional(),
    titleFr: text(200),
    titleEn: text(200),
    abstractFr: text(5000),
    abstractEn: text(5000),
    slug: textField()
      .trim()
      .toLowerCase()
      .max(80, { message: "sessions.error.tooLong" })
      .optional()
      .transform((value) => value || null)
      .pipe(textField().regex(SLUG_PATTERN, { message: "sessions.error.slug" }).nullable()),
    formatId: reference,
    themeId: reference,
    roomId: reference,
    language: z.enum(LOCALES, { message: "sessions.error.choice" }),
    status: z.enum(SESSION_STATUSES, { message: "sessions.error.choice" }),
    isPublic: checkbox,
    expectedAudience: textField()
      .trim()
      .optional()
      .refine((value) => !value || /^\d{1,6}$/.test(value), { message: "sessions.error.audience" })
      .transform((value) => (value ? Number(value) : null)),
    day: optional(DATE, "sessions.error.day"),
    start: optional(TIME, "sessions.error.time"),
    end: optional(TIME, "sessions.error.time"),
    startOccurrence: occurrenceField,
    endOccurrence: occurrenceField,
  })
  .superRefine((value, ctx) => {
    if (!value.titleFr && !value.titleEn) ctx.addIssue({ code: "custom", path: ["titleFr"], message: "sessions.error.title" });
    const time = [value.day, value.start, value.end];
    if (time.some(Boolean) && !time.every(Boolean)) {
      for (const [name, given] of [["day", value.day], ["start", value.start], ["end", value.end]] as const) {
        if (!given) ctx.addIssue({ code: "custom", path: [name], message: "sessions.error.timeIncomplete" });
      }
    }
    // time.ts's rule: an end at or before the start is the next day (23:30–00:30), 12 hours at most.
    addLocalTimesIssue(ctx, value.start, value.end, { start: "start", end: "end" });
    if (value.status === "scheduled" && !(value.roomId && value.day)) {
      ctx.addIssue({ code: "custom", path: ["status"], message: "sessions.error.scheduledNeedsPlace" });
    }
  });
export type SessionForm = z.output<typeof sessionSchema>;
export type SessionFormInput = z.input<typeof sessionSchema>;

const version = z.coerce.number().int().positive();
const role = z.enum(SESSION_ROLES, { message: "sessions.error.choice" });

/** The small forms of the people on a session, one intent each (plain forms, no JS needed). */
export const peopleSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("addPerson"), version, speakerId: z.uuid({ message: "sessions.error.unknown" }), role }),
  z.object({ intent: z.literal("removePerson"), version, speakerId: z.uuid() }),
  z.object({ intent: z.literal("movePerson"), version, speakerId: z.uuid(), direction: z.enum(["up", "down"]) }),
  z.object({ intent: z.literal("changeRole"), version, speakerId: z.uuid(), role }),
]);
export type PeopleChange = z.output<typeof peopleSchema>;

export const cancelSchema = z.object({ intent: z.literal("cancel"), version });
export const deleteSchema = z.object({ intent: z.literal("delete"), version });

/** Every form of a session's page, told apart by `intent` (parseIntent); the edit form may omit it: a save. */
export const sessionPageActionSchema = z.discriminatedUnion("intent", [sessionSchema, peopleSchema, cancelSchema, deleteSchema]);

/** The list's search and filters, all in the URL. */
export const sessionFiltersSchema = z.object({
  q: textField().trim().max(200).optional().catch(undefined),
  format: z.uuid().optional().catch(undefined),
  theme: z.uuid().optional().catch(undefined),
  room: z.uuid().optional().catch(undefined),
  status: z.enum(SESSION_STATUSES).optional().catch(undefined),
  scheduled: z.enum(["yes", "no"]).optional().catch(undefined),
  day: localDate.optional().catch(undefined),
  /** The sessions of one speaker (the "sessions of this speaker" link). */
  speaker: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
});
export type SessionFilters = z.output<typeof sessionFiltersSchema>;
