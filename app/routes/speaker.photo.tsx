import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/client.server";
import { photoPathOf } from "~/models/speaker-self.server";
import { photoResponse } from "~/services/photos.server";
import { requireSpeaker } from "~/services/speaker-auth.server";

// Public route, guarded by the speaker cookie: the speaker's own photo, nobody else's.
export async function loader({ request }: LoaderFunctionArgs) {
  const speaker = await requireSpeaker(request);
  return photoResponse(await photoPathOf(await getDb(), { editionId: speaker.editionId, speakerId: speaker.id }));
}
