import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/client.server";
import { requireRole } from "~/services/access.server";
import { uploadState } from "~/services/import-uploads.server";
import { notFound } from "~/utils/http.server";

// Editors and admins: how far their own running import has got (polled by the import page),
// read from the upload's row, so any server can answer.
export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireRole(request, "write");
  const id = new URL(request.url).searchParams.get("upload") ?? "";
  const state = await uploadState(await getDb(), id, organiser.id);
  if (!state) notFound();
  return Response.json(state, { headers: { "Cache-Control": "no-store" } });
}
