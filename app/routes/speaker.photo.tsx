import type { LoaderFunctionArgs } from "@remix-run/node";
import { photoSizeOf } from "~/domain/images";
import { photoResponse } from "~/services/photos.server";
import { requireSpeaker } from "~/services/speaker-auth.server";
import { notFound } from "~/utils/http.server";

// Public route, guarded by the speaker cookie: the speaker's own photo (?size=96|256|512), nobody else's.
export async function loader({ request }: LoaderFunctionArgs) {
  const speaker = await requireSpeaker(request);
  const size = photoSizeOf(new URL(request.url).searchParams.get("size")) ?? notFound();
  return photoResponse(request, { owner: { editionId: speaker.editionId, speakerId: speaker.id }, size, audience: "private" });
}
