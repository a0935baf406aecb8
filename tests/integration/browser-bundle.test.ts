// The browser bundle must not carry the database schema: the lists of allowed values live in
// app/domain/vocabulary.ts, and no module the browser loads imports ~/db/schema. Reads the
// output of `npx remix build` (public/build), which `npm test` makes before vitest runs.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const BUILD = path.resolve(import.meta.dirname, "../../public/build");

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return scripts(full);
    return entry.name.endsWith(".js") ? [full] : [];
  });
}

// What drizzle's table definitions leave in any build, minified or not.
const DRIZZLE_MARKERS = ["drizzle:IsDrizzleTable", "drizzle:Columns", "SQLiteTable", "sqliteTable", "drizzle-orm"];

describe("browser bundle", () => {
  const files = scripts(BUILD);
  const texts = new Map(files.map((file) => [path.relative(BUILD, file), readFileSync(file, "utf8")]));

  it("is the real build: every route and the shared vocabulary are there", () => {
    expect([...texts.keys()].filter((name) => name.startsWith("routes/")).length).toBeGreaterThan(20);
    // The room features list reaches the room forms through app/domain/vocabulary.ts.
    expect([...texts.values()].some((text) => text.includes("circle_seating"))).toBe(true);
  });

  it("holds no drizzle table definitions", () => {
    const found = [...texts].flatMap(([name, text]) => DRIZZLE_MARKERS.filter((marker) => text.includes(marker)).map((marker) => `${name}: ${marker}`));
    expect(found).toEqual([]);
  });
});
