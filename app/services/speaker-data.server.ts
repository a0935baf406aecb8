// "Download my data" (RGPD art. 15 and 20): everything Barouf holds about one speaker of one
// edition, as one JSON document. The speaker's own page and the organisers' speaker page both
// serve this one builder. The speaker's columns come from the data map
// (app/domain/personal-data.ts), so a personal field added later is exported without a change
// here. Left out: the invitation links' hashes (secrets) and the organisers' identities in the
// audit entries (their personal data, not the speaker's).
import { and, asc, eq, or } from "drizzle-orm";
import type { Database, Queryable } from "~/db/client.server";
import { auditLog, availabilityWindows, editions, emails, invitations, organisations, sessions, sessionSpeakers, speakerLoginSessions, speakers } from "~/db/schema";
import { columnsOfClass } from "~/domain/personal-data";
import { organiserActor, recordAudit } from "~/models/audit.server";

/** The speaker's columns the document holds: every personal one (public, private, sensitive). */
const SPEAKER_FIELDS = columnsOfClass("speakers", "public", "private", "sensitive").filter((field) => field !== "organisationId");

const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());

export type SpeakerData = Awaited<ReturnType<typeof buildSpeakerData>>;

/** The document for one speaker of one edition; null when the edition has no such speaker. */
export async function buildSpeakerData(db: Queryable, { editionId, speakerId, now }: { editionId: number; speakerId: number; now: number }) {
  const row = await db.select().from(speakers).where(and(eq(speakers.id, speakerId), eq(speakers.editionId, editionId))).get();
  if (!row) return null;
  const [edition, organisation, roles, windows, invites, logins, messages, entries] = await Promise.all([
    db.select({ slug: editions.slug, title: editions.title, startDate: editions.startDate, endDate: editions.endDate }).from(editions).where(eq(editions.id, editionId)).get(),
    row.organisationId === null ? null : db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, row.organisationId)).get(),
    db
      .select({
        session: sessions.uuid,
        titleFr: sessions.titleFr,
        titleEn: sessions.titleEn,
        startsAt: sessions.startsAt,
        endsAt: sessions.endsAt,
        role: sessionSpeakers.role,
        position: sessionSpeakers.position,
        confirmation: sessionSpeakers.confirmation,
        confirmationChangedAt: sessionSpeakers.confirmationChangedAt,
        declineReason: sessionSpeakers.declineReason,
        proposedTime: sessionSpeakers.proposedTime,
      })
      .from(sessionSpeakers)
      .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
      .where(and(eq(sessionSpeakers.speakerId, speakerId), eq(sessions.editionId, editionId)))
      .orderBy(asc(sessions.startsAt), asc(sessions.id))
      .all(),
    db.select({ startsAt: availabilityWindows.startsAt, endsAt: availabilityWindows.endsAt }).from(availabilityWindows).where(eq(availabilityWindows.speakerId, speakerId)).orderBy(asc(availabilityWindows.startsAt)).all(),
    db
      .select({ createdAt: invitations.createdAt, expiresAt: invitations.expiresAt, sentAt: invitations.sentAt, lastOpenedAt: invitations.lastOpenedAt, revokedAt: invitations.revokedAt })
      .from(invitations)
      .where(and(eq(invitations.editionId, editionId), eq(invitations.speakerId, speakerId)))
      .orderBy(asc(invitations.id))
      .all(),
    db.select({ createdAt: speakerLoginSessions.createdAt, expiresAt: speakerLoginSessions.expiresAt }).from(speakerLoginSessions).where(eq(speakerLoginSessions.speakerId, speakerId)).all(),
    db
      .select({ to: emails.to, subject: emails.subject, text: emails.text, state: emails.state, createdAt: emails.createdAt, sentAt: emails.sentAt })
      .from(emails)
      .where(and(eq(emails.editionId, editionId), row.email ? or(eq(emails.speakerId, speakerId), eq(emails.to, row.email)) : eq(emails.speakerId, speakerId)))
      .orderBy(asc(emails.id))
      .all(),
    db
      .select({ at: auditLog.at, actorType: auditLog.actorType, entity: auditLog.entity, action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.editionId, editionId), or(eq(auditLog.entityUuid, row.uuid), eq(auditLog.speakerId, speakerId))))
      .orderBy(asc(auditLog.at), asc(auditLog.id))
      .all(),
  ]);
  const profile = Object.fromEntries(SPEAKER_FIELDS.map((field) => [field, row[field]]));
  return {
    about: "Barouf — personal data of one speaker (RGPD art. 15)",
    exportedAt: iso(now),
    edition: edition ?? null,
    speaker: {
      uuid: row.uuid,
      ...profile,
      organisation: organisation?.name ?? null,
      consentsUpdatedAt: iso(row.consentsUpdatedAt),
      erasureRequestedAt: iso(row.erasureRequestedAt),
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
    },
    sessions: roles.map((r) => ({ ...r, startsAt: iso(r.startsAt), endsAt: iso(r.endsAt), confirmationChangedAt: iso(r.confirmationChangedAt) })),
    availability: windows.map((w) => ({ startsAt: iso(w.startsAt), endsAt: iso(w.endsAt) })),
    invitations: invites.map((i) => ({ createdAt: iso(i.createdAt), expiresAt: iso(i.expiresAt), sentAt: iso(i.sentAt), lastOpenedAt: iso(i.lastOpenedAt), revokedAt: iso(i.revokedAt) })),
    loginSessions: logins.map((l) => ({ createdAt: iso(l.createdAt), expiresAt: iso(l.expiresAt) })),
    emails: messages.map((m) => ({ ...m, createdAt: iso(m.createdAt), sentAt: iso(m.sentAt) })),
    auditEntries: entries.map((e) => ({ ...e, at: iso(e.at) })),
  };
}

/** The document as a file to save (not shown in the browser, not cached). */
export function speakerDataResponse(document: NonNullable<SpeakerData>, fileName: string): Response {
  // Escaped so the file is safe wherever it is opened or embedded (</script>, U+2028).
  const body = JSON.stringify(document, null, 2).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/**
 * The same document, for the organisers' speaker page (the speaker by uuid, in this edition).
 * Staff reading a speaker's personal data is traceable: one audit entry says who exported whose
 * data and when, with how many items of each kind (counts, never values). The speaker's own
 * download then shows it among their audit entries (without the organiser's identity).
 */
export async function exportSpeakerDataForOrganisers(
  db: Database,
  { editionId, speakerUuid, organiser, now }: { editionId: number; speakerUuid: string; organiser: { id: number }; now: number },
) {
  const speaker = await db.select({ id: speakers.id }).from(speakers).where(and(eq(speakers.uuid, speakerUuid), eq(speakers.editionId, editionId))).get();
  const document = speaker ? await buildSpeakerData(db, { editionId, speakerId: speaker.id, now }) : null;
  if (!document) return null;
  await recordAudit(db, {
    editionId,
    actor: organiserActor(organiser),
    entity: "speaker",
    entityUuid: speakerUuid,
    action: "export",
    after: {
      sessionCount: document.sessions.length,
      availabilityCount: document.availability.length,
      invitationCount: document.invitations.length,
      loginSessionCount: document.loginSessions.length,
      emailCount: document.emails.length,
      auditEntryCount: document.auditEntries.length,
    },
    at: now,
  });
  return document;
}
