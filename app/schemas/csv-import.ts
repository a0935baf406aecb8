import { z } from "zod";
import { textField } from "./fields";
import type { CsvImportKind as ImportKind } from "~/domain/vocabulary";

// One zod schema per CSV row kind: every mapped cell arrives as text and leaves typed.
// Messages are i18n keys (see app/i18n/messages/csv.ts).

const blankToNull = (value: string) => (value === "" ? null : value);
const optionalText = (max: number) => textField().trim().max(max, { message: "csv.error.tooLong" }).transform(blankToNull);

const TRUE = new Set(["1", "oui", "o", "yes", "y", "true", "vrai", "x"]);
const FALSE = new Set(["", "0", "non", "n", "no", "false", "faux"]);

/** Spreadsheet yes/no in French or English; blank is `fallback`. */
const yesNo = (fallback: boolean) =>
  textField()
    .trim()
    .toLowerCase()
    .refine((v) => TRUE.has(v) || FALSE.has(v), { message: "csv.error.yesNo" })
    .transform((v) => (v === "" ? fallback : TRUE.has(v)));

const LOCALE_WORDS: Record<string, "fr" | "en"> = { fr: "fr", francais: "fr", français: "fr", french: "fr", en: "en", anglais: "en", english: "en" };
const locale = textField()
  .trim()
  .toLowerCase()
  .refine((v) => v === "" || v in LOCALE_WORDS, { message: "csv.error.locale" })
  .transform((v) => (v === "" ? ("fr" as const) : LOCALE_WORDS[v]!));

const optionalEmail = textField()
  .trim()
  .toLowerCase()
  .max(320, { message: "csv.error.tooLong" })
  .pipe(z.union([z.literal(""), z.email({ message: "form.invalidEmail" })]))
  .transform(blankToNull);

const languages = textField()
  .trim()
  .toLowerCase()
  .transform((v) => v.split(/[\s,;/]+/).filter(Boolean))
  .pipe(z.array(textField().regex(/^[a-z]{2,3}$/, { message: "csv.error.languages" })).max(10))
  .transform((list) => (list.length === 0 ? ["fr"] : [...new Set(list)]));

const links = textField()
  .trim()
  .transform((v) => v.split(/[\s;,]+/).filter(Boolean))
  .pipe(z.array(z.url({ protocol: /^https?$/, message: "csv.error.links" })).max(10))
  .transform((urls) => urls.map((url) => ({ label: new URL(url).hostname.replace(/^www\./, ""), url })));

export const speakerRowSchema = z.object({
  publicName: textField().trim().min(1, { message: "form.required" }).max(200, { message: "csv.error.tooLong" }),
  email: optionalEmail,
  organisation: optionalText(200),
  jobTitle: optionalText(200),
  bioFr: optionalText(5000),
  bioEn: optionalText(5000),
  phone: optionalText(40),
  languages,
  preferredLocale: locale,
  links,
  accessibilityNeeds: optionalText(2000),
  internalNotes: optionalText(5000),
  consentRecording: yesNo(false),
  consentPhotos: yesNo(false),
  consentPublishBio: yesNo(false),
});
export type SpeakerRow = z.output<typeof speakerRowSchema>;

const STATUS_WORDS: Record<string, "draft" | "accepted" | "cancelled"> = {
  draft: "draft",
  brouillon: "draft",
  accepted: "accepted",
  acceptée: "accepted",
  acceptee: "accepted",
  // Imported sessions are not placed: a scheduled one comes in accepted, ready for the board.
  scheduled: "accepted",
  programmée: "accepted",
  programmee: "accepted",
  cancelled: "cancelled",
  annulée: "cancelled",
  annulee: "cancelled",
};

