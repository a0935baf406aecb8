// `npm run cli -- schedule` on the seed edition, as a user runs it.
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { cli, freshDatabase } from "../helpers/cli";

const SLUG = "grand-barouf-2016";

async function sql(database: string, statement: string, args: (string | number)[] = []) {
  const client = createClient({ url: `file:${database}` });
  try {
    return (await client.execute({ sql: statement, args })).rows;
  } finally {
    client.close();
  }
}

/** The seed with every scheduled session taken off the grid. */
async function unscheduledSeed(): Promise<string> {
  const database = freshDatabase();
  await sql(database, "update sessions set room_id = null, starts_at = null, ends_at = null, status = 'accepted' where status = 'scheduled'");
  return database;
}

describe("npm run cli -- schedule", () => {
  it("places every session of the unscheduled seed with no error conflict, as one audited change", async () => {
    const database = await unscheduledSeed();
    const toPlace = Number((await sql(database, "select count(*) n from sessions where status = 'accepted'"))[0]!.n);
    const result = await cli(["schedule", "--edition", SLUG, "--apply", "--format", "json"], { database });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan.unplaced).toEqual([]);
    expect(plan.placements).toHaveLength(toPlace);
    expect(plan.addedBlockOrError).toBe(0);
    expect(plan.conflicts.error.after).toBe(0);
    expect(plan.conflicts.block.after).toBe(0);
    expect(plan.applied).toMatchObject({ ok: true, placed: toPlace, moved: 0 });

    const left = await sql(database, "select count(*) n from sessions where status = 'accepted' or (status = 'scheduled' and room_id is null)");
    expect(Number(left[0]!.n)).toBe(0);
    const audit = await sql(database, "select action, after from audit_log where entity = 'schedule'");
    expect(audit).toHaveLength(1);
    expect(JSON.parse(String(audit[0]!.after)).placements).toHaveLength(toPlace);

    // The conflict engine on the stored programme agrees: no error or block conflict.
    const conflicts = await cli(["conflicts", "--edition", SLUG, "--min-level", "error", "--format", "json"], { database });
    expect(JSON.parse(conflicts.stdout)).toEqual([]);

    // Nothing left to place: a clear refusal.
    const again = await cli(["schedule", "--edition", SLUG], { database });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("No session to place");
  });

  it("moves placed sessions only when allowed, and their confirmed speakers are asked to confirm again", async () => {
    const database = freshDatabase();
    const plain = await cli(["schedule", "--edition", SLUG, "--format", "json", "--lang", "en"], { database });
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout).placements.every((p: { from: unknown }) => p.from === null)).toBe(true);

    const result = await cli(["schedule", "--edition", SLUG, "--move-placed", "--day", "2016-03-09", "--apply", "--format", "json"], { database });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan.addedBlockOrError).toBe(0);
    const moved = plan.placements.filter((p: { from: unknown }) => p.from !== null).map((p: { session: string }) => p.session);
    expect(plan.applied.moved).toBe(moved.length);
    if (moved.length > 0) {
      const confirmed = await sql(
        database,
        `select count(*) n from session_speakers ss join sessions s on s.id = ss.session_id where ss.confirmation = 'confirmed' and s.uuid in (${moved.map(() => "?").join(",")})`,
        moved,
      );
      expect(Number(confirmed[0]!.n)).toBe(0);
    }
  });

  it.each([
    [["schedule", "--edition", "nope"], 'No edition with the slug "nope"'],
    [["schedule", "--edition", SLUG, "--day", "2020-01-01"], "2020-01-01 is not a day of this edition"],
  ])("refuses %j", async (args, message) => {
    const result = await cli(args, { database: freshDatabase() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });
});
