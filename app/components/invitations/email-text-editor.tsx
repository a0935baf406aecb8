// The editor of one message's text in one language: subject and body, the placeholders it may
// use, and the message as the speaker would receive it. With JavaScript the preview follows the
// typing; without, the preview button posts and the page comes back with it.
import { Form } from "@remix-run/react";
import { ConfirmForm } from "~/components/forms/confirm-form";
import { Field, TextAreaField } from "~/components/forms/field";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import {
  bodyAsText,
  checkTemplate,
  LINK_PLACEHOLDER,
  messageOfProblem,
  normaliseLineEnds,
  PLACEHOLDERS_OF,
  problemMessage,
  renderMessage,
  type EmailKind,
  type TemplateValues,
} from "~/domain/email-template";
import { isMessageKey, translate, useT, type Locale, type MessageKey } from "~/i18n";
import { emailTextSchema } from "~/schemas/email-templates";
import type { FieldErrors } from "~/utils/forms";

/** A template problem as a sentence: the placeholder's name, and what the message offers instead. */
function useTemplateMessage(kind: EmailKind) {
  const t = useT();
  return (raw: string | undefined): string | undefined => {
    if (raw === undefined) return undefined;
    const { key, name } = messageOfProblem(raw);
    const list = PLACEHOLDERS_OF[kind].body.map((p) => `{${p}}`).join(", ");
    if (name !== null && (key === "mail.template.unknown" || key === "mail.template.notInSubject")) return t(key, { name: `{${name}}`, list });
    return isMessageKey(raw) ? t(raw) : raw;
  };
}

export type EmailTextValues = { subject: string; body: string; version: number | string };

export function EmailTextEditor(props: {
  kind: EmailKind;
  language: Locale;
  initial: EmailTextValues;
  serverErrors?: FieldErrors;
  customised: boolean;
  canWrite: boolean;
  preview: { speakerName: string | null; values: TemplateValues };
}) {
  const { kind, language, initial, canWrite } = props;
  const t = useT();
  const message = useTemplateMessage(kind);
  const { form, onSubmit, errorOf } = useValidatedForm(emailTextSchema, {
    defaultValues: { intent: "save", kind, language, version: Number(initial.version), subject: initial.subject, body: initial.body },
    serverErrors: props.serverErrors,
  });
  const subject = form.watch("subject") ?? initial.subject;
  const body = form.watch("body") ?? initial.body;
  const firstError = props.serverErrors ? Object.keys(props.serverErrors).find((name) => name !== "_form") : undefined;
  return (
    <div className="email-text-editor stack">
      <Form method="post" onSubmit={onSubmit} noValidate className="stack form-card" aria-labelledby="editing-title">
        <input type="hidden" {...form.register("kind")} defaultValue={kind} />
        <input type="hidden" {...form.register("language")} defaultValue={language} />
        <input type="hidden" {...form.register("version")} defaultValue={String(initial.version)} />
        <fieldset disabled={!canWrite} className="plain stack">
          <Field
            label={t("emailTexts.subject")}
            {...form.register("subject")}
            defaultValue={initial.subject}
            error={message(errorOf("subject"))}
            autoFocus={firstError === "subject"}
          />
          <TextAreaField
            label={t("emailTexts.body")}
            hint={t("emailTexts.bodyHint")}
            rows={16}
            {...form.register("body")}
            defaultValue={initial.body}
            error={message(errorOf("body"))}
            autoFocus={firstError === "body"}
          />
        </fieldset>
        {canWrite ? (
          <p className="actions">
            <button type="submit" name="intent" value="save" className="button button-primary">
              {t("emailTexts.save")}
            </button>{" "}
            <button type="submit" name="intent" value="preview" className="button" formNoValidate>
              {t("emailTexts.previewButton")}
            </button>
          </p>
        ) : null}
      </Form>
      {canWrite && props.customised ? (
        <ConfirmForm
          intent="reset"
          fields={{ kind, language, version: initial.version }}
          label={t("emailTexts.reset")}
          consequence={t("emailTexts.resetConsequence")}
        />
      ) : null}
      <Placeholders kind={kind} />
      <Preview kind={kind} language={language} subject={subject} body={body} preview={props.preview} message={message} />
    </div>
  );
}

function Placeholders({ kind }: { kind: EmailKind }) {
  const t = useT();
  const offered = PLACEHOLDERS_OF[kind];
  return (
    <section aria-labelledby="placeholders-title">
      <h2 id="placeholders-title">{t("emailTexts.placeholders")}</h2>
      <p className="field-hint">{t("emailTexts.placeholdersHint")}</p>
      <table className="table placeholders">
        <tbody>
          {offered.body.map((name) => (
            <tr key={name}>
              <th scope="row">
                <code>{`{${name}}`}</code>
              </th>
              <td>{t(name === LINK_PLACEHOLDER && kind === "reconfirm" ? "emailTexts.ph.lienReconfirm" : (`emailTexts.ph.${name}` as MessageKey))}</td>
              <td>{t(offered.subject.includes(name) ? "emailTexts.where.both" : "emailTexts.where.body")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The message as sent: the same rendering the outbox uses, with a real speaker's values. */
function Preview(props: {
  kind: EmailKind;
  language: Locale;
  subject: string;
  body: string;
  preview: { speakerName: string | null; values: TemplateValues };
  message: (raw: string | undefined) => string | undefined;
}) {
  const t = useT();
  const template = { subject: props.subject, body: normaliseLineEnds(props.body) };
  const problems = checkTemplate(props.kind, template);
  const refused = [problems.subject, problems.body].filter((p) => p !== undefined);
  const rendered = refused.length === 0 ? renderMessage(props.kind, template, props.preview.values, translate(props.language, "mail.reconfirm.askNoLink")) : null;
  return (
    <section aria-labelledby="preview-title" className="email-preview" data-testid="email-preview">
      <h2 id="preview-title">{t("emailTexts.preview")}</h2>
      <div aria-live="polite">
        {rendered ? (
          <>
            <p>{props.preview.speakerName ? t("emailTexts.previewFor", { name: props.preview.speakerName }) : t("emailTexts.previewSample")}</p>
            <dl className="stack">
              <dt>{t("emailTexts.previewSubject")}</dt>
              <dd data-testid="preview-subject">{rendered.subject}</dd>
              <dt>{t("emailTexts.previewBody")}</dt>
              <dd>
                <pre className="email-text" data-testid="preview-body">
                  {bodyAsText(rendered.body)}
                </pre>
              </dd>
            </dl>
          </>
        ) : (
          <div className="alert alert-warning" data-testid="preview-refused">
            <p>{t("emailTexts.previewInvalid")}</p>
            <ul>
              {refused.map((problem) => (
                <li key={problemMessage(problem)}>{props.message(problemMessage(problem))}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
