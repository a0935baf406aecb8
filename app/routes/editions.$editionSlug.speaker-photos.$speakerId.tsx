import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/client.server";
import { photoPathOf } from "~/models/speaker-self.server";
import { requireEdition } from "~/services/access.server";
import { photoResponse } from "~/services/photos.server";

// Organisers of this edition: a speaker's photo (stored on disk, outside the database).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEdition(request, params, "read");
  return photoResponse(await photoPathOf(await getDb(), { editionId: edition.id, speakerUuid: params.speakerId ?? "" }));
}
