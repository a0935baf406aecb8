import type { LoaderFunctionArgs } from "@remix-run/node";
import { serveEmbed } from "~/services/embed.server";
import stylesheet from "~/styles/embed.css";

// Public: the embeddable programme (latest published version), the one page other sites may frame.
// A static segment: it ranks before the exports' splat route (programme.$editionSlug.$).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return serveEmbed(request, params.editionSlug ?? "", { nonce: context.cspNonce, stylesheet });
}
