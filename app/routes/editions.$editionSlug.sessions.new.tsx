import { getLocale } from "~/i18n/locale.server";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SessionForm } from "~/components/session-form";
import { getDb } from "~/db/client.server";
import { editionDays } from "~/domain/time";
import { useT } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import { sessionOptions } from "~/models/sessions.server";
import { createSession } from "~/models/session-writes.server";
import { sessionSchema } from "~/schemas/sessions";
import { requireEdition } from "~/services/access.server";
import { type FormFailure, parseForm } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { withDone } from "~/utils/done";

export const meta: MetaFunction = () => [{ title: "Nouvelle session · Barouf" }];

// Editors and admins of this edition: the empty form.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEdition(request, params, "write");
  const options = await sessionOptions(await getDb(), { editionId: edition.id });
  return {
    options,
    days: editionDays(edition.startDate, edition.endDate, edition.timeZone).map((day) => day.date),
    timeZone: edition.timeZone,
    defaults: { language: edition.mainLanguage, status: "draft", isPublic: "on" },
  };
}

// Editors and admins of this edition: creates the session, then opens its page to add people.
export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const parsed = await parseForm(request, sessionSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  const result = await createSession(await getDb(), { edition, data: parsed.data, actor: organiserActor(organiser), locale: await getLocale(request) });
  if (!result.ok) return invalid({ ok: false, errors: result.errors, values: parsed.values });
  throw redirect(withDone(`/editions/${edition.slug}/sessions/${result.value.uuid}`, "sessions.created"));
}

export default function NewSession() {
  const { options, days, timeZone, defaults } = useLoaderData<typeof loader>();
  const failure = useActionData<FormFailure>();
  const t = useT();
  return (
    <>
      <p>
        <Link to=".." relative="path">{t("sessions.back")}</Link>
      </p>
      <h1>{t("sessions.newTitle")}</h1>
      {failure ? (
        <p className="alert alert-error" role="alert">
          {t("form.errorSummary")}
        </p>
      ) : null}
      <SessionForm
        values={failure?.values ?? defaults}
        errors={failure?.errors}
        options={options}
        days={days}
        timeZone={timeZone}
        submitLabel={t("sessions.create")}
      />
      <p className="field-hint">{t("sessions.peopleAfterCreate")}</p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
