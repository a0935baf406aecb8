// The public notice pages of an edition (privacy notice, accessibility statement): the
// programme's frame, the notice, and the way back to the programme.
import { LocaleSwitch } from "./locale-switch";
import { NoticeText } from "./notice-text";
import { useT, type MessageKey } from "~/i18n";

export function PublicNoticePage({ title, edition, text }: { title: MessageKey; edition: { slug: string; title: string }; text: string }) {
  const t = useT();
  return (
    <div className="public-programme public-notice">
      <a className="skip-link" href="#main">
        {t("public.skip")}
      </a>
      <header className="public-header">
        <div>
          <p className="brand">{edition.title}</p>
          <h1>{t(title)}</h1>
        </div>
        <LocaleSwitch />
      </header>
      <main id="main" className="public-main" tabIndex={-1}>
        <NoticeText text={text} />
        <p>
          <a href={`/programme/${encodeURIComponent(edition.slug)}`}>{t("rights.backToProgramme")}</a>
        </p>
      </main>
    </div>
  );
}
