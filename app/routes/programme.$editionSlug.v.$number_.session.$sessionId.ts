import type { LoaderFunctionArgs } from "@remix-run/node";
import { servePublicPage, versionParam } from "~/services/public-site.server";

// Public: one session's page in one published version, for ever (ADR 0020).
export async function loader({ request, params }: LoaderFunctionArgs) {
  return servePublicPage(request, params.editionSlug ?? "", versionParam(params.number), { kind: "session", id: params.sessionId ?? "" });
}
