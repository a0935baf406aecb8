import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { openDatabase, type Database } from "~/db/client.server";

/**
 * A consistent copy of a file database while the app keeps running: SQLite's
 * `VACUUM INTO` reads one snapshot (WAL readers do not block writers) and writes a
 * compact file, which is then opened and checked with `PRAGMA integrity_check`.
 */
export async function backupDatabase(db: Database, { url, file }: { url: string; file: string }) {
  if (!url.startsWith("file:")) {
    throw new Error("backup copies a local file database; for a libSQL server use its own backups (e.g. turso db shell .dump)");
  }
  const target = path.resolve(file);
  if (existsSync(target)) throw new Error(`${target} already exists; choose a new file name`);
  await db.$client.execute({ sql: "VACUUM INTO ?", args: [target] });
  const copy = await openDatabase(`file:${target}`);
  try {
    const result = await copy.$client.execute("PRAGMA integrity_check");
    const verdict = String(result.rows[0]?.[0] ?? "");
    if (verdict !== "ok") throw new Error(`The copy failed its integrity check: ${verdict}`);
    // Leave a single self-contained file: fold the WAL back in.
    await copy.$client.execute("PRAGMA journal_mode = DELETE");
  } finally {
    copy.$client.close();
  }
  return { file: target, bytes: statSync(target).size };
}
