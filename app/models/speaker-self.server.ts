// What a speaker reads and changes through their invitation. Every query is scoped by the
// speaker's own id AND their edition: a session or speaker id from elsewhere finds nothing.
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { availabilityWindows, formats, organisations, rooms, sessions, sessionSpeakers, speakers, themes, type SpeakerLink } from "~/db/schema";
import type { Confirmation } from "~/domain/vocabulary";
import { diffRecords } from "~/domain/audit";
import { searchTextOf } from "~/domain/search";
import { editionDays, localDate, localTime, resolveLocalInterval } from "~/domain/time";
import { recordAudit, type Actor } from "~/models/audit.server";
import { currentPhotoKey } from "~/models/speaker-photos.server";
import { refreshSessionsOfSpeakers } from "~/models/search-text.server";
import { recordSpeakerAnswer } from "~/models/session-speakers.server";
import { TIME_PROBLEM_MESSAGES } from "~/schemas/placement";
import type { AvailabilityInput, PracticalInput, ProfileInput } from "~/schemas/speaker";

export type SpeakerScope = { speakerId: number; editionId: number };
const actorOf = (scope: SpeakerScope): Actor => ({ type: "speaker", speakerId: scope.speakerId });

/** A save made against an answer or profile that changed meanwhile (by an organiser, or a moved session). */
export class SpeakerStaleError extends Error {}

export async function loadSpeakerProfile(db: Queryable, scope: SpeakerScope) {
  const row = await db
    .select({
      uuid: speakers.uuid,
      publicName: speakers.publicName,
      organisation: organisations.name,
      jobTitle: speakers.jobTitle,
      bioFr: speakers.bioFr,
      bioEn: speakers.bioEn,
      photoKey: currentPhotoKey,
      links: speakers.links,
      preferredLocale: speakers.preferredLocale,
      accessibilityNeeds: speakers.accessibilityNeeds,
      practicalNotes: speakers.practicalNotes,
      consentRecording: speakers.consentRecording,
      consentPhotos: speakers.consentPhotos,
      consentPublishBio: speakers.consentPublishBio,
      consentPublicPhoto: speakers.consentPublicPhoto,
      version: speakers.version,
    })
    .from(speakers)
    .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
    .where(and(eq(speakers.id, scope.speakerId), eq(speakers.editionId, scope.editionId)))
    .get();
  return row ?? null;
}

export type SpeakerSession = {
  uuid: string;
  titleFr: string | null;
  titleEn: string | null;
  formatFr: string | null;
  formatEn: string | null;
  themeFr: string | null;
  themeEn: string | null;
  room: string | null;
  day: string | null;
  start: string | null;
  end: string | null;
  role: string;
  confirmation: Confirmation;
  declineReason: string | null;
  proposedTime: string | null;
  version: number;
  others: { publicName: string; role: string }[];
};

