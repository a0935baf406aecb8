import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ConfirmForm } from "~/components/forms/confirm-form";
import { Field } from "~/components/forms/field";
import { CheckboxGroup, FormAlert, useStructureForm } from "~/components/forms/structure-form";
import { When } from "~/components/invitations/when";
import { getDb } from "~/db/client.server";
import { WEBHOOK_EVENTS } from "~/domain/vocabulary";
import { useT, type MessageKey } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import { listEndpoints, recentDeliveries } from "~/models/webhooks.server";
import { webhookActionSchema, webhookAddSchema, type WebhookAction } from "~/schemas/webhooks";
import { canWrite, requireEdition } from "~/services/access.server";
import { addEndpoint, enableEndpoint, removeEndpoint, rotateSecret, setEndpointActive } from "~/services/webhook-endpoints.server";
import { deliverDueWebhooks, queueTestEvent } from "~/services/webhooks.server";
import { type FormFailure, parseForm } from "~/utils/forms";
import { askConfirmation } from "~/utils/confirm.server";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Webhooks · Barouf" }];

// Organisers of this edition see the endpoints and their deliveries; only writers see secrets.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const db = await getDb();
  const writer = canWrite(organiser);
  const now = Date.now();
  const [endpoints, deliveries] = await Promise.all([listEndpoints(db, { editionId: edition.id }), recentDeliveries(db, { editionId: edition.id })]);
  return {
    timeZone: edition.timeZone,
    canWrite: writer,
    endpoints: endpoints.map((e) => ({
      uuid: e.uuid,
      url: e.url,
      description: e.description,
      events: e.events,
      state: e.disabledAt !== null ? ("disabled" as const) : e.active ? ("active" as const) : ("paused" as const),
      failingSince: e.failingSince,
      disabledAt: e.disabledAt,
      secret: writer ? e.secret : null,
      previousSecret: writer && e.previousSecret && e.previousSecretUntil !== null && e.previousSecretUntil > now ? { secret: e.previousSecret, until: e.previousSecretUntil } : null,
    })),
    deliveries,
  };
}

type Done = { done: Exclude<WebhookAction["intent"], "test"> | "test.delivered" | "test.failed"; endpoint: string };

const DONE_MESSAGES: Record<Done["done"], MessageKey> = {
  add: "webhooks.added",
  "test.delivered": "webhooks.done.test.delivered",
  "test.failed": "webhooks.done.test.failed",
  rotate: "webhooks.done.rotate",
  pause: "webhooks.done.pause",
  resume: "webhooks.done.resume",
  enable: "webhooks.done.enable",
  delete: "webhooks.done.delete",
};

// Editors and admins: add an endpoint, send a test event, rotate the secret, pause, resume, enable again, delete.
export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const parsed = await parseForm(request, webhookActionSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  const input = parsed.data;
  const db = await getDb();
  const now = Date.now();
  const editionId = edition.id;
  const actor = organiserActor(organiser);
  const target = input.intent === "add" ? null : { editionId, uuid: input.endpoint, now, actor };
  const missing = () => invalid({ ok: false, errors: { _form: "webhooks.unknown" }, values: {} }, 404);
  switch (input.intent) {
    case "add": {
      const added = await addEndpoint(db, { editionId, url: input.url, description: input.description, events: input.events, active: input.active, now, actor });
      if (!added.ok) return invalid({ ok: false, errors: { url: added.problem }, values: parsed.values });
      return data<Done>({ done: "add", endpoint: added.uuid });
    }
    case "test": {
      const id = await queueTestEvent(db, { editionId, uuid: input.endpoint, now });
      if (id === null) return missing();
      const report = await deliverDueWebhooks({ ids: [id] });
      return data<Done>({ done: report.delivered > 0 ? "test.delivered" : "test.failed", endpoint: input.endpoint });
    }
    case "rotate":
      if ((await rotateSecret(db, target!)) === null) return missing();
      break;
    case "pause":
    case "resume":
      if (!(await setEndpointActive(db, { ...target!, active: input.intent === "resume" }))) return missing();
      break;
    case "enable":
      if (!(await enableEndpoint(db, target!))) return missing();
      break;
    case "delete": {
      const ask = askConfirmation(input, "delete", input.endpoint);
      if (ask) return ask;
      if (!(await removeEndpoint(db, target!))) return missing();
      break;
    }
  }
  return data<Done>({ done: input.intent, endpoint: input.endpoint });
}

