import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useStructureForm } from "~/components/forms/structure-form";
import { StaleNotice } from "~/components/stale-notice";
import { RoomFields, useFeatureOptions } from "~/components/structure/room-fields";
import { getDb } from "~/db/client.server";
import { formatLocalDate } from "~/domain/format";
import { useLocale, useT } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import { createRoom, editionDates, listRooms, saveWalkingTimes } from "~/models/rooms.server";
import { roomSchema, walkingSchema, roomsPageActionSchema } from "~/schemas/rooms";
import { canWrite, requireEdition } from "~/services/access.server";
import { type FormFailure, formDataToObject, parseIntent } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { isStaleSave } from "~/utils/stale";
import { staleSave } from "~/utils/stale.server";
import { withDone } from "~/utils/done";
import { SaveStatus } from "~/components/save-status";

export const meta: MetaFunction = () => [{ title: "Salles · Barouf" }];

// Organisers of this edition read; editors and admins add rooms and edit the walking times.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const { rooms, walking, walkingVersion } = await listRooms(await getDb(), { editionId: edition.id });
  return { edition: { slug: edition.slug }, dates: editionDates(edition), rooms, walking, walkingVersion, canWrite: canWrite(organiser) };
}

type ActionResult = FormFailure & { intent: "create" | "walking" };

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const db = await getDb();
  const values = formDataToObject(await request.formData());
  const actor = organiserActor(organiser);
  const parsed = parseIntent(values, roomsPageActionSchema);
  if (!parsed.ok) {
    const intent = parsed.failure.values.intent === "walking" ? "walking" : "create";
    return data({ ...parsed.failure, intent } satisfies ActionResult, { status: 400 });
  }
  const input = parsed.data;
  if (input.intent === "walking") {
    const result = await saveWalkingTimes(db, { editionId: edition.id, editionUuid: edition.uuid, actor, values: input });
    if (!result.ok) {
      return staleSave(db, {
        entity: "walking_times",
        entityUuid: edition.uuid,
        current: result.current,
        currentVersion: result.currentVersion,
        readVersion: input.version,
        submitted: values,
        fields: Object.entries(result.labels).map(([name, label]) => ({ name, label, columns: [label] })),
        timeZone: edition.timeZone,
      });
    }
    throw redirect(withDone(`/editions/${edition.slug}/rooms`, "saved.walking"));
  }
  const result = await createRoom(db, { edition, actor, values: input });
  if (!result.ok) return invalid({ ok: false, errors: result.errors, values, intent: "create" } as ActionResult);
  throw redirect(withDone(`/editions/${edition.slug}/rooms/${result.room.uuid}`, "saved.roomCreated"));
}

