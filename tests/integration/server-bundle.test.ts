// One copy of the app at run time (ADR 0019): `npm start` and `npm run cli` run build/index.js,
// which Remix compiles from app/server/main.ts with every app module once, by plain node. State
// the server and the routes share (the export cache, the query counter, the settled origin) is
// module state of that one graph: nothing goes through globalThis. Reads the output of
// `npx remix build`, which `npm test` makes before vitest runs.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { queryCounter as ownQueryCounter } from "~/db/client.server";
import { request, SEED_EDITION, serverBundle, signIn } from "../helpers/app";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

describe("the server bundle", () => {
  it("is built from app/server/main.ts, with the server, the command line and each shared module once", () => {
    const meta = JSON.parse(readFileSync(path.join(ROOT, "build", "metafile.server.json"), "utf8")) as {
      outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown> }>;
    };
    const bundle = meta.outputs["build/index.js"]!;
    expect(bundle.entryPoint).toBe("app/server/main.ts");
    const inputs = Object.keys(bundle.inputs);
    for (const module of ["app/server/start.server.ts", "app/cli/main.ts", "app/services/export-cache.server.ts", "app/db/client.server.ts", "app/env.server.ts"]) {
      expect(inputs.filter((input) => input === module)).toEqual([module]);
    }
    const text = readFileSync(path.join(ROOT, "build", "index.js"), "utf8");
    for (const definition of ["function serveCachedExport(", "function startServer(", "function runCli(", "function settleListeningPort("]) {
      expect(text.split(definition).length - 1, definition).toBe(1);
    }
  });

  it("is what `npm start` and `npm run cli` run, with no TypeScript loader", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    // tsx stays a development tool (the bench), not something the app needs to run.
    expect(Object.keys(pkg.dependencies)).not.toContain("tsx");
    expect(pkg.scripts.start).toBe("node bin/start.js");
    expect(pkg.scripts.cli).toBe("node bin/cli.js");
    for (const launcher of ["bin/start.js", "bin/cli.js", "bin/build-if-needed.js"]) {
      expect(readFileSync(path.join(ROOT, launcher), "utf8")).not.toMatch(/tsx|\.ts["']/);
    }
  });

  it("exports the Remix build and the state of its own graph: a page's queries count in the bundle's counter", async () => {
    const bundle = await serverBundle();
    expect(Object.keys(bundle.routes)).toContain("root");
    expect(typeof bundle.entry.module.default).toBe("function");
    expect(typeof (bundle as unknown as { start: unknown }).start).toBe("function");
    expect(typeof (bundle as unknown as { runCli: unknown }).runCli).toBe("function");
    const { cookie } = await signIn("viewer");
    const [bundleBefore, ownBefore] = [bundle.queryCounter.count, ownQueryCounter.count];
    expect((await request(`/editions/${SEED_EDITION}`, { cookie })).status).toBe(200);
    expect(bundle.queryCounter).not.toBe(ownQueryCounter);
    expect(ownQueryCounter.count).toBe(ownBefore);
    expect(bundle.queryCounter.count).toBeGreaterThan(bundleBefore);
  });
});

describe("app/", () => {
  it("shares nothing through globalThis: one module graph keeps its state in its modules", () => {
    const found = sources(path.join(ROOT, "app")).filter((file) => readFileSync(file, "utf8").includes("globalThis"));
    expect(found.map((file) => path.relative(ROOT, file))).toEqual([]);
  });
});
