import { describe, expect, it } from "vitest";
import { pageNumber, pageOf, pageStarts } from "~/domain/board/pages";

const letters = [..."abcdefghij"];

describe("the board's pages", () => {
  it("cuts a list into pages of a size; one page (or none) is no page at all", () => {
    expect(pageStarts(letters, 4)).toEqual([0, 4, 8]);
    expect(pageStarts(letters, 10)).toEqual([0]);
    expect(pageStarts([], 4)).toEqual([]);
    expect(pageOf(letters, 1, [0])).toEqual({ shown: letters, page: null });
    expect(pageOf([], 1, [])).toEqual({ shown: [], page: null });
  });

  it("says where a page sits and where every page starts and ends, from 1", () => {
    const { shown, page } = pageOf(letters, 2, pageStarts(letters, 4));
    expect(shown).toEqual(["e", "f", "g", "h"]);
    expect(page).toEqual({ page: 2, pages: 3, first: 5, last: 8, total: 10, ranges: [[1, 4], [5, 8], [9, 10]] });
  });

  it("cuts a page early when its weight would pass the budget; an item heavier than the budget has its page alone", () => {
    const weights: Record<string, number> = { a: 1, b: 1, c: 5, d: 1, e: 9, f: 1, g: 1, h: 0, i: 0, j: 0 };
    const starts = pageStarts(letters, 4, { of: (l) => weights[l]!, budget: 6 });
    // a b (c would make 7) | c d (6) | e (9, alone) | f g h i (4 items) | j
    expect(starts).toEqual([0, 2, 4, 5, 9]);
    expect(pageOf(letters, 3, starts).shown).toEqual(["e"]);
  });

  it("clamps a page number past either end, and reads one from a query string", () => {
    const starts = pageStarts(letters, 4);
    expect(pageOf(letters, 99, starts).page!.page).toBe(3);
    expect(pageOf(letters, 0, starts).page!.page).toBe(1);
    expect(pageOf(letters, 1.5, starts).page!.page).toBe(1);
    for (const [text, n] of [["2", 2], ["", 1], [null, 1], ["-3", 1], ["x", 1], ["1e3", 1000], ["2.5", 1]] as const) expect(pageNumber(text)).toBe(n);
  });
});
