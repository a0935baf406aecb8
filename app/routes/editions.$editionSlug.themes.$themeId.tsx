import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/forms/field";
import { DeleteForm, FormAlert, useStructureForm } from "~/components/forms/structure-form";
import { StaleNotice } from "~/components/stale-notice";
import { getDb } from "~/db/client.server";
import { useT } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import { deleteTheme, getTheme, themeFormValues, updateTheme } from "~/models/themes.server";
import { themeEditSchema } from "~/schemas/themes";
import { canWrite, requireEdition } from "~/services/access.server";
import type { FormFailure } from "~/utils/forms";
import type { DeleteRefused } from "~/utils/forms.server";
import type { StaleField } from "~/utils/stale.server";
import { structureEntityAction } from "~/utils/structure-action.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Thème · Barouf" }];

// Organisers of this edition read; editors and admins change or delete.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const theme = await getTheme(await getDb(), { editionId: edition.id, uuid: params.themeId ?? "" });
  if (!theme) notFound();
  return { edition: { slug: edition.slug }, theme, canWrite: canWrite(organiser) };
}

const THEME_FIELDS: StaleField[] = [
  { name: "nameFr", label: "themes.nameFr" },
  { name: "nameEn", label: "themes.nameEn" },
  { name: "colour", label: "themes.colour" },
];

type ActionResult = DeleteRefused;

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const db = await getDb();
  const uuid = params.themeId ?? "";
  const actor = organiserActor(organiser);
  return structureEntityAction(request, {
    listPath: `/editions/${edition.slug}/themes`,
    entityUuid: uuid,
    done: { saved: "saved.theme", deleted: "saved.themeDeleted" },
    timeZone: edition.timeZone,
    schema: themeEditSchema,
    remove: async () => (await deleteTheme(db, { editionId: edition.id, uuid, actor })) ?? notFound(),
    save: async (version, values) => {
      if (!(await updateTheme(db, { editionId: edition.id, uuid, version, actor, values }))) notFound();
    },
    stale: async (error) => {
      const current = error.current as Parameters<typeof themeFormValues>[0] & { version: number };
      return { entity: "theme", current: themeFormValues(current), currentVersion: current.version, fields: THEME_FIELDS };
    },
  });
}

export default function ThemePage() {
  const { edition, theme, canWrite } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const t = useT();
  const failure = result && !result.deleteRefused ? result : undefined;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/editions/${edition.slug}/themes`}>{t("themes.title")}</Link>
      </p>
      <h1>{theme.nameFr}</h1>
      <FormAlert message={result?.deleteRefused ? t("themes.deleteRefused", { count: result.deleteRefused.sessions }) : undefined} />
      <ThemeForm key={theme.version} theme={theme} failure={failure} canWrite={canWrite} />
      {canWrite ? <DeleteForm label={t("themes.delete")} consequence={t("themes.deleteConsequence")} /> : null}
    </>
  );
}

function ThemeForm({ theme, failure, canWrite }: { theme: { nameFr: string; nameEn: string; colour: string; version: number }; failure?: FormFailure; canWrite: boolean }) {
  const t = useT();
  const { onSubmit, field, hidden, stale } = useStructureForm(themeEditSchema, { defaults: theme, failure });
  return (
    <>
      {stale ? <StaleNotice stale={stale} /> : null}
      <Form method="post" onSubmit={onSubmit} noValidate className="stack form-card">
        <input type="hidden" name="intent" value="update" />
        <input {...hidden("version")} />
        <fieldset disabled={!canWrite} className="plain">
          <Field label={t("themes.nameFr")} {...field("nameFr")} />
          <Field label={t("themes.nameEn")} {...field("nameEn")} />
          <Field label={t("themes.colour")} type="color" {...field("colour")} />
        </fieldset>
        {canWrite ? (
          <button type="submit" className="button button-primary">
            {t("structure.save")}
          </button>
        ) : null}
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
