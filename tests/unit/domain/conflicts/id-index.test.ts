import { describe, expect, it } from "vitest";
import { IdIndex } from "~/domain/conflicts/id-index";

describe("IdIndex", () => {
  it("indexes ids by position, the first of a repeated id winning, and answers -1 for others", () => {
    const index = new IdIndex(["b", "a", "b", "c"]);
    expect(index.indexOf("a")).toBe(1);
    expect(index.indexOf("b")).toBe(0);
    expect(index.indexOf("c")).toBe(3);
    expect(index.indexOf("d")).toBe(-1);
    expect(index.indexOf("")).toBe(-1);
    expect(index.size).toBe(3);
  });

  it("appends ids met later, once, growing past its first table", () => {
    const index = new IdIndex(["x"]);
    const added = Array.from({ length: 1000 }, (_, i) => index.add(`person-${i}`));
    expect(added).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(index.add("person-500")).toBe(501);
    expect(index.add("x")).toBe(0);
    expect(index.ids.length).toBe(1001);
    expect(index.size).toBe(1001);
    for (let i = 0; i < 1000; i += 37) expect(index.indexOf(`person-${i}`)).toBe(i + 1);
  });

  it("compares by content, not by string object, across colliding and look-alike ids", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `${i % 7}-${"0".repeat(30)}${i}`);
    const index = new IdIndex(ids.slice());
    for (let i = 0; i < ids.length; i += 13) expect(index.indexOf([...ids[i]].join(""))).toBe(i);
    expect(index.indexOf(`${"0".repeat(30)}`)).toBe(-1);
    // Surrogates and other code units hash and compare as themselves.
    const odd = new IdIndex(["é", "e\u0301", "\ud83d\ude00", "\ud83d"]);
    expect(["é", "e\u0301", "\ud83d\ude00", "\ud83d"].map((id) => odd.indexOf(id))).toEqual([0, 1, 2, 3]);
  });
});