export default function RoomsPage() {
  const { edition, dates, rooms, canWrite, walkingVersion } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const t = useT();
  const locale = useLocale();
  const features = useFeatureOptions();
  const featureLabel = (f: string) => features.find((o) => o.value === f)?.label ?? f;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/editions/${edition.slug}/settings`}>{t("settings.title")}</Link>
      </p>
      <h1>{t("rooms.title")}</h1>
      <SaveStatus />
      {rooms.length === 0 ? (
        <p>{t("rooms.empty")}</p>
      ) : (
        <table className="table" data-testid="rooms-table">
          <thead>
            <tr>
              <th scope="col">{t("rooms.name")}</th>
              <th scope="col">{t("rooms.capacity")}</th>
              <th scope="col">{t("rooms.features")}</th>
              <th scope="col">{t("rooms.hours")}</th>
              <th scope="col">{t("structure.usedBy")}</th>
            </tr>
          </thead>
          <tbody>
            {rooms.map((room) => (
              <tr key={room.uuid}>
                <th scope="row">
                  <Link to={room.uuid}>{room.name}</Link>
                </th>
                <td>{room.capacity ?? "—"}</td>
                <td>{room.features.map(featureLabel).join(", ") || "—"}</td>
                <td>
                  {room.openingHours.length === 0
                    ? t("rooms.alwaysOpen")
                    : room.openingHours.map((h) => `${formatLocalDate(h.date, locale)} ${h.opens}–${h.closes}`).join(" · ")}
                </td>
                <td>{t("structure.sessionCount", { count: room.sessions })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rooms.length > 1 ? (
        <WalkingMatrix key={walkingVersion} failure={result?.intent === "walking" || isStaleSave(result) ? result : undefined} />
      ) : null}
      {canWrite ? <NewRoom dates={dates} failure={result?.intent === "create" ? result : undefined} /> : null}
    </>
  );
}

function NewRoom({ dates, failure }: { dates: string[]; failure?: FormFailure }) {
  const t = useT();
  const tools = useStructureForm(roomSchema, {
    defaults: { intent: "create", name: "", capacity: "", features: [], hours: dates.map((date) => ({ date, opens: "", closes: "" })) },
    failure,
  });
  return (
    <section aria-labelledby="new-room">
      <h2 id="new-room">{t("rooms.new")}</h2>
      <Form method="post" onSubmit={tools.onSubmit} noValidate className="stack form-card">
        <input {...tools.hidden("intent")} />
        <RoomFields tools={tools} dates={dates} />
        <button type="submit" className="button button-primary">
          {t("rooms.create")}
        </button>
      </Form>
    </section>
  );
}

/** Walking minutes between rooms: each pair once (the upper triangle), stored both ways. */
function WalkingMatrix({ failure }: { failure?: FormFailure }) {
  const { rooms, walking, walkingVersion, canWrite } = useLoaderData<typeof loader>();
  const t = useT();
  const defaults: Record<string, unknown> = { intent: "walking", version: walkingVersion, walk: {} };
  const walk = defaults.walk as Record<string, Record<string, string>>;
  rooms.forEach((a, i) => {
    for (const b of rooms.slice(i + 1)) (walk[a.uuid] ??= {})[b.uuid] = walking[a.uuid]?.[b.uuid]?.toString() ?? "";
  });
  const tools = useStructureForm(walkingSchema, { defaults, failure });
  const firstError = tools.firstError;
  return (
    <section aria-labelledby="walking-title">
      <h2 id="walking-title">{t("rooms.walking")}</h2>
      <p className="lead">{t("rooms.walkingHint")}</p>
      {tools.stale ? <StaleNotice stale={tools.stale} /> : null}
      <Form method="post" onSubmit={tools.onSubmit} noValidate>
        <input {...tools.hidden("intent")} />
        <input {...tools.hidden("version")} data-testid="walking-version" />
        <div className="table-scroll">
          <table className="table walking-matrix">
            <thead>
              <tr>
                <td />
                {rooms.map((room) => (
                  <th scope="col" key={room.uuid}>
                    {room.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rooms.map((a, i) => (
                <tr key={a.uuid}>
                  <th scope="row">{a.name}</th>
                  {rooms.map((b, j) => {
                    if (j === i) return <td key={b.uuid} className="matrix-self">—</td>;
                    if (j < i) return <td key={b.uuid} className="matrix-mirror">{walking[b.uuid]?.[a.uuid] ?? ""}</td>;
                    const name = `walk.${a.uuid}.${b.uuid}`;
                    const error = tools.errorText(name);
                    return (
                      <td key={b.uuid}>
                        <input
                          {...tools.form.register(name as never)}
                          defaultValue={tools.value(name)}
                          inputMode="numeric"
                          size={3}
                          disabled={!canWrite}
                          aria-label={t("rooms.walkingBetween", { a: a.name, b: b.name })}
                          aria-invalid={error ? true : undefined}
                          title={error}
                          autoFocus={firstError === name}
                        />
                        {error ? <span className="field-error">{error}</span> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {canWrite ? (
          <button type="submit" className="button button-primary">
            {t("rooms.walkingSave")}
          </button>
        ) : null}
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
