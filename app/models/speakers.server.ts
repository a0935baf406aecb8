// Speakers of an edition: every query carries the edition, so an id from another
// edition finds nothing (null, which the route answers with a 404), whoever asks.
import { and, asc, count, desc, eq, isNull, not, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { auditLog, availabilityWindows, organisations, organisers, rooms, sessions, sessionSpeakers, speakers, themes, type SpeakerLink } from "~/db/schema";
import type { Confirmation, OrganisationKind } from "~/domain/vocabulary";
import { diffRecords, type AuditRecord } from "~/domain/audit";
import { describeWindows, sameAvailability, type Window } from "~/domain/availability";
import { withholdValues, WITHHELD_AFTER_RETENTION } from "~/domain/personal-data";
import { containsPattern, searchTerms, searchTextOf } from "~/domain/search";
import type { SpeakerInput, SpeakerListQuery } from "~/schemas/speakers";
import { recordAudit, type Actor } from "./audit.server";
import { listEntityHistory } from "./audit-log.server";
import { eraseSpeakers } from "./personal-data.server";
import { refreshSessionsOfSpeakers } from "./search-text.server";
import { setConfirmation } from "./session-speakers.server";
import { StaleVersionError, updateVersioned } from "./versioning.server";


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
const hasPhoto = sql<number>`(${hasText(speakers.photoPath)})`;

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

// ---------------------------------------------------------------- writes

export type SpeakerWriteResult = { ok: true; uuid: string; changed: boolean } | { ok: false; errors: Record<string, string> };

/** What an audit entry keeps of a speaker; keys are the form's field names. */
function speakerRecord(
  values: {
    publicName: string;
    jobTitle: string | null;
    bioFr: string | null;
    bioEn: string | null;
    photoPath: string | null;
    links: SpeakerLink[];
    languages: string[];
    email: string | null;
    phone: string | null;
    preferredLocale: string;
    accessibilityNeeds: string | null;
    practicalNotes: string | null;
    internalNotes: string | null;
    consentRecording: boolean;
    consentPhotos: boolean;
    consentPublishBio: boolean;
  },
  organisation: string | null,
  availability: Window[],
  timeZone: string,
): AuditRecord {
  return {
    publicName: values.publicName,
    organisation,
    jobTitle: values.jobTitle,
    bioFr: values.bioFr,
    bioEn: values.bioEn,
    photoPath: values.photoPath,
    links: values.links,
    languages: values.languages,
    email: values.email,
    phone: values.phone,
    preferredLocale: values.preferredLocale,
    accessibilityNeeds: values.accessibilityNeeds,
    practicalNotes: values.practicalNotes,
    internalNotes: values.internalNotes,
    consentRecording: values.consentRecording,
    consentPhotos: values.consentPhotos,
    consentPublishBio: values.consentPublishBio,
    availability: describeWindows(availability, timeZone),
  };
}

const orNull = (value: string) => (value === "" ? null : value);

/** The speaker's columns from the form's values (the organisation is resolved separately). */
function columnsOf(input: SpeakerInput) {
  return {
    publicName: input.publicName,
    jobTitle: orNull(input.jobTitle),
    bioFr: orNull(input.bioFr),
    bioEn: orNull(input.bioEn),
    photoPath: orNull(input.photoPath),
    links: input.links.filter((link) => link.url !== "").map((link) => ({ label: link.label || link.url, url: link.url })),
    languages: input.languages,
    email: orNull(input.email),
    phone: orNull(input.phone),
    preferredLocale: input.preferredLocale,
    accessibilityNeeds: orNull(input.accessibilityNeeds),
    practicalNotes: orNull(input.practicalNotes),
    internalNotes: orNull(input.internalNotes),
    consentRecording: input.consentRecording,
    consentPhotos: input.consentPhotos,
    consentPublishBio: input.consentPublishBio,
  };
}

async function emailTaken(db: Queryable, { editionId, email, exceptId }: { editionId: number; email: string | null; exceptId?: number }) {
  if (!email) return false;
  const row = await db
    .select({ id: speakers.id })
    .from(speakers)
    .where(and(eq(speakers.editionId, editionId), eq(speakers.email, email)))
    .get();
  return row !== undefined && row.id !== exceptId;
}

/** The organisation named in the form: an existing one (names are unique, case aside) or a new one, audited. */
async function resolveOrganisation(
  tx: Queryable,
  { name, kind, editionId, actor, now }: { name: string; kind: OrganisationKind; editionId: number; actor: Actor; now: number },
): Promise<{ id: number; name: string } | null> {
  if (name === "") return null;
  const existing = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(sql`lower(${organisations.name}) = lower(${name})`)
    .get();
  if (existing) return existing;
  const created = await tx.insert(organisations).values({ name, kind, searchText: searchTextOf([name]) }).returning().get();
  await recordAudit(tx, {
    editionId,
    actor,
    entity: "organisation",
    entityUuid: created.uuid,
    action: "create",
    after: { name: created.name, kind: created.kind },
    at: now,
  });
  return { id: created.id, name: created.name };
}

async function replaceWindows(tx: Queryable, speakerId: number, windows: Window[]) {
  await tx.delete(availabilityWindows).where(eq(availabilityWindows.speakerId, speakerId));
  if (windows.length > 0) await tx.insert(availabilityWindows).values(windows.map((window) => ({ speakerId, ...window })));
}

export async function createSpeaker(
  db: Queryable,
  { editionId, timeZone, actor, input, now = Date.now() }: { editionId: number; timeZone: string; actor: Actor; input: SpeakerInput; now?: number },
): Promise<SpeakerWriteResult> {
  return inTransaction(db, async (tx) => {
    const columns = columnsOf(input);
    if (await emailTaken(tx, { editionId, email: columns.email })) return { ok: false, errors: { email: "speakers.emailTaken" } };
    const organisation = await resolveOrganisation(tx, { name: input.organisation, kind: input.organisationKind, editionId, actor, now });
    const anyConsent = columns.consentRecording || columns.consentPhotos || columns.consentPublishBio;
    const created = await tx
      .insert(speakers)
      .values({
        editionId,
        ...columns,
        organisationId: organisation?.id ?? null,
        searchText: searchTextOf([columns.publicName, columns.email]),
        consentsUpdatedAt: anyConsent ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: speakers.id, uuid: speakers.uuid })
      .get();
    await replaceWindows(tx, created.id, input.availability);
    await recordAudit(tx, {
      editionId,
      actor,
      entity: "speaker",
      entityUuid: created.uuid,
      action: "create",
      after: speakerRecord(columns, organisation?.name ?? null, input.availability, timeZone),
      at: now,
    });
    return { ok: true, uuid: created.uuid, changed: true };
  });
}

/**
 * Saves the form over the version it was read at. Throws StaleVersionError carrying the
 * speaker as they are now (SpeakerState) when someone saved in between; records one
 * audit entry per saved change, and nothing at all when nothing changed.
 */
export async function updateSpeaker(
  db: Queryable,
  args: { editionId: number; timeZone: string; speakerUuid: string; version: number; actor: Actor; input: SpeakerInput; now?: number },
): Promise<SpeakerWriteResult | null> {
  const { editionId, timeZone, speakerUuid, version, actor, input, now = Date.now() } = args;
  return inTransaction(db, async (tx) => {
    const current = await getSpeakerState(tx, { editionId, speakerUuid });
    if (!current) return null;
    if (current.version !== version) throw new StaleVersionError<SpeakerState>(current);
    const columns = columnsOf(input);
    if (await emailTaken(tx, { editionId, email: columns.email, exceptId: current.id })) {
      return { ok: false, errors: { email: "speakers.emailTaken" } };
    }
    const before = speakerRecord(current, current.organisation, current.availability, timeZone);
    const after = speakerRecord(columns, input.organisation || null, input.availability, timeZone);
    // Case aside, an organisation typed the way it is stored is the same organisation.
    if (typeof after.organisation === "string" && typeof before.organisation === "string" && after.organisation.toLowerCase() === before.organisation.toLowerCase()) {
      after.organisation = before.organisation;
    }
    const diff = diffRecords(before, after);
    if (!diff) return { ok: true, uuid: current.uuid, changed: false };
    const organisation =
      "organisation" in diff.after
        ? await resolveOrganisation(tx, { name: input.organisation, kind: input.organisationKind, editionId, actor, now })
        : current.organisationId === null
          ? null
          : { id: current.organisationId, name: current.organisation ?? "" };
    if (organisation && "organisation" in diff.after) diff.after.organisation = organisation.name;
    const consentsChanged = ["consentRecording", "consentPhotos", "consentPublishBio"].some((key) => key in diff.after);
    await updateVersioned(tx, speakers, and(eq(speakers.id, current.id), eq(speakers.editionId, editionId)), version, {
      ...columns,
      organisationId: organisation?.id ?? null,
      searchText: searchTextOf([columns.publicName, columns.email]),
      ...(consentsChanged ? { consentsUpdatedAt: now } : {}),
    });
    // A new name is searched for in the sessions the speaker is on too.
    if ("publicName" in diff.after) await refreshSessionsOfSpeakers(tx, [current.id]);
    if (!sameAvailability(current.availability, input.availability)) await replaceWindows(tx, current.id, input.availability);
    await recordAudit(tx, { editionId, actor, entity: "speaker", entityUuid: current.uuid, action: "update", ...diff, at: now });
    return { ok: true, uuid: current.uuid, changed: true };
  });
}

export type DeleteSpeakerResult = { ok: true } | { ok: false; reason: "hasSessions"; sessions: number } | { ok: false; reason: "stale" };

/** Deletes a speaker who is on no session; refused while they are on any (cancelled ones too). */
export async function deleteSpeaker(
  db: Queryable,
  args: { editionId: number; timeZone: string; speakerUuid: string; version: number; actor: Actor; now?: number },
): Promise<DeleteSpeakerResult | null> {
  const { editionId, timeZone, speakerUuid, version, actor, now = Date.now() } = args;
  return inTransaction(db, async (tx) => {
    const current = await getSpeakerState(tx, { editionId, speakerUuid });
    if (!current) return null;
    if (current.version !== version) return { ok: false, reason: "stale" };
    const row = await tx.select({ n: count() }).from(sessionSpeakers).where(eq(sessionSpeakers.speakerId, current.id)).get();
    const onSessions = row?.n ?? 0;
    if (onSessions > 0) return { ok: false, reason: "hasSessions", sessions: onSessions };
    // Nothing personal outlives a deleted speaker: not their messages, nor the audit log's values.
    await eraseSpeakers(tx, { editionId, speakerIds: [current.id] });
    await tx.delete(speakers).where(and(eq(speakers.id, current.id), eq(speakers.editionId, editionId)));
    await recordAudit(tx, {
      editionId,
      actor,
      entity: "speaker",
      entityUuid: current.uuid,
      action: "delete",
      before: withholdValues("speaker", speakerRecord(current, current.organisation, current.availability, timeZone), "before", WITHHELD_AFTER_RETENTION),
      at: now,
    });
    return { ok: true };
  });
}

export type ConfirmationResult =
  | { ok: true; changed: boolean }
  | { ok: false; reason: "stale"; current: Confirmation; version: number };

/** An organiser sets the speaker's confirmation of one session by hand (versioned, audited on the speaker). */
export async function setSessionConfirmation(
  db: Queryable,
  args: {
    editionId: number;
    speakerUuid: string;
    sessionUuid: string;
    confirmation: Confirmation;
    version: number;
    actor: Actor;
    now?: number;
  },
): Promise<ConfirmationResult | null> {
  const { editionId, speakerUuid, sessionUuid, confirmation, version, actor, now = Date.now() } = args;
  return inTransaction(db, async (tx) => {
    const link = await tx
      .select({
        id: sessionSpeakers.id,
        confirmation: sessionSpeakers.confirmation,
        version: sessionSpeakers.version,
        title: sql<string>`coalesce(${sessions.titleFr}, ${sessions.titleEn}, ${sessions.slug})`,
      })
      .from(sessionSpeakers)
      .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
      .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
      .where(and(eq(speakers.uuid, speakerUuid), eq(speakers.editionId, editionId), eq(sessions.uuid, sessionUuid), eq(sessions.editionId, editionId)))
      .get();
    if (!link) return null;
    if (link.version !== version) return { ok: false, reason: "stale", current: link.confirmation, version: link.version };
    if (link.confirmation === confirmation) return { ok: true, changed: false };
    if (!(await setConfirmation(tx, { id: link.id, version, confirmation, now }))) {
      return { ok: false, reason: "stale", current: link.confirmation, version: link.version };
    }
    await recordAudit(tx, {
      editionId,
      actor,
      entity: "speaker",
      entityUuid: speakerUuid,
      action: "confirmation",
      // The session's title only "after": an audit diff keeps what differs, and the title should show.
      before: { sessionUuid, confirmation: link.confirmation },
      after: { sessionUuid, session: link.title, confirmation },
      at: now,
    });
    return { ok: true, changed: true };
  });
}

/** A write transaction, or the caller's own when it already has one. */
async function inTransaction<T>(db: Queryable, work: (tx: Queryable) => Promise<T>): Promise<T> {
  if ("transaction" in db && typeof db.transaction === "function" && !("rollback" in db)) {
    return (db as { transaction: (fn: (tx: Queryable) => Promise<T>) => Promise<T> }).transaction(work);
  }
  return work(db);
}

