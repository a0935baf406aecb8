// One incremental conflict checker per edition, kept in the server process and keyed by the
// programme's state (docs/decisions/0007-board.md). The state is a "stamp": a counter that
// triggers in the database raise on every insert, update or delete of a row the engine reads,
// whoever writes it, so a stamp that did not change means the cached checker is the database's state.
import { eq } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { programmeStamps, themes } from "~/db/schema";
import { createChecker, type Change, type Checker, type SessionInput } from "~/domain/conflicts";
import { loadProgramme, type LoadedProgramme } from "./programme.server";

export type CachedProgramme = {
  stamp: string;
  programme: LoadedProgramme;
  checker: Checker;
  /** Index of each session uuid in programme.input.sessions. */
  sessionIndex: Map<string, number>;
  /** Display data the engine does not need. */
  themeColours: Map<string, string>;
  /** Views derived from this state (a day of the board), dropped whenever the state changes. */
  views: Map<string, unknown>;
};

/** At most this many derived views per edition (least recently used first out). */
const MAX_VIEWS = 12;

/** At most this many editions stay in memory (least recently used first out). */
const MAX_EDITIONS = 8;
const cache = new Map<number, CachedProgramme>();

/**
 * The programme's state: a counter the database's triggers raise on every change of a row the
 * engine reads, after a token drawn with the edition. One primary-key read, whatever the size.
 */
export async function programmeStamp(db: Queryable, editionId: number): Promise<string> {
  const row = await db
    .select({ token: programmeStamps.token, changes: programmeStamps.changes })
    .from(programmeStamps)
    .where(eq(programmeStamps.editionId, editionId))
    .get();
  if (!row) throw new Error(`Edition ${editionId} has no programme stamp`);
  return `${row.token}.${row.changes}`;
}

async function build(db: Queryable, editionId: number, stamp: string): Promise<CachedProgramme> {
  const [programme, themeRows] = await Promise.all([
    loadProgramme(db, { editionId }),
    db.select({ uuid: themes.uuid, colour: themes.colour }).from(themes).where(eq(themes.editionId, editionId)).all(),
  ]);
  return {
    stamp,
    programme,
    checker: createChecker(programme.input),
    sessionIndex: new Map(programme.input.sessions.map((s, i) => [s.id, i])),
    themeColours: new Map(themeRows.map((t) => [t.uuid, t.colour])),
    views: new Map(),
  };
}

/**
 * A view of the programme in this state, made on first use and shared by the requests that read
 * the same state (the same stamp). Views are read-only: whoever needs a changed one copies it.
 */
export function derivedView<T>(entry: CachedProgramme, key: string, make: () => T): T {
  const view = entry.views.has(key) ? (entry.views.get(key) as T) : make();
  remember(entry.views, key, view, MAX_VIEWS);
  return view;
}

/** Puts `key` last (most recently used) and drops the least recently used keys past `max`. */
function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number) {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value!);
}

/**
 * The edition's programme and checker as the database holds them now. A warm call costs one
 * query; a cold one loads the programme (a fixed number of queries) and builds the checker.
 * Inside a write transaction the answer is exact: nobody else can write meanwhile. Outside,
 * the stamp is read before the programme, so a programme that moved on in between is cached
 * under the older stamp and simply rebuilt on the next call.
 */
export async function currentProgramme(db: Queryable, editionId: number): Promise<CachedProgramme> {
  const stamp = await programmeStamp(db, editionId);
  const cached = cache.get(editionId);
  if (cached && cached.stamp === stamp) return cached;
  const entry = await build(db, editionId, stamp);
  remember(cache, editionId, entry, MAX_EDITIONS);
  return entry;
}

/**
 * After a committed change: brings the cached checker and programme to the new state, so the
 * next request finds them warm. Does nothing if the cache moved on meanwhile (another request
 * rebuilt it); the next call then compares stamps as usual.
 */
export function afterCommit(
  editionId: number,
  entry: CachedProgramme,
  update: { stamp: string; changes: Change[]; sessions: SessionInput[]; versions: Map<string, number> },
): void {
  if (cache.get(editionId) !== entry) return;
  entry.views.clear();
  try {
    for (const change of update.changes) entry.checker.apply(change);
    for (const session of update.sessions) {
      const i = entry.sessionIndex.get(session.id);
      if (i !== undefined) entry.programme.input.sessions[i] = session;
    }
    for (const [uuid, version] of update.versions) {
      const meta = entry.programme.sessionMeta.get(uuid);
      if (meta) entry.programme.sessionMeta.set(uuid, { ...meta, version });
    }
    entry.stamp = update.stamp;
  } catch (error) {
    cache.delete(editionId);
    throw error;
  }
}

/** Drops an edition's checker (a failed write may have left it half-updated). */
export function forgetProgramme(editionId: number): void {
  cache.delete(editionId);
}
