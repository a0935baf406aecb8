import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/forms/field";
import { useStructureForm } from "~/components/forms/structure-form";
import { getDb } from "~/db/client.server";
import { useLocale, useT } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import { createTheme, listThemes } from "~/models/themes.server";
import { themeSchema } from "~/schemas/themes";
import { canWrite, requireEdition } from "~/services/access.server";
import { type FormFailure, parseForm } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { withDone } from "~/utils/done";
import { SaveStatus } from "~/components/save-status";

export const meta: MetaFunction = () => [{ title: "Thèmes · Barouf" }];

// Organisers of this edition read; editors and admins add.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const themes = await listThemes(await getDb(), { editionId: edition.id });
  return { edition: { slug: edition.slug, title: edition.title }, themes, canWrite: canWrite(organiser) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const parsed = await parseForm(request, themeSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  await createTheme(await getDb(), { editionId: edition.id, actor: organiserActor(organiser), values: parsed.data });
  throw redirect(withDone(`/editions/${edition.slug}/themes`, "saved.themeCreated"));
}

export default function ThemesPage() {
  const { edition, themes, canWrite } = useLoaderData<typeof loader>();
  const failure = useActionData<FormFailure>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/editions/${edition.slug}/settings`}>{t("settings.title")}</Link>
      </p>
      <h1>{t("themes.title")}</h1>
      <SaveStatus />
      {themes.length === 0 ? (
        <p>{t("themes.empty")}</p>
      ) : (
        <table className="table" data-testid="themes-table">
          <thead>
            <tr>
              <th scope="col">{t("themes.name")}</th>
              <th scope="col">{t("themes.colour")}</th>
              <th scope="col">{t("structure.usedBy")}</th>
            </tr>
          </thead>
          <tbody>
            {themes.map((theme) => (
              <tr key={theme.uuid}>
                <th scope="row">
                  <Link to={theme.uuid}>{locale === "fr" ? theme.nameFr : theme.nameEn}</Link>
                </th>
                <td>
                  <span className="swatch" style={{ background: theme.colour }} aria-hidden="true" /> {theme.colour}
                </td>
                <td>{t("structure.sessionCount", { count: theme.sessions })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite ? <NewTheme failure={failure} /> : null}
    </>
  );
}

function NewTheme({ failure }: { failure?: FormFailure }) {
  const t = useT();
  const { onSubmit, field } = useStructureForm(themeSchema, { defaults: { nameFr: "", nameEn: "", colour: "#2f5f8a" }, failure });
  return (
    <section aria-labelledby="new-theme">
      <h2 id="new-theme">{t("themes.new")}</h2>
      <Form method="post" onSubmit={onSubmit} noValidate className="stack form-card">
        <Field label={t("themes.nameFr")} {...field("nameFr")} />
        <Field label={t("themes.nameEn")} {...field("nameEn")} />
        <Field label={t("themes.colour")} type="color" {...field("colour")} />
        <button type="submit" className="button button-primary">
          {t("themes.create")}
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
