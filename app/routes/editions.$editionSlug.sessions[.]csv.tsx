import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/client.server";
import { getLocale } from "~/i18n/locale.server";
import { parseCsvExportQuery } from "~/schemas/csv-export";
import { requireEdition } from "~/services/access.server";
import { csvResponse, sessionsCsv } from "~/services/csv-export.server";

// Organisers of this edition: one row per session with its people, for spreadsheets, in the
// organiser's language with the separator they chose (?separator=semicolon|comma).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEdition(request, params, "read");
  const locale = await getLocale(request);
  const { separator } = parseCsvExportQuery(new URL(request.url), locale);
  return csvResponse(await sessionsCsv(await getDb(), { editionId: edition.id, timeZone: edition.timeZone, locale, separator }), `${edition.slug}-sessions.csv`);
}
