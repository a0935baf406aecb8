import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_SEPARATORS, CsvReadError, decodeCsvBytes, detectDelimiter, neutraliseCell, readCsv, restoreCell, toCsv, UTF8_BOM } from "~/domain/csv";

describe("neutraliseCell", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ['=HYPERLINK("http://evil.example")', `'=HYPERLINK("http://evil.example")`],
    ["+33 6 00 00 00 00", "'+33 6 00 00 00 00"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
  ])("neutralises %j", (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
  });

  it.each(["", "Anne", " =1+1", "1-2", "a@b.org", "'quoted", "Élue"])("leaves %j as it is", (input) => {
    expect(neutraliseCell(input)).toBe(input);
  });

  it("never lets a cell start like a formula, and restoreCell undoes it", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const safe = neutraliseCell(value);
        expect(safe).not.toMatch(/^[=+\-@\t\r]/);
        expect(restoreCell(safe)).toBe(value.startsWith("'") && /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);
      }),
    );
  });
});

describe("toCsv", () => {
  it("starts with a BOM, ends lines with CRLF, quotes where needed and neutralises text", () => {
    const text = toCsv(["name", "n", "ok"], [
      ['Anne "A", Lille', 3, true],
      ["=cmd", null, false],
      ["two\nlines", undefined, true],
    ]);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text).toBe(`${UTF8_BOM}name,n,ok\r\n"Anne ""A"", Lille",3,true\r\n'=cmd,,false\r\n"two\nlines",,true\r\n`);
  });

  it("writes with semicolons when asked, quoting cells that hold one", () => {
    expect(toCsv(["a", "b"], [["x;y", "1,5"]], { separator: ";" })).toBe(`${UTF8_BOM}a;b\r\n"x;y";1,5\r\n`);
  });

  it("round-trips any text through a CSV reader (after neutralisation), with either separator", () => {
    for (const separator of CSV_SEPARATORS) {
      fc.assert(
        fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
          const text = toCsv(["a", "b"], rows, { separator });
          const back = parse(text, { bom: true, delimiter: separator, relax_column_count: true }) as string[][];
          expect(back.slice(1)).toEqual(rows.map((row) => row.map(neutraliseCell)));
        }),
      );
    }
  });
});

describe("reading uploads", () => {
  it("decodes UTF-8 with or without BOM, and Windows-1252 from older Excel", () => {
    expect(decodeCsvBytes(new TextEncoder().encode(`${UTF8_BOM}Élue`))).toBe("Élue");
    expect(decodeCsvBytes(new TextEncoder().encode("Élue"))).toBe("Élue");
    expect(decodeCsvBytes(new Uint8Array([0xc9, 0x6c, 0x75, 0x65, 0x80]))).toBe("Élue€");
  });

  it("detects the separator from the header line, ignoring quoted text", () => {
    expect(detectDelimiter("Nom;E-mail;Fonction\r\nA;b;c")).toBe(";");
    expect(detectDelimiter('"Nom; complet",email\nA,b')).toBe(",");
    expect(detectDelimiter("Nom\temail")).toBe("\t");
    expect(detectDelimiter("Nom")).toBe(",");
  });

  it("reads headers and rows, pads short rows, skips blank lines, keeps multi-line cells", () => {
    const table = readCsv(`${UTF8_BOM}Nom;E-mail;Bio\r\nAnne;anne@example.org;"Une\r\nbio; longue"\r\n\r\nBob;bob@example.org\r\n`);
    expect(table.delimiter).toBe(";");
    expect(table.headers).toEqual(["Nom", "E-mail", "Bio"]);
    expect(table.rows).toEqual([
      ["Anne", "anne@example.org", "Une\r\nbio; longue"],
      ["Bob", "bob@example.org", ""],
    ]);
  });

  it("names blank headers by position and refuses an unclosed quote with its line", () => {
    expect(readCsv("Nom,,x\n1,2,3").headers).toEqual(["Nom", "#2", "x"]);
    expect(() => readCsv('Nom,Bio\nAnne,"pas fermé\n')).toThrow(CsvReadError);
    try {
      readCsv('Nom,Bio\nAnne,ok\nBob,"pas fermé\n');
    } catch (error) {
      expect((error as CsvReadError).line).toBeGreaterThanOrEqual(3);
    }
    expect(() => readCsv("\n\n")).toThrow(CsvReadError);
  });
});
