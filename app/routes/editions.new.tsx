import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/forms/field";
import { EditionFields } from "~/components/forms/edition-fields";
import { FormAlert, useStructureForm } from "~/components/forms/structure-form";
import { PlainPage } from "~/components/plain-page";
import { getDb } from "~/db/client.server";
import { useT } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import { createEdition } from "~/models/edition-structure.server";
import { newEditionSchema } from "~/schemas/editions";
import { findReachableEdition, requireEditionStarter } from "~/services/access.server";
import { type FormFailure, parseForm } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Nouvelle édition · Barouf" }];

// Admins of an organisation: a new edition it runs, empty or (?from=slug) as a copy of the
// structure of an edition they reach.
export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireEditionStarter(request, "admin");
  const from = new URL(request.url).searchParams.get("from");
  const source = from ? await findReachableEdition(await getDb(), { slug: from, organiser }) : undefined;
  if (from && !source) notFound();
  return {
    source: source ? { slug: source.slug, title: source.title, timeZone: source.timeZone, venue: source.venue, mainLanguage: source.mainLanguage } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const organiser = await requireEditionStarter(request, "admin");
  const parsed = await parseForm(request, newEditionSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  const db = await getDb();
  const source = parsed.data.copyFrom ? await findReachableEdition(db, { slug: parsed.data.copyFrom, organiser }) : undefined;
  if (parsed.data.copyFrom && !source) notFound();
  const result = await createEdition(db, {
    actor: organiserActor(organiser),
    organisationId: organiser.organisationId,
    values: parsed.data,
    copyFromId: source?.id,
  });
  if (!result.ok) return invalid({ ok: false, errors: result.errors, values: parsed.values });
  throw redirect(`/editions/${result.slug}/settings`);
}

export default function NewEditionPage() {
  const { source } = useLoaderData<typeof loader>();
  const failure = useActionData<FormFailure>();
  const t = useT();
  const tools = useStructureForm(newEditionSchema, {
    defaults: {
      title: source ? t("editions.copyTitle", { title: source.title }) : "",
      slug: "",
      startDate: "",
      endDate: "",
      timeZone: source?.timeZone ?? "Europe/Paris",
      venue: source?.venue ?? "",
      mainLanguage: source?.mainLanguage ?? "fr",
      copyFrom: source?.slug ?? "",
    },
    failure,
  });
  const { field } = tools;
  return (
    <PlainPage admin>
      <h1>{source ? t("editions.copyHeading", { title: source.title }) : t("editions.new")}</h1>
      {source ? <p className="lead">{t("editions.copyExplain")}</p> : null}
      <FormAlert message={tools.formError} />
      <Form method="post" onSubmit={tools.onSubmit} noValidate className="stack form-card">
        <input {...tools.hidden("copyFrom")} />
        <Field label={t("editions.titleLabel")} {...field("title")} />
        <Field label={t("editions.slug")} hint={t("editions.slugHint")} {...field("slug")} />
        <EditionFields tools={tools} />
        <button type="submit" className="button button-primary">
          {source ? t("editions.createCopy") : t("editions.create")}
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
