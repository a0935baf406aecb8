import type { LoaderFunctionArgs } from "@remix-run/node";
import { servePublicPage } from "~/services/public-site.server";

// Public: one speaker's page in the latest published version, with its iCal link (ADR 0020).
export async function loader({ request, params }: LoaderFunctionArgs) {
  return servePublicPage(request, params.editionSlug ?? "", "latest", { kind: "speaker", id: params.speakerId ?? "" });
}
