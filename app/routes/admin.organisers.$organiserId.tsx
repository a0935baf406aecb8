import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { ConfirmForm } from "~/components/forms/confirm-form";
import { askConfirmation } from "~/utils/confirm.server";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/forms/field";
import { FormAlert, SelectField, useMessage, useStructureForm } from "~/components/forms/structure-form";
import { History } from "~/components/history";
import { PlainPage } from "~/components/plain-page";
import { StaleNotice } from "~/components/stale-notice";
import { getDb } from "~/db/client.server";
import { ORGANISER_ROLES } from "~/domain/vocabulary";
import { formatInstant } from "~/domain/format";
import { translate, useLocale, useT, type MessageKey } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { organiserActor } from "~/models/audit.server";
import { listHistoryOutsideEditions } from "~/models/audit-log.server";
import { ADMIN_TIME_ZONE, getOrganiser, setOrganiserActive, updateOrganiser, type OrganiserView } from "~/models/organisers.server";
import { organiserActionSchema, organiserEditSchema, organiserFormValues } from "~/schemas/organisers";
import { requireRole } from "~/services/access.server";
import { type FormFailure, formDataToObject, parseIntent } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { StaleVersionError, staleSave } from "~/utils/stale.server";
import { isStaleSave } from "~/utils/stale";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Organisateur·rice · Barouf" }];

// Admins only, and only the organisers of their own organisation (any other id: 404).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const db = await getDb();
  const organiser = await getOrganiser(db, { organisationId: admin.organisationId, uuid: params.organiserId ?? "" });
  if (!organiser) notFound();
  const history = await listHistoryOutsideEditions(db, { entity: "organiser", entityUuid: organiser.uuid });
  return { organiser, history, self: organiser.uuid === admin.uuid, timeZone: ADMIN_TIME_ZONE };
}

type Done = { ok: true; notice: MessageKey; name?: string };

// Admins only: edit (name, email, role), deactivate or reactivate, each at the version read.
export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const db = await getDb();
  const uuid = params.organiserId ?? "";
  const values = formDataToObject(await request.formData());
  const actor = organiserActor(admin);
  const scope = { organisationId: admin.organisationId, uuid };
  const locale = await getLocale(request);
  const parsed = parseIntent(values, organiserActionSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  const input = parsed.data;
  const activity = !("name" in input);
  try {
    // The activity buttons' form has no name field: the union's other branch.
    if (!("name" in input)) {
      const ask = input.intent === "deactivate" ? askConfirmation(values, "deactivate") : null;
      if (ask) return ask;
      const active = input.intent === "reactivate";
      const result = (await setOrganiserActive(db, { ...scope, version: input.version, actor, active })) ?? notFound();
      if (!result.ok) return invalid({ ok: false, errors: result.errors, values }, 409);
      return { ok: true, notice: active ? "organisers.reactivated" : "organisers.deactivated" } satisfies Done;
    }
    const { version, name, email, role } = input;
    const fields = { name, email, role };
    const result = (await updateOrganiser(db, { ...scope, version, actor, values: fields })) ?? notFound();
    if (!result.ok) return invalid({ ok: false, errors: result.errors, values }, 409);
    return { ok: true, notice: result.endedSessions ? "organisers.sessionsEnded" : "organisers.saved", name: fields.name } satisfies Done;
  } catch (error) {
    if (!(error instanceof StaleVersionError)) throw error;
    const current = error.current as OrganiserView;
    const showActive = (value: string | string[] | undefined) => translate(locale, value === "true" ? "organisers.active" : "organisers.inactive");
    const showRole = (value: string | string[] | undefined) =>
      ORGANISER_ROLES.includes(value as never) ? translate(locale, `role.${value as (typeof ORGANISER_ROLES)[number]}`) : String(value ?? "");
    return staleSave(db, {
      entity: "organiser",
      entityUuid: uuid,
      current: activity ? { active: String(current.active) } : organiserFormValues(current),
      currentVersion: current.version,
      readVersion: Number(values.version),
      submitted: values,
      yours: activity ? { active: String(input.intent === "reactivate") } : undefined,
      fields: activity
        ? [{ name: "active", label: "organisers.state", show: showActive }]
        : [
            { name: "name", label: "organisers.name" },
            { name: "email", label: "organisers.email" },
            { name: "role", label: "organisers.role", show: showRole },
          ],
      timeZone: ADMIN_TIME_ZONE,
    });
  }
}

