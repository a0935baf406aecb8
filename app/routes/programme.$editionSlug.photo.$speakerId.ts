import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/client.server";
import { photoSizeOf } from "~/domain/images";
import { photoResponse } from "~/services/photos.server";
import { notFoundHere, resolvePublicVersion } from "~/services/public-exports.server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Public: a speaker's portrait (?size=96|256|512) of a published edition, only while the
// speaker consents to its publication (404 otherwise, as for a speaker with no photo).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const speakerUuid = params.speakerId ?? "";
  const size = photoSizeOf(new URL(request.url).searchParams.get("size"));
  if (!UUID.test(speakerUuid) || size === null) notFoundHere();
  const { editionId, number } = await resolvePublicVersion(await getDb(), params.editionSlug ?? "", "latest");
  if (number === null) notFoundHere();
  return photoResponse(request, { owner: { editionId, speakerUuid }, size, audience: "public" });
}
