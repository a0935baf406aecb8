// One of the speaker's sessions: what is planned, and the confirm / decline / propose forms.
import { Form, useNavigation } from "@remix-run/react";
import { TextAreaField as TextArea } from "~/components/forms/field";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { formatLocalDate } from "~/domain/format";
import { useLocale, useT, type MessageKey } from "~/i18n";
import type { SpeakerSession } from "~/models/speaker-self.server";
import { declineSchema, proposeSchema } from "~/schemas/speaker";
import type { FormFailure } from "~/utils/forms";
import { bind, Saved } from "./form-bits";

export function SessionCard({ session, failure, saved }: { session: SpeakerSession; failure?: FormFailure & { intent: string }; saved: boolean }) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const pick = (fr: string | null, en: string | null) => (locale === "en" ? en || fr : fr || en);
  const title = pick(session.titleFr, session.titleEn) ?? t("speaker.untitled");
  const base = { session: session.uuid, version: String(session.version) };
  const decline = useValidatedForm(declineSchema, {
    defaultValues: {
      intent: "decline",
      ...base,
      reason: String(failure?.intent === "decline" ? failure.values.reason ?? "" : session.declineReason ?? ""),
    } as never,
    serverErrors: failure?.intent === "decline" ? failure.errors : undefined,
  });
  const propose = useValidatedForm(proposeSchema, {
    defaultValues: {
      intent: "propose",
      ...base,
      proposedTime: String(failure?.intent === "propose" ? failure.values.proposedTime ?? "" : session.proposedTime ?? ""),
    } as never,
    serverErrors: failure?.intent === "propose" ? failure.errors : undefined,
  });
  const headingId = `session-${session.uuid}`;
  return (
    <article className={`speaker-session confirmation-${session.confirmation}`} aria-labelledby={headingId} data-session={session.uuid}>
      <h3 id={headingId}>{title}</h3>
      <dl className="session-facts">
        <div>
          <dt>{t("speaker.when")}</dt>
          <dd>{session.day ? `${formatLocalDate(session.day, locale)}, ${session.start}–${session.end}` : t("speaker.notScheduled")}</dd>
        </div>
        <div>
          <dt>{t("speaker.room")}</dt>
          <dd>{session.room ?? t("speaker.roomTbd")}</dd>
        </div>
        <div>
          <dt>{t("speaker.format")}</dt>
          <dd>{pick(session.formatFr, session.formatEn) ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("speaker.theme")}</dt>
          <dd>{pick(session.themeFr, session.themeEn) ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("speaker.role")}</dt>
          <dd>{t(`speaker.role.${session.role}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t("speaker.with")}</dt>
          <dd>{session.others.length ? session.others.map((o) => o.publicName).join(", ") : t("speaker.alone")}</dd>
        </div>
      </dl>
      <p className="confirmation-status" data-testid="confirmation">
        <strong>{t("speaker.yourAnswer")}</strong> {t(`speaker.confirmation.${session.confirmation}`)}
        {session.confirmation === "declined" && session.declineReason ? <> — « {session.declineReason} »</> : null}
      </p>
      {session.confirmation === "must_reconfirm" ? (
        <p className="alert alert-warning" role="note">
          {t("speaker.mustReconfirm")}
        </p>
      ) : null}
      <Saved show={saved} />
      <div className="answer-actions">
        {session.confirmation !== "confirmed" ? (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="session" value={session.uuid} />
            <input type="hidden" name="version" value={session.version} />
            <button type="submit" className="button button-primary" disabled={navigation.state !== "idle"}>
              {t("speaker.confirm")}
            </button>
          </Form>
        ) : null}
        {session.confirmation !== "declined" ? (
          <details open={failure?.intent === "decline"}>
            <summary className="button">{t("speaker.decline")}</summary>
            <Form method="post" onSubmit={decline.onSubmit} noValidate className="stack" preventScrollReset>
              <input type="hidden" {...bind(decline.form, "intent")} />
              <input type="hidden" {...bind(decline.form, "session")} />
              <input type="hidden" {...bind(decline.form, "version")} />
              <TextArea label={t("speaker.reason")} rows={3} error={decline.errorOf("reason")} {...bind(decline.form, "reason")} />
              <button type="submit" className="button button-danger" disabled={navigation.state !== "idle"}>
                {t("speaker.sendDecline")}
              </button>
            </Form>
          </details>
        ) : null}
        <details open={failure?.intent === "propose"}>
          <summary className="button">{t("speaker.propose")}</summary>
          <Form method="post" onSubmit={propose.onSubmit} noValidate className="stack" preventScrollReset>
            <input type="hidden" {...bind(propose.form, "intent")} />
            <input type="hidden" {...bind(propose.form, "session")} />
            <input type="hidden" {...bind(propose.form, "version")} />
            <TextArea
              label={t("speaker.proposedTime")}
              hint={t("speaker.proposedHint")}
              rows={2}
              error={propose.errorOf("proposedTime")}
              {...bind(propose.form, "proposedTime")}
            />
            <button type="submit" className="button" disabled={navigation.state !== "idle"}>
              {t("speaker.sendProposal")}
            </button>
          </Form>
        </details>
      </div>
      {session.proposedTime ? (
        <p className="muted">
          {t("speaker.yourProposal")} « {session.proposedTime} »
        </p>
      ) : null}
    </article>
  );
}
