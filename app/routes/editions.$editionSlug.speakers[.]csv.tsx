import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/client.server";
import { may, requireEdition } from "~/services/access.server";
import { csvResponse, speakersCsv } from "~/services/csv-export.server";

// Organisers of this edition: every speaker with their private fields, for spreadsheets.
// Sensitive fields (accessibility needs) only when asked for (?sensitive=1), by an editor or admin.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const sensitive = new URL(request.url).searchParams.get("sensitive") === "1";
  if (sensitive && !may(organiser, "write")) throw new Response("Forbidden", { status: 403 });
  return csvResponse(await speakersCsv(await getDb(), { editionId: edition.id, sensitive }), `${edition.slug}-speakers.csv`);
}
