// The search_text columns (see foldForSearch): filled here, by the models that write the rows,
// in their transaction. A few statements per call whatever the number of rows.
import { asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "~/db/handles";
import { organisations, sessions, sessionSpeakers, speakers } from "~/db/schema";
import { searchTextOf } from "~/domain/search";

/** Rows per UPDATE … CASE statement (two parameters a row, well under SQLite's limit). */
const CHUNK = 500;

async function writeTexts(db: Queryable, table: typeof sessions | typeof speakers | typeof organisations, texts: Map<number, string>) {
  const entries = [...texts];
  for (let start = 0; start < entries.length; start += CHUNK) {
    const chunk = entries.slice(start, start + CHUNK);
    const cases = sql.join(chunk.map(([id, text]) => sql`when ${id} then ${text}`), sql` `);
    await db
      .update(table)
      .set({ searchText: sql`case ${table.id} ${cases} end` as SQL<string> })
      .where(inArray(table.id, chunk.map(([id]) => id)));
  }
}

const unique = (ids: readonly number[]) => [...new Set(ids)];

/** Sessions: both titles, then their people's public names in running order. */
export async function refreshSessionSearch(db: Queryable, sessionIds: readonly number[]): Promise<void> {
  const ids = unique(sessionIds);
  if (ids.length === 0) return;
  const texts = new Map<number, string>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const [rows, people] = await Promise.all([
      db.select({ id: sessions.id, titleFr: sessions.titleFr, titleEn: sessions.titleEn }).from(sessions).where(inArray(sessions.id, chunk)).all(),
      db
        .select({ sessionId: sessionSpeakers.sessionId, name: speakers.publicName })
        .from(sessionSpeakers)
        .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
        .where(inArray(sessionSpeakers.sessionId, chunk))
        .orderBy(asc(sessionSpeakers.sessionId), asc(sessionSpeakers.position))
        .all(),
    ]);
    const names = new Map<number, string[]>();
    for (const p of people) names.set(p.sessionId, [...(names.get(p.sessionId) ?? []), p.name]);
    for (const r of rows) texts.set(r.id, searchTextOf([r.titleFr, r.titleEn, ...(names.get(r.id) ?? [])]));
  }
  await writeTexts(db, sessions, texts);
}

/** Speakers: public name and email. */
export async function refreshSpeakerSearch(db: Queryable, speakerIds: readonly number[]): Promise<void> {
  const ids = unique(speakerIds);
  if (ids.length === 0) return;
  const texts = new Map<number, string>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const rows = await db.select({ id: speakers.id, name: speakers.publicName, email: speakers.email }).from(speakers).where(inArray(speakers.id, chunk)).all();
    for (const r of rows) texts.set(r.id, searchTextOf([r.name, r.email]));
  }
  await writeTexts(db, speakers, texts);
}

/** The sessions these speakers are on: their search text holds the speakers' names, so a rename refreshes them. */
export async function refreshSessionsOfSpeakers(db: Queryable, speakerIds: readonly number[]): Promise<void> {
  const ids = unique(speakerIds);
  if (ids.length === 0) return;
  const on = await db.selectDistinct({ id: sessionSpeakers.sessionId }).from(sessionSpeakers).where(inArray(sessionSpeakers.speakerId, ids)).all();
  await refreshSessionSearch(db, on.map((r) => r.id));
}

/** Organisations: their name. */
export async function refreshOrganisationSearch(db: Queryable, organisationIds: readonly number[]): Promise<void> {
  const ids = unique(organisationIds);
  if (ids.length === 0) return;
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids)).all();
  await writeTexts(db, organisations, new Map(rows.map((r) => [r.id, searchTextOf([r.name])])));
}

/**
 * Fills every row's search text: run once at start-up after the migration that added the
 * columns (SQL cannot fold like foldForSearch), and after the seed. Keyed by app_meta by the caller.
 */
export async function refreshAllSearchText(db: Queryable): Promise<void> {
  const [o, sp, se] = await Promise.all([
    db.select({ id: organisations.id }).from(organisations).all(),
    db.select({ id: speakers.id }).from(speakers).all(),
    db.select({ id: sessions.id }).from(sessions).all(),
  ]);
  await refreshOrganisationSearch(db, o.map((r) => r.id));
  await refreshSpeakerSearch(db, sp.map((r) => r.id));
  await refreshSessionSearch(db, se.map((r) => r.id));
}
