// The public site's pages are rendered once per version, language and filter and served as
// prepared bytes (ADR 0020): a whole document, without Remix's router or scripts. Their language
// comes from the URL (`?lang=en`) through this context, not from the organisers' cookie.
import { createContext, useContext, type ReactNode } from "react";
import { querySearch } from "~/domain/exports/site";
import { formatInstantLong, formatLocalDate } from "~/domain/format";
import { translate, type Locale, type MessageKey } from "~/i18n";

const LocaleContext = createContext<Locale>("fr");

export function usePublicText() {
  const locale = useContext(LocaleContext);
  return { locale, t: (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars) };
}

export function pick(text: { fr: string | null; en: string | null }, locale: Locale): string | null {
  return text[locale] || text[locale === "fr" ? "en" : "fr"] || null;
}

/** Where a page's links go. `base` is the page's own version ("…/v/3/") or the latest ("…/"). */
export type SiteUrls = {
  base: string;
  /** The latest programme's path ("/programme/<slug>/"): subscriptions follow the latest version. */
  latest: string;
  /** The configured public origin (for webcal:// and the addresses shown as text). */
  origin: string;
  /** Shown on old versions: a link to the latest one. */
  latestHref: string | null;
};

export function langSearch(lang: Locale): string {
  return querySearch({ lang });
}

type Edition = { slug: string; title: string; startDate: string; endDate: string; venue: string; timeZone: string };
type Version = { number: number | null; publishedAt: string | null };

/** The whole document: head, then the edition's header, the site's navigation and the page. */
export function PublicDocument(props: {
  locale: Locale;
  title: string;
  stylesheets: string[];
  /** The page's only inline style (theme colours); its hash goes in the page's CSP. */
  inlineStyle: string | null;
  /** This page in the other language. */
  otherLanguageHref: string;
  edition: Edition;
  version: Version;
  urls: SiteUrls;
  current: "programme" | "timetable" | "apps" | null;
  children: ReactNode;
}) {
  const { locale } = props;
  const other: Locale = locale === "fr" ? "en" : "fr";
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.stylesheets.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="alternate" hrefLang={other} href={props.otherLanguageHref} />
        <link rel="alternate" type="application/atom+xml" href={`${props.urls.latest}feed.atom`} title={translate(locale, "feed.link")} />
        {props.inlineStyle ? <style>{props.inlineStyle}</style> : null}
      </head>
      <body>
        <LocaleContext.Provider value={locale}>
          <Frame {...props} other={other} />
        </LocaleContext.Provider>
      </body>
    </html>
  );
}

function Frame({ edition, version, urls, current, otherLanguageHref, other, children }: Parameters<typeof PublicDocument>[0] & { other: Locale }) {
  const { t, locale } = usePublicText();
  const lang = langSearch(locale);
  const publishedAt = version.publishedAt ? formatInstantLong(Date.parse(version.publishedAt), edition.timeZone, locale) : "";
  return (
    <div className="public-programme">
      <a className="skip-link" href="#main">
        {t("public.skip")}
      </a>
      <header className="public-header">
        <div>
          <p className="brand">{t("public.title")}</p>
          <p className="public-edition">
            <a href={`${urls.base}${lang}`}>{edition.title}</a>
          </p>
          <p className="lead">
            {formatLocalDate(edition.startDate, locale)} – {formatLocalDate(edition.endDate, locale)} · {edition.venue}
          </p>
          <p className="muted">
            {t("public.version", { number: version.number ?? "", date: publishedAt })}
            {urls.latestHref ? (
              <>
                {" · "}
                <a href={`${urls.latestHref}${lang}`}>{t("public.latestLink")}</a>
              </>
            ) : null}
          </p>
        </div>
        <a className="locale-switch button" href={otherLanguageHref} hrefLang={other} lang={other}>
          {translate(other, other === "fr" ? "locale.fr" : "locale.en")}
        </a>
      </header>
      <nav aria-label={t("site.nav")} className="public-nav">
        <ul>
          <li>
            <a href={`${urls.base}${lang}`} aria-current={current === "programme" ? "page" : undefined}>
              {t("site.list")}
            </a>
          </li>
          <li>
            <a href={`${urls.base}${querySearch({ view: "timetable", lang: locale })}`} aria-current={current === "timetable" ? "page" : undefined}>
              {t("site.timetable")}
            </a>
          </li>
          <li>
            <a href={`${urls.latest}apps${lang}`} aria-current={current === "apps" ? "page" : undefined}>
              {t("site.apps")}
            </a>
          </li>
        </ul>
      </nav>
      {children}
      <footer className="public-footer">
        <ul>
          <li>
            <a href={`${urls.latest}accessibilite${lang}`}>{t("rights.accessibilityLink")}</a>
          </li>
          <li>
            <a href={`${urls.latest}confidentialite${lang}`}>{t("rights.privacyLink")}</a>
          </li>
        </ul>
      </footer>
    </div>
  );
}

/** The "add to my calendar" (.ics, this version) and "subscribe" (webcal://, follows the latest) pair. */
export function CalendarLinks({ ics, subscribe, name }: { ics: string; subscribe: string; name: string }) {
  const { t } = usePublicText();
  return (
    <ul className="public-calendar-links">
      <li>
        <a href={ics} data-calendar="ics">
          {t("public.calendar")} <span className="visually-hidden">({name})</span> (.ics)
        </a>
      </li>
      <li>
        <a href={subscribe} data-calendar="webcal">
          {t("site.subscribe")} <span className="visually-hidden">({name})</span>
        </a>
      </li>
    </ul>
  );
}
