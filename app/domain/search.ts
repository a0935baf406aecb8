// Search text folding, shared by the SQL side (speakers.server.ts folds columns the same way).

/** Lower case, without accents or ligatures: "Élise Œuvre" → "elise oeuvre". */
export function foldForSearch(text: string): string {
  return text
    .replace(/[œŒ]/g, "oe")
    .replace(/[æÆ]/g, "ae")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();
}

/** The words of a search, folded; every one must match. At most eight, to bound the query. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 8);
}