export const sessionRowSchema = z
  .object({
    slug: textField()
      .trim()
      .toLowerCase()
      .max(120, { message: "csv.error.tooLong" })
      .refine((v) => v === "" || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v), { message: "csv.error.slug" })
      .transform(blankToNull),
    titleFr: optionalText(300),
    titleEn: optionalText(300),
    abstractFr: optionalText(10_000),
    abstractEn: optionalText(10_000),
    format: optionalText(200),
    theme: optionalText(200),
    language: locale,
    status: textField()
      .trim()
      .toLowerCase()
      .refine((v) => v === "" || v in STATUS_WORDS, { message: "csv.error.status" })
      .transform((v) => (v === "" ? ("draft" as const) : STATUS_WORDS[v]!)),
    isPublic: yesNo(true),
    expectedAudience: textField()
      .trim()
      .refine((v) => v === "" || /^\d{1,6}$/.test(v), { message: "csv.error.audience" })
      .transform((v) => (v === "" ? null : Number(v))),
    people: textField().trim().max(5000, { message: "csv.error.tooLong" }),
  })
  .refine((row) => row.titleFr !== null || row.titleEn !== null, { path: ["titleFr"], message: "csv.error.title" });
export type SessionRow = z.output<typeof sessionRowSchema>;

export { CSV_IMPORT_KINDS as IMPORT_KINDS, type CsvImportKind as ImportKind } from "~/domain/vocabulary";

/** The fields a CSV column can be mapped to, per kind, in the order the mapping form shows them. */
export const IMPORT_FIELDS = {
  speakers: Object.keys(speakerRowSchema.shape) as (keyof typeof speakerRowSchema.shape)[],
  sessions: ["slug", "titleFr", "titleEn", "abstractFr", "abstractEn", "format", "theme", "language", "status", "isPublic", "expectedAudience", "people"] as const,
} satisfies Record<ImportKind, readonly string[]>;

export const REQUIRED_FIELDS: Record<ImportKind, readonly string[]> = {
  speakers: ["publicName"],
  sessions: [],
};

/** Uploaded files beyond these are refused before reading. */
export const IMPORT_MAX_BYTES = 8 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;

/**
 * The mapping step's form: which column (by index, "" for none) feeds each field, the
 * file carried along in base64 so a bad step never loses it. Fields are named `map_<field>`.
 */
export function mappingSchema(kind: ImportKind) {
  const columns = Object.fromEntries(
    IMPORT_FIELDS[kind].map((field) => [`map_${field}`, textField().regex(/^\d{0,4}$/).default("")]),
  ) as Record<`map_${string}`, z.ZodDefault<z.ZodString>>;
  return z
    .object({
      intent: z.enum(["map", "preview", "apply"]),
      fileName: textField().max(255).default("import.csv"),
      content: textField().min(1, { message: "csv.error.noFile" }).max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4, { message: "csv.error.tooBig" }),
      ...columns,
    })
    .superRefine((form, ctx) => {
      const values = form as Record<string, string>;
      for (const field of REQUIRED_FIELDS[kind]) {
        if (!values[`map_${field}`]) ctx.addIssue({ code: "custom", path: [`map_${field}`], message: "csv.error.mapRequired" });
      }
      if (kind === "sessions" && !values.map_titleFr && !values.map_titleEn) {
        ctx.addIssue({ code: "custom", path: ["map_titleFr"], message: "csv.error.mapTitle" });
      }
      const seen = new Map<string, string>();
      for (const field of IMPORT_FIELDS[kind]) {
        const column = values[`map_${field}`];
        if (!column) continue;
        if (seen.has(column)) ctx.addIssue({ code: "custom", path: [`map_${field}`], message: "csv.error.mapTwice" });
        else seen.set(column, field);
      }
    });
}
export type MappingForm = z.output<ReturnType<typeof mappingSchema>>;

/**
 * The import page's steps, told apart by the `intent` they post (parseIntent): the upload (its
 * file is read from the multipart body, not from this schema), then map, preview and apply.
 */
export function importPageActionSchema(kind: ImportKind) {
  return z.discriminatedUnion("intent", [z.object({ intent: z.literal("upload") }), mappingSchema(kind)]);
}
