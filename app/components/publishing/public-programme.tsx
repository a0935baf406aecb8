import { Form } from "@remix-run/react";
import type { ProgrammePage } from "~/domain/exports/page";
import { formatLocalDate } from "~/domain/format";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { LocaleSwitch } from "../locale-switch";
import { formatInstantLong } from "~/domain/format";

function pick(text: { fr: string | null; en: string | null }, locale: "fr" | "en"): string | null {
  return text[locale] || text[locale === "fr" ? "en" : "fr"] || null;
}

/** The public programme of one published version, from its snapshot. Filters are a GET form (works without JS). */
export function PublicProgramme({ page, base, latestHref }: { page: ProgrammePage; base: string; latestHref: string | null }) {
  const t = useT();
  const locale = useLocale();
  const rooms = new Map(page.rooms.map((r) => [r.id, r]));
  const themes = new Map(page.themes.map((x) => [x.id, x]));
  const formats = new Map(page.formats.map((x) => [x.id, x]));
  const speakers = new Map(page.speakers.map((s) => [s.id, s]));
  const byDay = new Map<string, ProgrammePage["sessions"]>();
  for (const s of page.sessions) {
    const day = s.start.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  const filtered = Object.values(page.filters).some(Boolean);
  const publishedAt = page.version.publishedAt ? formatInstantLong(Date.parse(page.version.publishedAt), page.edition.timeZone, locale) : "";
  return (
    <div className="public-programme">
      <a className="skip-link" href="#main">
        {t("public.skip")}
      </a>
      <header className="public-header">
        <div>
          <p className="brand">{t("public.title")}</p>
          <h1>{page.edition.title}</h1>
          <p className="lead">
            {formatLocalDate(page.edition.startDate, locale)} – {formatLocalDate(page.edition.endDate, locale)} · {page.edition.venue}
          </p>
          <p className="muted">
            {t("public.version", { number: page.version.number ?? "", date: publishedAt })}
            {latestHref ? (
              <>
                {" · "}
                <a href={latestHref}>{t("public.latestLink")}</a>
              </>
            ) : null}
          </p>
        </div>
        <LocaleSwitch />
      </header>
      <nav aria-label={t("public.downloads")} className="public-downloads">
        <h2 className="visually-hidden">{t("public.downloads")}</h2>
        <ul>
          <li><a href={`${base}programme.ics`}>{t("public.calendar")} (.ics)</a></li>
          <li><a href={`${base}programme.json`}>JSON</a></li>
          <li><a href={`${base}schedule.json`}>schedule.json</a></li>
          <li><a href={`${base}schedule.xml`}>schedule.xml</a></li>
          <li><a href={`${base}programme.csv`}>CSV</a></li>
        </ul>
      </nav>
      <Form method="get" className="public-filters" aria-label={t("public.filters")}>
        <fieldset>
          <legend>{t("public.filters")}</legend>
          <Select name="day" label="public.day" value={page.filters.day} options={page.days.map((d) => [d, formatLocalDate(d, locale)])} />
          <Select name="room" label="public.room" value={page.filters.room} options={page.rooms.map((r) => [r.id, r.name])} />
          <Select name="theme" label="public.theme" value={page.filters.theme} options={page.themes.map((x) => [x.id, pick(x.name, locale) ?? x.slug])} />
          <Select name="format" label="public.format" value={page.filters.format} options={page.formats.map((x) => [x.id, pick(x.name, locale) ?? x.slug])} />
          <button type="submit" className="button button-primary">
            {t("public.apply")}
          </button>
          {filtered ? <a href={base}>{t("public.reset")}</a> : null}
        </fieldset>
      </Form>
      <main id="main" className="public-main">
        <p role="status" data-testid="public-count">
          {t("public.count", { count: page.sessions.length })}
        </p>
        {page.sessions.length === 0 ? <p>{t("public.empty")}</p> : null}
        {[...byDay].map(([day, sessions]) => (
          <section key={day} aria-labelledby={`day-${day}`} className="public-day">
            <h2 id={`day-${day}`}>{formatLocalDate(day, locale)}</h2>
            <ol className="public-sessions">
              {sessions.map((s) => {
                const theme = s.themeId ? themes.get(s.themeId) : undefined;
                const format = s.formatId ? formats.get(s.formatId) : undefined;
                const title = pick(s.title, locale) ?? s.slug;
                const abstract = pick(s.abstract, locale);
                return (
                  <li key={s.id}>
                    <article id={`session-${s.id}`} className="public-session" aria-labelledby={`title-${s.id}`} lang={s.title[locale] ? locale : undefined}>
                      <p className="public-when">
                        <time dateTime={s.start}>{s.start.slice(11, 16)}</time>–<time dateTime={s.end}>{s.end.slice(11, 16)}</time>
                        {" · "}
                        <span>{rooms.get(s.roomId)?.name}</span>
                      </p>
                      <h3 id={`title-${s.id}`}>{title}</h3>
                      <p className="public-tags">
                        {format ? <span className="tag">{pick(format.name, locale)}</span> : null}
                        {theme ? (
                          <span className="tag tag-theme">
                            <span className="swatch" aria-hidden="true" style={{ background: theme.colour }} />
                            {pick(theme.name, locale)}
                          </span>
                        ) : null}
                        <span className="tag" lang={s.language}>
                          {s.language.toUpperCase()}
                        </span>
                      </p>
                      {abstract ? <p className="public-abstract">{abstract}</p> : null}
                      {s.people.length > 0 ? (
                        <div className="public-people">
                          <h4>{t("public.people")}</h4>
                          <ul>
                            {s.people.map((p) => {
                              const person = speakers.get(p.speakerId);
                              if (!person) return null;
                              const bio = pick(person.bio, locale);
                              return (
                                <li key={p.speakerId}>
                                  <strong>{person.name}</strong> ({t(`public.role.${p.role}` as MessageKey)})
                                  {person.jobTitle || person.organisation ? (
                                    <span className="muted"> — {[person.jobTitle, person.organisation].filter(Boolean).join(", ")}</span>
                                  ) : null}
                                  {bio ? (
                                    <details>
                                      <summary>{t("public.bio", { name: person.name })}</summary>
                                      <p>{bio}</p>
                                      {person.links.length > 0 ? (
                                        <ul className="public-links">
                                          {person.links.map((l) => (
                                            <li key={l.url}>
                                              <a href={l.url} rel="nofollow noopener noreferrer">
                                                {l.label || l.url}
                                              </a>
                                            </li>
                                          ))}
                                        </ul>
                                      ) : null}
                                    </details>
                                  ) : null}
                                </li>
                              );
                            })}
                          </ul>
                        </div>
                      ) : null}
                      <p>
                        <a href={`${base}sessions/${s.id}.ics`}>{t("public.calendar")}</a>
                      </p>
                    </article>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </main>
      <footer className="public-footer">
        <ul>
          <li><a href={`/programme/${encodeURIComponent(page.edition.slug)}/accessibilite`}>{t("rights.accessibilityLink")}</a></li>
          <li><a href={`/programme/${encodeURIComponent(page.edition.slug)}/confidentialite`}>{t("rights.privacyLink")}</a></li>
        </ul>
      </footer>
    </div>
  );
}

function Select({ name, label, value, options }: { name: string; label: MessageKey; value: string | null; options: [string, string][] }) {
  const t = useT();
  return (
    <label className="field">
      <span>{t(label)}</span>
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{t("public.all")}</option>
        {options.map(([id, text]) => (
          <option key={id} value={id}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
