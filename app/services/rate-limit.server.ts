// Fixed-window counters kept in the database (table rate_limit_counters), so every app server
// sharing it counts the same attempts (ADR 0013). Keys never hold an email or an address in
// clear: `counterKey` hashes what identifies the caller.
import { inArray, lte, sql } from "drizzle-orm";
import { createHash } from "node:crypto";
import type { Database, Queryable } from "~/db/client.server";
import { rateLimitCounters } from "~/db/schema";
import type { ThrottleCounter as Counter } from "~/domain/throttle";

export type CounterRule = { key: string; windowMs: number };

/** `kind:` then the SHA-256 of the parts: what is counted stays readable, who is not. */
export function counterKey(kind: string, ...parts: string[]): string {
  return `${kind}:${createHash("sha256").update(parts.join("\n")).digest("base64url")}`;
}

/** At most this many expired rows go per counted hit: enough to keep up, never a long delete. */
const SWEEP_BATCH = 50;

/** The live counters (window not over) of these keys. */
export async function readCounters(db: Queryable, keys: string[], now: number): Promise<Map<string, Counter>> {
  const rows = await db
    .select({ key: rateLimitCounters.key, hits: rateLimitCounters.hits, windowEndsAt: rateLimitCounters.windowEndsAt, lastHitAt: rateLimitCounters.lastHitAt })
    .from(rateLimitCounters)
    .where(inArray(rateLimitCounters.key, keys))
    .all();
  return new Map(rows.filter((row) => row.windowEndsAt > now).map(({ key, ...counter }) => [key, counter]));
}

/**
 * Counts one hit on each key: one upsert per key, a window that has ended starts again at 1.
 * A few expired rows of any key are swept on the way (through the window index).
 */
export async function countHits(db: Queryable, rules: CounterRule[], now: number): Promise<Map<string, Counter>> {
  await db.delete(rateLimitCounters).where(
    inArray(
      rateLimitCounters.key,
      db.select({ key: rateLimitCounters.key }).from(rateLimitCounters).where(lte(rateLimitCounters.windowEndsAt, now)).limit(SWEEP_BATCH),
    ),
  );
  const counters = new Map<string, Counter>();
  for (const rule of rules) {
    // Column names in SET read the row before the update; excluded.* is the new hit.
    const [row] = await db
      .insert(rateLimitCounters)
      .values({ key: rule.key, hits: 1, windowEndsAt: now + rule.windowMs, lastHitAt: now })
      .onConflictDoUpdate({
        target: rateLimitCounters.key,
        set: {
          hits: sql`CASE WHEN ${rateLimitCounters.windowEndsAt} <= excluded.last_hit_at THEN 1 ELSE ${rateLimitCounters.hits} + 1 END`,
          windowEndsAt: sql`CASE WHEN ${rateLimitCounters.windowEndsAt} <= excluded.last_hit_at THEN excluded.window_ends_at ELSE ${rateLimitCounters.windowEndsAt} END`,
          lastHitAt: sql`excluded.last_hit_at`,
        },
      })
      .returning({ hits: rateLimitCounters.hits, windowEndsAt: rateLimitCounters.windowEndsAt, lastHitAt: rateLimitCounters.lastHitAt });
    counters.set(rule.key, row!);
  }
  return counters;
}

/**
 * One write transaction: reads the counters, asks `wait` how long the caller must wait (0: go
 * on), and only then counts the hit. Two servers, or two requests of one, cannot both read a
 * counter below its limit and both go on: the write lock is held from the read to the count.
 */
export async function takeAttempt(
  db: Database,
  rules: CounterRule[],
  now: number,
  wait: (counters: Map<string, Counter>) => number,
): Promise<{ waitMs: number }> {
  return db.transaction(async (tx) => {
    const waitMs = wait(await readCounters(tx, rules.map((r) => r.key), now));
    if (waitMs > 0) return { waitMs };
    await countHits(tx, rules, now);
    return { waitMs: 0 };
  });
}

/** Takes back one counted hit of each `giveBack` key (an attempt that turned out right) and clears `clear`. */
export async function settleAttempt(db: Database, { giveBack, clear }: { giveBack: string[]; clear: string[] }): Promise<void> {
  await db.batch([
    db.delete(rateLimitCounters).where(inArray(rateLimitCounters.key, clear.length ? clear : [""])),
    db
      .update(rateLimitCounters)
      .set({ hits: sql`max(${rateLimitCounters.hits} - 1, 0)` })
      .where(inArray(rateLimitCounters.key, giveBack.length ? giveBack : [""])),
  ]);
}
