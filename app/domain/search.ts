// Search text folding: the one fold that fills the search_text columns and folds what people type,
// so "coeur", "Cœur" and "COEUR" all find "Cœur de Lille".

/** Letters NFKD leaves whole (no combining mark to strip), spelled as people type them without the key. */
const SPECIAL: Record<string, string> = {
  œ: "oe", æ: "ae", ß: "ss", ẞ: "ss", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ħ: "h", ŧ: "t", ŋ: "n", ĸ: "k",
};
const SPECIAL_PATTERN = new RegExp(`[${Object.keys(SPECIAL).join("")}]`, "g");

/** Lower case, accents and ligatures folded (œ→oe, ß→ss, ﬁ→fi…), whitespace collapsed: "  Élise  Œuvre" → "elise oeuvre". */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(SPECIAL_PATTERN, (c) => SPECIAL[c]!)
    .replace(/\s+/g, " ")
    .trim();
}

/** The folded text a row is searched by: its parts folded, joined by spaces (empty parts left out). */
export function searchTextOf(parts: readonly (string | null | undefined)[]): string {
  return parts
    .map((part) => foldForSearch(part ?? ""))
    .filter((part) => part.length > 0)
    .join(" ");
}

/** The words of a search, folded; every one must match. At most eight, to bound the query. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(" ")
    .filter((word) => word.length > 0)
    .slice(0, 8);
}

/** Whether folded text holds every folded word (the in-memory twin of the LIKE patterns). */
export function matchesAll(text: string, terms: readonly string[]): boolean {
  return terms.every((term) => text.includes(term));
}

/** A LIKE pattern (with `escape '\'`) for text containing the folded word, `%` and `_` taken literally. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