const isActivity = (failure: FormFailure) => failure.values.intent === "deactivate" || failure.values.intent === "reactivate";

export default function OrganiserPage() {
  const { organiser, history, self, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<FormFailure | Done>();
  const t = useT();
  const locale = useLocale();
  const failure = result && !result.ok ? result : undefined;
  const editFailure = failure && !isActivity(failure) ? failure : undefined;
  const activityFailure = failure && isActivity(failure) ? failure : undefined;
  return (
    <PlainPage admin>
      <p className="breadcrumb">
        <Link to="/admin/organisers">{t("organisers.back")}</Link>
      </p>
      <h1>
        {organiser.name} {self ? t("organisers.you") : null}
      </h1>
      <p className="lead" data-testid="organiser-status">
        {organiser.active ? t("organisers.active") : t("organisers.inactive")} ·{" "}
        {t("organisers.lastLoginAt", { when: organiser.lastLoginAt ? formatInstant(organiser.lastLoginAt, timeZone, locale) : t("organisers.never") })}
      </p>
      {result?.ok ? (
        <p className="alert alert-info" role="status">
          {t(result.notice, { name: result.name ?? organiser.name })}
        </p>
      ) : null}
      <EditForm key={`edit-${organiser.version}`} organiser={organiser} failure={editFailure} />
      <ActivityForm key={`active-${organiser.version}`} organiser={organiser} failure={activityFailure} />
      <History entries={history} timeZone={timeZone} />
    </PlainPage>
  );
}

function EditForm({ organiser, failure }: { organiser: OrganiserView; failure?: FormFailure }) {
  const t = useT();
  const tools = useStructureForm(organiserEditSchema, {
    defaults: { intent: "update", ...organiserFormValues(organiser), version: organiser.version },
    failure,
  });
  return (
    <>
      {tools.stale ? <StaleNotice stale={tools.stale} /> : null}
      <FormAlert message={tools.formError} />
      <Form method="post" onSubmit={tools.onSubmit} noValidate className="stack form-card">
        <input type="hidden" name="intent" value="update" />
        <input {...tools.hidden("version")} />
        <Field label={t("organisers.name")} {...tools.field("name")} />
        <Field label={t("organisers.email")} type="email" {...tools.field("email")} />
        <SelectField
          label={t("organisers.role")}
          hint={t("organisers.roleHint")}
          options={ORGANISER_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          defaultValue={tools.value("role")}
          error={tools.errorText("role")}
          autoFocus={tools.firstError === "role"}
          {...tools.form.register("role")}
        />
        <button type="submit" className="button button-primary">
          {t("organisers.save")}
        </button>
      </Form>
    </>
  );
}

/** One button: deactivate (danger) or reactivate, carrying the version read. */
function ActivityForm({ organiser, failure }: { organiser: OrganiserView; failure?: FormFailure }) {
  const t = useT();
  const message = useMessage();
  const stale = isStaleSave(failure) ? failure : null;
  return (
    <section className="danger-zone organiser-access" aria-labelledby="organiser-access-title">
      <h2 id="organiser-access-title">{t("organisers.access")}</h2>
      {stale ? <StaleNotice stale={stale} /> : null}
      <FormAlert message={message(failure?.errors._form)} />
      {organiser.active ? (
        <ConfirmForm
          intent="deactivate"
          fields={{ version: stale ? String(failure?.values.version ?? organiser.version) : organiser.version }}
          label={t("organisers.deactivate")}
          consequence={t("organisers.deactivateHint")}
        />
      ) : (
        <>
          <p>{t("organisers.reactivateHint")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="reactivate" />
            <input type="hidden" name="version" value={stale ? String(failure?.values.version ?? organiser.version) : organiser.version} />
            <button type="submit" className="button button-primary">
              {t("organisers.reactivate")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return (
    <main id="main" className="page page-narrow">
      <GeneralErrorBoundary />
    </main>
  );
}

