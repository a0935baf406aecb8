// Published programme versions of an edition. Every function is scoped by editionId.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { editions, formats, organisations, organisers, programmeVersions, rooms, sessions, sessionSpeakers, speakers, themes } from "~/db/schema";
import { SNAPSHOT_SPEAKER_COLUMNS, SNAPSHOT_SPEAKER_GATES, type Changes, type PublicProgramme, type PublicSource } from "~/domain/exports";
import { editionIdentityColumns } from "./editions.server";
import { consentedPhotoKey } from "./speaker-photos.server";

/** What the snapshot column holds: the public programme and its changes from the version before. */
export type StoredVersion = { programme: PublicProgramme; changes: Changes };

export type VersionSummary = {
  number: number;
  publishedAt: number;
  publishedBy: string | null;
  note: string | null;
  changes: Changes;
};

function pickColumns<T extends object, K extends keyof T>(table: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, table[key]])) as Pick<T, K>;
}

/** The rows a public snapshot is built from, public columns only, in a fixed number of queries. */
export async function loadPublicSource(db: Queryable, { editionId }: { editionId: number }): Promise<PublicSource | null> {
  const [edition, themeRows, formatRows, roomRows, speakerRows, sessionRows, peopleRows] = await Promise.all([
    db
      .select(editionIdentityColumns)
      .from(editions)
      .where(eq(editions.id, editionId))
      .get(),
    db
      .select({ id: themes.id, uuid: themes.uuid, slug: themes.slug, nameFr: themes.nameFr, nameEn: themes.nameEn, colour: themes.colour, position: themes.position })
      .from(themes)
      .where(eq(themes.editionId, editionId))
      .all(),
    db
      .select({ id: formats.id, uuid: formats.uuid, slug: formats.slug, nameFr: formats.nameFr, nameEn: formats.nameEn, position: formats.position })
      .from(formats)
      .where(eq(formats.editionId, editionId))
      .all(),
    db
      .select({ id: rooms.id, uuid: rooms.uuid, name: rooms.name, capacity: rooms.capacity, position: rooms.position })
      .from(rooms)
      .where(eq(rooms.editionId, editionId))
      .all(),
    db
      .select({
        id: speakers.id,
        uuid: speakers.uuid,
        organisation: organisations.name,
        ...pickColumns(speakers, [...SNAPSHOT_SPEAKER_COLUMNS, ...SNAPSHOT_SPEAKER_GATES]),
        photoKey: consentedPhotoKey,
      })
      .from(speakers)
      .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
      .where(eq(speakers.editionId, editionId))
      .all(),
    db
      .select({
        id: sessions.id,
        uuid: sessions.uuid,
        slug: sessions.slug,
        titleFr: sessions.titleFr,
        titleEn: sessions.titleEn,
        abstractFr: sessions.abstractFr,
        abstractEn: sessions.abstractEn,
        formatId: sessions.formatId,
        themeId: sessions.themeId,
        language: sessions.language,
        status: sessions.status,
        isPublic: sessions.isPublic,
        roomId: sessions.roomId,
        startsAt: sessions.startsAt,
        endsAt: sessions.endsAt,
      })
      .from(sessions)
      .where(eq(sessions.editionId, editionId))
      .all(),
    db
      .select({ sessionId: sessionSpeakers.sessionId, speakerId: sessionSpeakers.speakerId, role: sessionSpeakers.role, confirmation: sessionSpeakers.confirmation })
      .from(sessionSpeakers)
      .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
      .where(eq(sessions.editionId, editionId))
      .orderBy(asc(sessionSpeakers.sessionId), asc(sessionSpeakers.position), asc(sessionSpeakers.id))
      .all(),
  ]);
  if (!edition) return null;
  return { edition, themes: themeRows, formats: formatRows, rooms: roomRows, speakers: speakerRows, sessions: sessionRows, people: peopleRows };
}

export async function latestVersionNumber(db: Queryable, { editionId }: { editionId: number }): Promise<number | null> {
  const row = await db
    .select({ number: sql<number | null>`max(${programmeVersions.number})` })
    .from(programmeVersions)
    .where(eq(programmeVersions.editionId, editionId))
    .get();
  return row?.number ?? null;
}

/** One version's stored snapshot (parsed), or undefined. */
export async function findVersion(
  db: Queryable,
  { editionId, number }: { editionId: number; number: number },
): Promise<(StoredVersion & { number: number; publishedAt: number; publishedBy: string | null; note: string | null }) | undefined> {
  const row = await db
    .select({
      number: programmeVersions.number,
      publishedAt: programmeVersions.publishedAt,
      publishedBy: organisers.name,
      note: programmeVersions.note,
      snapshot: programmeVersions.snapshot,
    })
    .from(programmeVersions)
    .leftJoin(organisers, eq(organisers.id, programmeVersions.publishedBy))
    .where(and(eq(programmeVersions.editionId, editionId), eq(programmeVersions.number, number)))
    .get();
  if (!row) return undefined;
  const stored = JSON.parse(row.snapshot) as StoredVersion;
  return { number: row.number, publishedAt: row.publishedAt, publishedBy: row.publishedBy, note: row.note, ...stored };
}

/** Versions, newest first, each with its changelog (read by SQLite, without parsing whole snapshots here). */
export async function listVersions(db: Queryable, { editionId }: { editionId: number }): Promise<VersionSummary[]> {
  const rows = await db
    .select({
      number: programmeVersions.number,
      publishedAt: programmeVersions.publishedAt,
      publishedBy: organisers.name,
      note: programmeVersions.note,
      changes: sql<string>`json_extract(${programmeVersions.snapshot}, '$.changes')`,
    })
    .from(programmeVersions)
    .leftJoin(organisers, eq(organisers.id, programmeVersions.publishedBy))
    .where(eq(programmeVersions.editionId, editionId))
    .orderBy(desc(programmeVersions.number))
    .all();
  return rows.map((row) => ({ ...row, changes: JSON.parse(row.changes) as Changes }));
}

export async function insertVersion(
  db: Queryable,
  values: { editionId: number; number: number; publishedAt: number; publishedBy: number | null; note: string | null; stored: StoredVersion },
) {
  await db.insert(programmeVersions).values({
    editionId: values.editionId,
    number: values.number,
    publishedAt: values.publishedAt,
    publishedBy: values.publishedBy,
    note: values.note,
    snapshot: JSON.stringify(values.stored),
  });
}

/** Marks the sessions first published in this version (a published session is never deleted). */
export async function markFirstPublished(db: Queryable, { editionId, uuids, number }: { editionId: number; uuids: string[]; number: number }) {
  // One statement whatever the count: the ids travel as one JSON array.
  await db
    .update(sessions)
    .set({ firstPublishedVersion: number })
    .where(
      and(
        eq(sessions.editionId, editionId),
        sql`${sessions.uuid} in (select value from json_each(${JSON.stringify(uuids)}))`,
        sql`${sessions.firstPublishedVersion} is null`,
      ),
    );
}

/** The edition behind a public URL (public data only). */
export async function findPublicEdition(db: Queryable, { slug }: { slug: string }) {
  return db.select({ id: editions.id, slug: editions.slug, title: editions.title }).from(editions).where(eq(editions.slug, slug)).get();
}
