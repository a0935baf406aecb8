import type { LoaderFunctionArgs } from "@remix-run/node";
import { servePublicPage } from "~/services/public-site.server";

// Public: how to follow the programme in Giggity or EventFahrplan (schedule.xml URL and QR code).
export async function loader({ request, params }: LoaderFunctionArgs) {
  return servePublicPage(request, params.editionSlug ?? "", "latest", { kind: "apps" });
}
