import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { photoSizeOf } from "~/domain/images";
import { organiserActor } from "~/models/audit.server";
import { speakerPhotoActionSchema } from "~/schemas/speaker-photo";
import { requireEdition } from "~/services/access.server";
import { deleteSpeakerPhoto, photoResponse, storeSpeakerPhoto } from "~/services/photos.server";
import { askConfirmationResponse } from "~/utils/confirm.server";
import { withDone } from "~/utils/done";
import { formDataToObject, parseIntent } from "~/utils/forms";
import { notFound } from "~/utils/http.server";

// Organisers of this edition: a speaker's photo at one of its sizes (?size=96|256|512), consented or not.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEdition(request, params, "read");
  const size = photoSizeOf(new URL(request.url).searchParams.get("size")) ?? notFound();
  return photoResponse(request, { owner: { editionId: edition.id, speakerUuid: params.speakerId ?? "" }, size, audience: "private" });
}

// Editors and admins: upload (or replace) the speaker's photo, or remove it (confirmed); back to the speaker's page.
export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const speakerUuid = params.speakerId ?? "";
  const formData = await request.formData();
  const values = formDataToObject(formData);
  const parsed = parseIntent(values, speakerPhotoActionSchema);
  if (!parsed.ok) return Response.json(parsed.failure, { status: 400 });
  const owner = { editionId: edition.id, speakerUuid };
  const actor = organiserActor(organiser);
  const page = `/editions/${edition.slug}/speakers/${encodeURIComponent(speakerUuid)}`;
  if (parsed.data.intent === "remove") {
    const ask = askConfirmationResponse(values, "remove");
    if (ask) return ask;
    const removed = (await deleteSpeakerPhoto({ owner, actor })) ?? notFound();
    throw redirect(withDone(`${page}#photo`, removed ? "speakers.photoRemoved" : "speakers.unchanged"));
  }
  const stored = (await storeSpeakerPhoto({ owner, actor }, formData.get("photo"))) ?? notFound();
  if (!stored.ok) throw redirect(`${page}?photoProblem=${encodeURIComponent(stored.problem)}#photo`);
  throw redirect(withDone(`${page}#photo`, "speakers.photoSaved"));
}
