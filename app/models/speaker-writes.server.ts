// Speaker writes of an edition: create, update, delete and a session's confirmation. Every
// write carries the edition, so an id from another edition finds nothing.
import { and, count, eq, sql } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { availabilityWindows, organisations, sessions, sessionSpeakers, speakers, type SpeakerLink } from "~/db/schema";
import type { Confirmation, OrganisationKind } from "~/domain/vocabulary";
import { diffRecords, type AuditRecord } from "~/domain/audit";
import { describeWindows, sameAvailability, type Window } from "~/domain/availability";
import { withholdValues, WITHHELD_AFTER_RETENTION } from "~/domain/personal-data";
import { searchTextOf } from "~/domain/search";
import type { SpeakerInput } from "~/schemas/speakers";
import { recordAudit, type Actor } from "./audit.server";
import { eraseSpeakers } from "./personal-data.server";
import { refreshSessionsOfSpeakers } from "./search-text.server";
import { setConfirmation } from "./session-speakers.server";
import { getSpeakerState, type SpeakerState } from "./speakers.server";
import { StaleVersionError, updateVersioned } from "./versioning.server";

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

