// Which way the imports point, checked with dependency-cruiser's API against the rules in
// .dependency-cruiser.cjs: a pure domain, models below services, no cycles in app/, nothing
// outside tests/ loading tests/. A known-bad sample proves each rule still bites.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { cruise, type ICruiseOptions, type IViolation } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SAMPLE = path.join(ROOT, "tests", "fixtures", "arrows");

let options: ICruiseOptions;

beforeAll(async () => {
  options = await extractDepcruiseOptions(path.join(ROOT, ".dependency-cruiser.cjs"));
});

async function violations(baseDir: string, entries: string[]): Promise<IViolation[]> {
  const tsConfig = extractTSConfig(path.join(ROOT, "tsconfig.json"));
  const { output } = await cruise(
    entries,
    { ...options, baseDir, tsConfig: { fileName: path.join(ROOT, "tsconfig.json") } },
    {},
    { tsConfig },
  );
  if (typeof output === "string") throw new Error("dependency-cruiser returned text instead of a result");
  return output.summary.violations;
}

const describeViolation = (v: IViolation) => `${v.rule.name}: ${v.from} → ${v.cycle ? v.cycle.map((c) => c.name).join(" → ") : v.to}`;

describe("import rules", () => {
  it("app, seed and the tool configs break none of them", async () => {
    const found = await violations(ROOT, ["app", "seed", "drizzle.config.ts", "vitest.config.ts", "remix.config.js"]);
    expect(found.map(describeViolation)).toEqual([]);
  });

  it("reject a known-bad sample, one violation per rule", async () => {
    const found = await violations(SAMPLE, ["app", "seed"]);
    const byRule = (name: string) => found.filter((v) => v.rule.name === name).map((v) => v.from);
    expect(byRule("domain-is-pure")).toEqual(["app/domain/impure.ts"]);
    expect(byRule("models-below-services")).toEqual(["app/models/calls-service.server.ts"]);
    const cycles = found.filter((v) => v.rule.name === "no-circular-in-app");
    expect(cycles.map((v) => [v.from, ...(v.cycle ?? []).map((c) => c.name)].sort())).toEqual([
      ["app/models/ping.server.ts", "app/models/ping.server.ts", "app/models/pong.server.ts"],
    ]);
    expect(byRule("nothing-reaches-into-tests")).toEqual(["seed/index.ts"]);
  });
});

// Not an import rule, so checked on the source: one model owns the writes to session_speakers.
describe("session_speakers writes", () => {
  const OWNER = path.join("app", "models", "session-speakers.server.ts");
  const WRITE = /\.(insert|update|delete)\(\s*sessionSpeakers\s*\)/;

  async function sources(dir: string): Promise<string[]> {
    const entries = await readdir(path.join(ROOT, dir), { withFileTypes: true, recursive: true });
    return entries
      .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
      .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
  }

  it("happen only in models/session-speakers.server.ts", async () => {
    const files = [...(await sources("app")), ...(await sources("seed"))];
    const writers: string[] = [];
    for (const file of files) if (WRITE.test(await readFile(path.join(ROOT, file), "utf8"))) writers.push(file);
    expect(writers).toEqual([OWNER]);
  });
});
