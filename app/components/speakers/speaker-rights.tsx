// The speaker's rights on their own page (RGPD): the privacy notice, "download my data", and
// "ask for erasure" (confirmed first; the organisers then erase and tell them by email).
import { ConfirmForm } from "~/components/forms/confirm-form";
import { NoticeText } from "~/components/notice-text";
import { formatLocalDate } from "~/domain/format";
import { useLocale, useT } from "~/i18n";

export function SpeakerRights({ rights }: { rights: { notice: string; noticeHref: string; erasureRequestedOn: string | null } }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section id="rights" aria-labelledby="rights-title" className="speaker-section speaker-rights">
      <h2 id="rights-title">{t("rights.title")}</h2>
      <details className="privacy-notice">
        <summary>{t("rights.readNotice")}</summary>
        <NoticeText text={rights.notice} headingLevel={3} />
        <p>
          <a href={rights.noticeHref}>{t("rights.noticePage")}</a>
        </p>
      </details>
      <h3>{t("rights.downloadTitle")}</h3>
      <p className="field-hint">{t("rights.downloadHint")}</p>
      <p>
        <a className="button" href="/speaker/data" download>
          {t("rights.download")}
        </a>
      </p>
      <h3>{t("rights.erasureTitle")}</h3>
      {rights.erasureRequestedOn ? (
        <p className="alert alert-info" role="status" data-testid="erasure-requested">
          {t("rights.erasureRequested", { date: formatLocalDate(rights.erasureRequestedOn, locale) })}
        </p>
      ) : (
        <>
          <p className="field-hint">{t("rights.erasureExplain")}</p>
          <ConfirmForm
            action="/speaker/erasure"
            intent="erasure"
            label={t("rights.askErasure")}
            consequence={t("rights.askErasureConsequence")}
            confirmLabel={t("rights.askErasureConfirm")}
          />
        </>
      )}
    </section>
  );
}
