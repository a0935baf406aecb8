// Once per run: a migrated and seeded base database file that every test file copies.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

export const TMP_DIR = path.resolve(import.meta.dirname, "..", ".tmp");
export const BASE_DB = path.join(TMP_DIR, "base.db");
/** The first admin's password in test databases. */
export const TEST_ADMIN_PASSWORD = "test-admin-password-2016";

export default async function setup() {
  if (!existsSync(path.resolve(import.meta.dirname, "..", "..", "build", "index.js"))) {
    throw new Error("No Remix build: run `npm run build` (npm test does it) before the integration tests.");
  }
  rmSync(TMP_DIR, { recursive: true, force: true });
  mkdirSync(TMP_DIR, { recursive: true });
  process.env.DATABASE_URL = `file:${BASE_DB}`;
  const { openDatabase } = await import("~/db/client.server");
  const { prepareDatabase } = await import("~/services/bootstrap.server");
  const db = await openDatabase(`file:${BASE_DB}`);
  await prepareDatabase(db, { adminPassword: TEST_ADMIN_PASSWORD });
  // One self-contained file to copy: no WAL beside it.
  await db.$client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  await db.$client.execute("PRAGMA journal_mode = DELETE");
  db.$client.close();
  return () => rmSync(TMP_DIR, { recursive: true, force: true });
}
