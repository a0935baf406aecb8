import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useStructureForm } from "~/components/forms/structure-form";
import { FormatFields } from "~/components/structure/format-fields";
import { useFeatureOptions } from "~/components/structure/room-fields";
import { getDb } from "~/db/client.server";
import { SESSION_ROLES } from "~/domain/vocabulary";
import { useLocale, useT } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import { createFormat, listFormats } from "~/models/formats.server";
import { formatSchema } from "~/schemas/formats";
import { canWrite, requireEdition } from "~/services/access.server";
import { type FormFailure, parseForm } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { withDone } from "~/utils/done";
import { SaveStatus } from "~/components/save-status";

export const meta: MetaFunction = () => [{ title: "Formats · Barouf" }];

// Organisers of this edition read; editors and admins add.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const formats = await listFormats(await getDb(), { editionId: edition.id });
  return { edition: { slug: edition.slug }, formats, canWrite: canWrite(organiser) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const parsed = await parseForm(request, formatSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  await createFormat(await getDb(), { editionId: edition.id, actor: organiserActor(organiser), values: parsed.data });
  throw redirect(withDone(`/editions/${edition.slug}/formats`, "saved.formatCreated"));
}

export default function FormatsPage() {
  const { edition, formats, canWrite } = useLoaderData<typeof loader>();
  const failure = useActionData<FormFailure>();
  const t = useT();
  const locale = useLocale();
  const features = useFeatureOptions();
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/editions/${edition.slug}/settings`}>{t("settings.title")}</Link>
      </p>
      <h1>{t("formats.title")}</h1>
      <SaveStatus />
      {formats.length === 0 ? (
        <p>{t("formats.empty")}</p>
      ) : (
        <table className="table" data-testid="formats-table">
          <thead>
            <tr>
              <th scope="col">{t("formats.name")}</th>
              <th scope="col">{t("formats.durations")}</th>
              <th scope="col">{t("formats.roles")}</th>
              <th scope="col">{t("formats.requiredFeatures")}</th>
              <th scope="col">{t("structure.usedBy")}</th>
            </tr>
          </thead>
          <tbody>
            {formats.map((format) => (
              <tr key={format.uuid}>
                <th scope="row">
                  <Link to={format.uuid}>{locale === "fr" ? format.nameFr : format.nameEn}</Link>
                </th>
                <td>{t("formats.durationSummary", { default: format.defaultMinutes, min: format.minMinutes, max: format.maxMinutes })}</td>
                <td>
                  {format.roles.length === 0
                    ? "—"
                    : format.roles
                        .map((r) => `${t(`formats.role.${r.role}`)} ${r.min === r.max ? r.min : `${r.min}–${r.max}`}`)
                        .join(", ")}
                </td>
                <td>{format.requiredFeatures.map((f) => features.find((o) => o.value === f)?.label ?? f).join(", ") || "—"}</td>
                <td>{t("structure.sessionCount", { count: format.sessions })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite ? <NewFormat failure={failure} /> : null}
    </>
  );
}

function NewFormat({ failure }: { failure?: FormFailure }) {
  const t = useT();
  const tools = useStructureForm(formatSchema, {
    defaults: {
      nameFr: "",
      nameEn: "",
      defaultMinutes: "60",
      minMinutes: "30",
      maxMinutes: "90",
      roles: Object.fromEntries(SESSION_ROLES.map((role) => [role, { min: "", max: "" }])),
      requiredFeatures: [],
    },
    failure,
  });
  return (
    <section aria-labelledby="new-format">
      <h2 id="new-format">{t("formats.new")}</h2>
      <Form method="post" onSubmit={tools.onSubmit} noValidate className="stack form-card">
        <FormatFields tools={tools} />
        <button type="submit" className="button button-primary">
          {t("formats.create")}
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
