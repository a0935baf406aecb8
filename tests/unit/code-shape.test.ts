// The shape the code keeps from now on (issue 13): small route modules, small models and
// services, and one way for an action with several forms to read which one was sent.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .sort();
}

const lineCount = (file: string) => readFileSync(path.join(ROOT, file), "utf8").split("\n").length - 1;

const ROUTES = filesUnder("app/routes");
const BELOW = [...filesUnder("app/services"), ...filesUnder("app/models")];
/** Shared helpers, some of which hold an action (structure-action.server.ts). */
const UTILS = filesUnder("app/utils");

describe("file sizes", () => {
  it("finds the files it checks", () => {
    expect(ROUTES).toContain("app/routes/speaker.tsx");
    expect(BELOW).toContain("app/models/sessions.server.ts");
    expect(UTILS).toContain("app/utils/structure-action.server.ts");
  });

  it.each(ROUTES)("%s is at most 300 lines (split it into components and a .server module)", (file) => {
    expect(lineCount(file)).toBeLessThanOrEqual(300);
  });

  it.each(BELOW)("%s is at most 400 lines (split it by concern)", (file) => {
    expect(lineCount(file)).toBeLessThanOrEqual(400);
  });
});

/** An exported function of a route module (`action`, `loader`): from `export async function` to its closing brace at column 0. */
function exportedFunction(source: string, name: "action" | "loader"): string | null {
  const start = source.search(new RegExp(`export (async )?function ${name}\\b`));
  if (start < 0) return null;
  const end = source.indexOf("\n}\n", start);
  return source.slice(start, end < 0 ? undefined : end + 2);
}
const actionOf = (source: string) => exportedFunction(source, "action");

const MAX_HANDLER_LINES = 80;
describe("thin routes", () => {
  const handlers = ROUTES.flatMap((file) => {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    return (["action", "loader"] as const).flatMap((name) => {
      const code = exportedFunction(source, name);
      return code === null ? [] : [{ file, name, lines: code.split("\n").length }];
    });
  });

  it("finds the loaders and actions it measures", () => {
    expect(handlers.filter((h) => h.name === "loader").length).toBeGreaterThan(30);
    expect(handlers.filter((h) => h.name === "action").length).toBeGreaterThan(20);
    expect(exportedFunction("export function loader() {\n  const a = 1;\n  return a;\n}\n", "loader")!.split("\n").length).toBe(4);
  });

  it.each(handlers)(`$file's $name is at most ${MAX_HANDLER_LINES} lines (move its body to a sibling .server.ts module)`, ({ lines }) => {
    expect(lines).toBeLessThanOrEqual(MAX_HANDLER_LINES);
  });
});

