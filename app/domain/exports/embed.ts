// The embeddable programme (/programme/<slug>/embed): what partners' sites frame. Built from the
// published snapshot like the public page, filtered by day, theme, room and speaker through the
// URL, in French or English, light, dark or following the reader's system.
import { programmePage } from "./page";
import type { PublicProgramme } from "./model";

export type EmbedFilters = { day: string | null; theme: string | null; room: string | null; speaker: string | null };
export type EmbedLocale = "fr" | "en";
/** `auto` follows the reader's `prefers-color-scheme`. */
export type EmbedTheme = "auto" | "light" | "dark";
export type EmbedOptions = { filters: EmbedFilters; locale: EmbedLocale; theme: EmbedTheme };

const COLOUR_THEMES = ["light", "dark"] as const;
const isColourTheme = (value: string): value is "light" | "dark" => (COLOUR_THEMES as readonly string[]).includes(value);

/**
 * The query's choices; anything unknown or oversized is ignored (the default applies).
 * `theme` names both the colours (`light`, `dark`) and the programme's theme to show (its UUID,
 * as on the public page): the values cannot be confused, and both may be given.
 */
export function embedOptionsFrom(search: URLSearchParams): EmbedOptions {
  const fits = (value: string | null | undefined): value is string => !!value && value.length <= 64;
  const one = (name: string) => {
    const value = search.get(name);
    return fits(value) ? value : null;
  };
  const themes = search.getAll("theme");
  const topic = themes.find((value) => fits(value) && !isColourTheme(value));
  const colours = themes.find(isColourTheme);
  return {
    filters: { day: one("day"), theme: topic ?? null, room: one("room"), speaker: one("speaker") },
    locale: search.get("lang") === "en" ? "en" : "fr",
    theme: colours ?? "auto",
  };
}

/** The text of a localised field in the reader's language, else the other one. */
export function localisedText(text: { fr: string | null; en: string | null }, locale: EmbedLocale): string | null {
  return text[locale] || text[locale === "fr" ? "en" : "fr"] || null;
}

/**
 * The embed's view of a snapshot: the public page's filtering (day, room, theme), then the
 * speaker filter; every speaker of the programme stays a choice, sorted by name.
 */
export function embedPage(programme: PublicProgramme, filters: EmbedFilters, locale: EmbedLocale) {
  const page = programmePage(programme, { day: filters.day, room: filters.room, theme: filters.theme, format: null });
  const sessions = filters.speaker ? page.sessions.filter((s) => s.people.some((p) => p.speakerId === filters.speaker)) : page.sessions;
  const people = new Set(sessions.flatMap((s) => s.people.map((p) => p.speakerId)));
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  return {
    edition: page.edition,
    version: page.version,
    days: page.days,
    rooms: page.rooms,
    themes: page.themes,
    formats: page.formats,
    speakerChoices: programme.speakers.map((s) => ({ id: s.id, name: s.name })).sort((a, b) => collator.compare(a.name, b.name)),
    speakers: programme.speakers.filter((s) => people.has(s.id)),
    sessions,
    total: page.total,
    filters,
  };
}

export type EmbedPage = ReturnType<typeof embedPage>;

/** The embed's URL; `lang` only when it is not the default. */
export function embedUrl(origin: string, slug: string, locale: EmbedLocale = "fr"): string {
  return `${origin}/programme/${encodeURIComponent(slug)}/embed${locale === "fr" ? "" : "?lang=en"}`;
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;" };
const attribute = (text: string) => text.replace(/[&"<>]/g, (c) => ATTRIBUTE_ESCAPES[c]!);

/**
 * The copy-paste snippet for partners: the frame, then an optional listener that sets the frame's
 * height from the `barouf:height` messages the embed posts (only from our origin and that frame).
 */
export function embedSnippet({ origin, slug, title, locale = "fr" }: { origin: string; slug: string; title: string; locale?: EmbedLocale }): string {
  const id = `barouf-programme-${slug.replace(/[^a-z0-9-]/gi, "")}`;
  return [
    `<iframe id="${id}" src="${attribute(embedUrl(origin, slug, locale))}" title="${attribute(title)}" width="100%" height="800" style="border:0" loading="lazy"></iframe>`,
    "<script>",
    'window.addEventListener("message", function (event) {',
    `  var frame = document.getElementById("${id}");`,
    `  if (!frame || event.origin !== ${JSON.stringify(origin)} || event.source !== frame.contentWindow) return;`,
    '  if (event.data && event.data.type === "barouf:height" && event.data.height > 0) frame.height = String(Math.ceil(event.data.height));',
    "});",
    "</script>",
  ].join("\n");
}
