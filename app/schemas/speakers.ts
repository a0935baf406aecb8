import { z } from "zod";
import { textField } from "./fields";
import { CONFIRMATIONS, ORGANISATION_KINDS } from "~/domain/vocabulary";
import { isRowProblem, overlappingRows, rowToWindow, type Window } from "~/domain/availability";
import { LOCALES } from "~/i18n/locales";
import { nestFormValues } from "~/utils/forms";

/** Languages a speaker may speak on stage (ISO 639-1), in the order the form shows them. */
export const SPEAKER_LANGUAGES = ["fr", "en", "nl", "de", "es", "it", "ar"] as const;
export type SpeakerLanguage = (typeof SPEAKER_LANGUAGES)[number];

export const MAX_LINKS = 10;
export const MAX_WINDOWS = 60;

const text = (max: number) => textField().trim().max(max, { message: "speakers.tooLong" });
/** A checkbox: `true` from react-hook-form, "on" from a posted form, absent when unticked. */
const checkbox = z
  .union([z.boolean(), textField()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");
const isBlank = (row: Record<string, string | undefined>) => Object.values(row).every((value) => !value || value.trim() === "");
const HTTP_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

const linkRow = z
  .object({ label: text(100).optional().default(""), url: text(500).optional().default("") })
  .superRefine((row, ctx) => {
    if (isBlank(row)) return;
    if (row.url === "") ctx.addIssue({ code: "custom", path: ["url"], message: "speakers.linkUrlRequired" });
    else if (!HTTP_URL.test(row.url)) ctx.addIssue({ code: "custom", path: ["url"], message: "speakers.linkUrlInvalid" });
  });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const availabilityRow = z.object({
  date: textField().trim().optional().default(""),
  start: textField().trim().optional().default(""),
  end: textField().trim().optional().default(""),
});
type AvailabilityRow = z.output<typeof availabilityRow>;

/** Availability rows in the edition's local time → UTC windows; blank rows are dropped. */
function availabilitySchema(timeZone: string) {
  const windowOf = (row: AvailabilityRow): Window | null => {
    if (isBlank(row) || !DATE.test(row.date) || !TIME.test(row.start) || !TIME.test(row.end)) return null;
    const result = rowToWindow(row, timeZone);
    return isRowProblem(result) ? null : result;
  };
  return z
    .array(availabilityRow)
    .max(MAX_WINDOWS, { message: "speakers.tooManyWindows" })
    .superRefine((rows, ctx) => {
      rows.forEach((row, index) => {
        if (isBlank(row)) return;
        if (!DATE.test(row.date)) ctx.addIssue({ code: "custom", path: [index, "date"], message: "speakers.availabilityDate" });
        if (!TIME.test(row.start)) ctx.addIssue({ code: "custom", path: [index, "start"], message: "speakers.availabilityTime" });
        if (!TIME.test(row.end)) ctx.addIssue({ code: "custom", path: [index, "end"], message: "speakers.availabilityTime" });
        if (!DATE.test(row.date) || !TIME.test(row.start) || !TIME.test(row.end)) return;
        const result = rowToWindow(row, timeZone);
        if (isRowProblem(result)) {
          ctx.addIssue({ code: "custom", path: [index, result.field], message: `speakers.availability.${result.code}` });
        }
      });
      for (const index of overlappingRows(rows.map(windowOf))) {
        ctx.addIssue({ code: "custom", path: [index, "start"], message: "speakers.availability.overlap" });
      }
    })
    .transform((rows) => rows.map(windowOf).filter((window): window is Window => window !== null));
}

/**
 * The speaker form, shared by react-hook-form in the browser and the actions. Dates and
 * times of availability are read in the edition's zone, hence a schema per zone.
 */
export function speakerSchema(timeZone: string) {
  return z.object({
    publicName: text(200).min(1, { message: "form.required" }),
    organisation: text(200).optional().default(""),
    organisationKind: z.enum(ORGANISATION_KINDS).optional().default("other"),
    jobTitle: text(200).optional().default(""),
    bioFr: text(5000).optional().default(""),
    bioEn: text(5000).optional().default(""),
    photoPath: text(500)
      .optional()
      .default("")
      .refine((value) => value === "" || HTTP_URL.test(value) || /^\/?[\w\-./]+$/.test(value), { message: "speakers.photoInvalid" })
      .refine((value) => !value.startsWith("//"), { message: "speakers.photoInvalid" }),
    links: z.array(linkRow).max(MAX_LINKS, { message: "speakers.tooManyLinks" }).optional().default([]),
    languages: z
      .union([textField(), z.array(textField())])
      .optional()
      .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
      .pipe(z.array(z.enum(SPEAKER_LANGUAGES, { message: "speakers.languageInvalid" })).min(1, { message: "speakers.languageRequired" })),
    email: textField()
      .trim()
      .toLowerCase()
      .max(254, { message: "speakers.tooLong" })
      .refine((value) => value === "" || z.email().safeParse(value).success, { message: "form.invalidEmail" }),
    phone: text(40)
      .optional()
      .default("")
      .refine((value) => value === "" || /^\+?[0-9 ().-]{4,40}$/.test(value), { message: "speakers.phoneInvalid" }),
    preferredLocale: z.enum(LOCALES).optional().default("fr"),
    accessibilityNeeds: text(5000).optional().default(""),
    practicalNotes: text(5000).optional().default(""),
    internalNotes: text(5000).optional().default(""),
    consentRecording: checkbox,
    consentPhotos: checkbox,
    consentPublishBio: checkbox,
    availability: availabilitySchema(timeZone).optional().default([]),
  });
}

/** Editing carries the version the form was read at (optimistic concurrency). */
export function speakerEditSchema(timeZone: string) {
  return speakerSchema(timeZone).extend({ version: z.coerce.number().int().min(1) });
}

export type SpeakerInput = z.output<ReturnType<typeof speakerSchema>>;

/** An organiser sets a speaker's confirmation of one session by hand. */
export const confirmationSchema = z.object({
  session: textField().trim().min(1).max(64),
  confirmation: z.enum(CONFIRMATIONS),
  version: z.coerce.number().int().min(1),
});

export const deleteSpeakerSchema = z.object({ version: z.coerce.number().int().min(1) });

/**
 * Every form of a speaker's page, told apart by the `intent` it posts (parseIntent): save the
 * speaker form (read in the edition's zone, hence a function), set one session's confirmation,
 * delete the speaker, erase their personal data.
 */
export function speakerPageActionSchema(timeZone: string) {
  return z.discriminatedUnion("intent", [
    speakerEditSchema(timeZone).extend({ intent: z.literal("save") }),
    confirmationSchema.extend({ intent: z.literal("confirmation") }),
    deleteSpeakerSchema.extend({ intent: z.literal("delete") }),
    z.object({ intent: z.literal("erase") }),
  ]);
}

export const SPEAKER_SORTS = ["name", "organisation", "sessions", "updated"] as const;
export type SpeakerSort = (typeof SPEAKER_SORTS)[number];
export const PER_PAGE = [25, 50, 100] as const;
const yesNo = z.enum(["yes", "no"]).optional().catch(undefined);

/** The list's search, filters, sort and page: all in the URL, so links and the GET form share them. */
export const speakerListQuerySchema = z.object({
  q: textField().trim().max(200).catch(""),
  organisation: textField().trim().max(64).catch(""),
  confirmation: z
    .enum([...CONFIRMATIONS, "none"])
    .optional()
    .catch(undefined),
  theme: textField().trim().max(64).catch(""),
  bio: yesNo,
  photo: yesNo,
  sort: z.enum(SPEAKER_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  perPage: z.coerce
    .number()
    .refine((value) => (PER_PAGE as readonly number[]).includes(value))
    .catch(25),
});
export type SpeakerListQuery = z.output<typeof speakerListQuerySchema>;

export function parseSpeakerListQuery(searchParams: URLSearchParams): SpeakerListQuery {
  return speakerListQuerySchema.parse(Object.fromEntries(searchParams));
}

// ---------------------------------------------------------------- the form's values

export type SpeakerFormValues = {
  publicName: string;
  organisation: string;
  organisationKind: string;
  jobTitle: string;
  bioFr: string;
  bioEn: string;
  photoPath: string;
  links: { label: string; url: string }[];
  languages: string[];
  email: string;
  phone: string;
  preferredLocale: string;
  accessibilityNeeds: string;
  practicalNotes: string;
  internalNotes: string;
  consentRecording: boolean;
  consentPhotos: boolean;
  consentPublishBio: boolean;
  availability: { date: string; start: string; end: string }[];
  version: string;
};

const str = (value: unknown) => (typeof value === "string" ? value : "");
const rows = <K extends string>(value: unknown, keys: readonly K[]): Record<K, string>[] =>
  (Array.isArray(value) ? value : []).map((row: unknown) => {
    const out = {} as Record<K, string>;
    for (const key of keys) out[key] = str((row as Record<string, unknown> | null)?.[key]);
    return out;
  });

/**
 * Whatever the form was filled with (a saved speaker, or posted values nested back)
 * as the form's default values, with one blank row to add a link or a window without JavaScript.
 */
export function toFormValues(nested: Record<string, unknown>): SpeakerFormValues {
  const languages = nested.languages;
  const tick = (value: unknown) => value === true || value === "on" || value === "true";
  return {
    publicName: str(nested.publicName),
    organisation: str(nested.organisation),
    organisationKind: str(nested.organisationKind) || "other",
    jobTitle: str(nested.jobTitle),
    bioFr: str(nested.bioFr),
    bioEn: str(nested.bioEn),
    photoPath: str(nested.photoPath),
    links: [...rows(nested.links, ["label", "url"] as const).filter((row) => row.label || row.url), { label: "", url: "" }],
    languages: Array.isArray(languages) ? languages.map(str) : typeof languages === "string" ? [languages] : [],
    email: str(nested.email),
    phone: str(nested.phone),
    preferredLocale: str(nested.preferredLocale) || "fr",
    accessibilityNeeds: str(nested.accessibilityNeeds),
    practicalNotes: str(nested.practicalNotes),
    internalNotes: str(nested.internalNotes),
    consentRecording: tick(nested.consentRecording),
    consentPhotos: tick(nested.consentPhotos),
    consentPublishBio: tick(nested.consentPublishBio),
    availability: [...rows(nested.availability, ["date", "start", "end"] as const).filter((row) => row.date || row.start || row.end), { date: "", start: "", end: "" }],
    version: str(nested.version),
  };
}

/**
 * Values posted to a refused save (flat names), as the form's default values: every row the
 * organiser typed is kept, blank ones included, so the errors' paths still match the inputs.
 */
export function retypedFormValues(flat: Record<string, string | string[]>): SpeakerFormValues {
  const nested = nestFormValues(flat);
  const values = toFormValues(nested);
  const links = rows(nested.links, ["label", "url"] as const);
  const availability = rows(nested.availability, ["date", "start", "end"] as const);
  return {
    ...values,
    links: links.length > 0 ? links : values.links,
    availability: availability.length > 0 ? availability : values.availability,
  };
}
