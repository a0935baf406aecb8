// A schedule.xml nested absurdly deep is an import error with where it was refused, never a crash.
import { describe, expect, it } from "vitest";
import { readSchedule } from "~/domain/import";
import { MAX_XML_DEPTH } from "~/domain/import/xml";

const HEAD = '<?xml version="1.0"?>\n<schedule>\n<conference><title>T</title></conference>\n';

/** A schedule with `levels` nested <x> elements inside it (plus <schedule> itself). */
function nested(levels: number, open = "<x>", close = "</x>") {
  return `${HEAD}${open.repeat(levels)}${close.repeat(levels)}\n</schedule>`;
}

function refused(text: string) {
  const result = readSchedule(text);
  if (result.ok) throw new Error("expected a refusal");
  return result.problems;
}

describe("XML nesting depth", () => {
  it("100,000 levels: refused with the line and column of the first element too deep", () => {
    const problems = refused(nested(100_000));
    expect(problems).toEqual([
      {
        code: "xml.tooDeep",
        // <schedule> is level 1, so the first <x> too deep is number MAX_XML_DEPTH on line 4.
        where: `line 4, column ${(MAX_XML_DEPTH - 1) * 3 + 1}`,
        message: expect.stringContaining(`<x> is nested ${MAX_XML_DEPTH + 1} levels deep`),
        args: { line: 4, column: (MAX_XML_DEPTH - 1) * 3 + 1, element: "x", max: MAX_XML_DEPTH },
      },
    ]);
  });

  it("attributes holding '>' or '/>', comments, CDATA and self-closing elements do not fool the count", () => {
    const decoy = '<!-- <x><x><x> --><![CDATA[<x><x>]]><?pi <x> ?><e a="/>" b=\'>\'/>';
    expect(refused(nested(MAX_XML_DEPTH, `<x c="a>b">${decoy}`))[0]).toMatchObject({ code: "xml.tooDeep", args: { element: "x" } });
    // Exactly the limit is read, by our count and by the parser's.
    expect(readSchedule(nested(MAX_XML_DEPTH - 1, `<x c="a>b">${decoy}`))).toMatchObject({ ok: true });
  });

  it("an unclosed deep document is refused for its depth too, before the validator walks it", () => {
    expect(refused(`${HEAD}${"<x>".repeat(100_000)}`)[0]).toMatchObject({ code: "xml.tooDeep" });
  });
});
