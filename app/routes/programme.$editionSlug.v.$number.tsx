import type { LoaderFunctionArgs } from "@remix-run/node";
import { servePublicPage, versionParam } from "~/services/public-site.server";

// Public: one published version of the programme, for ever (prepared bytes, ADR 0020).
export async function loader({ request, params }: LoaderFunctionArgs) {
  return servePublicPage(request, params.editionSlug ?? "", versionParam(params.number), { kind: "programme" });
}
