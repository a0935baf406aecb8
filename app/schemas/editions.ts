import { z } from "zod";
import { LEVELS, RULES, type Level, type RuleId } from "~/domain/conflicts/types";
import { localDateField, optionalText, requiredInt, requiredText, slugField, timeZoneField, versionField } from "./fields";

const DAY = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

const levelField = z.enum(LEVELS as unknown as [Level, ...Level[]], { message: "structure.unknownChoice" });

const basics = {
  title: requiredText(160),
  startDate: localDateField,
  endDate: localDateField,
  timeZone: timeZoneField,
  venue: optionalText(200).transform((v) => v ?? ""),
  mainLanguage: z.enum(["fr", "en"], { message: "structure.unknownChoice" }),
};

const isDate = (value: unknown) => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
type Dates = { startDate: string; endDate: string };
// Checked even when other fields fail, so every error shows at once.
const whenDates = { when: (payload: { value: unknown }) => isDate((payload.value as Dates)?.startDate) && isDate((payload.value as Dates)?.endDate) };
const endAfterStart: [(e: Dates) => boolean, { path: string[]; message: string; when: (typeof whenDates)["when"] }] = [
  (e) => daysBetween(e.startDate, e.endDate) >= 0,
  { path: ["endDate"], message: "editions.endBeforeStart", ...whenDates },
];
const notTooLong: typeof endAfterStart = [(e) => daysBetween(e.startDate, e.endDate) <= 30, { path: ["endDate"], message: "editions.tooLong", ...whenDates }];

/** The settings page: dates, zone, venue, language, each rule's level, changeover and daily limit. */
export const editionSettingsSchema = z
  .object({
    ...basics,
    changeoverMinutes: requiredInt(0, 240),
    dailySessionLimit: requiredInt(1, 50),
    levels: z.object(Object.fromEntries(RULES.map((rule) => [rule, levelField])) as Record<RuleId, typeof levelField>),
    version: versionField,
  })
  .refine(...endAfterStart)
  .refine(...notTooLong);
export type EditionSettingsValues = z.output<typeof editionSettingsSchema>;

/** A new edition, empty or as a copy of another one's structure (`copyFrom`, its slug). */
export const newEditionSchema = z
  .object({
    ...basics,
    slug: slugField,
    copyFrom: z.preprocess((v) => (v === "" ? undefined : v), slugField.optional()),
  })
  .refine(...endAfterStart)
  .refine(...notTooLong);
export type NewEditionValues = z.output<typeof newEditionSchema>;
