import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/client.server";
import { getLocale } from "~/i18n/locale.server";
import { parseCsvExportQuery } from "~/schemas/csv-export";
import { parseSelectionQuery } from "~/schemas/sessions-bulk";
import { may, requireEdition } from "~/services/access.server";
import { csvResponse, speakersCsv } from "~/services/csv-export.server";

// Organisers of this edition: every speaker with their private fields, for spreadsheets, in the
// organiser's language with the separator they chose (?separator=semicolon|comma). Sensitive
// fields (accessibility needs) only when asked for (?sensitive=1), by an editor or admin; only
// the speakers ticked in the list when it names some (?speaker=…&speaker=…).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const url = new URL(request.url);
  const sensitive = url.searchParams.get("sensitive") === "1";
  if (sensitive && !may(organiser, "write")) throw new Response("Forbidden", { status: 403 });
  const locale = await getLocale(request);
  const { separator } = parseCsvExportQuery(url, locale);
  const only = parseSelectionQuery(url.searchParams).speaker;
  return csvResponse(await speakersCsv(await getDb(), { editionId: edition.id, locale, separator, sensitive, only }), `${edition.slug}-speakers.csv`);
}
