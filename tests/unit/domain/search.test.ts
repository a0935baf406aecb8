// The one fold behind every search box: the search_text columns and the words typed are folded alike.
import { describe, expect, it } from "vitest";
import { containsPattern, foldForSearch, matchesAll, searchTerms, searchTextOf } from "~/domain/search";

describe("foldForSearch", () => {
  it("folds œ and æ whatever the case: Cœur, coeur and COEUR are one word", () => {
    expect(["Cœur de Lille", "coeur de lille", "COEUR DE LILLE", "CŒUR de Lille"].map(foldForSearch)).toEqual(Array(4).fill("coeur de lille"));
    expect(foldForSearch("Ægir et Æsa")).toBe("aegir et aesa");
  });

  it("folds letters NFKD keeps whole: ß and ẞ, ø, ł, đ, ı", () => {
    expect(foldForSearch("Straße")).toBe("strasse");
    expect(foldForSearch("GROẞ")).toBe("gross");
    expect(foldForSearch("Øresund Łódź Đakovo Istanbulı")).toBe("oresund lodz dakovo istanbuli");
  });

  it("folds compatibility forms: the ﬁ and ﬂ ligatures, full-width letters", () => {
    expect(foldForSearch("Ofﬁce ﬂeur")).toBe("office fleur");
    expect(foldForSearch("ＡＢＣ")).toBe("abc");
  });

  it("folds accents and case, and collapses whitespace", () => {
    expect(foldForSearch("  Élise\tŒUVRE \n Thaïs ")).toBe("elise oeuvre thais");
  });
});

describe("search words and patterns", () => {
  it("splits the folded query into at most eight words", () => {
    expect(searchTerms("  Grégoire   KOPP ")).toEqual(["gregoire", "kopp"]);
    expect(searchTerms("a b c d e f g h i j")).toHaveLength(8);
    expect(searchTerms("   ")).toEqual([]);
  });

  it("joins a row's parts folded, leaving out empty ones", () => {
    expect(searchTextOf(["Atelier numérique", null, "", "Jeanne Straße"])).toBe("atelier numerique jeanne strasse");
  });

  it("takes LIKE wildcards and the escape character literally", () => {
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });

  it("matches in memory as the LIKE patterns do: every word somewhere", () => {
    const text = searchTextOf(["Atelier numérique", "Jeanne Straße"]);
    expect(matchesAll(text, searchTerms("STRASSE atelier"))).toBe(true);
    expect(matchesAll(text, searchTerms("strasse martin"))).toBe(false);
  });
});