/** The speaker's sessions (not cancelled) with the other people's public names: two queries. */
export async function loadSpeakerSessions(db: Queryable, scope: SpeakerScope & { timeZone: string }): Promise<SpeakerSession[]> {
  const rows = await db
    .select({
      id: sessions.id,
      uuid: sessions.uuid,
      titleFr: sessions.titleFr,
      titleEn: sessions.titleEn,
      formatFr: formats.nameFr,
      formatEn: formats.nameEn,
      themeFr: themes.nameFr,
      themeEn: themes.nameEn,
      room: rooms.name,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      role: sessionSpeakers.role,
      confirmation: sessionSpeakers.confirmation,
      declineReason: sessionSpeakers.declineReason,
      proposedTime: sessionSpeakers.proposedTime,
      version: sessionSpeakers.version,
    })
    .from(sessionSpeakers)
    .innerJoin(sessions, and(eq(sessions.id, sessionSpeakers.sessionId), eq(sessions.editionId, scope.editionId)))
    .leftJoin(formats, eq(formats.id, sessions.formatId))
    .leftJoin(themes, eq(themes.id, sessions.themeId))
    .leftJoin(rooms, eq(rooms.id, sessions.roomId))
    .where(and(eq(sessionSpeakers.speakerId, scope.speakerId), ne(sessions.status, "cancelled")))
    .orderBy(sql`${sessions.startsAt} is null`, asc(sessions.startsAt), asc(sessions.id))
    .all();
  const others = rows.length
    ? await db
        .select({ sessionId: sessionSpeakers.sessionId, publicName: speakers.publicName, role: sessionSpeakers.role })
        .from(sessionSpeakers)
        .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
        .where(and(inArray(sessionSpeakers.sessionId, rows.map((r) => r.id)), ne(sessionSpeakers.speakerId, scope.speakerId)))
        .orderBy(asc(sessionSpeakers.position))
        .all()
    : [];
  return rows.map(({ id, startsAt, endsAt, ...row }) => ({
    ...row,
    day: startsAt === null ? null : localDate(startsAt, scope.timeZone),
    start: startsAt === null ? null : localTime(startsAt, scope.timeZone),
    end: endsAt === null ? null : localTime(endsAt, scope.timeZone),
    others: others.filter((o) => o.sessionId === id).map(({ publicName, role }) => ({ publicName, role })),
  }));
}

export type DayAvailability = { date: string; mode: "all" | "part" | "none"; from: string; to: string };

/**
 * The speaker's availability per edition day. No window at all means "not said", shown
 * as available all day (the conflict engine reads it the same way).
 */
export async function loadAvailability(
  db: Queryable,
  scope: SpeakerScope & { startDate: string; endDate: string; timeZone: string },
): Promise<DayAvailability[]> {
  const windows = await db
    .select({ startsAt: availabilityWindows.startsAt, endsAt: availabilityWindows.endsAt })
    .from(availabilityWindows)
    .where(eq(availabilityWindows.speakerId, scope.speakerId))
    .orderBy(asc(availabilityWindows.startsAt))
    .all();
  return editionDays(scope.startDate, scope.endDate, scope.timeZone).map((day) => {
    if (windows.length === 0) return { date: day.date, mode: "all", from: "", to: "" };
    const inDay = windows.filter((w) => w.startsAt < day.end && w.endsAt > day.start);
    if (inDay.length === 0) return { date: day.date, mode: "none", from: "", to: "" };
    const first = Math.max(inDay[0]!.startsAt, day.start);
    const last = Math.min(Math.max(...inDay.map((w) => w.endsAt)), day.end);
    if (first <= day.start && last >= day.end) return { date: day.date, mode: "all", from: "", to: "" };
    return { date: day.date, mode: "part", from: localTime(first, scope.timeZone), to: last >= day.end ? "23:59" : localTime(last, scope.timeZone) };
  });
}

type Answer =
  | { intent: "confirm" }
  | { intent: "decline"; reason: string }
  | { intent: "propose"; proposedTime: string };

/** Confirms, declines or proposes another time for one of the speaker's own sessions; false when it is not one of theirs. */
export async function answerSession(
  db: Queryable,
  scope: SpeakerScope & { sessionUuid: string; version: number; answer: Answer; now: number },
): Promise<boolean> {
  const row = await db
    .select({
      id: sessionSpeakers.id,
      version: sessionSpeakers.version,
      confirmation: sessionSpeakers.confirmation,
      declineReason: sessionSpeakers.declineReason,
      proposedTime: sessionSpeakers.proposedTime,
    })
    .from(sessionSpeakers)
    .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
    .where(
      and(
        eq(sessions.uuid, scope.sessionUuid),
        eq(sessions.editionId, scope.editionId),
        eq(sessionSpeakers.speakerId, scope.speakerId),
        ne(sessions.status, "cancelled"),
      ),
    )
    .get();
  if (!row) return false;
  if (row.version !== scope.version) throw new SpeakerStaleError();
  const { answer } = scope;
  const values =
    answer.intent === "confirm"
      ? { confirmation: "confirmed" as const, declineReason: null }
      : answer.intent === "decline"
        ? { confirmation: "declined" as const, declineReason: answer.reason }
        : { proposedTime: answer.proposedTime };
  if (!(await recordSpeakerAnswer(db, { id: row.id, version: scope.version, values, now: scope.now }))) throw new SpeakerStaleError();
  const before = { confirmation: row.confirmation, declineReason: row.declineReason, proposedTime: row.proposedTime };
  const diff = diffRecords(before, { ...before, ...values });
  await recordAudit(db, {
    editionId: scope.editionId,
    actor: actorOf(scope),
    entity: "session_speaker",
    entityUuid: scope.sessionUuid,
    action: answer.intent === "propose" ? "update" : answer.intent,
    before: diff?.before ?? null,
    after: diff?.after ?? { ...values },
    at: scope.now,
  });
  return true;
}

