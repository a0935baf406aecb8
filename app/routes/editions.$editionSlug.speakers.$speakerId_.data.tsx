import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/client.server";
import { requireEdition } from "~/services/access.server";
import { exportSpeakerDataForOrganisers, speakerDataResponse } from "~/services/speaker-data.server";
import { notFound } from "~/utils/http.server";

// Editors and admins of the edition (the file holds sensitive data): everything Barouf holds
// about one speaker, for a right of access exercised by email. Each export is audited.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const speakerUuid = params.speakerId ?? "";
  const document = (await exportSpeakerDataForOrganisers(await getDb(), { editionId: edition.id, speakerUuid, organiser, now: Date.now() })) ?? notFound();
  return speakerDataResponse(document, `barouf-${edition.slug}-speaker-${speakerUuid}.json`);
}
