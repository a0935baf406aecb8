// Slugs: the URL words of editions, sessions, rooms, themes and formats, made from a name.

/**
 * The longest slug made from a name. Slug fields take 80 characters; stopping at 60 leaves
 * room for the "-2", "-3"… that make a slug unique in its edition.
 */
export const SLUG_MAX_LENGTH = 60;

/**
 * "Le travail à l’heure des plateformes !" → "le-travail-a-l-heure-des-plateformes":
 * accents dropped, lower-case ASCII letters and digits, words joined by single dashes, at most
 * SLUG_MAX_LENGTH characters, never a dash at either end. A name with nothing to keep ("???")
 * gives "": each caller says what stands in then.
 */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, "");
}
