import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmailTextEditor, type EmailTextValues } from "~/components/invitations/email-text-editor";
import { InvitationsNav } from "~/components/invitations/sub-nav";
import { SaveStatus } from "~/components/save-status";
import { getDb } from "~/db/client.server";
import { EMAIL_KINDS } from "~/domain/email-template";
import { LOCALES, useT } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import { saveEmailText } from "~/models/email-templates.server";
import { emailTextActionSchema, emailTextPageSchema } from "~/schemas/email-templates";
import { canWrite, requireEdition } from "~/services/access.server";
import { emailTextsPage, previewValues, textOrDefault } from "~/services/email-texts.server";
import { askConfirmation } from "~/utils/confirm.server";
import { withDone } from "~/utils/done";
import { type FormFailure, formDataToObject, parseIntent } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Textes des messages · Barouf" }];

const pageOf = (slug: string, kind: string, language: string) => `/editions/${slug}/email-texts?kind=${kind}&language=${language}`;

// Organisers of this edition read the texts and the preview; editors and admins change them.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const url = new URL(request.url);
  const { kind, language } = emailTextPageSchema.parse({ kind: url.searchParams.get("kind"), language: url.searchParams.get("language") });
  const db = await getDb();
  const page = await emailTextsPage(db, { editionId: edition.id, kind, language });
  const preview = await previewValues(db, { edition, language, now: Date.now() });
  return { kind, language, ...page, preview, canWrite: canWrite(organiser) };
}

/** A refused save: what the organiser typed stays, with the text as it is now and its version. */
type StaleText = FormFailure & { current: { subject: string; body: string; customised: boolean } };

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const parsed = parseIntent(formDataToObject(await request.formData()), emailTextActionSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  const input = parsed.data;
  // The preview without JavaScript: the page comes back with the typed text, rendered.
  if (input.intent === "preview") return data({ ok: true as const, values: parsed.values });
  if (input.intent === "reset") {
    const ask = askConfirmation(parsed.values, "reset");
    if (ask) return ask;
  }
  const text = input.intent === "save" ? { subject: input.subject, body: input.body } : null;
  const saved = await saveEmailText(await getDb(), { editionId: edition.id, kind: input.kind, locale: input.language, version: input.version, text, actor: organiserActor(organiser) });
  if (!saved.ok) {
    const current = textOrDefault(input.kind, input.language, saved.current);
    // A refused reset shows the text as it is now; a refused save keeps what was typed.
    const typed = input.intent === "save" ? parsed.values : { ...parsed.values, subject: current.subject, body: current.body };
    const answer: StaleText = { ok: false, errors: { _form: "emailTexts.stale" }, values: { ...typed, version: String(saved.current.version) }, current };
    return data(answer, { status: 409 });
  }
  throw redirect(withDone(pageOf(edition.slug, input.kind, input.language), text ? "saved.emailText" : "saved.emailTextReset"));
}

export default function EmailTexts() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<(FormFailure | { ok: true; values: FormFailure["values"] }) & { current?: StaleText["current"] }>();
  const t = useT();
  const { kind, language } = loaded;
  const typed = answer?.values && answer.values.kind === kind && answer.values.language === language ? answer.values : null;
  const initial: EmailTextValues = typed
    ? { subject: String(typed.subject ?? ""), body: String(typed.body ?? ""), version: String(typed.version ?? loaded.form.version) }
    : loaded.form;
  return (
    <>
      <InvitationsNav />
      <h1>{t("emailTexts.title")}</h1>
      <SaveStatus />
      <p className="lead">{t("emailTexts.lead")}</p>
      <nav aria-label={t("emailTexts.choose")} className="state-tabs">
        <ul>
          {EMAIL_KINDS.flatMap((k) =>
            LOCALES.map((l) => (
              <li key={`${k}.${l}`}>
                <Link to={`?kind=${k}&language=${l}`} aria-current={k === kind && l === language ? "page" : undefined}>
                  {t(`emailTexts.kind.${k}`)} {t(`emailTexts.language.${l}`)}
                </Link>{" "}
                <small>({t(loaded.changed.includes(`${k}.${l}`) ? "emailTexts.customised" : "emailTexts.default")})</small>
              </li>
            )),
          )}
        </ul>
      </nav>
      <h2 id="editing-title">{t("emailTexts.editing", { kind: t(`emailTexts.kind.${kind}`), language: t(`emailTexts.language.${language}`) })}</h2>
      {answer && !answer.ok && answer.errors._form ? (
        <div className="alert alert-warning" role="alert" data-testid="email-text-stale">
          <p>{t(answer.errors._form === "emailTexts.stale" ? "emailTexts.stale" : "error.400")}</p>
          {answer.current ? (
            <>
              <p>{t("emailTexts.current")}</p>
              {answer.current.customised ? null : <p>{t("emailTexts.currentDefault")}</p>}
              <pre className="email-text">{`${answer.current.subject}\n\n${answer.current.body}`}</pre>
            </>
          ) : null}
        </div>
      ) : null}
      <EmailTextEditor
        key={`${kind}.${language}.${initial.version}.${answer ? "answered" : "loaded"}`}
        kind={kind}
        language={language}
        initial={initial}
        serverErrors={answer && !answer.ok ? answer.errors : undefined}
        customised={loaded.customised}
        canWrite={loaded.canWrite}
        preview={loaded.preview}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
