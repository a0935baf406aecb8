import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DeleteForm, FormAlert, useStructureForm } from "~/components/forms/structure-form";
import { StaleNotice } from "~/components/stale-notice";
import { RoomFields } from "~/components/structure/room-fields";
import { getDb } from "~/db/client.server";
import { useT } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import { deleteRoom, editionDates, getRoom, roomFormValues, roomStaleFields, updateRoom } from "~/models/rooms.server";
import { roomEditSchema } from "~/schemas/rooms";
import { canWrite, requireEdition } from "~/services/access.server";
import { type FormFailure, flattenValues } from "~/utils/forms";
import type { DeleteRefused } from "~/utils/forms.server";
import { structureEntityAction } from "~/utils/structure-action.server";
import { getLocale } from "~/i18n/locale.server";
import { notFound } from "~/utils/http.server";
import { SaveStatus } from "~/components/save-status";

export const meta: MetaFunction = () => [{ title: "Salle · Barouf" }];

// Organisers of this edition read; editors and admins change or delete.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const room = await getRoom(await getDb(), { editionId: edition.id, uuid: params.roomId ?? "" });
  if (!room) notFound();
  const dates = editionDates(edition);
  // The form's values are made here: roomFormValues lives in a .server module, absent from the browser's bundle.
  return { edition: { slug: edition.slug }, dates, room, formValues: roomFormValues(room, dates), canWrite: canWrite(organiser) };
}

type ActionResult = DeleteRefused;

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const db = await getDb();
  const uuid = params.roomId ?? "";
  const actor = organiserActor(organiser);
  return structureEntityAction(request, {
    listPath: `/editions/${edition.slug}/rooms`,
    entityUuid: uuid,
    done: { saved: "saved.room", deleted: "saved.roomDeleted" },
    timeZone: edition.timeZone,
    schema: roomEditSchema,
    remove: async () => (await deleteRoom(db, { editionId: edition.id, uuid, actor })) ?? notFound(),
    save: async (version, values) => {
      const result = (await updateRoom(db, { edition, uuid, version, actor, values })) ?? notFound();
      if (!result.ok) return result.errors;
    },
    stale: async () => {
      const current = await getRoom(db, { editionId: edition.id, uuid });
      if (!current) notFound();
      const dates = editionDates(edition);
      return {
        entity: "room",
        current: flattenValues(roomFormValues(current, dates)),
        currentVersion: current.version,
        fields: roomStaleFields(dates, await getLocale(request)),
      };
    },
  });
}

export default function RoomPage() {
  const { edition, room, canWrite } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const t = useT();
  const failure = result && !result.deleteRefused ? result : undefined;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/editions/${edition.slug}/rooms`}>{t("rooms.title")}</Link>
      </p>
      <h1>{room.name}</h1>
      <SaveStatus />
      <FormAlert message={result?.deleteRefused ? t("rooms.deleteRefused", { count: result.deleteRefused.sessions }) : undefined} />
      <RoomForm key={room.version} failure={failure} />
      {canWrite ? <DeleteForm label={t("rooms.delete")} consequence={t("rooms.deleteConsequence")} /> : null}
    </>
  );
}

function RoomForm({ failure }: { failure?: FormFailure }) {
  const { room, dates, formValues, canWrite } = useLoaderData<typeof loader>();
  const t = useT();
  const tools = useStructureForm(roomEditSchema, {
    defaults: { intent: "update", version: room.version, ...formValues },
    failure,
  });
  return (
    <>
      {tools.stale ? <StaleNotice stale={tools.stale} /> : null}
      <Form method="post" onSubmit={tools.onSubmit} noValidate className="stack form-card">
        <input {...tools.hidden("intent")} />
        <input {...tools.hidden("version")} />
        <fieldset disabled={!canWrite} className="plain stack">
          <RoomFields tools={tools} dates={dates} />
        </fieldset>
        {canWrite ? (
          <button type="submit" className="button button-primary">
            {t("structure.save")}
          </button>
        ) : null}
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
