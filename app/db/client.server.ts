import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getEnv } from "~/env.server";
import * as schema from "./schema";

export type Database = LibSQLDatabase<typeof schema> & { $client: Client };
/** A transaction handle: the same query API as the database. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Queryable = Database | Tx;

/** Every connection waits this long for a lock instead of failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Counts statements sent through drizzle, so tests can assert query counts per page or action.
 * One counter per process: the built server bundle and the tests' own import of this module
 * are two module instances, and a page's queries must count where the test reads them.
 */
export const queryCounter: { count: number } = ((globalThis as { __baroufQueryCounter?: { count: number } }).__baroufQueryCounter ??= {
  count: 0,
});

/**
 * Opens a database. For `file:` URLs the folder is created, the file is put in WAL
 * mode, and every pooled connection (transactions borrow their own) gets the busy
 * timeout; libSQL enforces foreign keys on every connection by default, which the
 * integration tests check. `libsql://` and `http(s)://` URLs reach a libSQL server.
 */
export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  const isFile = url.startsWith("file:");
  if (isFile) {
    const file = url.slice("file:".length).split("?")[0]!;
    if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const client = createClient({ url, authToken, timeout: BUSY_TIMEOUT_MS });
  if (isFile) await client.execute("PRAGMA journal_mode = WAL");
  await client.execute("PRAGMA foreign_keys = ON");
  return drizzle({
    client,
    schema,
    casing: "snake_case",
    logger: { logQuery: () => void queryCounter.count++ },
  }) as Database;
}

/** The committed migrations: the nearest `drizzle/` folder above this module (source or build). */
export function migrationsFolder(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, "drizzle");
    if (existsSync(path.join(candidate, "meta", "_journal.json"))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("Cannot find the drizzle/ migrations folder");
    dir = parent;
  }
}

export async function migrateDatabase(db: Database) {
  await migrate(db, { migrationsFolder: migrationsFolder() });
}

let instance: Promise<Database> | null = null;

/** The one database of this process, migrated before first use. */
export function getDb(): Promise<Database> {
  instance ??= (async () => {
    const env = getEnv();
    const db = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
    await migrateDatabase(db);
    return db;
  })().catch((error: unknown) => {
    instance = null;
    throw error;
  });
  return instance;
}
