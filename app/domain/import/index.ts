// Reading a programme file: detect its format, check it, build the neutral programme.
// Pure: the caller passes the file's text; nothing is written here.
import { buildProgramme } from "./build";
import { cleanRawSchedule } from "./clean";
import { readScheduleJson } from "./json";
import { countsOf, type RawSchedule, type ReadResult } from "./model";
import { ImportRefusal, problem } from "./problems";
import { readScheduleXml } from "./xml";

export * from "./model";
export { isUuid, nameKey, parseDuration, RESERVED_EDITION_SLUGS, DEFAULT_TIME_ZONE } from "./build";
export { ImportRefusal } from "./problems";
export { displayFileName } from "./file-name";

export type DetectedFormat = "json" | "xml";

/** Which reader a file needs, from its first meaningful character. */
export function detectFormat(text: string): DetectedFormat | null {
  const first = /\S/.exec(text.replace(/^\uFEFF/, ""));
  if (!first) return null;
  if (first[0] === "{" || first[0] === "[") return "json";
  if (first[0] === "<") return "xml";
  return null;
}

export function readSchedule(text: string, options: { slug?: string } = {}): ReadResult {
  try {
    const source = text.replace(/^\uFEFF/, "");
    if (source.trim() === "") throw new ImportRefusal([problem("file.empty", "file", "the file is empty")]);
    if (source.includes("\u0000")) throw new ImportRefusal([problem("file.notText", "file", "the file is not text (it holds NUL bytes): is it a schedule.json or schedule.xml?")]);
    const format = detectFormat(source);
    if (format === null) {
      const start = source.trim().slice(0, 20);
      throw new ImportRefusal([
        problem("file.unknownFormat", "line 1", `the file is neither JSON nor XML (it starts with ${JSON.stringify(start)}); expected a schedule.json or schedule.xml`, { start }),
      ]);
    }
    const read: RawSchedule = format === "json" ? readScheduleJson(source) : readScheduleXml(source);
    // Invisible control characters are removed and reported, value by value, before anything is built from the texts.
    const { raw, changes: cleaned } = cleanRawSchedule(read);
    const { programme, changes } = buildProgramme(raw, options);
    return { ok: true, programme, changes: [...cleaned, ...changes], counts: countsOf(programme) };
  } catch (error) {
    if (error instanceof ImportRefusal) return { ok: false, problems: error.problems };
    throw error;
  }
}
