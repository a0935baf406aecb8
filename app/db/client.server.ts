import { createClient, type Client, type TransactionMode } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { getEnv } from "~/env.server";
import { compactDatabase, withholdRecordedValues } from "~/models/personal-data.server";
import { refreshAllSearchText } from "~/models/search-text.server";
import type { Database, Queryable, Tx } from "./handles";
import * as schema from "./schema";

export type { Database, Queryable, Tx };

/** Every connection waits this long for a lock instead of failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Counts statements sent through drizzle, so tests can assert query counts per page or action
 * (the server bundle exports it: tests read the count of the graph that served the request).
 */
export const queryCounter: { count: number } = { count: 0 };

/**
 * One writer at a time inside this process. The `file:` driver is synchronous: a second
 * BEGIN IMMEDIATE (or an autocommit write) while another connection of the same process holds
 * the write lock busy-waits on the event loop, so the holder can never finish and both fail
 * with SQLITE_BUSY after the timeout. Queuing writers here (in the order they ask) turns that
 * deadlock into a short wait; other processes are still kept apart by SQLite's own lock.
 */
function serialiseWrites(client: Client): Client {
  let tail: Promise<void> = Promise.resolve();
  const lock = async (): Promise<() => void> => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = tail;
    tail = previous.then(() => held);
    await previous;
    return release;
  };
  const isRead = (statement: unknown) => {
    const text = typeof statement === "string" ? statement : (statement as { sql?: string } | null)?.sql;
    return typeof text === "string" && /^\s*(select|with)\b/i.test(text);
  };
  const execute = client.execute.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const batch = client.batch.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const transaction = client.transaction.bind(client);
  const locked = async <T>(run: () => Promise<T>): Promise<T> => {
    const release = await lock();
    try {
      return await run();
    } finally {
      release();
    }
  };
  Object.assign(client, {
    execute: (...args: unknown[]) => (isRead(args[0]) ? execute(...args) : locked(() => execute(...args))),
    batch: (...args: unknown[]) => (args[1] === "read" ? batch(...args) : locked(() => batch(...args))),
    transaction: async (mode?: TransactionMode) => {
      if (mode === "read") return transaction(mode);
      const release = await lock();
      try {
        const tx = await transaction(mode);
        for (const method of ["commit", "rollback"] as const) {
          const original = tx[method].bind(tx);
          tx[method] = async () => {
            try {
              await original();
            } finally {
              release();
            }
          };
        }
        const close = tx.close.bind(tx);
        tx.close = () => {
          close();
          release();
        };
        return tx;
      } catch (error) {
        release();
        throw error;
      }
    },
  });
  return client;
}

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
  const client = serialiseWrites(createClient({ url, authToken, timeout: BUSY_TIMEOUT_MS }));
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

const SEARCH_TEXT_KEY = "search_text_filled_at";

/**
 * Applies the migrations, then fills the search_text columns once (migration 0003 added them;
 * SQL cannot fold like foldForSearch, so the fill is JS, keyed by app_meta). Every later write keeps them.
 */
export async function migrateDatabase(db: Database) {
  await migrate(db, { migrationsFolder: migrationsFolder() });
  await backfillOnce(db, SEARCH_TEXT_KEY, async (tx) => void (await refreshAllSearchText(tx)));
  // The audit log written before the data map (migration 0004) loses its sensitive values,
  // and a deleted speaker's every value; the freed bytes are then wiped from the file.
  const withheld = await backfillOnce(db, AUDIT_WITHHELD_KEY, withholdRecordedValues);
  if (withheld) await compactDatabase(db);
}

const AUDIT_WITHHELD_KEY = "audit_personal_data_withheld_at";

/** Runs a data backfill once per database, keyed by app_meta, in one write transaction. */
async function backfillOnce<T>(db: Database, key: string, work: (tx: Tx) => Promise<T>): Promise<T | undefined> {
  if (await db.select().from(schema.appMeta).where(eq(schema.appMeta.key, key)).get()) return undefined;
  return db.transaction(async (tx) => {
    const result = await work(tx);
    await tx.insert(schema.appMeta).values({ key, value: new Date().toISOString() }).onConflictDoNothing();
    return result;
  });
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
