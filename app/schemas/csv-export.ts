import { z } from "zod";
import type { CsvSeparator } from "~/domain/csv";
import type { Locale } from "~/i18n/locales";

// The CSV exports' one choice, the separator, as the export forms send it (?separator=semicolon).

export const CSV_SEPARATOR_NAMES = ["semicolon", "comma"] as const;
export type CsvSeparatorName = (typeof CSV_SEPARATOR_NAMES)[number];

const SEPARATORS: Record<CsvSeparatorName, CsvSeparator> = { semicolon: ";", comma: "," };

/** French spreadsheets split on ";" (the comma is their decimal mark); English ones on ",". */
export function defaultSeparatorName(locale: Locale): CsvSeparatorName {
  return locale === "fr" ? "semicolon" : "comma";
}

const csvExportQuerySchema = z.object({ separator: z.enum(CSV_SEPARATOR_NAMES).optional().catch(undefined) });

/** The separator asked for in the URL, else the interface language's usual one. */
export function parseCsvExportQuery(url: URL, locale: Locale): { separator: CsvSeparator } {
  const { separator } = csvExportQuerySchema.parse({ separator: url.searchParams.get("separator") ?? undefined });
  return { separator: SEPARATORS[separator ?? defaultSeparatorName(locale)] };
}
