import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DeleteForm, FormAlert, useStructureForm } from "~/components/forms/structure-form";
import { StaleNotice } from "~/components/stale-notice";
import { FormatFields } from "~/components/structure/format-fields";
import { getDb } from "~/db/client.server";
import { SESSION_ROLES } from "~/domain/vocabulary";
import { useT } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import { deleteFormat, formatFormValues, getFormat, updateFormat } from "~/models/formats.server";
import { formatEditSchema } from "~/schemas/formats";
import { canWrite, requireEdition } from "~/services/access.server";
import { type FormFailure, flattenValues } from "~/utils/forms";
import type { DeleteRefused } from "~/utils/forms.server";
import type { StaleField } from "~/utils/stale.server";
import { structureEntityAction } from "~/utils/structure-action.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Format · Barouf" }];

// Organisers of this edition read; editors and admins change or delete.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const format = await getFormat(await getDb(), { editionId: edition.id, uuid: params.formatId ?? "" });
  if (!format) notFound();
  // The form's values are made here: formatFormValues lives in a .server module, absent from the browser's bundle.
  return { edition: { slug: edition.slug }, format, formValues: formatFormValues(format), canWrite: canWrite(organiser) };
}

const FORMAT_FIELDS: StaleField[] = [
  { name: "nameFr", label: "formats.nameFr" },
  { name: "nameEn", label: "formats.nameEn" },
  { name: "defaultMinutes", label: "formats.defaultMinutes" },
  { name: "minMinutes", label: "formats.minMinutes" },
  { name: "maxMinutes", label: "formats.maxMinutes" },
  ...SESSION_ROLES.flatMap((role) => [
    { name: `roles.${role}.min`, label: `formats.role.${role}`, columns: ["roles"] },
    { name: `roles.${role}.max`, label: `formats.role.${role}`, columns: ["roles"] },
  ]),
  { name: "requiredFeatures", label: "formats.requiredFeatures" },
];

type ActionResult = DeleteRefused;

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const db = await getDb();
  const uuid = params.formatId ?? "";
  const actor = organiserActor(organiser);
  return structureEntityAction(request, {
    listPath: `/editions/${edition.slug}/formats`,
    entityUuid: uuid,
    done: { saved: "saved.format", deleted: "saved.formatDeleted" },
    timeZone: edition.timeZone,
    schema: formatEditSchema,
    remove: async () => (await deleteFormat(db, { editionId: edition.id, uuid, actor })) ?? notFound(),
    save: async (version, values) => {
      if (!(await updateFormat(db, { editionId: edition.id, uuid, version, actor, values }))) notFound();
    },
    stale: async (error) => {
      const current = error.current as Parameters<typeof formatFormValues>[0] & { version: number };
      return { entity: "format", current: flattenValues(formatFormValues(current)), currentVersion: current.version, fields: FORMAT_FIELDS };
    },
  });
}

export default function FormatPage() {
  const { edition, format, canWrite } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const t = useT();
  const failure = result && !result.deleteRefused ? result : undefined;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/editions/${edition.slug}/formats`}>{t("formats.title")}</Link>
      </p>
      <h1>{format.nameFr}</h1>
      <FormAlert message={result?.deleteRefused ? t("formats.deleteRefused", { count: result.deleteRefused.sessions }) : undefined} />
      <FormatForm key={format.version} failure={failure} />
      {canWrite ? <DeleteForm label={t("formats.delete")} consequence={t("formats.deleteConsequence")} /> : null}
    </>
  );
}

function FormatForm({ failure }: { failure?: FormFailure }) {
  const { format, formValues, canWrite } = useLoaderData<typeof loader>();
  const t = useT();
  const tools = useStructureForm(formatEditSchema, {
    defaults: { intent: "update", version: format.version, ...formValues },
    failure,
  });
  return (
    <>
      {tools.stale ? <StaleNotice stale={tools.stale} /> : null}
      <Form method="post" onSubmit={tools.onSubmit} noValidate className="stack form-card">
        <input {...tools.hidden("intent")} />
        <input {...tools.hidden("version")} />
        <fieldset disabled={!canWrite} className="plain stack">
          <FormatFields tools={tools} />
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
