import { getLocale } from "~/i18n/locale.server";
import { ConfirmForm } from "~/components/forms/confirm-form";
import { askConfirmation } from "~/utils/confirm.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { History } from "~/components/history";
import { SessionForm } from "~/components/session-form";
import { SessionPeople } from "~/components/sessions/session-people";
import { StaleNotice } from "~/components/stale-notice";
import { getDb } from "~/db/client.server";
import { editionDays } from "~/domain/time";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import { listEntityHistory } from "~/models/audit-log.server";
import { getSession, searchSpeakers, sessionFormValues, sessionOptions } from "~/models/sessions.server";
import { cancelSession, changePeople, deleteSession, PublishedSessionError, wasEverPublished } from "~/models/session-writes.server";
import { sessionPageActionSchema } from "~/schemas/sessions";
import { canWrite, may, requireEdition } from "~/services/access.server";
import { checkEdition } from "~/services/conflicts.server";
import { saveSession, sessionStaleAnswer } from "~/services/sessions.server";
import { type FormFailure, formDataToObject, parseIntent } from "~/utils/forms";
import { isStaleSave, type StaleSave } from "~/utils/stale";
import { StaleVersionError } from "~/utils/stale.server";
import { notFound } from "~/utils/http.server";
import { withDone } from "~/utils/done";
import { SaveStatus } from "~/components/save-status";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Session"} · Barouf` }];

// Organisers of this edition (read): the session, its people, its conflicts and its history.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params);
  const db = await getDb();
  const session = (await getSession(db, { editionId: edition.id, sessionUuid: params.sessionId ?? "" })) ?? notFound();
  const query = new URL(request.url).searchParams.get("person")?.trim() ?? "";
  const [options, checked, history, found, published] = await Promise.all([
    sessionOptions(db, { editionId: edition.id }),
    checkEdition(db, { editionId: edition.id }),
    listEntityHistory(db, { editionId: edition.id, entityUuid: session.uuid }),
    query ? searchSpeakers(db, { editionId: edition.id, q: query }) : Promise.resolve(null),
    wasEverPublished(db, { editionId: edition.id, sessionUuid: session.uuid }),
  ]);
  const onThisSession = new Set(session.people.map((person) => person.speakerUuid));
  return {
    title: session.titleFr ?? session.titleEn ?? session.slug,
    session: {
      uuid: session.uuid,
      version: session.version,
      status: session.status,
      values: sessionFormValues(session, edition.timeZone),
      people: session.people,
    },
    options,
    days: editionDays(edition.startDate, edition.endDate, edition.timeZone).map((day) => day.date),
    timeZone: edition.timeZone,
    conflicts: checked.conflicts
      .filter((conflict) => conflict.sessions.includes(session.uuid))
      // The engine builds messages lazily (getters): copy the strings so they reach the browser.
      .map((conflict) => ({
        key: conflict.key,
        rule: conflict.rule,
        level: conflict.level,
        message: { fr: conflict.message.fr, en: conflict.message.en },
        acknowledged: conflict.acknowledged,
      })),
    history,
    search: { query, found: found?.filter((speaker) => !onThisSession.has(speaker.uuid)) ?? null },
    canWrite: canWrite(organiser),
    canDelete: may(organiser, "admin") && !published && session.firstPublishedVersion === null,
    published: published || session.firstPublishedVersion !== null,
  };
}

type Failure = FormFailure & { intent?: string; message?: MessageKey };
const fail = (failure: Failure, status = 400) => data(failure, { status });

// Editors and admins of this edition; deleting is for admins only.
export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const db = await getDb();
  const sessionUuid = params.sessionId ?? "";
  const values = formDataToObject(await request.formData());
  const parsed = parseIntent(values, sessionPageActionSchema);
  // A refused form is shown next to the form that sent it; the edit form's intent is "save" (or none).
  if (!parsed.ok) return fail({ ...parsed.failure, intent: typeof values.intent === "string" ? values.intent : "save" });
  const input = parsed.data;
  const intent = input.intent ?? "save";
  const actor = organiserActor(organiser);
  const here = `/editions/${edition.slug}/sessions/${sessionUuid}`;
  try {
    switch (input.intent) {
      case undefined:
      case "save": {
        if (input.version === undefined) return fail({ ok: false, errors: { _form: "error.400" }, values, intent });
        const result = (await saveSession(db, { edition, sessionUuid, version: input.version, data: input, actor, locale: await getLocale(request) })) ?? notFound();
        if (!result.ok) return fail({ ok: false, errors: result.errors, values, intent });
        const { reconfirm } = result.value;
        throw redirect(reconfirm > 0 ? withDone(here, "sessions.savedReconfirm", reconfirm) : withDone(here, "sessions.saved"));
      }
      case "addPerson":
      case "removePerson":
      case "movePerson":
      case "changeRole": {
        const result = (await changePeople(db, { editionId: edition.id, sessionUuid, change: input, actor })) ?? notFound();
        if (!result.ok) return fail({ ok: false, errors: result.errors, values, intent });
        throw redirect(withDone(here, "sessions.person.changed"));
      }
      case "cancel": {
        const ask = askConfirmation(values, intent);
        if (ask) return ask;
        if (!(await cancelSession(db, { editionId: edition.id, sessionUuid, version: input.version, actor }))) notFound();
        throw redirect(withDone(here, "sessions.cancelled"));
      }
      case "delete": {
        if (!may(organiser, "admin")) {
          return data({ ok: false, errors: {}, values: {}, intent, message: "sessions.deleteAdminOnly" }, { status: 403 });
        }
        const ask = askConfirmation(values, intent);
        if (ask) return ask;
        if (!(await deleteSession(db, { editionId: edition.id, sessionUuid, version: input.version, actor }))) notFound();
        throw redirect(withDone(`/editions/${edition.slug}/sessions`, "sessions.deleted"));
      }
    }
  } catch (error) {
    if (error instanceof StaleVersionError) return sessionStaleAnswer(db, { request, edition, sessionUuid, intent, values, change: "speakerId" in input ? input : undefined });
    if (error instanceof PublishedSessionError) {
      return data({ ok: false, errors: {}, values: {}, intent, message: "sessions.deletePublished" }, { status: 409 });
    }
    throw error;
  }
}

