// Reusable field schemas for the structure forms (editions, rooms, themes, formats,
// slots, organisers). Error messages are i18n keys (app/i18n/messages/structure.ts).
import { z } from "zod";
import { firstForbiddenCharacter, forbiddenCharacterMessage } from "~/domain/text";

/**
 * Every text a schema reads goes through here first: no invisible control character and no half
 * of a UTF-16 pair (app/domain/text.ts), with a message naming the character. Tab, LF and CR are
 * kept (multi-line fields). Checked before any trim, so a control character at either end is
 * refused rather than trimmed away. Returns a z.string(), so trim, max, regex… chain on as usual.
 */
export const textField = (params?: { message?: string }) => z.string(params).superRefine(refuseForbiddenCharacters);

/** The check itself, for schemas that hold text in another shape (a checkbox group's values). */
export function refuseForbiddenCharacters(value: string, ctx: { addIssue: (issue: { code: "custom"; message: string }) => void }) {
  const found = firstForbiddenCharacter(value);
  if (found) ctx.addIssue({ code: "custom", message: forbiddenCharacterMessage(found) });
}

const blank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");
const toNumber = (value: unknown) => (typeof value === "string" ? Number(value.trim()) : value);

/** A required text field, trimmed. */
export const requiredText = (max = 200) =>
  textField({ message: "form.required" })
    .trim()
    .min(1, { message: "form.required" })
    .max(max, { message: "structure.tooLong" });

/** An optional text field, trimmed: blank becomes null. */
export const optionalText = (max = 500) =>
  z.preprocess(
    (value) => (value === undefined || value === null ? null : value),
    textField()
      .trim()
      .max(max, { message: "structure.tooLong" })
      .transform((value) => (value === "" ? null : value))
      .nullable(),
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
        // Reported on the group, like any other bad choice.
        for (const value of list) refuseForbiddenCharacters(value, ctx);
        const bad = list.find((value) => !item.safeParse(value).success);
        if (bad !== undefined) ctx.addIssue({ code: "custom", message: "structure.unknownChoice" });
      })
      .transform((list) => [...new Set(list)] as z.output<T>[]),
  );

export const uuidField = textField().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: "structure.unknownChoice" });

export const localDateField = textField({ message: "form.required" })
  .trim()
  .min(1, { message: "form.required" })
  .refine((value) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.toISOString().slice(0, 10) === value;
  }, { message: "structure.date" });

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const timeField = textField({ message: "form.required" })
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

export const timeZoneField = textField({ message: "form.required" })
  .trim()
  .min(1, { message: "form.required" })
  .refine(isKnownTimeZone, { message: "structure.timeZone" });

export const slugField = textField({ message: "form.required" })
  .trim()
  .toLowerCase()
  .min(1, { message: "form.required" })
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: "structure.slug" })
  .refine((value) => !["new", "switch", "import"].includes(value), { message: "structure.slugReserved" });
