import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/client.server";
import { boardStamp } from "~/services/board/load.server";
import { requireEdition } from "~/services/access.server";

// Organisers of this edition: the programme's current state, polled by open boards (one query).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEdition(request, params, "read");
  const stamp = await boardStamp(await getDb(), edition.id);
  return Response.json({ stamp }, { headers: { "Cache-Control": "no-store" } });
}
