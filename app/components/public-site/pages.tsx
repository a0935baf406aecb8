// The public site's page per speaker, per session, and the page for schedule-app users.
import type { SessionPage, SpeakerPage } from "~/domain/exports/site";
import { webcalUrl } from "~/domain/exports/site";
import { PAGE_PHOTO_SIZE, photoUrl } from "~/domain/images";
import type { MessageKey } from "~/i18n";
import { CalendarLinks, langSearch, pick, usePublicText, type SiteUrls } from "./frame";
import { Tags, When } from "./programme-view";

/** Public fields only (the snapshot's): name, job, organisation, consented bio and photo, links. */
export function SpeakerView({ data, urls }: { data: SpeakerPage; urls: SiteUrls }) {
  const { t, locale } = usePublicText();
  const { speaker } = data;
  const bio = pick(speaker.bio, locale);
  const ics = `speakers/${speaker.id}.ics`;
  return (
    <main id="main" className="public-main public-page">
      {speaker.photo ? (
        <img
          className="public-speaker-photo"
          src={photoUrl(urls.latest, speaker.photo, PAGE_PHOTO_SIZE)}
          alt={t("site.photoAlt", { name: speaker.name })}
          width={PAGE_PHOTO_SIZE / 2}
          height={PAGE_PHOTO_SIZE / 2}
        />
      ) : null}
      <h1>{speaker.name}</h1>
      {speaker.jobTitle || speaker.organisation ? <p className="lead">{[speaker.jobTitle, speaker.organisation].filter(Boolean).join(", ")}</p> : null}
      {bio ? <p className="public-bio">{bio}</p> : null}
      {speaker.links.length > 0 ? (
        <ul className="public-links">
          {speaker.links.map((l) => (
            <li key={l.url}>
              <a href={l.url} rel="nofollow noopener noreferrer">
                {l.label || l.url}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <CalendarLinks ics={`${urls.base}${ics}`} subscribe={webcalUrl(`${urls.origin}${urls.latest}${ics}`)} name={speaker.name} />
      <h2>{t("site.sessionsOf", { name: speaker.name })}</h2>
      <ol className="public-sessions">
        {data.sessions.map((s) => (
          <li key={s.id}>
            <article className="public-session" aria-labelledby={`title-${s.id}`}>
              <When session={s} page={data} withDay />
              <h3 id={`title-${s.id}`}>
                <a href={`${urls.base}session/${s.id}${langSearch(locale)}`}>{pick(s.title, locale) ?? s.slug}</a>
              </h3>
              <Tags session={s} page={data} />
            </article>
          </li>
        ))}
      </ol>
    </main>
  );
}

export function SessionView({ data, urls }: { data: SessionPage; urls: SiteUrls }) {
  const { t, locale } = usePublicText();
  const { session } = data;
  const title = pick(session.title, locale) ?? session.slug;
  const abstract = pick(session.abstract, locale);
  return (
    <main id="main" className="public-main public-page" lang={session.title[locale] ? undefined : session.language}>
      <h1>{title}</h1>
      <When session={session} page={data} withDay />
      <Tags session={session} page={data} />
      {abstract ? <p className="public-abstract-full">{abstract}</p> : null}
      <ul className="public-calendar-links">
        <li>
          <a href={`${urls.base}sessions/${session.id}.ics`} data-calendar="ics">
            {t("public.calendar")} (.ics)
          </a>
        </li>
      </ul>
      {data.people.length > 0 ? (
        <section aria-labelledby="people" className="public-people">
          <h2 id="people">{t("public.people")}</h2>
          <ul>
            {data.people.map(({ role, speaker }) => (
              <li key={speaker.id}>
                <a href={`${urls.base}speaker/${speaker.id}${langSearch(locale)}`}>{speaker.name}</a> ({t(`public.role.${role}` as MessageKey)})
                {speaker.jobTitle || speaker.organisation ? <span className="muted"> — {[speaker.jobTitle, speaker.organisation].filter(Boolean).join(", ")}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}

/** How to follow the programme in Giggity or EventFahrplan: the schedule.xml address, as text and as a QR code. */
export function AppsView({ scheduleUrl, qrSvg, urls }: { scheduleUrl: string; qrSvg: string; urls: SiteUrls }) {
  const { t } = usePublicText();
  return (
    <main id="main" className="public-main public-page public-apps">
      <h1>{t("site.appsTitle")}</h1>
      <p>{t("site.appsIntro")}</p>
      <p>
        <label htmlFor="schedule-url">{t("site.appsAddress")}</label>
        <input id="schedule-url" className="public-address" type="text" readOnly value={scheduleUrl} data-testid="schedule-url" />
      </p>
      {/* The library's SVG, made on the server from scheduleUrl alone (no user text in it). */}
      <figure className="public-qr">
        <div role="img" aria-label={t("site.appsQr")} data-testid="schedule-qr" dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <figcaption>{t("site.appsQr")}</figcaption>
      </figure>
      <h2>Giggity</h2>
      <ol>
        <li>{t("site.giggity1")}</li>
        <li>{t("site.giggity2")}</li>
        <li>{t("site.giggity3")}</li>
      </ol>
      <h2>EventFahrplan</h2>
      <p>{t("site.fahrplan")}</p>
      <h2>{t("site.calendarApps")}</h2>
      <p>{t("site.calendarAppsText")}</p>
      <CalendarLinks ics={`${urls.latest}programme.ics`} subscribe={webcalUrl(`${urls.origin}${urls.latest}programme.ics`)} name={t("public.title")} />
    </main>
  );
}
