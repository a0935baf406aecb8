// One incremental conflict checker per edition, kept in the server process and keyed by the
// programme's state (docs/decisions/0006-board.md). The state is a "stamp": one SQL statement
// that aggregates, per table the engine reads, the row count, the ids, the versions and the
// last change. Every write through the app raises a version, adds or removes rows, or moves a
// timestamp, so a stamp that did not change means the cached checker is the database's state.
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { themes } from "~/db/schema";
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
};

/** At most this many editions stay in memory (least recently used first out). */
const MAX_EDITIONS = 8;
const cache = new Map<number, CachedProgramme>();

/** The programme's state in one statement: it changes whenever anything the engine reads changes. */
export async function programmeStamp(db: Queryable, editionId: number): Promise<string> {
  const row = await db.get<Record<string, unknown>>(sql`
    SELECT
      (SELECT version || ':' || updated_at FROM editions WHERE id = ${editionId}) AS edition,
      (SELECT count(*) || ':' || total(id) || ':' || total(version) || ':' || ifnull(max(updated_at), 0)
         FROM sessions WHERE edition_id = ${editionId}) AS sessions,
      (SELECT count(*) || ':' || total(ss.id) || ':' || total(ss.version) || ':' || ifnull(max(ss.confirmation_changed_at), 0)
              || ':' || total(ss.id * length(ss.confirmation)) || ':' || total(ss.speaker_id * ss.position) || ':' || total(ss.id * length(ss.role))
         FROM session_speakers ss JOIN sessions s ON s.id = ss.session_id WHERE s.edition_id = ${editionId}) AS people,
      (SELECT count(*) || ':' || total(id) || ':' || total(version) || ':' || ifnull(max(updated_at), 0)
         FROM speakers WHERE edition_id = ${editionId}) AS speakers,
      (SELECT count(*) || ':' || total(w.id) || ':' || total(w.starts_at) || ':' || total(w.ends_at)
         FROM availability_windows w JOIN speakers p ON p.id = w.speaker_id WHERE p.edition_id = ${editionId}) AS availability,
      (SELECT count(*) || ':' || total(id) || ':' || total(version) || ':' || ifnull(max(updated_at), 0)
         FROM rooms WHERE edition_id = ${editionId}) AS rooms,
      (SELECT count(*) || ':' || total(h.id) || ':' || group_concat(h.id || h.date || h.opens || h.closes, ',')
         FROM room_opening_hours h JOIN rooms r ON r.id = h.room_id WHERE r.edition_id = ${editionId}) AS hours,
      (SELECT count(*) || ':' || total(w.minutes * (w.room_id + 7 * w.other_room_id))
         FROM room_walking_times w JOIN rooms r ON r.id = w.room_id WHERE r.edition_id = ${editionId}) AS walks,
      (SELECT count(*) || ':' || total(id) || ':' || total(version) || ':' || total(starts_at) || ':' || total(ends_at)
         FROM slots WHERE edition_id = ${editionId}) AS slots,
      (SELECT count(*) || ':' || total(id) || ':' || total(version) || ':' || ifnull(max(updated_at), 0)
         FROM formats WHERE edition_id = ${editionId}) AS formats,
      (SELECT count(*) || ':' || total(id) || ':' || total(version) || ':' || ifnull(max(updated_at), 0)
         FROM themes WHERE edition_id = ${editionId}) AS themes,
      (SELECT count(*) || ':' || total(id) || ':' || total(ifnull(withdrawn_at, 0))
         FROM conflict_acknowledgements WHERE edition_id = ${editionId}) AS acknowledgements
  `);
  return createHash("sha256").update(JSON.stringify(row ?? null)).digest("base64url").slice(0, 22);
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
  };
}

function remember(editionId: number, entry: CachedProgramme) {
  cache.delete(editionId);
  cache.set(editionId, entry);
  while (cache.size > MAX_EDITIONS) cache.delete(cache.keys().next().value!);
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
  remember(editionId, entry);
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