type SpeakerRow = typeof speakers.$inferSelect;

async function updateSpeakerRow(
  db: Queryable,
  scope: SpeakerScope & { version: number; now: number },
  values: Partial<SpeakerRow>,
  auditExtra: { before?: Record<string, unknown>; after?: Record<string, unknown> } = {},
) {
  const current = await db
    .select()
    .from(speakers)
    .where(and(eq(speakers.id, scope.speakerId), eq(speakers.editionId, scope.editionId)))
    .get();
  if (!current) return null;
  if (current.version !== scope.version) throw new SpeakerStaleError();
  const searched = "publicName" in values || "email" in values;
  const searchText = searched ? { searchText: searchTextOf([values.publicName ?? current.publicName, "email" in values ? values.email : current.email]) } : {};
  const updated = await db
    .update(speakers)
    .set({ ...values, ...searchText, version: sql`${speakers.version} + 1`, updatedAt: scope.now })
    .where(and(eq(speakers.id, scope.speakerId), eq(speakers.editionId, scope.editionId), eq(speakers.version, scope.version)))
    .returning({ uuid: speakers.uuid });
  if (updated.length === 0) throw new SpeakerStaleError();
  // A new name is searched for in the sessions the speaker is on too.
  if ("publicName" in values && values.publicName !== current.publicName) await refreshSessionsOfSpeakers(db, [current.id]);
  const picked = Object.fromEntries(Object.keys(values).map((k) => [k, current[k as keyof SpeakerRow]]));
  const diff = diffRecords({ ...picked, ...auditExtra.before }, { ...values, ...auditExtra.after }, ["version", "updatedAt", "organisationId", "consentsUpdatedAt"]);
  if (diff) {
    await recordAudit(db, {
      editionId: scope.editionId,
      actor: actorOf(scope),
      entity: "speaker",
      entityUuid: current.uuid,
      action: "update",
      before: diff.before,
      after: diff.after,
      at: scope.now,
    });
  }
  return current;
}

/** The public profile. The organisation is matched by name, or created. Null when the speaker is gone. */
export async function updateSpeakerProfile(db: Queryable, scope: SpeakerScope & { version: number; now: number; input: ProfileInput }) {
  const { input } = scope;
  let organisationId: number | null = null;
  if (input.organisation) {
    const found = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, input.organisation)).get();
    organisationId = found
      ? found.id
      : (await db.insert(organisations).values({ name: input.organisation, kind: "other", searchText: searchTextOf([input.organisation]) }).returning({ id: organisations.id }).get()).id;
  }
  const before = await db
    .select({ organisation: organisations.name })
    .from(speakers)
    .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
    .where(and(eq(speakers.id, scope.speakerId), eq(speakers.editionId, scope.editionId)))
    .get();
  return updateSpeakerRow(
    db,
    scope,
    {
      publicName: input.publicName,
      organisationId,
      jobTitle: input.jobTitle || null,
      bioFr: input.bioFr || null,
      bioEn: input.bioEn || null,
      links: input.links as SpeakerLink[],
    },
    { before: { organisation: before?.organisation ?? null }, after: { organisation: input.organisation || null } },
  );
}

