import type { LoaderFunctionArgs } from "@remix-run/node";
import { servePublicPage } from "~/services/public-site.server";

// Public: one session's page in the latest published version, with its iCal link (ADR 0020).
export async function loader({ request, params }: LoaderFunctionArgs) {
  return servePublicPage(request, params.editionSlug ?? "", "latest", { kind: "session", id: params.sessionId ?? "" });
}
