import { describe, expect, it } from "vitest";
import { displayFileName } from "~/domain/import";

describe("displayFileName", () => {
  it("keeps an ordinary name, quotes and semicolons included", () => {
    expect(displayFileName("schedule.json")).toBe("schedule.json");
    expect(displayFileName('prog "2016"; final.json')).toBe('prog "2016"; final.json');
  });

  it("decodes the browser's %22 and turns line breaks and control characters into one space", () => {
    expect(displayFileName("prog%222016%22.json")).toBe('prog"2016".json');
    expect(displayFileName("a%0D%0Ab.json")).toBe("a b.json");
    expect(displayFileName("a\r\n\u0007\u001b[31mb\u202e.json")).toBe("a [31mb .json");
  });

  it("cuts a long name at 200 characters without splitting one", () => {
    const name = displayFileName(`${"😀".repeat(300)}.json`);
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith("…")).toBe(true);
    expect(name).not.toMatch(/[\uD800-\uDBFF]…$/);
  });

  it("gives the fallback when nothing printable is left", () => {
    expect(displayFileName(undefined)).toBe("schedule");
    expect(displayFileName("  \u0000\r\n ")).toBe("schedule");
  });
});
