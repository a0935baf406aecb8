// The organisers' side of a speaker's rights (RGPD art. 15 and 17), on the speaker's page:
// a pending erasure request, the export of everything held about them, and the erasure
// (confirmed first) that keeps their public name and the published programme.
import { ConfirmForm } from "~/components/forms/confirm-form";
import { formatLocalDate } from "~/domain/format";
import { useLocale, useT } from "~/i18n";

export function SpeakerDataRights({
  editionSlug,
  speaker,
  erased,
}: {
  editionSlug: string;
  speaker: { uuid: string; publicName: string; erasureRequestedOn: string | null };
  erased: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="speaker-rights" className="form-section">
      <h2 id="speaker-rights">{t("rights.organiserTitle")}</h2>
      {erased ? (
        <p className="alert alert-success" role="status" data-testid="speaker-erased">
          {t("rights.erased")}
        </p>
      ) : null}
      {speaker.erasureRequestedOn ? (
        <p className="alert alert-warning" data-testid="erasure-request">
          {t("rights.requestPending", { date: formatLocalDate(speaker.erasureRequestedOn, locale) })}
        </p>
      ) : null}
      <p>{t("rights.organiserExplain")}</p>
      <p>
        <a className="button" href={`/editions/${editionSlug}/speakers/${speaker.uuid}/data`} download>
          {t("rights.export")}
        </a>
      </p>
      <ConfirmForm
        intent="erase"
        label={t("rights.erase")}
        consequence={t("rights.eraseConsequence", { name: speaker.publicName })}
        confirmLabel={t("rights.eraseConfirm")}
      />
    </section>
  );
}
