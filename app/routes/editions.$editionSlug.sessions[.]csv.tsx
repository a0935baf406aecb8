import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/client.server";
import { getLocale } from "~/i18n/locale.server";
import { parseCsvExportQuery } from "~/schemas/csv-export";
import { parseSelectionQuery } from "~/schemas/sessions-bulk";
import { requireEdition } from "~/services/access.server";
import { csvResponse, sessionsCsv } from "~/services/csv-export.server";

// Organisers of this edition: one row per session with its people, for spreadsheets, in the
// organiser's language with the separator they chose (?separator=semicolon|comma); only the
// sessions ticked in the list when it names some (?session=…&session=…).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEdition(request, params, "read");
  const locale = await getLocale(request);
  const url = new URL(request.url);
  const { separator } = parseCsvExportQuery(url, locale);
  const only = parseSelectionQuery(url.searchParams).session;
  return csvResponse(await sessionsCsv(await getDb(), { editionId: edition.id, timeZone: edition.timeZone, locale, separator, only }), `${edition.slug}-sessions.csv`);
}
