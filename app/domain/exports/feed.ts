// The Atom feed of an edition's published versions, each entry carrying its changelog in words.
// Built with the `feed` library; titles and summaries are HTML there, so every text is escaped.
import { Feed } from "feed";
import { escapeHtml } from "../text";
import { changelogInWords, type ChangelogTranslate } from "./changelog-text";
import type { Changes, PublicProgramme } from "./model";

export type FeedVersion = { number: number; publishedAt: number; changes: Changes };

export type FeedLabels = {
  /** The feed's title, e.g. "Grand Barouf 2016 — programme versions". */
  title: string;
  subtitle: string;
  entryTitle: (number: number) => string;
};

/** The changelog in words as HTML: each kind of change a paragraph followed by its list. */
export function changelogHtml(changes: Changes, locale: "fr" | "en", t: ChangelogTranslate): string {
  return changelogInWords(changes, locale, t)
    .split("\n\n")
    .map((section) => {
      const [heading, ...items] = section.split("\n");
      const list = items.length > 0 ? `<ul>${items.map((item) => `<li>${escapeHtml(item.replace(/^- /, ""))}</li>`).join("")}</ul>` : "";
      return `<p>${escapeHtml(heading!)}</p>${list}`;
    })
    .join("");
}

/** Newest version first; the bytes depend only on the versions (the feed's `updated` is the latest publication). */
export function buildAtomFeed(input: {
  edition: PublicProgramme["edition"];
  versions: FeedVersion[];
  origin: string;
  locale: "fr" | "en";
  t: ChangelogTranslate;
  labels: FeedLabels;
}): string {
  const { edition, versions, origin, locale, t, labels } = input;
  const base = `${origin}/programme/${encodeURIComponent(edition.slug)}/`;
  const sorted = [...versions].sort((a, b) => b.number - a.number);
  const feed = new Feed({
    id: base,
    title: labels.title,
    description: labels.subtitle,
    link: base,
    feedLinks: { atom: `${base}feed.atom` },
    language: locale,
    updated: new Date(sorted[0]?.publishedAt ?? 0),
    generator: "Barouf",
  });
  for (const version of sorted) {
    const url = `${base}v/${version.number}/`;
    feed.addItem({
      id: url,
      link: url,
      title: escapeHtml(labels.entryTitle(version.number)),
      date: new Date(version.publishedAt),
      published: new Date(version.publishedAt),
      description: changelogHtml(version.changes, locale, t),
    });
  }
  return feed.atom1();
}
