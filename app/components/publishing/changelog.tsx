import type { Changes, Placement } from "~/domain/exports";
import { formatLocalDate } from "~/domain/format";
import type { ReactNode } from "react";
import { useLocale, useT, type MessageKey } from "~/i18n";

function pick(text: { fr: string | null; en: string | null }, locale: "fr" | "en", fallback: string): string {
  return text[locale] || text[locale === "fr" ? "en" : "fr"] || fallback;
}

function Place({ place }: { place: Placement }) {
  const t = useT();
  const locale = useLocale();
  return <>{t("changelog.place", { day: formatLocalDate(place.day, locale), start: place.start, end: place.end, room: place.room.name })}</>;
}

/** One kind of change: a heading with its count and a list, or nothing when there is none. */
function ChangeList<T>({
  items,
  heading,
  testId,
  H,
  itemKey,
  children,
}: {
  items: T[];
  heading: MessageKey;
  testId: string;
  H: "h3" | "h4";
  itemKey: (item: T) => string;
  children: (item: T) => ReactNode;
}) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <section>
      <H>{t(heading, { count: items.length })}</H>
      <ul data-testid={testId}>
        {items.map((item) => (
          <li key={itemKey(item)}>{children(item)}</li>
        ))}
      </ul>
    </section>
  );
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
      <ChangeList items={changes.added} heading="changelog.added" testId="changes-added" H={H} itemKey={(s) => s.id}>
        {(s) => (
          <>
            <strong>{pick(s.title, locale, s.slug)}</strong> — <Place place={s.placement} />
          </>
        )}
      </ChangeList>
      <ChangeList items={changes.cancelled} heading="changelog.cancelled" testId="changes-cancelled" H={H} itemKey={(s) => s.id}>
        {(s) => (
          <>
            <strong>{pick(s.title, locale, s.slug)}</strong> — <Place place={s.placement} />
          </>
        )}
      </ChangeList>
      <ChangeList items={changes.moved} heading="changelog.moved" testId="changes-moved" H={H} itemKey={(m) => m.session.id}>
        {(m) => (
          <>
            <strong>{pick(m.session.title, locale, m.session.slug)}</strong>: <Place place={m.from} /> {t("changelog.arrow")} <Place place={m.to} />
          </>
        )}
      </ChangeList>
      <ChangeList items={changes.renamed} heading="changelog.renamed" testId="changes-renamed" H={H} itemKey={(r) => r.session.id}>
        {(r) => (
          <>
            « {pick(r.from, locale, r.session.slug)} » {t("changelog.arrow")} « {pick(r.to, locale, r.session.slug)} »
          </>
        )}
      </ChangeList>
      <ChangeList items={changes.peopleChanged} heading="changelog.peopleChanged" testId="changes-people" H={H} itemKey={(p) => p.session.id}>
        {(p) => (
          <>
            <strong>{pick(p.session.title, locale, p.session.slug)}</strong>
            {p.added.length > 0 ? <> — {t("changelog.peopleAdded", { names: p.added.map((x) => x.name).join(", ") })}</> : null}
            {p.removed.length > 0 ? <> — {t("changelog.peopleRemoved", { names: p.removed.map((x) => x.name).join(", ") })}</> : null}
          </>
        )}
      </ChangeList>
    </div>
  );
}
