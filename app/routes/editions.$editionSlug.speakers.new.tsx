import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SpeakerForm } from "~/components/speakers/speaker-form";
import { getDb } from "~/db/client.server";
import { useT } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import { listOrganisationNames } from "~/models/speakers.server";
import { createSpeaker } from "~/models/speaker-writes.server";
import { retypedFormValues, speakerSchema, toFormValues } from "~/schemas/speakers";
import { requireEdition } from "~/services/access.server";
import { availabilityDays } from "~/services/speakers.server";
import { type FormFailure, formDataToObject, parseValues } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { withDone } from "~/utils/done";

export const meta: MetaFunction = () => [{ title: "Nouvel·le intervenant·e · Barouf" }];

// Editors and admins of this edition.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEdition(request, params, "write");
  const organisationNames = await listOrganisationNames(await getDb());
  return {
    edition: { slug: edition.slug, timeZone: edition.timeZone },
    days: availabilityDays(edition, []),
    organisationNames,
    defaults: toFormValues({ languages: [edition.mainLanguage], preferredLocale: edition.mainLanguage }),
  };
}

// Editors and admins: the same schema as the browser's, then one transaction (speaker, windows, audit).
export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const values = formDataToObject(await request.formData());
  const parsed = parseValues(values, speakerSchema(edition.timeZone));
  if (!parsed.ok) return invalid(parsed.failure);
  const result = await createSpeaker(await getDb(), {
    editionId: edition.id,
    timeZone: edition.timeZone,
    actor: organiserActor(organiser),
    input: parsed.data,
  });
  if (!result.ok) return invalid({ ok: false, errors: result.errors, values });
  throw redirect(withDone(`/editions/${edition.slug}/speakers/${result.uuid}`, "speakers.created"));
}

export default function NewSpeaker() {
  const { edition, days, organisationNames, defaults } = useLoaderData<typeof loader>();
  const failure = useActionData<FormFailure>();
  const t = useT();
  return (
    <>
      <p>
        <Link to={`/editions/${edition.slug}/speakers`}>{t("speakers.backToList")}</Link>
      </p>
      <h1>{t("speakers.newTitle")}</h1>
      <SpeakerForm
        key={failure ? JSON.stringify(failure.values) : "new"}
        mode="create"
        timeZone={edition.timeZone}
        days={days}
        organisationNames={organisationNames}
        defaultValues={failure ? retypedFormValues(failure.values) : defaults}
        serverErrors={failure?.errors}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
