import { and, eq, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Queryable } from "~/db/client.server";

/**
 * A save made against an older version than the row has now. It carries the row as
 * it is, so the organiser sees what the other person changed and may re-apply theirs.
 */
export class StaleVersionError<Row = Record<string, unknown>> extends Error {
  constructor(readonly current: Row) {
    super("The row changed since it was read");
  }
}

type VersionedTable = SQLiteTable & { version: SQLiteColumn; updatedAt: SQLiteColumn };

/**
 * Optimistic concurrency: updates the row matched by `where` only if its version is still
 * `expectedVersion`, raising the version by one. Throws StaleVersionError with the current
 * row when someone saved in between; null when the row is gone (or out of scope).
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Queryable,
  table: T,
  where: SQL | undefined,
  expectedVersion: number,
  values: Partial<T["$inferInsert"]>,
): Promise<T["$inferSelect"] | null> {
  const updated = (await db
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: Date.now() } as never)
    .where(and(where, eq(table.version, expectedVersion)))
    .returning()) as unknown as T["$inferSelect"][];
  if (updated.length === 1) return updated[0]!;
  const current = await db.select().from(table as SQLiteTable).where(where).get();
  if (!current) return null;
  throw new StaleVersionError(current as T["$inferSelect"]);
}
