import type { LoaderFunctionArgs } from "@remix-run/node";
import { servePublicSchema } from "~/services/public-exports.server";

// Public: the JSON Schemas of Barouf's exports, generated from the code's own zod schemas.
export async function loader({ request, params }: LoaderFunctionArgs) {
  return servePublicSchema(request, params.name ?? "");
}
