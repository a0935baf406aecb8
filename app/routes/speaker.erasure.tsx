import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/client.server";
import { requestErasure } from "~/services/erasure.server";
import { requireSpeaker } from "~/services/speaker-auth.server";
import { askConfirmation } from "~/utils/confirm.server";
import { formDataToObject } from "~/utils/forms";

// The speaker cookie an invitation link gives: the request is made from the speaker's page.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireSpeaker(request);
  throw redirect("/speaker#rights");
}

// The speaker cookie an invitation link gives: this speaker asks for their data to be erased
// (confirmed first); the organisers see the request and erase (services/erasure.server.ts).
export async function action({ request }: ActionFunctionArgs) {
  const speaker = await requireSpeaker(request);
  const values = formDataToObject(await request.formData());
  // The page's ConfirmForm always confirms; a request that skipped it does nothing (a resource route: a plain 400).
  if (askConfirmation(values, "erasure")) throw new Response("Not confirmed", { status: 400 });
  await requestErasure(await getDb(), { editionId: speaker.editionId, speakerId: speaker.id, now: Date.now() });
  throw redirect("/speaker?erasure=requested#rights");
}
