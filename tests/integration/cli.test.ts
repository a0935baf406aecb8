import { spawn } from "node:child_process";
import { copyFileSync, existsSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "~/services/password.server";
import { cli, freshDatabase, ROOT } from "../helpers/cli";
import { TMP_DIR } from "../setup/global-database";
import { openDatabase } from "~/db/client.server";
import { organisations } from "~/db/schema";

describe("npm run cli", () => {
  it("prints its help", async () => {
    const result = await cli(["--help"], { database: freshDatabase() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("organiser add --email E --role R");
    expect(result.stdout).toContain("backup FILE");
  });

  it("fails clearly on an unknown command", async () => {
    const result = await cli(["frobnicate"], { database: freshDatabase() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unknown command "frobnicate"');
  });

  it("purges editions past their retention period, or says what it would with --dry-run", async () => {
    const database = freshDatabase();
    // The sample organisations keep data 20 years (seed/index.ts): give them the default 12 months.
    const handle = await openDatabase(`file:${database}`);
    await handle.update(organisations).set({ retentionMonths: 12 });
    handle.$client.close();
    const dry = await cli(["purge", "--dry-run"], { database });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/grand-barouf-2016 \(due 2017-03-\d\d, 12 months\): would erase [1-9]\d* speaker/);
    const done = await cli(["purge"], { database });
    expect(done.stdout).toMatch(/grand-barouf-2016 .*: erased [1-9]\d* speaker/);
    const again = await cli(["purge"], { database });
    expect(again.stdout).toMatch(/erased 0 speaker\(s\)' private data, 0 availability/);
  });

  it("migrates and seeds idempotently", async () => {
    const database = freshDatabase();
    expect((await cli(["migrate"], { database })).stdout).toContain("Migrations applied.");
    const seed = await cli(["seed"], { database });
    expect(seed.code).toBe(0);
    expect(seed.stdout).toContain("grand-barouf-2016 already exists");
  });

  it("adds an organiser with a password read from stdin", async () => {
    const database = freshDatabase();
    const result = await cli(["organiser", "add", "--email", "Nadia@MEL.example", "--role", "editor", "--organisation", "OuiShare"], {
      database,
      input: "une phrase de passe solide\n",
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const client = createClient({ url: `file:${database}` });
    const row = (await client.execute("select role, password_hash, organisation_id from organisers where email = 'nadia@mel.example'")).rows[0]!;
    client.close();
    expect(row.role).toBe("editor");
    expect(row.organisation_id).not.toBeNull();
    expect(await verifyPassword("une phrase de passe solide", String(row.password_hash))).toBe(true);

    const again = await cli(["organiser", "add", "--email", "nadia@mel.example", "--role", "editor"], { database, input: "une phrase de passe solide\n" });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
  });

  it.each([
    [["--email", "x@barouf.example", "--role", "boss"], "--role must be one of admin, editor, viewer", "long enough password"],
    [["--email", "not-an-email", "--role", "viewer"], "--email needs a valid email address", "long enough password"],
    [["--email", "y@barouf.example", "--role", "viewer"], "at least 8 characters", "short"],
    [["--email", "z@barouf.example", "--role", "viewer"], "too common", "password123"],
  ])("refuses organiser add %j", async (args, message, input) => {
    const result = await cli(["organiser", "add", ...args], { database: freshDatabase(), input: `${input}\n` });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });

  it("writes a consistent backup while another process writes, and the backup restores", async () => {
    const database = freshDatabase();
    const writer = createClient({ url: `file:${database}`, timeout: 5000 });
    await writer.execute("PRAGMA journal_mode = WAL");
    let writing = true;
    let written = 0;
    const loop = (async () => {
      while (writing) {
        await writer.execute({ sql: "insert into app_meta (key, value) values (?, 'x')", args: [`k${written}`] });
        written++;
        // libSQL runs local statements synchronously: let the event loop breathe between writes.
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const target = path.join(TMP_DIR, `backup-${Date.now()}.db`);
    const result = await cli(["backup", target], { database });
    writing = false;
    await loop;
    writer.close();
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("integrity ok");
    expect(written).toBeGreaterThan(0);

    // Restoring is copying the file into place: the copy opens, passes its check and holds the seed.
    const restored = path.join(TMP_DIR, `restored-${Date.now()}.db`);
    copyFileSync(target, restored);
    const client = createClient({ url: `file:${restored}` });
    expect((await client.execute("PRAGMA integrity_check")).rows[0]![0]).toBe("ok");
    expect(Number((await client.execute("select count(*) from sessions")).rows[0]![0])).toBeGreaterThan(50);
    client.close();

    const refused = await cli(["backup", target], { database });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("already exists");
  });

  it("keeps every committed change when a writing process is killed", async () => {
    const database = freshDatabase();
    const script = `
      import { createClient } from "@libsql/client";
      const c = createClient({ url: "file:${database}", timeout: 5000 });
      await c.execute("PRAGMA journal_mode = WAL");
      for (let i = 0; ; i++) {
        await c.batch([{ sql: "insert into app_meta (key, value) values (?, 'y')", args: ["kill" + i] }], "write");
        process.stdout.write(i + "\\n");
      }`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT });
    let last = -1;
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        const lines = String(chunk).trim().split("\n");
        last = Number(lines[lines.length - 1]);
        if (last >= 200) {
          child.kill("SIGKILL");
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.on("close", resolve));
    const client = createClient({ url: `file:${database}` });
    expect((await client.execute("PRAGMA integrity_check")).rows[0]![0]).toBe("ok");
    const committed = Number((await client.execute("select count(*) from app_meta where key like 'kill%'")).rows[0]![0]);
    client.close();
    expect(committed).toBeGreaterThanOrEqual(last + 1);
    expect(existsSync(database)).toBe(true);
  });
});
