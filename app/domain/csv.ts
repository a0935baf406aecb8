// CSV for spreadsheets: reading what organisers upload and writing what they download.
// Pure: text in, values out.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { wellFormed } from "./exports/text";

/** Cells a spreadsheet would read as a formula (or a DDE command) when they start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell made safe for spreadsheets: text that begins like a formula gets a leading
 * apostrophe, so Excel, LibreOffice and Google Sheets show it as text and never run it
 * (OWASP "CSV injection"). Anything else is returned unchanged.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The inverse of neutraliseCell, for files Barouf exported and organisers import back:
 * an apostrophe before a formula-like start is dropped. The stored text is shown
 * escaped everywhere and neutralised again on every export.
 */
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export type CsvCell = string | number | boolean | null | undefined;

/** Excel opens a UTF-8 file as UTF-8 only when it starts with a byte order mark. */
export const UTF8_BOM = "\uFEFF";

/** The separators an export offers: French spreadsheets expect ";" (the comma is their decimal mark). */
export const CSV_SEPARATORS = [",", ";"] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "true" : "false";
  return neutraliseCell(wellFormed(cell));
}

/**
 * Rows → CSV text for spreadsheets, the one CSV writer (csv-stringify): a BOM, the given
 * separator (comma by default), CRLF line ends (RFC 4180), quotes where a cell holds the
 * separator, a quote or a line break, every text cell neutralised and lone surrogates replaced.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], { separator = "," }: { separator?: CsvSeparator } = {}): string {
  const records = [header, ...rows].map((cells) => cells.map(cellText));
  // csv-stringify quotes a cell with a lone "\n" or "\r" only when asked: spreadsheets need it.
  return UTF8_BOM + stringify(records, { delimiter: separator, record_delimiter: "windows", quoted_match: /[\r\n]/ });
}

/** Bytes of an uploaded file → text: UTF-8 (with or without BOM), else Windows-1252 as older Excel writes. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
  }
  return text.startsWith(UTF8_BOM) ? text.slice(1) : text;
}

// Windows-1252 differs from Latin-1 in 0x80–0x9F (€, curly quotes, œ…); Node's TextDecoder reads Latin-1 there.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return out;
}

/** The separator of a file: French spreadsheets write ";", others "," or tabs. Quoted text is ignored. */
export function detectDelimiter(text: string): "," | ";" | "\t" {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? "").replace(/"[^"]*"/g, "");
  const counts = ([",", ";", "\t"] as const).map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ",";
}

export class CsvReadError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
  }
}

export type CsvTable = { headers: string[]; rows: string[][]; delimiter: string };

/**
 * CSV text → the header row and the data rows (every row padded or cut to the header's
 * width). Blank lines are skipped. Throws CsvReadError with the line when the file is
 * not readable CSV (an unclosed quote, no header).
 */
export function readCsv(text: string): CsvTable {
  const body = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  let records: string[][];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    }) as string[][];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : null;
    throw new CsvReadError((error as Error).message, line);
  }
  const [headerRow, ...rest] = records.filter((record) => record.some((cell) => cell.trim() !== ""));
  if (!headerRow) throw new CsvReadError("The file has no header row", 1);
  const headers = headerRow.map((header, index) => header.trim() || `#${index + 1}`);
  const width = headers.length;
  const rows = rest.map((record) =>
    record.length === width ? record : Array.from({ length: width }, (_, i) => record[i] ?? ""),
  );
  return { headers, rows, delimiter };
}
