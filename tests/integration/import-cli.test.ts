import path from "node:path";
import { writeFileSync } from "node:fs";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { cli, freshDatabase } from "../helpers/cli";
import { FORMATS_DIR, INVALID_FILE } from "../helpers/schedule-files";
import { TMP_DIR } from "../setup/global-database";

const fixture = (file: string) => path.join(FORMATS_DIR, file);

async function rows(database: string, sql: string) {
  const client = createClient({ url: `file:${database}` });
  try {
    return (await client.execute(sql)).rows;
  } finally {
    client.close();
  }
}

describe("npm run cli -- import", { timeout: 120_000 }, () => {
  it("imports a file: prints the new edition's slug and counts; the organisation given runs it", async () => {
    const database = freshDatabase();
    const result = await cli(["import", fixture("voc-schedule__frab-camp2019.json"), "--organisation", "OuiShare"], { database });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Imported voc-schedule__frab-camp2019.json (frab-json) as the new edition camp2019");
    expect(result.stdout).toContain("6 days, 2 rooms, 7 themes, 2 formats, 90 speakers, 79 sessions");
    expect(result.stdout).toContain("session.slugNormalised: 79");
    expect(result.stdout).toMatch(/\d+ conflicts reported by the engine/);
    expect(await rows(database, "select count(*) as n from sessions s join editions e on e.id = s.edition_id where e.slug = 'camp2019'")).toEqual([expect.objectContaining({ n: 79 })]);
    expect(await rows(database, "select o.name from edition_organisations eo join editions e on e.id = eo.edition_id join organisations o on o.id = eo.organisation_id where e.slug = 'camp2019'")).toEqual([expect.objectContaining({ name: "OuiShare" })]);
    expect(await rows(database, "select action, entity from audit_log where action = 'import'")).toEqual([expect.objectContaining({ action: "import", entity: "edition" })]);
  });

  it("the XML format is detected; --slug names the edition; --changes lists every change", async () => {
    const database = freshDatabase();
    const result = await cli(["import", fixture("giggity__fosdem_2021.xml"), "--slug", "fosdem-test", "--changes"], { database });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("(pentabarf-xml) as the new edition fosdem-test");
    expect(result.stdout).toContain("773 sessions");
    expect(result.stdout).toContain("edition.timeZoneMissing: FOSDEM 2021: (none) → Europe/Paris");
    expect(result.stdout).toContain("only admins can open this edition");
  });

  it("refuses the invalid example with where and why, exit code 1, nothing written", async () => {
    const database = freshDatabase();
    const before = await rows(database, "select (select count(*) from editions) as e, (select count(*) from sessions) as s");
    const result = await cli(["import", fixture(INVALID_FILE)], { database });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`Error: ${fixture(INVALID_FILE)} cannot be imported; nothing was written.`);
    expect(result.stderr).toContain('at schedule.conference.days[0].rooms.Winterchaos[0].id: expected an integer, got the text "2814"');
    expect(await rows(database, "select (select count(*) from editions) as e, (select count(*) from sessions) as s")).toEqual(before);
  });

  it("clear errors for a missing file, a bad slug, an unknown organisation, broken JSON", async () => {
    const database = freshDatabase();
    const missing = await cli(["import", "/nowhere/schedule.json"], { database });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^Error: cannot read \/nowhere\/schedule\.json/);
    const none = await cli(["import"], { database });
    expect(none.stderr).toContain("Error: import needs a FILE");
    const slug = await cli(["import", fixture("voc-schedule__pretalx-rc3.json"), "--slug", "Bad Slug"], { database });
    expect(slug.stderr).toContain('Error: --slug must be lower-case letters, digits and hyphens (got "Bad Slug")');
    const organisation = await cli(["import", fixture("voc-schedule__pretalx-rc3.json"), "--organisation", "Nobody"], { database });
    expect(organisation.stderr).toContain('Error: No organisation named "Nobody"');
    const broken = path.join(TMP_DIR, "broken.json");
    writeFileSync(broken, '{\n  "schedule": {\n    "conference": ,\n  }\n}');
    const syntax = await cli(["import", broken], { database });
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toContain("at line 3, column 19: this is not valid JSON: Unexpected token ','");
    expect(await rows(database, "select count(*) as n from editions")).toEqual([expect.objectContaining({ n: 1 })]);
  });

  it("is listed in the help", async () => {
    const result = await cli(["help"], { database: freshDatabase() });
    expect(result.stdout).toContain("import FILE [--slug SLUG]");
  });
});
