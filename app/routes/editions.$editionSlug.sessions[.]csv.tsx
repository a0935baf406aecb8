import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/client.server";
import { requireEdition } from "~/services/access.server";
import { csvResponse, sessionsCsv } from "~/services/csv-export.server";

// Organisers of this edition: one row per session with its people, for spreadsheets.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEdition(request, params, "read");
  return csvResponse(await sessionsCsv(await getDb(), { editionId: edition.id, timeZone: edition.timeZone }), `${edition.slug}-sessions.csv`);
}
