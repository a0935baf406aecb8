import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/utils/redirect";

const FALLBACK = "/fallback";

// Each must give the fallback, or at least a same-origin path that cannot be read as `//host`.
const hostile = [
  "//evil.example",
  "///evil.example",
  "/.//evil.example",
  "/./..//evil.example",
  "/%2e%2e//evil.example",
  "/%2E%2E//evil.example",
  "/%2e//evil.example",
  "/%252e%252e//evil.example",
  "/%2f/evil.example",
  "/%2F%2Fevil.example",
  "/%5c/evil.example",
  "/%5Cevil.example",
  "/editions/../..//evil.example",
  "/editions/..//..//evil.example",
  "/a/b/../../..//evil.example",
  "/editions/%2e%2e/%2e%2e//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r//evil.example",
  "/\u0000/evil.example",
  "/\u007f/evil.example",
  "/\u2215/evil.example",
  "/\u2215\u2215evil.example",
  "/\uff0f/evil.example",
  "/\uff0fevil.example",
  "/\u2044/evil.example",
  "/\uff3cevil.example",
  "http://evil.example",
  "https://evil.example/path",
  "HTTPS://evil.example",
  "//evil.example/%2f..",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "@evil.example",
  "",
  "/".repeat(3000),
];

describe("safeRedirect refuses hostile targets", () => {
  it.each(hostile.map((target) => [JSON.stringify(target).slice(0, 60), target]))("%s", (_name, target) => {
    const result = safeRedirect(target, FALLBACK);
    expect(result.startsWith("/")).toBe(true);
    expect(result.startsWith("//")).toBe(false);
    expect(result).not.toMatch(/[\\\u2215\uff0f\u2044]/);
    // Whatever came out survives a second pass unchanged: no reading turns it into another host.
    expect(safeRedirect(result, FALLBACK)).toBe(result);
    expect(new URL(result, "http://barouf.invalid").host).toBe("barouf.invalid");
  });

  it("gives the fallback for the reported ones exactly", () => {
    for (const target of ["/.//evil.example", "/%2e%2e//evil.example", "/editions/../..//evil.example"]) {
      expect(safeRedirect(target, FALLBACK)).toBe(FALLBACK);
    }
  });

  it("gives the fallback for non-strings", () => {
    expect(safeRedirect(null, FALLBACK)).toBe(FALLBACK);
    expect(safeRedirect(undefined, FALLBACK)).toBe(FALLBACK);
  });
});

describe("safeRedirect keeps benign targets", () => {
  it.each([
    ["/", "/"],
    ["/editions", "/editions"],
    ["/editions/gbn-2016/sessions?q=atelier&page=2", "/editions/gbn-2016/sessions?q=atelier&page=2"],
    ["/editions/gbn-2016/board#day-2", "/editions/gbn-2016/board#day-2"],
    ["/editions/gbn-2016/speakers?q=a%2Fb#top", "/editions/gbn-2016/speakers?q=a%2Fb#top"],
    ["/editions/./gbn-2016", "/editions/gbn-2016"],
    ["/editions/x/../gbn-2016?x=//evil.example", "/editions/gbn-2016?x=//evil.example"],
    ["/programme/f%C3%AAte/", "/programme/f%C3%AAte/"],
  ])("%s", (target, expected) => {
    expect(safeRedirect(target, FALLBACK)).toBe(expected);
  });
});
