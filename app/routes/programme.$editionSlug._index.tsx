import type { LoaderFunctionArgs } from "@remix-run/node";
import { servePublicPage } from "~/services/public-site.server";

// Public: the latest published version of the programme, as a list or a day's timetable
// (?view=timetable&day=…, ?lang=en); prepared bytes (ADR 0020); 404 until a version is published.
export async function loader({ request, params }: LoaderFunctionArgs) {
  return servePublicPage(request, params.editionSlug ?? "", "latest", { kind: "programme" });
}
