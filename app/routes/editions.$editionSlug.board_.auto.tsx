import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { AutoScheduleForm, AutoSchedulePreview, AutoRefusal } from "~/components/board/auto-schedule";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db/client.server";
import { translate, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { autoScheduleActionSchema } from "~/schemas/auto-schedule";
import { answerPreview, applyAutoSchedule, autoScheduleForm, type AutoPreview } from "~/services/board/auto-schedule.server";
import { requireEdition } from "~/services/access.server";
import { formDataToObject, parseIntent, type FieldErrors, type FlatValues } from "~/utils/forms";
import type { BoardOutcome } from "~/domain/board/view";
import styles from "~/styles/auto-schedule.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.heading ?? ""} · Barouf` }];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Editors and admins of this edition: the form that asks for a plan (viewers cannot place).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEdition(request, params, "write");
  const locale = await getLocale(request);
  const form = await autoScheduleForm(await getDb(), { editionId: edition.id, locale });
  const asked = new URL(request.url).searchParams.get("day") ?? "";
  const day = DATE.test(asked) && form.days.some((d) => d.date === asked) ? asked : (form.days[0]?.date ?? "");
  return { editionSlug: edition.slug, heading: translate(locale, "auto.title"), form, day };
}

const STATUS = { stale: 409, blocked: 422, invalid: 400 } as const;

// Editors and admins: `plan` computes a preview (nothing written; the page without
// JavaScript shows it), `apply` applies the ticked proposals as one board change.
export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const locale = await getLocale(request);
  const values = formDataToObject(await request.formData());
  const db = await getDb();
  const parsed = parseIntent(values, autoScheduleActionSchema);
  if (!parsed.ok) return data({ intent: parsed.failure.values.intent === "apply" ? ("apply" as const) : ("plan" as const), ...parsed.failure }, { status: 400 });
  const input = parsed.data;
  if (input.intent === "apply") {
    const outcome = await applyAutoSchedule(db, { editionId: edition.id, organiser, locale, input });
    if (!outcome.ok) return data({ intent: "apply" as const, refusal: outcome }, { status: STATUS[outcome.reason] });
    const firstDay = typeof values.firstDay === "string" && DATE.test(values.firstDay) ? values.firstDay : "";
    throw redirect(`/editions/${edition.slug}/board?day=${firstDay}`);
  }
  const answer = await answerPreview(db, { editionId: edition.id, locale, input, signal: request.signal });
  if (!answer.ok) return data({ intent: "plan" as const, ok: false as const, errors: answer.errors, values }, { status: answer.status });
  return { intent: "plan" as const, ok: true as const, preview: answer.preview };
}

type ActionResult =
  | { intent: "plan"; ok: true; preview: AutoPreview }
  | { intent: "plan" | "apply"; ok: false; errors: FieldErrors; values: FlatValues }
  | { intent: "apply"; refusal: Exclude<BoardOutcome, { ok: true }> };

export default function AutoScheduleRoute() {
  const { editionSlug, form, day } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  const t = useT();
  // With JavaScript the preview comes from the plan endpoint; without, from this action.
  const [preview, setPreview] = useState<AutoPreview | null>(null);
  // A refusal stays shown until a new preview is computed.
  const [dismissed, setDismissed] = useState<unknown>(null);
  const shown = preview ?? (actionData && "preview" in actionData ? actionData.preview : null);
  const failure = actionData && "errors" in actionData ? actionData : null;
  const refusal = actionData && "refusal" in actionData && dismissed !== actionData ? actionData.refusal : null;
  const onPreview = (next: AutoPreview) => {
    setDismissed(actionData);
    setPreview(next);
  };
  return (
    <div className="auto-page">
      <p>
        <Link to={`/editions/${editionSlug}/board?day=${day}`}>← {t("auto.back")}</Link>
      </p>
      <h1>{t("auto.title")}</h1>
      {refusal ? <AutoRefusal refusal={refusal} /> : null}
      {shown && !refusal ? (
        <AutoSchedulePreview preview={shown} errors={failure?.intent === "apply" ? failure.errors : {}} onAgain={() => setPreview(null)} />
      ) : (
        <AutoScheduleForm
          editionSlug={editionSlug}
          form={form}
          day={day}
          failure={failure?.intent === "plan" ? failure : null}
          onPreview={onPreview}
        />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
