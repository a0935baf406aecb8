import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, TextAreaField } from "~/components/forms/field";
import { SelectField, useStructureForm } from "~/components/forms/structure-form";
import { PlainPage } from "~/components/plain-page";
import { StaleNotice } from "~/components/stale-notice";
import { getDb } from "~/db/client.server";
import { noticeTemplate, storedNoticeText } from "~/domain/notices";
import { MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS } from "~/domain/retention";
import { ACCESSIBILITY_CONFORMITY } from "~/domain/vocabulary";
import { useT, type MessageKey } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import { getOrganisationNotices, updateOrganisationNotices, type OrganisationNotices } from "~/models/notices.server";
import { ADMIN_TIME_ZONE } from "~/models/organisers.server";
import { organisationNoticesSchema } from "~/schemas/notices";
import { requireRole } from "~/services/access.server";
import { type FormFailure, formDataToObject, parseValues } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { StaleVersionError, staleSave } from "~/utils/stale.server";

export const meta: MetaFunction = () => [{ title: "Barouf" }];

const TEXTS = [
  { name: "privacyNoticeFr", kind: "privacy", locale: "fr", label: "rights.field.privacyNoticeFr" },
  { name: "privacyNoticeEn", kind: "privacy", locale: "en", label: "rights.field.privacyNoticeEn" },
  { name: "accessibilityStatementFr", kind: "accessibility", locale: "fr", label: "rights.field.accessibilityStatementFr" },
  { name: "accessibilityStatementEn", kind: "accessibility", locale: "en", label: "rights.field.accessibilityStatementEn" },
] as const;

/** The form's values: the organisation's texts, or the defaults it may edit. */
function formValues(notices: OrganisationNotices): Record<string, string> {
  return {
    retentionMonths: String(notices.retentionMonths),
    noticeContact: notices.noticeContact ?? "",
    accessibilityConformity: notices.accessibilityConformity,
    ...Object.fromEntries(TEXTS.map((text) => [text.name, noticeTemplate(text.kind, text.locale, notices[text.name])])),
  };
}

// Admins only, on their own organisation (none: not found): how long speakers' data is kept,
// and the privacy notice and accessibility statement its editions show.
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  if (admin.organisationId === null) notFound();
  const notices = (await getOrganisationNotices(await getDb(), { organisationId: admin.organisationId })) ?? notFound();
  return { name: notices.name, version: notices.version, values: formValues(notices) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  if (admin.organisationId === null) notFound();
  const db = await getDb();
  const values = formDataToObject(await request.formData());
  const parsed = parseValues(values, organisationNoticesSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  const { intent: _intent, version, ...input } = parsed.data;
  const texts = Object.fromEntries(TEXTS.map((text) => [text.name, storedNoticeText(text.kind, text.locale, input[text.name])]));
  try {
    const saved = await updateOrganisationNotices(db, { organisationId: admin.organisationId, version, actor: organiserActor(admin), input: { ...input, ...texts } });
    if (!saved) notFound();
  } catch (error) {
    if (!(error instanceof StaleVersionError)) throw error;
    const current = error.current as OrganisationNotices;
    return staleSave(db, {
      entity: "organisation",
      entityUuid: current.uuid,
      current: formValues(current),
      currentVersion: current.version,
      readVersion: version,
      submitted: values,
      fields: [{ name: "retentionMonths", label: "rights.field.retentionMonths" }, { name: "noticeContact", label: "rights.field.noticeContact" }, ...TEXTS.map((text) => ({ name: text.name, label: text.label }))],
      timeZone: ADMIN_TIME_ZONE,
    });
  }
  throw redirect("/admin/organisations/notices?saved=1");
}

export default function NoticesPage() {
  const { name, version, values } = useLoaderData<typeof loader>();
  const failure = useActionData<FormFailure>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const tools = useStructureForm(organisationNoticesSchema, { defaults: { intent: "notices", version, ...values }, failure });
  return (
    <PlainPage admin>
      <p>
        <Link to="/admin/organisations">{t("organisations.title")}</Link>
      </p>
      <h1>{t("rights.settingsTitle", { name })}</h1>
      <p className="lead">{t("rights.settingsLead")}</p>
      {searchParams.has("saved") && !failure ? (
        <p className="alert alert-info" role="status">
          {t("rights.settingsSaved")}
        </p>
      ) : null}
      {tools.stale ? <StaleNotice stale={tools.stale} /> : null}
      <Form method="post" onSubmit={tools.onSubmit} noValidate className="stack form-card" key={version}>
        <input type="hidden" name="intent" value="notices" />
        <input {...tools.hidden("version")} />
        <Field
          label={t("rights.field.retentionMonths")}
          hint={t("rights.field.retentionHint", { min: MIN_RETENTION_MONTHS, max: MAX_RETENTION_MONTHS })}
          type="number"
          inputMode="numeric"
          min={MIN_RETENTION_MONTHS}
          max={MAX_RETENTION_MONTHS}
          {...tools.field("retentionMonths")}
        />
        <Field label={t("rights.field.noticeContact")} hint={t("rights.field.noticeContactHint")} {...tools.field("noticeContact")} />
        <SelectField
          label={t("rights.field.conformity")}
          options={ACCESSIBILITY_CONFORMITY.map((value) => ({ value, label: t(`rights.conformity.${value}` as MessageKey) }))}
          defaultValue={tools.value("accessibilityConformity")}
          error={tools.errorText("accessibilityConformity")}
          {...tools.form.register("accessibilityConformity")}
        />
        <p className="field-hint">{t("rights.textsHint")}</p>
        {TEXTS.map((text) => (
          <TextAreaField key={text.name} label={t(text.label)} lang={text.locale} rows={14} {...tools.field(text.name)} />
        ))}
        <button type="submit" className="button button-primary">
          {t("rights.saveSettings")}
        </button>
      </Form>
    </PlainPage>
  );
}

export function ErrorBoundary() {
  return (
    <main id="main" className="page page-narrow">
      <GeneralErrorBoundary />
    </main>
  );
}
