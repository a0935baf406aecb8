import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/client.server";
import { buildSpeakerData, speakerDataResponse } from "~/services/speaker-data.server";
import { requireSpeaker, SPEAKER_PAGE_HEADERS } from "~/services/speaker-auth.server";
import { notFound } from "~/utils/http.server";

// The speaker cookie an invitation link gives: "download my data", this speaker's only.
export async function loader({ request }: LoaderFunctionArgs) {
  const speaker = await requireSpeaker(request);
  const document = (await buildSpeakerData(await getDb(), { editionId: speaker.editionId, speakerId: speaker.id, now: Date.now() })) ?? notFound();
  const response = speakerDataResponse(document, `barouf-${speaker.edition.slug}-my-data.json`);
  for (const [name, value] of Object.entries(SPEAKER_PAGE_HEADERS)) if (name !== "Cache-Control") response.headers.set(name, value);
  return response;
}
