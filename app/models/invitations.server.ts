import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { emails, invitations, sessions, sessionSpeakers, speakers } from "~/db/schema";
import type { Confirmation } from "~/domain/vocabulary";
import { invitationState, linkStatus, type InvitationState, type LinkStatus } from "~/domain/invitations";

export type InvitationRow = {
  speakerUuid: string;
  publicName: string;
  email: string | null;
  locale: "fr" | "en";
  state: InvitationState;
  link: LinkStatus;
  expiresAt: number | null;
  sentAt: number | null;
  lastOpenedAt: number | null;
  sessions: number;
  lastEmail: { state: "queued" | "sent" | "failed" | "stored"; at: number } | null;
  /** When they were last sent something (a message, or a link delivered). */
  contactedAt: number | null;
};

/**
 * Every speaker of the edition with their invitation state, in four queries whatever the
 * number of speakers: speakers, their latest invitations, their answers, their last message.
 */
export async function listInvitations(db: Queryable, { editionId, now }: { editionId: number; now: number }): Promise<InvitationRow[]> {
  const [people, links, answers, lastEmails] = await Promise.all([
    db
      .select({ id: speakers.id, uuid: speakers.uuid, publicName: speakers.publicName, email: speakers.email, locale: speakers.preferredLocale })
      .from(speakers)
      .where(eq(speakers.editionId, editionId))
      .orderBy(asc(speakers.publicName))
      .all(),
    db
      .select({
        speakerId: invitations.speakerId,
        expiresAt: invitations.expiresAt,
        revokedAt: invitations.revokedAt,
        sentAt: invitations.sentAt,
        lastOpenedAt: invitations.lastOpenedAt,
      })
      .from(invitations)
      .where(eq(invitations.editionId, editionId))
      .orderBy(asc(invitations.id))
      .all(),
    db
      .select({ speakerId: sessionSpeakers.speakerId, confirmation: sessionSpeakers.confirmation })
      .from(sessionSpeakers)
      .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
      .where(and(eq(sessions.editionId, editionId), ne(sessions.status, "cancelled")))
      .all(),
    // SQLite: the bare columns come from the row holding max(id).
    db
      .select({ speakerId: emails.speakerId, id: sql<number>`max(${emails.id})`, state: emails.state, createdAt: emails.createdAt, sentAt: emails.sentAt })
      .from(emails)
      .where(eq(emails.editionId, editionId))
      .groupBy(emails.speakerId)
      .all(),
  ]);
  // The newest link speaks for the speaker; a second key to the same access (a message sent
  // while their link stayed live) shares its openings with the links still live beside it.
  const latest = new Map<number, (typeof links)[number]>();
  const openedAt = new Map<number, number>();
  for (const link of links) {
    latest.set(link.speakerId, link);
    if (link.revokedAt === null && link.lastOpenedAt !== null) openedAt.set(link.speakerId, Math.max(openedAt.get(link.speakerId) ?? 0, link.lastOpenedAt));
  }
  const confirmations = new Map<number, Confirmation[]>();
  for (const answer of answers) {
    const list = confirmations.get(answer.speakerId) ?? [];
    list.push(answer.confirmation);
    confirmations.set(answer.speakerId, list);
  }
  const emailOf = new Map(lastEmails.map((e) => [e.speakerId, e]));
  return people.map((person) => {
    const newest = latest.get(person.id);
    const link = newest ? { ...newest, lastOpenedAt: newest.revokedAt === null ? (openedAt.get(person.id) ?? null) : newest.lastOpenedAt } : null;
    const theirs = confirmations.get(person.id) ?? [];
    const email = emailOf.get(person.id);
    return {
      speakerUuid: person.uuid,
      publicName: person.publicName,
      email: person.email,
      locale: person.locale,
      state: invitationState(link, theirs, now),
      link: linkStatus(link, now),
      expiresAt: link?.expiresAt ?? null,
      sentAt: link?.sentAt ?? null,
      lastOpenedAt: link?.lastOpenedAt ?? null,
      sessions: theirs.length,
      lastEmail: email ? { state: email.state, at: email.sentAt ?? email.createdAt } : null,
      contactedAt: email ? (email.sentAt ?? email.createdAt) : (link?.sentAt ?? null),
    };
  });
}

export type OutboxRow = {
  uuid: string;
  to: string;
  subject: string;
  text: string;
  state: "queued" | "sent" | "failed" | "stored";
  attempts: number;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
  speakerName: string | null;
};

export const OUTBOX_PAGE = 100;

/** The edition's messages, newest first, a page at a time, with per-state counts: three queries. */
export async function listOutbox(
  db: Queryable,
  { editionId, state, page = 0 }: { editionId: number; state?: OutboxRow["state"]; page?: number },
): Promise<{ rows: OutboxRow[]; counts: Record<OutboxRow["state"], number> }> {
  const [rows, counts] = await Promise.all([
    db
      .select({
        uuid: emails.uuid,
        to: emails.to,
        subject: emails.subject,
        text: emails.text,
        state: emails.state,
        attempts: emails.attempts,
        lastError: emails.lastError,
        createdAt: emails.createdAt,
        sentAt: emails.sentAt,
        speakerName: speakers.publicName,
      })
      .from(emails)
      .leftJoin(speakers, eq(speakers.id, emails.speakerId))
      .where(and(eq(emails.editionId, editionId), state ? eq(emails.state, state) : undefined))
      .orderBy(desc(emails.id))
      .limit(OUTBOX_PAGE)
      .offset(page * OUTBOX_PAGE)
      .all(),
    db
      .select({ state: emails.state, total: sql<number>`count(*)` })
      .from(emails)
      .where(eq(emails.editionId, editionId))
      .groupBy(emails.state)
      .all(),
  ]);
  const byState: Record<OutboxRow["state"], number> = { queued: 0, sent: 0, failed: 0, stored: 0 };
  for (const c of counts) byState[c.state] = Number(c.total);
  return { rows, counts: byState };
}

/** Puts this edition's stored or failed messages back in the queue (a fresh round of attempts). */
export async function requeueOutbox(db: Queryable, { editionId, states }: { editionId: number; states: ("failed" | "stored")[] }) {
  const rows = await db
    .update(emails)
    .set({ state: "queued", attempts: 0 })
    .where(and(eq(emails.editionId, editionId), inArray(emails.state, states)))
    .returning({ id: emails.id });
  return rows.map((r) => r.id);
}
