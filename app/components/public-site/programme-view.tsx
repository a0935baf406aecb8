// The programme page of the public site: the filters (a GET form), then the list of sessions by
// day or the timetable of one day (rooms × time; a list on narrow screens, by CSS alone).
import type { ProgrammeQuery, ProgrammeSitePage, Timetable } from "~/domain/exports/site";
import { isFiltered, querySearch, webcalUrl } from "~/domain/exports/site";
import { formatLocalDate } from "~/domain/format";
import type { MessageKey } from "~/i18n";
import { langSearch, pick, usePublicText, type SiteUrls } from "./frame";

type Page = ProgrammeSitePage["page"];
type Session = Page["sessions"][number];

/** Theme swatches get a class each (`theme-<n>`); their colours are one inline style, hashed in the CSP. */
export function themeStyle(themes: Page["themes"]): string | null {
  const rules = themes.filter((x) => /^#[0-9a-fA-F]{6}$/.test(x.colour)).map((x, i) => `.theme-${i}{background:${x.colour}}`);
  return rules.length > 0 ? rules.join("") : null;
}

export function ProgrammeView({ site, query, urls }: { site: ProgrammeSitePage; query: ProgrammeQuery; urls: SiteUrls }) {
  const { t, locale } = usePublicText();
  const { page, timetable } = site;
  const { base } = urls;
  return (
    <>
      <nav aria-label={t("public.downloads")} className="public-downloads">
        <h2 className="visually-hidden">{t("public.downloads")}</h2>
        <ul>
          <li><a href={`${base}programme.ics`}>{t("public.calendar")} (.ics)</a></li>
          <li><a href={webcalUrl(`${urls.origin}${urls.latest}programme.ics`)} data-calendar="webcal">{t("site.subscribeProgramme")}</a></li>
          <li><a href={`${base}programme.json`}>JSON</a></li>
          <li><a href={`${base}schedule.json`}>schedule.json</a></li>
          <li><a href={`${base}schedule.xml`}>schedule.xml</a></li>
          <li><a href={`${base}programme.csv`}>CSV</a></li>
        </ul>
      </nav>
      <form method="get" action={base} className="public-filters" aria-label={t("public.filters")}>
        {query.view === "timetable" ? <input type="hidden" name="view" value="timetable" /> : null}
        {locale !== "fr" ? <input type="hidden" name="lang" value={locale} /> : null}
        <fieldset>
          <legend>{t("public.filters")}</legend>
          <Select name="day" label="public.day" value={page.filters.day} options={page.days.map((d) => [d, formatLocalDate(d, locale)])} />
          <Select name="room" label="public.room" value={page.filters.room} options={page.rooms.map((r) => [r.id, r.name])} />
          <Select name="theme" label="public.theme" value={page.filters.theme} options={page.themes.map((x) => [x.id, pick(x.name, locale) ?? x.slug])} />
          <Select name="format" label="public.format" value={page.filters.format} options={page.formats.map((x) => [x.id, pick(x.name, locale) ?? x.slug])} />
          <button type="submit" className="button button-primary">
            {t("public.apply")}
          </button>
          {isFiltered(query) ? <a href={`${base}${querySearch({ view: query.view, lang: locale })}`}>{t("public.reset")}</a> : null}
        </fieldset>
      </form>
      <main id="main" className="public-main">
        <h1>{page.edition.title}</h1>
        <p role="status" data-testid="public-count">
          {t("public.count", { count: page.sessions.length })}
        </p>
        {page.sessions.length === 0 ? <p>{t("public.empty")}</p> : null}
        {timetable ? <TimetableView timetable={timetable} page={page} query={query} base={base} /> : <ListView page={page} base={base} />}
      </main>
    </>
  );
}

function ListView({ page, base }: { page: Page; base: string }) {
  const { locale } = usePublicText();
  const byDay = new Map<string, Session[]>();
  for (const s of page.sessions) {
    const day = s.start.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  return (
    <>
      {[...byDay].map(([day, sessions]) => (
        <section key={day} aria-labelledby={`day-${day}`} className="public-day">
          <h2 id={`day-${day}`}>{formatLocalDate(day, locale)}</h2>
          <ol className="public-sessions">
            {sessions.map((s) => (
              <li key={s.id}>
                <SessionCard session={s} page={page} base={base} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

function SessionCard({ session: s, page, base }: { session: Session; page: Page; base: string }) {
  const { t, locale } = usePublicText();
  const lang = langSearch(locale);
  const speakers = new Map(page.speakers.map((p) => [p.id, p]));
  const abstract = pick(s.abstract, locale);
  return (
    <article id={`session-${s.id}`} className="public-session" aria-labelledby={`title-${s.id}`} lang={s.title[locale] ? locale : undefined}>
      <When session={s} page={page} />
      <h3 id={`title-${s.id}`}>
        <a href={`${base}session/${s.id}${lang}`}>{pick(s.title, locale) ?? s.slug}</a>
      </h3>
      <Tags session={s} page={page} />
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
                  <a href={`${base}speaker/${person.id}${lang}`}>
                    <strong>{person.name}</strong>
                  </a>{" "}
                  ({t(`public.role.${p.role}` as MessageKey)})
                  {person.jobTitle || person.organisation ? <span className="muted"> — {[person.jobTitle, person.organisation].filter(Boolean).join(", ")}</span> : null}
                  {bio ? (
                    <details>
                      <summary>{t("public.bio", { name: person.name })}</summary>
                      <p>{bio}</p>
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
  );
}

export function When({ session: s, page, withDay = false }: { session: Session; page: { rooms: Page["rooms"] }; withDay?: boolean }) {
  const { locale } = usePublicText();
  const room = page.rooms.find((r) => r.id === s.roomId);
  return (
    <p className="public-when">
      {withDay ? <>{formatLocalDate(s.start.slice(0, 10), locale)}, </> : null}
      <time dateTime={s.start}>{s.start.slice(11, 16)}</time>–<time dateTime={s.end}>{s.end.slice(11, 16)}</time>
      {" · "}
      <span>{room?.name}</span>
    </p>
  );
}

export function Tags({ session: s, page }: { session: Session; page: { themes: Page["themes"]; formats: Page["formats"] } }) {
  const { locale } = usePublicText();
  const themeIndex = s.themeId ? page.themes.findIndex((x) => x.id === s.themeId) : -1;
  const theme = themeIndex >= 0 ? page.themes[themeIndex] : undefined;
  const format = s.formatId ? page.formats.find((x) => x.id === s.formatId) : undefined;
  return (
    <p className="public-tags">
      {format ? <span className="tag">{pick(format.name, locale)}</span> : null}
      {theme ? (
        <span className="tag tag-theme">
          <span className={`swatch theme-${themeIndex}`} aria-hidden="true" />
          {pick(theme.name, locale)}
        </span>
      ) : null}
      <span className="tag" lang={s.language}>
        {s.language.toUpperCase()}
      </span>
    </p>
  );
}

function TimetableView({ timetable, page, query, base }: { timetable: Timetable; page: Page; query: ProgrammeQuery; base: string }) {
  const { t, locale } = usePublicText();
  const lang = langSearch(locale);
  const sessions = page.sessions.filter((s) => s.start.startsWith(timetable.day));
  return (
    <section aria-labelledby="timetable-day" className="timetable">
      <nav aria-label={t("public.day")} className="timetable-days">
        <ul>
          {page.days.map((day) => (
            <li key={day}>
              <a href={`${base}${querySearch({ view: "timetable", lang: locale, filters: { ...query.filters, day } })}`} aria-current={day === timetable.day ? "page" : undefined}>
                {formatLocalDate(day, locale)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2 id="timetable-day">{formatLocalDate(timetable.day, locale)}</h2>
      <div className="timetable-grid" data-testid="timetable-grid">
        <table>
          <caption className="visually-hidden">{t("site.timetableCaption", { day: formatLocalDate(timetable.day, locale) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("site.time")}</th>
              {timetable.rooms.map((r) => (
                <th key={r.id} scope="col">
                  {r.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {timetable.rows.map((row) => (
              <tr key={row.time}>
                <th scope="row">{row.time.endsWith(":00") || row.time.endsWith(":30") ? row.time : <span className="visually-hidden">{row.time}</span>}</th>
                {row.cells.map((cell, i) =>
                  cell === "covered" ? null : cell === null ? (
                    <td key={i} />
                  ) : (
                    <td key={i} rowSpan={cell.rows} className="timetable-session">
                      <a href={`${base}session/${cell.session.id}${lang}`}>{pick(cell.session.title, locale) ?? cell.session.slug}</a>
                      <span className="muted">
                        {" "}
                        {cell.session.start.slice(11, 16)}–{cell.session.end.slice(11, 16)}
                      </span>
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ol className="timetable-list" data-testid="timetable-list">
        {sessions.map((s) => (
          <li key={s.id}>
            <When session={s} page={page} />
            <a href={`${base}session/${s.id}${lang}`}>{pick(s.title, locale) ?? s.slug}</a>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Select({ name, label, value, options }: { name: string; label: MessageKey; value: string | null; options: [string, string][] }) {
  const { t } = usePublicText();
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

