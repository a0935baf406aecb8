import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AccountCreatedNotice } from "~/components/account-created";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/forms/field";
import { FormAlert, SelectField, useStructureForm } from "~/components/forms/structure-form";
import { PlainPage } from "~/components/plain-page";
import { getDb } from "~/db/client.server";
import { PARTNER_ROLES } from "~/domain/vocabulary";
import { useT } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import { createPartnerOrganiser, getPartnersOverview, type PartnerView } from "~/models/partners.server";
import { partnerOrganiserSchema } from "~/schemas/organisers";
import { requireRole } from "~/services/access.server";
import { newAccountPassword } from "~/services/password.server";
import { type FormFailure, parseForm } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Partenaires · Barouf" }];

/** The answer that shows a generated password is never cached. */
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

// Admins only, of an organisation: the partner organisations (never a speaker's employer that
// co-runs nothing) and the editions of ours an account can be opened on.
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  if (admin.organisationId === null) notFound();
  return getPartnersOverview(await getDb(), { organisationId: admin.organisationId });
}

type Created = {
  ok: true;
  created: { name: string; email: string; organisation: string; edition: string };
  /** Shown once, in this answer only. */
  generatedPassword: string | null;
};

// Admins only: an editor's or viewer's account for a partner organisation (existing or new),
// opened on one edition our organisation runs (any other edition: 404).
export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  if (admin.organisationId === null) notFound();
  const parsed = await parseForm(request, partnerOrganiserSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  const { password, edition, organisation, newOrganisation, name, email, role } = parsed.data;
  const { generatedPassword, passwordHash } = await newAccountPassword(password);
  const result = await createPartnerOrganiser(await getDb(), {
    organisationId: admin.organisationId,
    actor: organiserActor(admin),
    editionUuid: edition,
    partner: newOrganisation ? { name: newOrganisation } : { uuid: organisation },
    values: { name, email, role },
    passwordHash,
  });
  if (!result) notFound();
  if (!result.ok) {
    const { password: _password, ...kept } = parsed.values;
    return invalid({ ok: false, errors: result.errors, values: kept });
  }
  const created = { ...result.organiser, organisation: result.organisation, edition: result.edition };
  return data({ ok: true, created, generatedPassword } satisfies Created, { headers: { "Cache-Control": "no-store" } });
}

export default function PartnersPage() {
  const { editions, partners } = useLoaderData<typeof loader>();
  const result = useActionData<FormFailure | Created>();
  const t = useT();
  return (
    <PlainPage admin>
      <h1>{t("partners.title")}</h1>
      <p className="lead">{t("partners.lead")}</p>
      <p>
        <Link to="/admin/organisations">{t("organisations.title")}</Link>
      </p>
      {result?.ok ? (
        <AccountCreatedNotice message={t("partners.created", result.created)} name={result.created.name} generatedPassword={result.generatedPassword} testId="partner-created" />
      ) : null}
      <PartnerList partners={partners} />
      {editions.length === 0 ? (
        <p>{t("partners.noEditions")}</p>
      ) : (
        <CreateForm key={result?.ok ? result.created.email : "new"} editions={editions} partners={partners} failure={result && !result.ok ? result : undefined} />
      )}
    </PlainPage>
  );
}

function PartnerList({ partners }: { partners: PartnerView[] }) {
  const t = useT();
  return (
    <section aria-labelledby="partners-list-title">
      <h2 id="partners-list-title">{t("partners.list")}</h2>
      {partners.length === 0 ? <p>{t("partners.none")}</p> : null}
      <ul className="edition-access-list" data-testid="partners">
        {partners.map((partner) => (
          <li key={partner.uuid} data-organisation={partner.name}>
            <strong>{partner.name}</strong> · {t("partners.accounts", { count: partner.accounts })}
            {partner.editions.length > 0 ? <> · {t("partners.editions", { editions: partner.editions.join(", ") })}</> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CreateForm({ editions, partners, failure }: { editions: { uuid: string; title: string }[]; partners: PartnerView[]; failure?: FormFailure }) {
  const t = useT();
  const tools = useStructureForm(partnerOrganiserSchema, {
    defaults: { intent: "create", edition: editions[0]!.uuid, organisation: "", newOrganisation: "", name: "", email: "", role: "editor", password: "" },
    failure,
  });
  const select = (name: "edition" | "organisation" | "role", label: string, options: { value: string; label: string }[]) => (
    <SelectField
      label={label}
      options={options}
      defaultValue={tools.value(name)}
      error={tools.errorText(name)}
      autoFocus={tools.firstError === name}
      {...tools.form.register(name)}
    />
  );
  return (
    <section aria-labelledby="new-partner-title">
      <h2 id="new-partner-title">{t("partners.new")}</h2>
      <FormAlert message={tools.formError} />
      <Form method="post" onSubmit={tools.onSubmit} noValidate className="stack form-card">
        <input type="hidden" name="intent" value="create" />
        {select("edition", t("partners.edition"), editions.map((e) => ({ value: e.uuid, label: e.title })))}
        {select("organisation", t("partners.organisation"), [
          { value: "", label: t("partners.chooseOrganisation") },
          ...partners.map((p) => ({ value: p.uuid, label: p.name })),
        ])}
        <Field label={t("partners.newOrganisation")} hint={t("partners.newOrganisationHint")} autoComplete="off" {...tools.field("newOrganisation")} />
        <Field label={t("organisers.name")} autoComplete="off" {...tools.field("name")} />
        <Field label={t("organisers.email")} type="email" autoComplete="off" {...tools.field("email")} />
        {select("role", t("partners.role"), PARTNER_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) })))}
        <Field label={t("organisers.password")} hint={t("organisers.passwordHint")} type="password" autoComplete="new-password" {...tools.field("password")} />
        <button type="submit" className="button button-primary">
          {t("partners.create")}
        </button>
      </Form>
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
