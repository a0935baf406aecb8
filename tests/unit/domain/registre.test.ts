// The record of processing activities stays true: its field table lists exactly the personal
// fields of the data map, each with its class.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { personalFields } from "~/domain/personal-data";

const REGISTRE = path.resolve(import.meta.dirname, "..", "..", "..", "docs", "registre-des-traitements.md");

describe("docs/registre-des-traitements.md", () => {
  it("lists every personal field of the data map with its class, and no other", () => {
    const rows = [...readFileSync(REGISTRE, "utf8").matchAll(/^\| `([a-z_]+)` \| `([A-Za-z]+)` \| (public|private|sensitive) \|$/gm)].map(
      (m) => `${m[1]}.${m[2]}: ${m[3]}`,
    );
    const expected = personalFields().map((f) => `${f.table}.${f.column}: ${f.dataClass}`);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.sort()).toEqual(expected.sort());
  });
});
