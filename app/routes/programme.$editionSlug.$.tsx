import type { LoaderFunctionArgs } from "@remix-run/node";
import { servePublicExport } from "~/services/public-exports.server";

// Public: the programme's exports (latest and per version). No organiser data, CORS open.
export async function loader({ request, params }: LoaderFunctionArgs) {
  return servePublicExport(request, params.editionSlug ?? "", params["*"] ?? "");
}
