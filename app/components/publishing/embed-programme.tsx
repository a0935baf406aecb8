// The embeddable programme's whole document, rendered on the server only (no Remix scripts: a
// partner's page loads nothing of the app but this HTML, its stylesheet and one optional script).
import { localisedText, type EmbedLocale, type EmbedPage, type EmbedTheme } from "~/domain/exports/embed";
import { formatInstantLong, formatLocalDate } from "~/domain/format";
import type { MessageKey, Translate } from "~/i18n";

/**
 * Pages the embed's footer links to, when the app has them (the accessibility statement and the
 * privacy notice, absolute paths on our origin). `null`: no link.
 */
export type EmbedLegalPages = { accessibility: string | null; privacy: string | null };

export type EmbedDocumentProps = {
  page: EmbedPage;
  locale: EmbedLocale;
  theme: EmbedTheme;
  t: Translate;
  /** The public programme's base path, `/programme/<slug>/`. */
  base: string;
  /** The embed's own path, for the form and the reset link. */
  self: string;
  legalPages: EmbedLegalPages;
  stylesheet: string;
  nonce: string;
};

/**
 * Posts the page's height to the parent whenever it changes, so the partner's frame can fit it
 * (see the snippet on the versions page). Only a number leaves the frame.
 */
export const HEIGHT_SCRIPT =
  '(function(){if(window.parent===window)return;var last=0;function post(){var h=Math.ceil(document.body.getBoundingClientRect().height);if(h!==last){last=h;window.parent.postMessage({type:"barouf:height",height:h},"*");}}' +
  'if("ResizeObserver" in window)new ResizeObserver(post).observe(document.body);window.addEventListener("load",post);post();})();';

