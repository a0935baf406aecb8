// Speakers of an edition, read: the list and its filters, one speaker, their page (writes are in
// speaker-writes.server.ts). Every query carries the edition, so an id from another
// edition finds nothing (null, which the route answers with a 404), whoever asks.
import { and, asc, count, desc, eq, isNull, not, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { availabilityWindows, organisations, rooms, sessions, sessionSpeakers, speakers, themes } from "~/db/schema";
import type { Confirmation } from "~/domain/vocabulary";
import { type Window } from "~/domain/availability";
import { containsPattern, searchTerms } from "~/domain/search";
import type { SpeakerListQuery } from "~/schemas/speakers";
import { listEntityHistory } from "./audit-log.server";
import { hasUploadedPhoto } from "./speaker-photos.server";


// ---------------------------------------------------------------- the list

/** A sort key that puts "Élise" among the E's: the accents French names start with, then lower(). */
const SORT_FOLDS: [string, string][] = [
  ["É", "e"], ["È", "e"], ["Ê", "e"], ["À", "a"], ["Â", "a"], ["Î", "i"], ["Ô", "o"], ["Ç", "c"],
  ["é", "e"], ["è", "e"], ["ê", "e"], ["ë", "e"], ["à", "a"], ["â", "a"], ["î", "i"], ["ï", "i"],
  ["ô", "o"], ["ö", "o"], ["ù", "u"], ["û", "u"], ["ü", "u"], ["ç", "c"],
];
function sortKey(expression: SQLWrapper): SQL {
  let out = sql`${expression}`;
  for (const [from, to] of SORT_FOLDS) out = sql`replace(${out}, ${sql.raw(`'${from}'`)}, ${sql.raw(`'${to}'`)})`;
  return sql`lower(${out})`;
}

const hasText = (column: SQLWrapper) => sql`coalesce(trim(${column}), '') != ''`;
const hasBio = sql<number>`(${hasText(speakers.bioFr)} or ${hasText(speakers.bioEn)})`;
/** An uploaded photo, or an address typed or imported in photoPath. */
const hasPhoto = sql<number>`(${hasText(speakers.photoPath)} or ${hasUploadedPhoto})`;

function listFilters(editionId: number, query: SpeakerListQuery): SQL {
  const conditions: (SQL | undefined)[] = [eq(speakers.editionId, editionId)];
  // Every word in the speaker's folded name or email, or their organisation's folded name.
  for (const term of searchTerms(query.q)) {
    const pattern = containsPattern(term);
    conditions.push(sql`(${speakers.searchText} like ${pattern} escape '\\' or coalesce(${organisations.searchText}, '') like ${pattern} escape '\\')`);
  }
  if (query.organisation === "none") conditions.push(isNull(speakers.organisationId));
  else if (query.organisation) conditions.push(eq(organisations.uuid, query.organisation));
  const anySession = (extra?: SQL) =>
    sql`exists (select 1 from ${sessionSpeakers} where ${sessionSpeakers.speakerId} = ${speakers.id}${extra ? sql` and ${extra}` : sql``})`;
  if (query.confirmation === "none") conditions.push(not(anySession()));
  else if (query.confirmation) conditions.push(anySession(sql`${sessionSpeakers.confirmation} = ${query.confirmation}`));
  if (query.theme) {
    conditions.push(
      sql`exists (select 1 from ${sessionSpeakers} join ${sessions} on ${sessions.id} = ${sessionSpeakers.sessionId} join ${themes} on ${themes.id} = ${sessions.themeId} where ${sessionSpeakers.speakerId} = ${speakers.id} and ${themes.uuid} = ${query.theme} and ${themes.editionId} = ${editionId})`,
    );
  }
  if (query.bio) conditions.push(query.bio === "yes" ? hasBio : not(hasBio));
  if (query.photo) conditions.push(query.photo === "yes" ? hasPhoto : not(hasPhoto));
  return and(...conditions)!;
}

export type SpeakerListRow = {
  uuid: string;
  publicName: string;
  jobTitle: string | null;
  organisation: string | null;
  email: string | null;
  hasBio: boolean;
  hasPhoto: boolean;
  isSample: boolean;
  sessions: number;
  confirmations: Record<Confirmation, number>;
};

/** One page of speakers with their confirmation counts, and the total: two queries whatever the size. */
export async function listSpeakers(
  db: Queryable,
  { editionId, query }: { editionId: number; query: SpeakerListQuery },
): Promise<{ rows: SpeakerListRow[]; total: number }> {
  const counts = db
    .select({
      speakerId: sessionSpeakers.speakerId,
      total: sql<number>`count(*)`.as("total"),
      pending: sql<number>`sum(${sessionSpeakers.confirmation} = 'pending')`.as("pending"),
      confirmed: sql<number>`sum(${sessionSpeakers.confirmation} = 'confirmed')`.as("confirmed"),
      declined: sql<number>`sum(${sessionSpeakers.confirmation} = 'declined')`.as("declined"),
      mustReconfirm: sql<number>`sum(${sessionSpeakers.confirmation} = 'must_reconfirm')`.as("must_reconfirm"),
    })
    .from(sessionSpeakers)
    .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
    .where(eq(speakers.editionId, editionId))
    .groupBy(sessionSpeakers.speakerId)
    .as("counts");
  const where = listFilters(editionId, query);
  const direction = query.dir === "desc" ? desc : asc;
  const byName = sortKey(speakers.publicName);
  const order: SQL[] = {
    name: [direction(byName)],
    organisation: [sql`${organisations.name} is null`, direction(sortKey(organisations.name)), asc(byName)],
    sessions: [direction(sql`coalesce(${counts.total}, 0)`), asc(byName)],
    updated: [direction(speakers.updatedAt), asc(byName)],
  }[query.sort];
  const [rows, totalRow] = await Promise.all([
    db
      .select({
        uuid: speakers.uuid,
        publicName: speakers.publicName,
        jobTitle: speakers.jobTitle,
        organisation: organisations.name,
        email: speakers.email,
        hasBio,
        hasPhoto,
        isSample: speakers.isSample,
        total: counts.total,
        pending: counts.pending,
        confirmed: counts.confirmed,
        declined: counts.declined,
        mustReconfirm: counts.mustReconfirm,
      })
      .from(speakers)
      .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
      .leftJoin(counts, eq(counts.speakerId, speakers.id))
      .where(where)
      .orderBy(...order, asc(speakers.id))
      .limit(query.perPage)
      .offset((query.page - 1) * query.perPage)
      .all(),
    db
      .select({ total: count() })
      .from(speakers)
      .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
      .where(where)
      .get(),
  ]);
  return {
    total: totalRow?.total ?? 0,
    rows: rows.map((row) => ({
      uuid: row.uuid,
      publicName: row.publicName,
      jobTitle: row.jobTitle,
      organisation: row.organisation,
      email: row.email,
      hasBio: Boolean(row.hasBio),
      hasPhoto: Boolean(row.hasPhoto),
      isSample: row.isSample,
      sessions: Number(row.total ?? 0),
      confirmations: {
        pending: Number(row.pending ?? 0),
        confirmed: Number(row.confirmed ?? 0),
        declined: Number(row.declined ?? 0),
        must_reconfirm: Number(row.mustReconfirm ?? 0),
      },
    })),
  };
}

/** What the list's filters offer: the organisations this edition's speakers belong to, and its themes. */
export async function listSpeakerFilterOptions(db: Queryable, { editionId }: { editionId: number }) {
  const [organisationRows, themeRows] = await Promise.all([
    db
      .selectDistinct({ uuid: organisations.uuid, name: organisations.name })
      .from(organisations)
      .innerJoin(speakers, eq(speakers.organisationId, organisations.id))
      .where(eq(speakers.editionId, editionId))
      .orderBy(asc(organisations.name))
      .all(),
    db
      .select({ uuid: themes.uuid, nameFr: themes.nameFr, nameEn: themes.nameEn })
      .from(themes)
      .where(eq(themes.editionId, editionId))
      .orderBy(asc(themes.position), asc(themes.nameFr))
      .all(),
  ]);
  return { organisations: organisationRows, themes: themeRows };
}

// ---------------------------------------------------------------- one speaker

const speakerColumns = {
  id: speakers.id,
  uuid: speakers.uuid,
  publicName: speakers.publicName,
  organisationId: speakers.organisationId,
  organisation: organisations.name,
  organisationKind: organisations.kind,
  jobTitle: speakers.jobTitle,
  bioFr: speakers.bioFr,
  bioEn: speakers.bioEn,
  photoPath: speakers.photoPath,
  links: speakers.links,
  languages: speakers.languages,
  email: speakers.email,
  phone: speakers.phone,
  preferredLocale: speakers.preferredLocale,
  accessibilityNeeds: speakers.accessibilityNeeds,
  practicalNotes: speakers.practicalNotes,
  internalNotes: speakers.internalNotes,
  consentRecording: speakers.consentRecording,
  consentPhotos: speakers.consentPhotos,
  consentPublishBio: speakers.consentPublishBio,
  consentsUpdatedAt: speakers.consentsUpdatedAt,
  isSample: speakers.isSample,
  erasureRequestedAt: speakers.erasureRequestedAt,
  version: speakers.version,
  createdAt: speakers.createdAt,
  updatedAt: speakers.updatedAt,
};

export type SpeakerDetail = Awaited<ReturnType<typeof findSpeaker>> & {};
/** A speaker with their availability, as the form edits it. */
export type SpeakerState = SpeakerDetail & { availability: Window[] };

async function findSpeaker(db: Queryable, { editionId, speakerUuid }: { editionId: number; speakerUuid: string }) {
  return db
    .select(speakerColumns)
    .from(speakers)
    .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
    .where(and(eq(speakers.uuid, speakerUuid), eq(speakers.editionId, editionId)))
    .get();
}

async function windowsOf(db: Queryable, speakerId: number): Promise<Window[]> {
  return db
    .select({ startsAt: availabilityWindows.startsAt, endsAt: availabilityWindows.endsAt })
    .from(availabilityWindows)
    .where(eq(availabilityWindows.speakerId, speakerId))
    .orderBy(asc(availabilityWindows.startsAt))
    .all();
}

/** The speaker and their availability, or null when the id is not one of this edition's speakers. */
export async function getSpeakerState(db: Queryable, args: { editionId: number; speakerUuid: string }): Promise<SpeakerState | null> {
  const speaker = await findSpeaker(db, args);
  if (!speaker) return null;
  return { ...speaker, availability: await windowsOf(db, speaker.id) };
}

export type SpeakerSessionRow = {
  sessionUuid: string;
  title: string;
  status: string;
  startsAt: number | null;
  endsAt: number | null;
  room: string | null;
  themeFr: string | null;
  themeEn: string | null;
  role: string;
  confirmation: Confirmation;
  confirmationChangedAt: number | null;
  declineReason: string | null;
  version: number;
};

/** Everything the speaker page shows, in five queries whatever the number of sessions or entries. */
export async function getSpeakerPage(db: Queryable, args: { editionId: number; speakerUuid: string }) {
  const speaker = await findSpeaker(db, args);
  if (!speaker) return null;
  const [availability, sessionRows, history, organisationNames] = await Promise.all([
    windowsOf(db, speaker.id),
    db
      .select({
        sessionUuid: sessions.uuid,
        titleFr: sessions.titleFr,
        titleEn: sessions.titleEn,
        slug: sessions.slug,
        status: sessions.status,
        startsAt: sessions.startsAt,
        endsAt: sessions.endsAt,
        room: rooms.name,
        themeFr: themes.nameFr,
        themeEn: themes.nameEn,
        role: sessionSpeakers.role,
        confirmation: sessionSpeakers.confirmation,
        confirmationChangedAt: sessionSpeakers.confirmationChangedAt,
        declineReason: sessionSpeakers.declineReason,
        version: sessionSpeakers.version,
      })
      .from(sessionSpeakers)
      .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
      .leftJoin(rooms, eq(rooms.id, sessions.roomId))
      .leftJoin(themes, eq(themes.id, sessions.themeId))
      .where(and(eq(sessionSpeakers.speakerId, speaker.id), eq(sessions.editionId, args.editionId)))
      .orderBy(sql`${sessions.startsAt} is null`, asc(sessions.startsAt), asc(sessions.slug))
      .all(),
    listEntityHistory(db, { editionId: args.editionId, entityUuid: speaker.uuid }),
    listOrganisationNames(db),
  ]);
  const sessionsOfSpeaker: SpeakerSessionRow[] = sessionRows.map(({ titleFr, titleEn, slug, ...row }) => ({
    ...row,
    title: titleFr || titleEn || slug,
  }));
  return { speaker: { ...speaker, availability }, sessions: sessionsOfSpeaker, history, organisationNames };
}

/** Organisation names offered by the form (organisations are shared across editions). */
export async function listOrganisationNames(db: Queryable): Promise<string[]> {
  const rows = await db.select({ name: organisations.name }).from(organisations).orderBy(asc(organisations.name)).limit(1000).all();
  return rows.map((row) => row.name);
}