/** Consents, accessibility needs, practical notes and the language of messages. Null when the speaker is gone. */
export async function updateSpeakerPractical(db: Queryable, scope: SpeakerScope & { version: number; now: number; input: PracticalInput }) {
  const { input } = scope;
  const current = await db
    .select({ r: speakers.consentRecording, p: speakers.consentPhotos, b: speakers.consentPublishBio, pp: speakers.consentPublicPhoto })
    .from(speakers)
    .where(and(eq(speakers.id, scope.speakerId), eq(speakers.editionId, scope.editionId)))
    .get();
  const consentsChanged =
    !current ||
    current.r !== input.consentRecording ||
    current.p !== input.consentPhotos ||
    current.b !== input.consentPublishBio ||
    current.pp !== input.consentPublicPhoto;
  return updateSpeakerRow(db, scope, {
    consentRecording: input.consentRecording,
    consentPhotos: input.consentPhotos,
    consentPublishBio: input.consentPublishBio,
    consentPublicPhoto: input.consentPublicPhoto,
    accessibilityNeeds: input.accessibilityNeeds || null,
    practicalNotes: input.practicalNotes || null,
    preferredLocale: input.preferredLocale,
    ...(consentsChanged ? { consentsUpdatedAt: scope.now } : {}),
  });
}

/**
 * Replaces the speaker's availability windows with the days they gave. Local times go through
 * time.ts's rule: a time the clocks skip that day is refused on its field, nothing is written.
 * Null when a day is not one of the edition's (the form offers none such).
 */
export async function setAvailability(
  db: Queryable,
  scope: SpeakerScope & { now: number; timeZone: string; startDate: string; endDate: string; input: AvailabilityInput },
): Promise<{ ok: true } | { ok: false; errors: Record<string, string> } | null> {
  const days = new Map(editionDays(scope.startDate, scope.endDate, scope.timeZone).map((d) => [d.date, d]));
  const windows: { speakerId: number; startsAt: number; endsAt: number }[] = [];
  const errors: Record<string, string> = {};
  for (const [i, given] of scope.input.days.entries()) {
    const day = days.get(given.date);
    if (!day) return null;
    if (given.mode === "all") windows.push({ speakerId: scope.speakerId, startsAt: day.start, endsAt: day.end });
    if (given.mode === "part") {
      const interval = resolveLocalInterval({ date: given.date, start: given.from, end: given.to }, scope.timeZone);
      if (interval.ok) windows.push({ speakerId: scope.speakerId, startsAt: interval.start, endsAt: interval.end });
      else errors[`days.${i}.${interval.problem.field === "end" ? "to" : "from"}`] = TIME_PROBLEM_MESSAGES[interval.problem.code];
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const before = await loadAvailability(db, scope);
  await db.delete(availabilityWindows).where(eq(availabilityWindows.speakerId, scope.speakerId));
  if (windows.length > 0) await db.insert(availabilityWindows).values(windows);
  const describe = (list: { date: string; mode: string; from: string; to: string }[]) =>
    Object.fromEntries(list.map((d) => [d.date, d.mode === "part" ? `${d.from}–${d.to}` : d.mode]));
  const after = scope.input.days.map((d) => ({ ...d, from: d.mode === "part" ? d.from : "", to: d.mode === "part" ? d.to : "" }));
  const diff = diffRecords(describe(before), describe(after));
  const speaker = await db.select({ uuid: speakers.uuid }).from(speakers).where(eq(speakers.id, scope.speakerId)).get();
  if (diff) {
    await recordAudit(db, {
      editionId: scope.editionId,
      actor: actorOf(scope),
      entity: "availability",
      entityUuid: speaker?.uuid ?? null,
      action: "update",
      before: diff.before,
      after: diff.after,
      at: scope.now,
    });
  }
  return { ok: true };
}
