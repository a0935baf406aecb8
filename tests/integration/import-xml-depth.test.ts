// A schedule.xml nested 100,000 levels deep, through the browser route and the command line:
// an ordinary refusal with where and why (400 / exit 1), nothing written, no 500.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { editions } from "~/db/schema";
import { MAX_XML_DEPTH } from "~/domain/import/xml";
import { ORIGIN, request, signIn } from "../helpers/app";
import { cli, freshDatabase } from "../helpers/cli";
import { TMP_DIR } from "../setup/global-database";

const DEEP = `<?xml version="1.0"?>\n<schedule>\n<conference><title>Deep</title></conference>\n${"<x>".repeat(100_000)}${"</x>".repeat(100_000)}\n</schedule>\n`;
const WHERE = `line 4, column ${(MAX_XML_DEPTH - 1) * 3 + 1}`;

describe("a schedule.xml nested 100,000 levels deep", { timeout: 120_000 }, () => {
  it("the import page answers 400 with where and why; nothing is written", async () => {
    const { cookie } = await signIn("editor");
    const before = await (await getDb()).select().from(editions).all();
    const form = new FormData();
    form.set("intent", "upload");
    form.set("slug", "");
    form.set("file", new File([DEEP], "deep.xml", { type: "application/xml" }));
    const response = await request("/editions/import", { method: "POST", cookie, body: form, headers: { Origin: ORIGIN } });
    expect(response.status).toBe(400);
    const html = (await response.text()).replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    expect(html).toContain(`Le fichier deep.xml ne peut pas être importé. Rien n’a été écrit.`);
    expect(html).toContain(`À ${WHERE}`);
    expect(html).toContain(`les éléments sont imbriqués trop profondément (<x> : plus de ${MAX_XML_DEPTH} niveaux)`);
    expect(await (await getDb()).select().from(editions).all()).toEqual(before);
  });

  it("the command line exits 1 with where and why", async () => {
    const file = path.join(TMP_DIR, "deep-schedule.xml");
    writeFileSync(file, DEEP);
    const result = await cli(["import", file], { database: freshDatabase() });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`Error: ${file} cannot be imported; nothing was written.`);
    expect(result.stderr).toContain(`at ${WHERE}: <x> is nested ${MAX_XML_DEPTH + 1} levels deep`);
  });
});
