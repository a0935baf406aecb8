import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/client.server";
import { getLocale } from "~/i18n/locale.server";
import { autoPlanSchema } from "~/schemas/auto-schedule";
import { answerPreview } from "~/services/board/auto-schedule.server";
import { requireEdition } from "~/services/access.server";
import { formDataToObject, parseValues } from "~/utils/forms";

// Editors and admins of this edition: the board's script asks here for an auto-scheduling
// preview (nothing is written). The script shows a progress bar meanwhile; its cancel aborts
// the request, which terminates the solvers' worker.
export async function action({ request, params }: ActionFunctionArgs) {
  const { edition } = await requireEdition(request, params, "write");
  const parsed = parseValues(formDataToObject(await request.formData()), autoPlanSchema);
  if (!parsed.ok) return Response.json(parsed.failure, { status: 400, headers: { "Cache-Control": "no-store" } });
  const answer = await answerPreview(await getDb(), { editionId: edition.id, locale: await getLocale(request), input: parsed.data, signal: request.signal });
  return Response.json(answer, { status: answer.ok ? 200 : answer.status, headers: { "Cache-Control": "no-store" } });
}

// A plan is asked for with a POST (it runs the solvers); a GET, once the caller is checked, is 405.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEdition(request, params, "write");
  throw new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}
