// Reusable field schemas for the structure forms (editions, rooms, themes, formats,
// slots, organisers). Error messages are i18n keys (app/i18n/messages/structure.ts).
import { z } from "zod";

const blank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");
const toNumber = (value: unknown) => (typeof value === "string" ? Number(value.trim()) : value);

/** A required text field, trimmed. */
export const requiredText = (max = 200) =>
  z
    .string({ message: "form.required" })
    .trim()
    .min(1, { message: "form.required" })
    .max(max, { message: "structure.tooLong" });

/** An optional text field: blank becomes null. */
export const optionalText = (max = 500) =>
  z.preprocess(
    (value) => (blank(value) ? null : typeof value === "string" ? value.trim() : value),
    z.string().max(max, { message: "structure.tooLong" }).nullable(),
  );

/** A required whole number within bounds (form inputs send strings). */
export const requiredInt = (min: number, max: number) =>
  z.preprocess(
    (value) => (blank(value) ? undefined : toNumber(value)),
    z
      .number({ message: "form.required" })
      .refine(Number.isInteger, { message: "structure.wholeNumber" })
      .refine((n) => n >= min && n <= max, { message: `structure.range:${min}:${max}` }),
  );

/** An optional whole number: blank becomes null. */
export const optionalInt = (min: number, max: number) =>
  z.preprocess(
    (value) => (blank(value) ? null : toNumber(value)),
    z
      .number({ message: "structure.wholeNumber" })
      .refine(Number.isInteger, { message: "structure.wholeNumber" })
      .refine((n) => n >= min && n <= max, { message: `structure.range:${min}:${max}` })
      .nullable(),
  );

/** The version a save was read at (hidden field). */
export const versionField = requiredInt(1, Number.MAX_SAFE_INTEGER);

/**
 * Checkboxes sharing a name: none, one (a string) or several (an array), as a list.
 * A bad item is reported on the group (the name the form shows errors for), not on its index.
 */
export const checkboxList = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess(
    (value) => (blank(value) || value === false ? [] : Array.isArray(value) ? value : [value]),
    z
      .array(z.string())
      .superRefine((list, ctx) => {
        const bad = list.find((value) => !item.safeParse(value).success);
        if (bad !== undefined) ctx.addIssue({ code: "custom", message: "structure.unknownChoice" });
      })
      .transform((list) => [...new Set(list)] as z.output<T>[]),
  );

export const uuidField = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: "structure.unknownChoice" });

export const localDateField = z
  .string({ message: "form.required" })
  .trim()
  .min(1, { message: "form.required" })
  .refine((value) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.toISOString().slice(0, 10) === value;
  }, { message: "structure.date" });

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const timeField = z
  .string({ message: "form.required" })
  .trim()
  .min(1, { message: "form.required" })
  .regex(HHMM, { message: "structure.time" });
/** "HH:MM" or blank (null). */
export const optionalTimeField = z.preprocess((value) => (blank(value) ? null : value), timeField.nullable());

/** An IANA time zone this JavaScript engine knows (checked with Intl, the same in browser and server). */
export function isKnownTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneField = z
  .string({ message: "form.required" })
  .trim()
  .min(1, { message: "form.required" })
  .refine(isKnownTimeZone, { message: "structure.timeZone" });

export const slugField = z
  .string({ message: "form.required" })
  .trim()
  .toLowerCase()
  .min(1, { message: "form.required" })
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: "structure.slug" })
  .refine((value) => !["new", "switch", "import"].includes(value), { message: "structure.slugReserved" });