function AddForm({ failure }: { failure: FormFailure | null }) {
  const t = useT();
  const navigation = useNavigation();
  const tools = useStructureForm(webhookAddSchema, { defaults: { intent: "add", url: "", description: "", events: ["version.published"], active: "on" }, failure });
  return (
    <Form method="post" onSubmit={tools.onSubmit} noValidate aria-labelledby="webhook-add-title">
      <h2 id="webhook-add-title">{t("webhooks.addTitle")}</h2>
      <FormAlert message={tools.formError} />
      <input {...tools.hidden("intent")} />
      <Field label={t("webhooks.url")} hint={t("webhooks.urlHint")} type="url" inputMode="url" autoComplete="off" required {...tools.field("url")} />
      <Field label={t("webhooks.description")} {...tools.field("description")} />
      <CheckboxGroup
        legend={t("webhooks.events")}
        name="events"
        options={WEBHOOK_EVENTS.map((event) => ({ value: event, label: t(`webhooks.event.${event}`) }))}
        checked={tools.values("events")}
        error={tools.errorText("events")}
        register={(name) => tools.form.register(name as never)}
      />
      <label className="checkbox">
        <input type="checkbox" {...tools.form.register("active" as never)} value="on" defaultChecked={tools.values("active").length > 0} /> {t("webhooks.active")}
      </label>
      <p>
        <button type="submit" className="button button-primary" disabled={navigation.state !== "idle"}>
          {t("webhooks.add")}
        </button>
      </p>
    </Form>
  );
}

function ActionButton({ intent, endpoint, label }: { intent: string; endpoint: string; label: string }) {
  const navigation = useNavigation();
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="endpoint" value={endpoint} />
      <button type="submit" className="button button-small" disabled={navigation.state !== "idle"}>
        {label}
      </button>
    </Form>
  );
}

