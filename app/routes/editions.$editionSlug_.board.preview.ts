import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/client.server";
import { editionDays } from "~/domain/time";
import { getLocale } from "~/i18n/locale.server";
import { previewSchema } from "~/schemas/board";
import { toPreviewChange } from "~/services/board/forms.server";
import { previewBoardChange } from "~/services/board/preview.server";
import { requireEdition } from "~/services/access.server";

// Organisers of this edition: what a proposed change (a card dragged over a place) would
// make appear and disappear, from the cached incremental checker. Reads only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEdition(request, params, "read");
  const parsed = previewSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const change = toPreviewChange(parsed.data, { timeZone: edition.timeZone, days: editionDays(edition.startDate, edition.endDate, edition.timeZone) });
  if (!change) throw new Response("Bad request", { status: 400 });
  const preview = await previewBoardChange(await getDb(), { editionId: edition.id, locale: await getLocale(request), change });
  return Response.json(preview, { headers: { "Cache-Control": "no-store" } });
}
