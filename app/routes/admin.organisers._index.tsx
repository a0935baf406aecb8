import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AccountCreatedNotice } from "~/components/account-created";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/forms/field";
import { FormAlert, SelectField, useStructureForm } from "~/components/forms/structure-form";
import { PlainPage } from "~/components/plain-page";
import { getDb } from "~/db/client.server";
import { ORGANISER_ROLES } from "~/domain/vocabulary";
import { formatInstant } from "~/domain/format";
import { useLocale, useT } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import { getOrganisationName } from "~/models/organisations.server";
import { ADMIN_TIME_ZONE, createOrganiser, listOrganisers } from "~/models/organisers.server";
import { organiserCreateSchema } from "~/schemas/organisers";
import { requireRole } from "~/services/access.server";
import { newAccountPassword } from "~/services/password.server";
import { type FormFailure, parseForm } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Organisateur·rices · Barouf" }];

/** The answer that shows a generated password is never cached (Cache-Control: no-store). */
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

// Admins only: the organisers of their own organisation (never a password hash).
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const db = await getDb();
  const [organisers, organisation] = await Promise.all([
    listOrganisers(db, { organisationId: admin.organisationId }),
    getOrganisationName(db, { organisationId: admin.organisationId }),
  ]);
  return { organisers, organisation, me: admin.uuid, timeZone: ADMIN_TIME_ZONE };
}

type Created = {
  ok: true;
  created: { uuid: string; name: string; email: string };
  /** Shown once, in this answer only; never stored in clear nor sent by a loader. */
  generatedPassword: string | null;
};

// Admins only: a new organiser of their organisation, with a typed or a generated password.
export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const parsed = await parseForm(request, organiserCreateSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  const { password, intent: _intent, ...values } = parsed.data;
  const { generatedPassword, passwordHash } = await newAccountPassword(password);
  const result = await createOrganiser(await getDb(), {
    organisationId: admin.organisationId,
    actor: organiserActor(admin),
    values,
    passwordHash,
  });
  if (!result.ok) {
    const { password: _password, ...kept } = parsed.values;
    return invalid({ ok: false, errors: result.errors, values: kept });
  }
  const { uuid, name, email } = result.organiser;
  return data({ ok: true, created: { uuid, name, email }, generatedPassword } satisfies Created, {
    headers: { "Cache-Control": "no-store" },
  });
}

export default function OrganisersPage() {
  const { organisers, organisation, me, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<FormFailure | Created>();
  const t = useT();
  const locale = useLocale();
  return (
    <PlainPage admin>
      <h1>{t("organisers.title")}</h1>
      <p className="lead">{organisation ? t("organisers.lead", { organisation: organisation.name }) : t("organisers.leadNoOrganisation")}</p>
      {result?.ok ? (
        <AccountCreatedNotice
          message={t("organisers.created", { name: result.created.name, email: result.created.email })}
          name={result.created.name}
          generatedPassword={result.generatedPassword}
          testId="organiser-created"
        />
      ) : null}
      {organisers.length === 0 ? (
        <p>{t("organisers.empty")}</p>
      ) : (
        <table className="table organisers-table" data-testid="organisers">
          <caption className="visually-hidden">{t("organisers.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("organisers.name")}</th>
              <th scope="col">{t("organisers.email")}</th>
              <th scope="col">{t("organisers.role")}</th>
              <th scope="col">{t("organisers.state")}</th>
              <th scope="col">{t("organisers.lastLogin")}</th>
            </tr>
          </thead>
          <tbody>
            {organisers.map((organiser) => (
              <tr key={organiser.uuid} data-organiser={organiser.email} className={organiser.active ? undefined : "organiser-inactive"}>
                <th scope="row">
                  <Link to={`/admin/organisers/${organiser.uuid}`}>{organiser.name}</Link>
                  {organiser.uuid === me ? ` ${t("organisers.you")}` : null}
                </th>
                <td>{organiser.email}</td>
                <td>{t(`role.${organiser.role}`)}</td>
                <td className="organiser-state">{organiser.active ? t("organisers.active") : t("organisers.inactive")}</td>
                <td>{organiser.lastLoginAt ? formatInstant(organiser.lastLoginAt, timeZone, locale) : t("organisers.never")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreateForm key={result?.ok ? result.created.uuid : "new"} failure={result && !result.ok ? result : undefined} />
    </PlainPage>
  );
}

function CreateForm({ failure }: { failure?: FormFailure }) {
  const t = useT();
  const tools = useStructureForm(organiserCreateSchema, {
    defaults: { intent: "create", name: "", email: "", role: "editor", password: "" },
    failure,
  });
  return (
    <section aria-labelledby="new-organiser-title">
      <h2 id="new-organiser-title">{t("organisers.new")}</h2>
      <FormAlert message={tools.formError} />
      <Form method="post" onSubmit={tools.onSubmit} noValidate className="stack form-card">
        <input type="hidden" name="intent" value="create" />
        <Field label={t("organisers.name")} autoComplete="off" {...tools.field("name")} />
        <Field label={t("organisers.email")} type="email" autoComplete="off" {...tools.field("email")} />
        <SelectField
          label={t("organisers.role")}
          options={ORGANISER_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          defaultValue={tools.value("role")}
          error={tools.errorText("role")}
          autoFocus={tools.firstError === "role"}
          {...tools.form.register("role")}
        />
        <Field label={t("organisers.password")} hint={t("organisers.passwordHint")} type="password" autoComplete="new-password" {...tools.field("password")} />
        <button type="submit" className="button button-primary">
          {t("organisers.create")}
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