export default function Webhooks() {
  const { endpoints, deliveries, timeZone, canWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<Done | FormFailure>();
  const t = useT();
  // A confirmation asked (an unconfirmed delete) is the ConfirmForm's answer, not the add form's.
  const failure = actionData && "ok" in actionData && !("confirm" in actionData) ? actionData : null;
  const done = actionData && "done" in actionData ? actionData : null;
  const disabled = endpoints.filter((e) => e.state === "disabled").length;
  return (
    <>
      <h1>{t("webhooks.title")}</h1>
      <p className="lead">{t("webhooks.lead")}</p>
      {disabled > 0 ? (
        <p className="alert alert-warning" role="alert" data-testid="webhooks-disabled-notice">
          {t("webhooks.disabledNotice", { count: disabled })}
        </p>
      ) : null}
      {done ? (
        <p className="alert alert-info" role="status">
          {t(DONE_MESSAGES[done.done])}
        </p>
      ) : null}
      {!canWrite ? <p className="field-hint">{t("webhooks.viewerNoSecrets")}</p> : null}
      <section aria-labelledby="webhook-endpoints-title">
        <h2 id="webhook-endpoints-title">{t("webhooks.endpoints")}</h2>
        {endpoints.length === 0 ? (
          <p>{t("webhooks.none")}</p>
        ) : (
          <ul className="webhook-endpoints">
            {endpoints.map((endpoint) => (
              <li key={endpoint.uuid} data-endpoint={endpoint.uuid}>
                <h3>
                  <code>{endpoint.url}</code> <span className={`badge badge-webhook-${endpoint.state}`}>{t(`webhooks.state.${endpoint.state}`)}</span>
                </h3>
                {endpoint.description ? <p>{endpoint.description}</p> : null}
                <p className="muted-line">{endpoint.events.map((event) => t(`webhooks.event.${event}`)).join(", ")}</p>
                {endpoint.disabledAt !== null ? (
                  <p className="error-text">
                    {t("webhooks.disabledOn")} <When at={endpoint.disabledAt} timeZone={timeZone} />. {t("webhooks.disabledWhy")}
                  </p>
                ) : endpoint.failingSince !== null ? (
                  <p className="error-text">
                    {t("webhooks.failingSince")} <When at={endpoint.failingSince} timeZone={timeZone} />.
                  </p>
                ) : null}
                {endpoint.secret ? (
                  <details>
                    <summary>{t("webhooks.showSecret")}</summary>
                    <dl>
                      <dt>{t("webhooks.secret")}</dt>
                      <dd>
                        <code data-testid="webhook-secret">{endpoint.secret}</code>
                      </dd>
                      {endpoint.previousSecret ? (
                        <>
                          <dt>{t("webhooks.previousSecret")}</dt>
                          <dd>
                            <code>{endpoint.previousSecret.secret}</code>
                          </dd>
                          <dt>{t("webhooks.previousSecretUntil")}</dt>
                          <dd>
                            <When at={endpoint.previousSecret.until} timeZone={timeZone} />
                          </dd>
                        </>
                      ) : null}
                    </dl>
                  </details>
                ) : null}
                {canWrite ? (
                  <div className="button-row" role="group" aria-label={t("webhooks.actionsFor", { url: endpoint.url })}>
                    {endpoint.state === "active" ? <ActionButton intent="test" endpoint={endpoint.uuid} label={t("webhooks.test")} /> : null}
                    <ActionButton intent="rotate" endpoint={endpoint.uuid} label={t("webhooks.rotate")} />
                    {endpoint.state === "active" ? <ActionButton intent="pause" endpoint={endpoint.uuid} label={t("webhooks.pause")} /> : null}
                    {endpoint.state === "paused" ? <ActionButton intent="resume" endpoint={endpoint.uuid} label={t("webhooks.resume")} /> : null}
                    {endpoint.state === "disabled" ? <ActionButton intent="enable" endpoint={endpoint.uuid} label={t("webhooks.enable")} /> : null}
                    <ConfirmForm
                      intent="delete"
                      target={endpoint.uuid}
                      fields={{ endpoint: endpoint.uuid }}
                      small
                      label={t("webhooks.delete")}
                      consequence={t("webhooks.deleteConsequence", { url: endpoint.url })}
                      confirmLabel={t("webhooks.deleteConfirm")}
                    />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {canWrite ? <AddForm failure={failure} key={done?.done === "add" ? done.endpoint : "add"} /> : null}
      <section aria-labelledby="webhook-deliveries-title">
        <h2 id="webhook-deliveries-title">{t("webhooks.deliveries")}</h2>
        {deliveries.length === 0 ? (
          <p>{t("webhooks.deliveriesNone")}</p>
        ) : (
          <table className="table webhook-deliveries">
            <thead>
              <tr>
                <th scope="col">{t("webhooks.col.created")}</th>
                <th scope="col">{t("webhooks.col.endpoint")}</th>
                <th scope="col">{t("webhooks.col.event")}</th>
                <th scope="col">{t("webhooks.col.state")}</th>
                <th scope="col">{t("webhooks.col.log")}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr key={delivery.uuid} data-delivery={delivery.uuid}>
                  <td>
                    <When at={delivery.createdAt} timeZone={timeZone} />
                  </td>
                  <td>
                    <code>{delivery.url}</code>
                  </td>
                  <td>{delivery.event === "version.published" || delivery.event === "webhook.test" ? t(`webhooks.event.${delivery.event}`) : delivery.event}</td>
                  <td>
                    <span className={`badge badge-delivery-${delivery.state}`}>{t(`webhooks.delivery.${delivery.state}`)}</span>
                    {delivery.state === "queued" ? (
                      <span className="muted-line">
                        {t("webhooks.nextAttempt")} <When at={delivery.nextAttemptAt} timeZone={timeZone} />
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <ol className="webhook-attempts">
                      {delivery.log.map((attempt) => (
                        <li key={attempt.attempt}>
                          <When at={attempt.at} timeZone={timeZone} /> —{" "}
                          {t("webhooks.attempt", { attempt: attempt.attempt, status: attempt.status ?? t("webhooks.noAnswer"), duration: attempt.durationMs })}
                          {attempt.response ? <pre className="webhook-response">{attempt.response}</pre> : null}
                        </li>
                      ))}
                    </ol>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
