import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/client.server";
import { requireEdition } from "~/services/access.server";
import { csvResponse, speakersCsv } from "~/services/csv-export.server";

// Organisers of this edition: every speaker with their private fields, for spreadsheets.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEdition(request, params, "read");
  return csvResponse(await speakersCsv(await getDb(), { editionId: edition.id }), `${edition.slug}-speakers.csv`);
}
