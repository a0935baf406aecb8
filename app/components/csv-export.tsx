import { Form } from "@remix-run/react";
import { useId } from "react";
import { useLocale, useT } from "~/i18n";
import { CSV_SEPARATOR_NAMES, defaultSeparatorName } from "~/schemas/csv-export";

/**
 * Download of a list as CSV, with the separator to use: semicolon for French spreadsheets
 * (chosen by default in French), comma otherwise. A plain GET the browser saves as a file.
 */
export function CsvExportForm({ editionSlug, kind }: { editionSlug: string; kind: "speakers" | "sessions" }) {
  const t = useT();
  return (
    <Form method="get" action={`/editions/${editionSlug}/${kind}.csv`} reloadDocument className="csv-export" data-testid={`csv-export-${kind}`}>
      <SeparatorField />
      <button type="submit" className="button">
        {t(`csv.export.${kind}`)}
      </button>
    </Form>
  );
}

/** The CSV separator choice (`separator`), French spreadsheets' semicolon first in French. */
export function SeparatorField() {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{t("csv.export.separator")}</label>
      <select id={id} name="separator" defaultValue={defaultSeparatorName(locale)}>
        {CSV_SEPARATOR_NAMES.map((name) => (
          <option key={name} value={name}>
            {t(`csv.export.${name}`)}
          </option>
        ))}
      </select>
    </>
  );
}
