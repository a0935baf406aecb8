import type { ImportProblem, ProblemCode } from "./model";

/** A refusal: the reader stops and reports where and why. */
export class ImportRefusal extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((p) => `${p.where}: ${p.message}`).join("\n"));
  }
}

export function problem(code: ProblemCode, where: string, message: string, args: Record<string, string | number> = {}): ImportProblem {
  return { code, where, message, args };
}

/** "line 3, column 7" from a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: end - last };
}

/** What a value is, in words, for "expected a number, got a string". */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return `the value ${value}`;
  return typeof value;
}

/** `a.b[0]["key with spaces"]`: a readable path into a JSON document. */
export function jsonPath(base: string, segments: readonly PropertyKey[]): string {
  let out = base;
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}
