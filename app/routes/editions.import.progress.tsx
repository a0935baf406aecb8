import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/services/access.server";
import { uploadState } from "~/services/import-uploads.server";

// Editors and admins: how far their own running import has got (polled by the import page).
export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireRole(request, "write");
  const id = new URL(request.url).searchParams.get("upload") ?? "";
  const state = uploadState(id, organiser.id);
  if (!state) throw new Response("Not found", { status: 404 });
  return Response.json(state, { headers: { "Cache-Control": "no-store" } });
}
