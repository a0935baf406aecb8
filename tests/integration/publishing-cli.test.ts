// `publish` and `export` on the command line, as a user runs them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "~/db/client.server";
import { cli, freshDatabase } from "../helpers/cli";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";
import { assertBaroufJson, assertScheduleJson, assertScheduleXml, parseIcal } from "../helpers/validators";

const SLUG = "grand-barouf-2016";

describe("publish and export commands", () => {
  it("export the draft before anything is published, in every format", { timeout: 180_000 }, async () => {
    const database = freshDatabase();
    const json = await cli(["export", "--edition", SLUG, "--format", "frab-json"], { database });
    expect(json.code).toBe(0);
    const document = assertScheduleJson(json.stdout);
    expect(document.schedule.version).toBe("draft");
    const xml = await cli(["export", "--edition", SLUG, "--format", "frab-xml"], { database });
    await assertScheduleXml(xml.stdout);
    const out = path.join(path.dirname(database), `export-${Math.random().toString(36).slice(2)}.ics`);
    const ics = await cli(["export", "--edition", SLUG, "--format", "ical", "--out", out], { database });
    expect(ics.code).toBe(0);
    expect(ics.stdout).toBe("");
    expect(parseIcal(readFileSync(out, "utf8")).events.length).toBeGreaterThan(40);
    const bad = await cli(["export", "--edition", SLUG, "--format", "pdf"], { database });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--format must be one of barouf-json, frab-json, frab-xml, ical, csv");
    const missing = await cli(["export", "--edition", "nope", "--format", "csv"], { database });
    expect(missing.stderr).toContain('No edition with the slug "nope"');
  });

  it("publish is refused with the list of blocking conflicts, then publishes numbered versions", { timeout: 180_000 }, async () => {
    const database = freshDatabase();
    const refused = await cli(["publish", "--edition", SLUG, "--note", "v1"], { database });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Publishing refused: 2 blocking or error conflict(s)");
    expect(refused.stderr).toContain("SPEAKER_OVERLAP");
    expect(refused.stderr).toContain("ROOM_FEATURES");

    const db = await openDatabase(`file:${database}`);
    await acknowledgeBlockingConflicts(db, 1);
    db.$client.close();
    const first = await cli(["publish", "--edition", SLUG, "--note", "v1"], { database });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Published version 1 of grand-barouf-2016: \d+ added, 0 cancelled/);
    const second = await cli(["publish", "--edition", SLUG], { database });
    expect(second.stdout).toContain("Published version 2 of grand-barouf-2016: 0 added, 0 cancelled, 0 moved, 0 renamed, 0 with people changed.");

    const v1 = await cli(["export", "--edition", SLUG, "--format", "barouf-json", "--version", "1"], { database });
    expect(assertBaroufJson(v1.stdout).version.number).toBe(1);
    const none = await cli(["export", "--edition", SLUG, "--format", "csv", "--version", "7"], { database });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("grand-barouf-2016 has no version 7");
  });
});