/** Branching on an intent (`x.intent === "save"`, `switch (x.intent)`). */
const BRANCHES_ON_INTENT = /\.intent\s*[!=]==|switch\s*\(\s*[\w.?]*\.intent\s*\)/;
/** Branching on the raw posted values' intent, before any schema read them. */
const RAW_INTENT = /((?<!typeof |failure\.)\bvalues\.intent\s*[!=]==|switch\s*\(\s*(one\()?values\.intent\b|\.get\(\s*["']intent["']\s*\)\s*[!=]==)/;
/** Schemas handed to the form parser: parseIntent(values, schema), parseValues(…), parseForm(…). */
const PARSED_WITH = /\bparse(?:Intent|Values|Form)\([^;]*?,\s*(\w+)(?:\([\w.]*\))?\s*\)/g;

/**
 * The exported schemas by name. A page whose forms read local times builds its union in a
 * function of the edition's time zone (`speakerPageActionSchema(edition.timeZone)`): made here with one.
 */
const MADE_WITH: Record<string, string> = { speakerPageActionSchema: "Europe/Paris", importPageActionSchema: "speakers" };
async function schemaExports(): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  for (const file of filesUnder("app/schemas")) {
    const module = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      found.set(name, typeof value === "function" && name in MADE_WITH ? (value as (arg: string) => unknown)(MADE_WITH[name]!) : value);
    }
  }
  return found;
}

describe("one shape for an action", () => {
  const actions = ROUTES.map((file) => ({ file, action: actionOf(readFileSync(path.join(ROOT, file), "utf8")) })).filter(
    (entry): entry is { file: string; action: string } => entry.action !== null,
  );
  const branching = actions.filter((entry) => BRANCHES_ON_INTENT.test(entry.action));

  it("finds route actions that tell their forms apart by intent", () => {
    expect(branching.map((entry) => entry.file)).toContain("app/routes/speaker.tsx");
  });

  it.each(branching)("$file parses its forms with a z.discriminatedUnion on intent", async ({ action }) => {
    const schemas = await schemaExports();
    const used = [...action.matchAll(PARSED_WITH)].map((match) => match[1]!);
    const unions = used.filter((name) => {
      const schema = schemas.get(name);
      return schema instanceof z.ZodDiscriminatedUnion && schema.def.discriminator === "intent";
    });
    expect({ used, unions: unions.length > 0 }).toEqual({ used, unions: true });
  });

  const allReaders = [...actions.map((entry) => ({ file: entry.file, code: entry.action })), ...[...BELOW, ...UTILS].map((file) => ({ file, code: readFileSync(path.join(ROOT, file), "utf8") }))];

  it.each(allReaders)("$file never branches on the raw posted intent", ({ code }) => {
    expect(code.match(RAW_INTENT)?.[0] ?? null).toBeNull();
  });

  it("the checks bite on known-bad code", () => {
    expect(RAW_INTENT.test(`if (values.intent === "delete") {}`)).toBe(true);
    expect(RAW_INTENT.test(`switch (one(values.intent)) {}`)).toBe(true);
    expect(RAW_INTENT.test(`if (form.get("intent") === "x") {}`)).toBe(true);
    expect(RAW_INTENT.test(`if (input.intent === "delete") {}`)).toBe(false);
    expect(RAW_INTENT.test(`typeof values.intent === "string"`)).toBe(false);
    expect(BRANCHES_ON_INTENT.test(`switch (input.intent) {`)).toBe(true);
    expect([...`parseIntent(formDataToObject(await request.formData()), sessionPageActionSchema)`.matchAll(PARSED_WITH)].map((m) => m[1])).toEqual([
      "sessionPageActionSchema",
    ]);
    expect([...`parseIntent(values, speakerPageActionSchema(edition.timeZone))`.matchAll(PARSED_WITH)].map((m) => m[1])).toEqual(["speakerPageActionSchema"]);
    expect(actionOf("export async function action() {\n  return 1;\n}\n\nexport default function Page() {}\n")).toBe("export async function action() {\n  return 1;\n}");
  });
});

describe("one form hook", () => {
  const HOOK = "app/components/forms/use-validated-form.ts";
  const browserFiles = [...filesUnder("app/components"), ...filesUnder("app/routes")];
  /** `useForm` imported from react-hook-form (alone or among other names). */
  const IMPORTS_USE_FORM = /import\s*\{[^}]*\buseForm\b[^}]*\}\s*from\s*["']react-hook-form["']/;

  it("the check bites", () => {
    expect(IMPORTS_USE_FORM.test(`import { get, useForm, type Path } from "react-hook-form";`)).toBe(true);
    expect(IMPORTS_USE_FORM.test(`import { useFormContext } from "react-hook-form";`)).toBe(false);
    expect(browserFiles).toContain(HOOK);
  });

  it.each(browserFiles.filter((file) => file !== HOOK))("%s builds its forms with useValidatedForm, not react-hook-form's useForm", (file) => {
    expect(IMPORTS_USE_FORM.test(readFileSync(path.join(ROOT, file), "utf8"))).toBe(false);
  });
});
