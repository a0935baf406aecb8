import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/forms/field";
import { EditionFields } from "~/components/forms/edition-fields";
import { SelectField, useStructureForm } from "~/components/forms/structure-form";
import { StaleNotice } from "~/components/stale-notice";
import { getDb } from "~/db/client.server";
import { LEVELS, RULES } from "~/domain/conflicts/types";
import { useT } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import { getEditionSettings, settingsFormValues, updateEditionSettings } from "~/models/edition-structure.server";
import { editionSettingsSchema } from "~/schemas/editions";
import { canWrite, may, requireEdition } from "~/services/access.server";
import { type FormFailure, parseForm, flattenValues } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { StaleVersionError, staleSave, type StaleField } from "~/utils/stale.server";
import { notFound } from "~/utils/http.server";
import { withDone } from "~/utils/done";
import { SaveStatus } from "~/components/save-status";

export const meta: MetaFunction = () => [{ title: "Édition et lieux · Barouf" }];

// Organisers of this edition read; editors and admins change the settings.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const settings = (await getEditionSettings(await getDb(), { editionId: edition.id })) ?? notFound();
  // The form's values are made here: settingsFormValues lives in a .server module, absent from the browser's bundle.
  return { settings, formValues: settingsFormValues(settings), canWrite: canWrite(organiser), admin: may(organiser, "admin") };
}

const SETTINGS_FIELDS: StaleField[] = [
  { name: "title", label: "editions.titleLabel" },
  { name: "startDate", label: "editions.startDate" },
  { name: "endDate", label: "editions.endDate" },
  { name: "timeZone", label: "editions.timeZone" },
  { name: "venue", label: "editions.venue" },
  { name: "mainLanguage", label: "editions.mainLanguage" },
  { name: "changeoverMinutes", label: "editions.changeover" },
  { name: "dailySessionLimit", label: "editions.dailyLimit" },
  ...RULES.map((rule) => ({ name: `levels.${rule}`, label: `rule.${rule}`, columns: ["ruleLevels"] })),
];

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const db = await getDb();
  const parsed = await parseForm(request, editionSettingsSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  const { version, ...values } = parsed.data;
  try {
    if (!(await updateEditionSettings(db, { editionId: edition.id, version, actor: organiserActor(organiser), values }))) notFound();
  } catch (error) {
    if (!(error instanceof StaleVersionError)) throw error;
    const current = (await getEditionSettings(db, { editionId: edition.id })) ?? notFound();
    return staleSave(db, {
      entity: "edition",
      entityUuid: current.uuid,
      current: flattenValues(settingsFormValues(current)),
      currentVersion: current.version,
      readVersion: version,
      submitted: parsed.values,
      fields: SETTINGS_FIELDS,
      timeZone: current.timeZone,
    });
  }
  throw redirect(withDone(`/editions/${edition.slug}/settings`, "saved.settings"));
}

export default function SettingsPage() {
  const { settings, admin } = useLoaderData<typeof loader>();
  const failure = useActionData<FormFailure>();
  const t = useT();
  const base = `/editions/${settings.slug}`;
  return (
    <>
      <h1>{t("settings.title")}</h1>
      <SaveStatus />
      <nav aria-labelledby="hub-title">
        <h2 id="hub-title" className="visually-hidden">
          {t("settings.hub")}
        </h2>
        <ul className="hub">
          <li>
            <Link to={`${base}/rooms`}>
              <strong>{t("rooms.title")}</strong>
              {t("settings.roomsHint")}
            </Link>
          </li>
          <li>
            <Link to={`${base}/themes`}>
              <strong>{t("themes.title")}</strong>
              {t("settings.themesHint")}
            </Link>
          </li>
          <li>
            <Link to={`${base}/formats`}>
              <strong>{t("formats.title")}</strong>
              {t("settings.formatsHint")}
            </Link>
          </li>
          <li>
            <Link to={`${base}/slots`}>
              <strong>{t("slots.title")}</strong>
              {t("settings.slotsHint")}
            </Link>
          </li>
        </ul>
      </nav>
      {admin ? (
        <p>
          <Link to={`/editions/new?from=${settings.slug}`} className="button">
            {t("settings.copy")}
          </Link>
        </p>
      ) : null}
      <SettingsForm key={settings.version} failure={failure} />
    </>
  );
}

function SettingsForm({ failure }: { failure?: FormFailure }) {
  const { settings, formValues, canWrite } = useLoaderData<typeof loader>();
  const t = useT();
  const tools = useStructureForm(editionSettingsSchema, { defaults: { version: settings.version, ...formValues }, failure });
  const { field } = tools;
  const levelOptions = LEVELS.map((level) => ({ value: level, label: t(`level.${level}`) }));
  return (
    <section aria-labelledby="settings-form">
      <h2 id="settings-form">{t("settings.edition")}</h2>
      {tools.stale ? <StaleNotice stale={tools.stale} /> : null}
      <Form method="post" onSubmit={tools.onSubmit} noValidate className="stack form-card">
        <input {...tools.hidden("version")} />
        <fieldset disabled={!canWrite} className="plain stack">
          <Field label={t("editions.titleLabel")} {...field("title")} />
          <EditionFields tools={tools} />
          <Field label={t("editions.changeover")} hint={t("editions.changeoverHint")} inputMode="numeric" {...field("changeoverMinutes")} />
          <Field label={t("editions.dailyLimit")} hint={t("editions.dailyLimitHint")} inputMode="numeric" {...field("dailySessionLimit")} />
          <fieldset className="field hours">
            <legend>{t("settings.levels")}</legend>
            <p className="field-hint">{t("settings.levelsHint")}</p>
            <table className="table levels">
              <tbody>
                {RULES.map((rule) => (
                  <tr key={rule}>
                    <td>
                      <SelectField
                        label={t(`rule.${rule}`)}
                        options={levelOptions}
                        defaultValue={tools.value(`levels.${rule}`)}
                        error={tools.errorText(`levels.${rule}`)}
                        {...tools.form.register(`levels.${rule}`)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </fieldset>
        </fieldset>
        {canWrite ? (
          <button type="submit" className="button button-primary">
            {t("structure.save")}
          </button>
        ) : null}
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