export default function SessionPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<Failure | StaleSave>();
  const t = useT();
  const locale = useLocale();
  const { session } = loaded;
  const stale = isStaleSave(actionData) ? actionData : null;
  const failure = actionData && !stale ? (actionData as Failure) : null;
  const saveFailure = failure?.intent === "save" ? failure : null;
  const staleSaveForm = stale && stale.submitted.intent === "save" ? stale : null;
  // A refused save keeps what was typed, at the version and base it was read with.
  const formValues = staleSaveForm?.submitted ?? saveFailure?.values ?? session.values;
  const formRead = staleSaveForm ? readOf(staleSaveForm.submitted._read) : saveFailure ? readOf(saveFailure.values._read) : session.values;
  return (
    <>
      <p>
        <Link to=".." relative="path">
          {t("sessions.back")}
        </Link>
      </p>
      <h1>{loaded.title}</h1>
      <SaveStatus />
      {session.status === "cancelled" ? <p className="alert alert-info">{t("sessions.alreadyCancelled")}</p> : null}
      {stale ? <StaleNotice stale={stale} /> : null}
      {failure?.message ? (
        <p className="alert alert-error" role="alert">
          {t(failure.message)}
        </p>
      ) : saveFailure ? (
        <p className="alert alert-error" role="alert">
          {t("form.errorSummary")}
        </p>
      ) : null}

      <div className="session-layout">
        <div className="session-main">
          {loaded.canWrite ? (
            <SessionForm
              key={`${session.version}-${stale ? "stale" : ""}`}
              values={formValues}
              errors={saveFailure?.errors}
              version={staleSaveForm ? Number(staleSaveForm.submitted.version) : saveFailure ? Number(saveFailure.values.version) || session.version : session.version}
              read={formRead}
              options={loaded.options}
              days={loaded.days}
              timeZone={loaded.timeZone}
              submitLabel={t("sessions.save")}
            />
          ) : null}
          <SessionPeople
            version={session.version}
            people={session.people}
            search={loaded.search}
            canWrite={loaded.canWrite}
            error={failure && failure.intent && failure.intent !== "save" ? failure.errors.speakerId : undefined}
          />
        </div>
        <aside className="session-side">
          <section aria-labelledby="conflicts-title" className="session-conflicts">
            <h2 id="conflicts-title">{t("sessions.conflictsTitle")}</h2>
            {loaded.conflicts.length === 0 ? (
              <p>{t("sessions.conflictsNone")}</p>
            ) : (
              <ul className="conflict-list">
                {loaded.conflicts.map((conflict) => (
                  <li key={conflict.key} className={`conflict conflict-${conflict.level}`} data-rule={conflict.rule}>
                    <strong>{t(`sessions.level.${conflict.level}`)}</strong>
                    {conflict.acknowledged ? ` (${t("sessions.conflictAcknowledged")})` : null} : {conflict.message[locale]}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <History entries={loaded.history} timeZone={loaded.timeZone} />
          {loaded.canWrite ? <Danger /> : null}
        </aside>
      </div>
    </>
  );
}

function Danger() {
  const { session, canDelete, published } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="danger-title" className="session-danger">
      <h2 id="danger-title">{t("sessions.dangerTitle")}</h2>
      {session.status !== "cancelled" ? (
        <ConfirmForm intent="cancel" fields={{ version: session.version }} label={t("sessions.cancel")} consequence={t("sessions.cancelHint")} confirmLabel={t("sessions.cancelConfirm")} />
      ) : null}
      {canDelete ? (
        <>
          <p className="field-hint">{t("sessions.deleteHint")}</p>
          <ConfirmForm intent="delete" fields={{ version: session.version }} label={t("sessions.delete")} consequence={t("sessions.deleteConsequence")} confirmLabel={t("sessions.deleteConfirm")} />
        </>
      ) : published ? (
        <p className="field-hint">{t("sessions.deletePublished")}</p>
      ) : null}
    </section>
  );
}

function readOf(raw: string | string[] | undefined): Record<string, string | string[]> | undefined {
  if (typeof raw !== "string") return undefined;
  try {
    return JSON.parse(raw) as Record<string, string | string[]>;
  } catch {
    return undefined;
  }
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
