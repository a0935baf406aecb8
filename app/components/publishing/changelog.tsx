import type { Changes, Placement } from "~/domain/exports";
import { useLocale, useT } from "~/i18n";

function pick(text: { fr: string | null; en: string | null }, locale: "fr" | "en", fallback: string): string {
  return text[locale] || text[locale === "fr" ? "en" : "fr"] || fallback;
}

function Place({ place }: { place: Placement }) {
  const t = useT();
  return <>{t("changelog.place", { day: place.day, start: place.start, end: place.end, room: place.room.name })}</>;
}

/** A changelog as lists per kind of change; headings at the given level. */
export function Changelog({ changes, headingLevel = 3 }: { changes: Changes; headingLevel?: 3 | 4 }) {
  const t = useT();
  const locale = useLocale();
  const H = `h${headingLevel}` as "h3" | "h4";
  const total = changes.added.length + changes.cancelled.length + changes.moved.length + changes.renamed.length + changes.peopleChanged.length;
  if (total === 0) return <p className="changelog-none">{t("changelog.none")}</p>;
  return (
    <div className="changelog">
      {changes.added.length > 0 ? (
        <section>
          <H>{t("changelog.added", { count: changes.added.length })}</H>
          <ul data-testid="changes-added">
            {changes.added.map((s) => (
              <li key={s.id}>
                <strong>{pick(s.title, locale, s.slug)}</strong> — <Place place={s.placement} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {changes.cancelled.length > 0 ? (
        <section>
          <H>{t("changelog.cancelled", { count: changes.cancelled.length })}</H>
          <ul data-testid="changes-cancelled">
            {changes.cancelled.map((s) => (
              <li key={s.id}>
                <strong>{pick(s.title, locale, s.slug)}</strong> — <Place place={s.placement} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {changes.moved.length > 0 ? (
        <section>
          <H>{t("changelog.moved", { count: changes.moved.length })}</H>
          <ul data-testid="changes-moved">
            {changes.moved.map((m) => (
              <li key={m.session.id}>
                <strong>{pick(m.session.title, locale, m.session.slug)}</strong>: <Place place={m.from} /> {t("changelog.arrow")} <Place place={m.to} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {changes.renamed.length > 0 ? (
        <section>
          <H>{t("changelog.renamed", { count: changes.renamed.length })}</H>
          <ul data-testid="changes-renamed">
            {changes.renamed.map((r) => (
              <li key={r.session.id}>
                « {pick(r.from, locale, r.session.slug)} » {t("changelog.arrow")} « {pick(r.to, locale, r.session.slug)} »
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {changes.peopleChanged.length > 0 ? (
        <section>
          <H>{t("changelog.peopleChanged", { count: changes.peopleChanged.length })}</H>
          <ul data-testid="changes-people">
            {changes.peopleChanged.map((p) => (
              <li key={p.session.id}>
                <strong>{pick(p.session.title, locale, p.session.slug)}</strong>
                {p.added.length > 0 ? <> — {t("changelog.peopleAdded", { names: p.added.map((x) => x.name).join(", ") })}</> : null}
                {p.removed.length > 0 ? <> — {t("changelog.peopleRemoved", { names: p.removed.map((x) => x.name).join(", ") })}</> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
