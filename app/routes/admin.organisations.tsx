import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/forms/field";
import { FormAlert, SelectField, useMessage, useStructureForm } from "~/components/forms/structure-form";
import { PlainPage } from "~/components/plain-page";
import { StaleNotice } from "~/components/stale-notice";
import { getDb } from "~/db/client.server";
import { formatLocalDate } from "~/domain/format";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import {
  getOrganisationOverview,
  grantEditionAccess,
  renameOrganisation,
  revokeEditionAccess,
  type OrganisationView,
  type RunningEdition,
} from "~/models/organisations.server";
import { ADMIN_TIME_ZONE } from "~/models/organisers.server";
import { editionAccessGrantSchema, organisationActionSchema, organisationEditSchema } from "~/schemas/organisers";
import { requireRole } from "~/services/access.server";
import { type FormFailure, formDataToObject, parseIntent } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { StaleVersionError, staleSave } from "~/utils/stale.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Organisations · Barouf" }];

// Admins only: their organisation and the editions it runs, with its partners.
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  if (admin.organisationId === null) return { overview: null };
  const overview = await getOrganisationOverview(await getDb(), { organisationId: admin.organisationId });
  return { overview };
}

type Done = { ok: true; notice: MessageKey };

// Admins only: rename their organisation (at the version read), give or withdraw a partner's
// access to an edition their organisation runs (any other edition: 404).
export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  if (admin.organisationId === null) notFound();
  const db = await getDb();
  const values = formDataToObject(await request.formData());
  const scope = { organisationId: admin.organisationId, actor: organiserActor(admin) };
  const parsed = parseIntent(values, organisationActionSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  const input = parsed.data;
  if (input.intent === "grant" || input.intent === "revoke") {
    const change = input.intent === "grant" ? grantEditionAccess : revokeEditionAccess;
    const result = (await change(db, { ...scope, editionUuid: input.edition, organisationUuid: input.organisation })) ?? notFound();
    if (!result.ok) return invalid({ ok: false, errors: result.errors, values }, 409);
    return { ok: true, notice: input.intent === "grant" ? "organisations.granted" : "organisations.revoked" } satisfies Done;
  }
  try {
    const result = (await renameOrganisation(db, { ...scope, version: input.version, name: input.name })) ?? notFound();
    if (!result.ok) return invalid({ ok: false, errors: result.errors, values });
  } catch (error) {
    if (!(error instanceof StaleVersionError)) throw error;
    const current = error.current as OrganisationView;
    return staleSave(db, {
      entity: "organisation",
      entityUuid: current.uuid,
      current: { name: current.name },
      currentVersion: current.version,
      readVersion: input.version,
      submitted: values,
      fields: [{ name: "name", label: "organisations.name" }],
      timeZone: ADMIN_TIME_ZONE,
    });
  }
  return { ok: true, notice: "organisations.renamed" } satisfies Done;
}

export default function OrganisationsPage() {
  const { overview } = useLoaderData<typeof loader>();
  const result = useActionData<FormFailure | Done>();
  const t = useT();
  const message = useMessage();
  const failure = result && !result.ok ? result : undefined;
  const intent = failure?.values.intent;
  return (
    <PlainPage admin>
      <h1>{t("organisations.title")}</h1>
      {overview === null ? (
        <p>{t("organisations.none")}</p>
      ) : (
        <>
          <p className="lead">{t("organisations.lead")}</p>
          {result?.ok ? (
            <p className="alert alert-info" role="status">
              {t(result.notice)}
            </p>
          ) : null}
          {intent === "revoke" ? <FormAlert message={message(failure?.errors._form)} /> : null}
          <RenameForm
            key={`rename-${overview.organisation.version}`}
            organisation={overview.organisation}
            failure={intent === "rename" || intent === undefined ? failure : undefined}
          />
          <p>
            <Link to="/admin/organisations/notices">{t("rights.settingsLink")}</Link> · <Link to="/admin/organisations/partners">{t("partners.link")}</Link>
          </p>
          <section aria-labelledby="editions-title">
            <h2 id="editions-title">{t("organisations.editions")}</h2>
            {overview.editions.length === 0 ? <p>{t("organisations.noEditions")}</p> : null}
            {overview.editions.map((edition) => (
              <EditionAccess
                key={edition.uuid}
                edition={edition}
                organisations={overview.organisations}
                failure={intent === "grant" && failure?.values.edition === edition.uuid ? failure : undefined}
              />
            ))}
          </section>
        </>
      )}
    </PlainPage>
  );
}

function RenameForm({ organisation, failure }: { organisation: OrganisationView; failure?: FormFailure }) {
  const t = useT();
  const tools = useStructureForm(organisationEditSchema, {
    defaults: { intent: "rename", name: organisation.name, version: organisation.version },
    failure,
  });
  return (
    <section aria-labelledby="organisation-title">
      <h2 id="organisation-title">{t("organisations.yours")}</h2>
      {tools.stale ? <StaleNotice stale={tools.stale} /> : null}
      <Form method="post" onSubmit={tools.onSubmit} noValidate className="stack form-card">
        <input type="hidden" name="intent" value="rename" />
        <input {...tools.hidden("version")} />
        <Field label={t("organisations.name")} {...tools.field("name")} />
        <button type="submit" className="button button-primary">
          {t("organisations.rename")}
        </button>
      </Form>
    </section>
  );
}

function EditionAccess({
  edition,
  organisations,
  failure,
}: {
  edition: RunningEdition;
  organisations: { uuid: string; name: string }[];
  failure?: FormFailure;
}) {
  const t = useT();
  const locale = useLocale();
  const running = new Set(edition.organisations.map((o) => o.uuid));
  const candidates = organisations.filter((o) => !running.has(o.uuid));
  const tools = useStructureForm(editionAccessGrantSchema, {
    defaults: { intent: "grant", edition: edition.uuid, organisation: "" },
    failure,
  });
  const titleId = `edition-${edition.uuid}`;
  return (
    <article className="edition-access form-card" aria-labelledby={titleId} data-edition={edition.slug}>
      <h3 id={titleId}>
        <Link to={`/editions/${edition.slug}`}>{edition.title}</Link> <span className="muted">{formatLocalDate(edition.startDate, locale)}</span>
      </h3>
      <p>{t("organisations.runBy")}</p>
      <ul className="edition-access-list">
        {edition.organisations.map((organisation) => (
          <li key={organisation.uuid} data-organisation={organisation.name}>
            <span>
              {organisation.name} {organisation.own ? <span className="muted">{t("organisations.own")}</span> : null}
            </span>
            {organisation.own ? null : (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="edition" value={edition.uuid} />
                <input type="hidden" name="organisation" value={organisation.uuid} />
                <button type="submit" className="button button-small">
                  {t("organisations.revoke", { name: organisation.name })}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {candidates.length > 0 ? (
        <Form method="post" onSubmit={tools.onSubmit} noValidate className="edition-access-grant">
          <input type="hidden" name="intent" value="grant" />
          <input {...tools.hidden("edition")} />
          <SelectField
            label={t("organisations.grantTo")}
            options={[{ value: "", label: t("organisations.choose") }, ...candidates.map((o) => ({ value: o.uuid, label: o.name }))]}
            defaultValue={tools.value("organisation")}
            error={tools.errorText("organisation")}
            autoFocus={tools.firstError === "organisation"}
            {...tools.form.register("organisation")}
          />
          <button type="submit" className="button">
            {t("organisations.grant")}
          </button>
        </Form>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return (
    <main id="main" className="page page-narrow">
      <GeneralErrorBoundary />
    </main>
  );
}
