// A changelog in words, as plain text: what the feed and the webhooks carry. The same
// messages as the changelog on the organisers' pages (app/components/publishing/changelog.tsx).
import type { Changes, Placement } from "./model";

export type ChangelogKey =
  | "changelog.none"
  | "changelog.added"
  | "changelog.cancelled"
  | "changelog.moved"
  | "changelog.renamed"
  | "changelog.peopleChanged"
  | "changelog.place"
  | "changelog.arrow"
  | "changelog.peopleAdded"
  | "changelog.peopleRemoved";

export type ChangelogTranslate = (key: ChangelogKey, vars?: Record<string, string | number>) => string;

function pick(text: { fr: string | null; en: string | null }, locale: "fr" | "en", fallback: string): string {
  return text[locale] || text[locale === "fr" ? "en" : "fr"] || fallback;
}

/** One heading line per kind of change, then one "- " line per session; "no change" when empty. */
export function changelogInWords(changes: Changes, locale: "fr" | "en", t: ChangelogTranslate): string {
  const place = (p: Placement) => t("changelog.place", { day: p.day, start: p.start, end: p.end, room: p.room.name });
  // Typographic French: a non-breaking space before the colon.
  const colon = locale === "fr" ? "\u00a0:" : ":";
  const sections: string[][] = [];
  const section = (heading: string, items: string[]) => {
    if (items.length > 0) sections.push([heading, ...items.map((item) => `- ${item}`)]);
  };
  section(t("changelog.added", { count: changes.added.length }), changes.added.map((s) => `${pick(s.title, locale, s.slug)} — ${place(s.placement)}`));
  section(t("changelog.cancelled", { count: changes.cancelled.length }), changes.cancelled.map((s) => `${pick(s.title, locale, s.slug)} — ${place(s.placement)}`));
  section(
    t("changelog.moved", { count: changes.moved.length }),
    changes.moved.map((m) => `${pick(m.session.title, locale, m.session.slug)}${colon} ${place(m.from)} ${t("changelog.arrow")} ${place(m.to)}`),
  );
  section(
    t("changelog.renamed", { count: changes.renamed.length }),
    changes.renamed.map((r) =>
      locale === "fr"
        ? `«\u00a0${pick(r.from, locale, r.session.slug)}\u00a0» ${t("changelog.arrow")} «\u00a0${pick(r.to, locale, r.session.slug)}\u00a0»`
        : `“${pick(r.from, locale, r.session.slug)}” ${t("changelog.arrow")} “${pick(r.to, locale, r.session.slug)}”`,
    ),
  );
  section(
    t("changelog.peopleChanged", { count: changes.peopleChanged.length }),
    changes.peopleChanged.map((p) =>
      [
        pick(p.session.title, locale, p.session.slug),
        p.added.length > 0 ? t("changelog.peopleAdded", { names: p.added.map((x) => x.name).join(", ") }) : null,
        p.removed.length > 0 ? t("changelog.peopleRemoved", { names: p.removed.map((x) => x.name).join(", ") }) : null,
      ]
        .filter(Boolean)
        .join(" — "),
    ),
  );
  if (sections.length === 0) return t("changelog.none");
  return sections.map((lines) => lines.join("\n")).join("\n\n");
}