export function EmbedDocument({ page, locale, theme, t, base, self, legalPages, stylesheet, nonce }: EmbedDocumentProps) {
  const rooms = new Map(page.rooms.map((r) => [r.id, r]));
  const themes = new Map(page.themes.map((x) => [x.id, x]));
  const formats = new Map(page.formats.map((x) => [x.id, x]));
  const speakers = new Map(page.speakers.map((s) => [s.id, s]));
  const byDay = new Map<string, EmbedPage["sessions"]>();
  for (const s of page.sessions) {
    const day = s.start.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  const kept = new URLSearchParams();
  if (locale !== "fr") kept.set("lang", locale);
  if (theme !== "auto") kept.set("theme", theme);
  const reset = kept.size > 0 ? `${self}?${kept}` : self;
  const filtered = Object.values(page.filters).some(Boolean);
  const publishedAt = page.version.publishedAt ? formatInstantLong(Date.parse(page.version.publishedAt), page.edition.timeZone, locale) : "";
  const text = (value: { fr: string | null; en: string | null }) => localisedText(value, locale);
  const outward = { target: "_blank", rel: "noopener" } as const;
  const newTab = <span className="visually-hidden"> {t("embed.newTab")}</span>;
  const legal: [MessageKey, string][] = [];
  if (legalPages.accessibility) legal.push(["embed.accessibility", legalPages.accessibility]);
  if (legalPages.privacy) legal.push(["embed.privacy", legalPages.privacy]);
  return (
    <html lang={locale} data-theme={theme === "auto" ? undefined : theme}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{t("embed.documentTitle", { edition: page.edition.title })}</title>
        <link rel="stylesheet" href={stylesheet} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <div className="embed">
          <header className="embed-header">
            <h1>{page.edition.title}</h1>
            <p className="embed-muted">
              {formatLocalDate(page.edition.startDate, locale)} – {formatLocalDate(page.edition.endDate, locale)} · {page.edition.venue}
              {" · "}
              {t("public.version", { number: page.version.number ?? "", date: publishedAt })}
            </p>
          </header>
          <form method="get" action={self} role="search" aria-label={t("public.filters")} className="embed-filters">
            {locale !== "fr" ? <input type="hidden" name="lang" value={locale} /> : null}
            {theme !== "auto" ? <input type="hidden" name="theme" value={theme} /> : null}
            <Select id="embed-day" name="day" label={t("public.day")} all={t("public.all")} value={page.filters.day} options={page.days.map((d) => [d, formatLocalDate(d, locale)])} />
            <Select id="embed-theme" name="theme" label={t("public.theme")} all={t("public.all")} value={page.filters.theme} options={page.themes.map((x) => [x.id, text(x.name) ?? x.slug])} />
            <Select id="embed-room" name="room" label={t("public.room")} all={t("public.all")} value={page.filters.room} options={page.rooms.map((r) => [r.id, r.name])} />
            <Select id="embed-speaker" name="speaker" label={t("embed.speaker")} all={t("public.all")} value={page.filters.speaker} options={page.speakerChoices.map((s) => [s.id, s.name])} />
            <div className="embed-actions">
              <button type="submit">{t("public.apply")}</button>
              {filtered ? <a href={reset}>{t("public.reset")}</a> : null}
            </div>
          </form>
          <main className="embed-main">
            <p role="status" className="embed-count" data-testid="embed-count">
              {t("public.count", { count: page.sessions.length })}
            </p>
            {page.sessions.length === 0 ? <p>{t("public.empty")}</p> : null}
            {[...byDay].map(([day, sessions]) => (
              <section key={day} aria-labelledby={`day-${day}`}>
                <h2 id={`day-${day}`}>{formatLocalDate(day, locale)}</h2>
                <ol className="embed-sessions">
                  {sessions.map((s) => {
                    const sessionTheme = s.themeId ? themes.get(s.themeId) : undefined;
                    const format = s.formatId ? formats.get(s.formatId) : undefined;
                    const abstract = text(s.abstract);
                    return (
                      <li key={s.id}>
                        <article className="embed-session" aria-labelledby={`title-${s.id}`}>
                          <p className="embed-when">
                            <time dateTime={s.start}>{s.start.slice(11, 16)}</time>–<time dateTime={s.end}>{s.end.slice(11, 16)}</time>
                            {" · "}
                            {rooms.get(s.roomId)?.name}
                          </p>
                          <h3 id={`title-${s.id}`} lang={s.title[locale] ? undefined : locale === "fr" ? "en" : "fr"}>
                            {text(s.title) ?? s.slug}
                          </h3>
                          <p className="embed-tags">
                            {format ? <span className="embed-tag">{text(format.name)}</span> : null}
                            {sessionTheme ? (
                              <span className="embed-tag">
                                <span className="embed-swatch" aria-hidden="true" style={{ background: sessionTheme.colour }} />
                                {text(sessionTheme.name)}
                              </span>
                            ) : null}
                            <span className="embed-tag" lang={s.language}>
                              {s.language.toUpperCase()}
                            </span>
                          </p>
                          {s.people.length > 0 ? (
                            <p className="embed-people">
                              {t("public.people")}{" "}
                              {s.people.map((p, index) => {
                                const person = speakers.get(p.speakerId);
                                if (!person) return null;
                                const about = [person.jobTitle, person.organisation].filter(Boolean).join(", ");
                                return (
                                  <span key={p.speakerId}>
                                    {index > 0 ? ", " : null}
                                    <strong>{person.name}</strong> ({t(`public.role.${p.role}` as MessageKey)}
                                    {about ? `, ${about}` : ""})
                                  </span>
                                );
                              })}
                            </p>
                          ) : null}
                          {abstract ? (
                            <details>
                              <summary>{t("embed.abstract")}</summary>
                              <p className="embed-abstract">{abstract}</p>
                            </details>
                          ) : null}
                          <p className="embed-links">
                            <a href={`${base}sessions/${s.id}.ics`} {...outward}>
                              {t("public.calendar")}
                              {newTab}
                            </a>
                          </p>
                        </article>
                      </li>
                    );
                  })}
                </ol>
              </section>
            ))}
          </main>
          <footer className="embed-footer">
            <nav aria-label={t("embed.footer")}>
              <ul>
                <li>
                  <a href={base} {...outward}>
                    {t("embed.fullProgramme")}
                    {newTab}
                  </a>
                </li>
                {legal.map(([label, href]) => (
                  <li key={label}>
                    <a href={href} {...outward}>
                      {t(label)}
                      {newTab}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </footer>
        </div>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: HEIGHT_SCRIPT }} />
      </body>
    </html>
  );
}

function Select({ id, name, label, all, value, options }: { id: string; name: string; label: string; all: string; value: string | null; options: [string, string][] }) {
  return (
    <div className="embed-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{all}</option>
        {options.map(([optionValue, optionText]) => (
          <option key={optionValue} value={optionValue}>
            {optionText}
          </option>
        ))}
      </select>
    </div>
  );
}
