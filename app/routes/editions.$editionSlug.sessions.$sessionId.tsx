import { getLocale } from "~/i18n/locale.server";
import { ConfirmForm } from "~/components/forms/confirm-form";
import { askConfirmation } from "~/utils/confirm.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { History } from "~/components/history";
import { SessionForm } from "~/components/session-form";
import { StaleNotice } from "~/components/stale-notice";
import { getDb } from "~/db/client.server";
import { editionDays } from "~/domain/time";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import { listEntityHistory } from "~/models/audit-log.server";
import {
  cancelSession,
  changePeople,
  deleteSession,
  getSession,
  PublishedSessionError,
  searchSpeakers,
  sessionFormValues,
  sessionOptions,
  wasEverPublished,
} from "~/models/sessions.server";
import { SESSION_ROLES } from "~/domain/vocabulary";
import { cancelSchema, deleteSchema, peopleSchema, sessionSchema } from "~/schemas/sessions";
import { canWrite, may, requireEdition } from "~/services/access.server";
import { checkEdition } from "~/services/conflicts.server";
import { saveSession, sessionStaleAnswer } from "~/services/sessions.server";
import { type FormFailure, formDataToObject, parseValues } from "~/utils/forms";
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
  const intent = typeof values.intent === "string" ? values.intent : "save";
  const actor = organiserActor(organiser);
  const here = `/editions/${edition.slug}/sessions/${sessionUuid}`;
  try {
    switch (intent) {
      case "save": {
        const parsed = parseValues(values, sessionSchema);
        if (!parsed.ok) return fail({ ...parsed.failure, intent });
        if (parsed.data.version === undefined) return fail({ ok: false, errors: { _form: "error.400" }, values, intent });
        const result = (await saveSession(db, { edition, sessionUuid, version: parsed.data.version, data: parsed.data, actor, locale: await getLocale(request) })) ?? notFound();
        if (!result.ok) return fail({ ok: false, errors: result.errors, values, intent });
        const { reconfirm } = result.value;
        throw redirect(reconfirm > 0 ? withDone(here, "sessions.savedReconfirm", reconfirm) : withDone(here, "sessions.saved"));
      }
      case "addPerson":
      case "removePerson":
      case "movePerson":
      case "changeRole": {
        const parsed = parseValues(values, peopleSchema);
        if (!parsed.ok) return fail({ ...parsed.failure, intent });
        const result = (await changePeople(db, { editionId: edition.id, sessionUuid, change: parsed.data, actor })) ?? notFound();
        if (!result.ok) return fail({ ok: false, errors: result.errors, values, intent });
        throw redirect(withDone(here, "sessions.person.changed"));
      }
      case "cancel": {
        const ask = askConfirmation(values, intent);
        if (ask) return ask;
        const parsed = parseValues(values, cancelSchema);
        if (!parsed.ok) return fail({ ...parsed.failure, intent });
        if (!(await cancelSession(db, { editionId: edition.id, sessionUuid, version: parsed.data.version, actor }))) notFound();
        throw redirect(withDone(here, "sessions.cancelled"));
      }
      case "delete": {
        if (!may(organiser, "admin")) {
          return data({ ok: false, errors: {}, values: {}, intent, message: "sessions.deleteAdminOnly" }, { status: 403 });
        }
        const ask = askConfirmation(values, intent);
        if (ask) return ask;
        const parsed = parseValues(values, deleteSchema);
        if (!parsed.ok) return fail({ ...parsed.failure, intent });
        if (!(await deleteSession(db, { editionId: edition.id, sessionUuid, version: parsed.data.version, actor }))) notFound();
        throw redirect(withDone(`/editions/${edition.slug}/sessions`, "sessions.deleted"));
      }
      default:
        return fail({ ok: false, errors: { _form: "error.400" }, values: {}, intent });
    }
  } catch (error) {
    if (error instanceof StaleVersionError) return sessionStaleAnswer(db, { request, edition, sessionUuid, intent, values });
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
          <People />
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

function People() {
  const { session, search, canWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<Failure | StaleSave>();
  const t = useT();
  const peopleError =
    actionData && !isStaleSave(actionData) && actionData.intent && actionData.intent !== "save" ? actionData.errors.speakerId : undefined;
  const version = <input type="hidden" name="version" value={session.version} />;
  return (
    <section aria-labelledby="people-title" className="session-people">
      <h2 id="people-title">{t("sessions.peopleTitle")}</h2>
      {peopleError ? (
        <p className="alert alert-error" role="alert">
          {t(peopleError as MessageKey)}
        </p>
      ) : null}
      {session.people.length === 0 ? (
        <p>{t("sessions.peopleNone")}</p>
      ) : (
        <ol className="people-list">
          {session.people.map((person, index) => (
            <li key={person.speakerUuid} data-testid="session-person">
              <span className="person-name">{person.name}</span>
              {person.organisation ? <span className="person-organisation"> · {person.organisation}</span> : null}
              <span className="person-confirmation">
                {" "}
                · {t("sessions.person.confirmation")} : {t(`sessions.confirmation.${person.confirmation}`)}
              </span>
              {canWrite ? (
                <div className="person-actions">
                  <Form method="post" className="inline-form">
                    {version}
                    <input type="hidden" name="intent" value="changeRole" />
                    <input type="hidden" name="speakerId" value={person.speakerUuid} />
                    <label htmlFor={`role-${person.speakerUuid}`} className="visually-hidden">
                      {t("sessions.person.roleOf", { name: person.name })}
                    </label>
                    <select id={`role-${person.speakerUuid}`} name="role" defaultValue={person.role} key={`${person.role}-${session.version}`}>
                      {SESSION_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`sessions.role.${role}`)}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="button button-small">
                      {t("sessions.person.changeRole")}
                    </button>
                  </Form>
                  <Form method="post" className="inline-form">
                    {version}
                    <input type="hidden" name="speakerId" value={person.speakerUuid} />
                    <input type="hidden" name="intent" value="movePerson" />
                    <button type="submit" name="direction" value="up" className="button button-small" disabled={index === 0}
                      aria-label={t("sessions.person.upOf", { name: person.name })}>
                      ↑ {t("sessions.person.up")}
                    </button>
                    <button type="submit" name="direction" value="down" className="button button-small" disabled={index === session.people.length - 1}
                      aria-label={t("sessions.person.downOf", { name: person.name })}>
                      ↓ {t("sessions.person.down")}
                    </button>
                  </Form>
                  <Form method="post" className="inline-form">
                    {version}
                    <input type="hidden" name="intent" value="removePerson" />
                    <input type="hidden" name="speakerId" value={person.speakerUuid} />
                    <button type="submit" className="button button-small" aria-label={t("sessions.person.removeOf", { name: person.name })}>
                      {t("sessions.person.remove")}
                    </button>
                  </Form>
                </div>
              ) : (
                <span> · {t(`sessions.role.${person.role}`)}</span>
              )}
            </li>
          ))}
        </ol>
      )}
      {canWrite ? (
        <>
          <Form method="get" className="inline-form person-search" role="search">
            <div className="field">
              <label htmlFor="person-search">{t("sessions.person.search")}</label>
              <input id="person-search" type="search" name="person" defaultValue={search.query} />
            </div>
            <button type="submit" className="button">
              {t("sessions.person.searchButton")}
            </button>
          </Form>
          {search.found ? (
            search.found.length === 0 ? (
              <p role="status">{t("sessions.person.noResult")}</p>
            ) : (
              <ul className="person-results" aria-label={t("sessions.person.results")}>
                {search.found.map((speaker) => (
                  <li key={speaker.uuid}>
                    <Form method="post" className="inline-form">
                      {version}
                      <input type="hidden" name="intent" value="addPerson" />
                      <input type="hidden" name="speakerId" value={speaker.uuid} />
                      <label htmlFor={`add-${speaker.uuid}`}>
                        {t("sessions.person.addAs", { name: speaker.name + (speaker.organisation ? ` (${speaker.organisation})` : "") })}
                      </label>
                      <select id={`add-${speaker.uuid}`} name="role" defaultValue="speaker">
                        {SESSION_ROLES.map((role) => (
                          <option key={role} value={role}>
                            {t(`sessions.role.${role}`)}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button button-small">
                        {t("sessions.person.add")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </>
      ) : null}
    </section>
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
