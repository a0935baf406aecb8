// Who is on which session (session_speakers): every write to the table is one of these
// functions, so the rules about positions, confirmations and versions live in one place.
// Callers scope the rows they pass (the session and speaker are the edition's).
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { sessions, sessionSpeakers } from "~/db/schema";

type SessionSpeakerRow = typeof sessionSpeakers.$inferSelect;
export type NewSessionSpeaker = typeof sessionSpeakers.$inferInsert;
export type Confirmation = SessionSpeakerRow["confirmation"];

/** Puts people on sessions (imports, a new session's people, the seed); one statement. */
export async function addSessionSpeakers(db: Queryable, rows: NewSessionSpeaker[]): Promise<void> {
  if (rows.length > 0) await db.insert(sessionSpeakers).values(rows);
}

/** Takes one person off a session; their confirmation goes with the row. */
export async function removeSessionSpeaker(db: Queryable, { id }: { id: number }): Promise<void> {
  await db.delete(sessionSpeakers).where(eq(sessionSpeakers.id, id));
}

/** Changes one person's role on a session. */
export async function setSessionSpeakerRole(db: Queryable, { id, role }: { id: number; role: SessionSpeakerRow["role"] }): Promise<void> {
  await db.update(sessionSpeakers).set({ role }).where(eq(sessionSpeakers.id, id));
}

/** Rewrites every position of a session's people in one statement, in the order of `order` (row ids). */
export async function reorderSessionSpeakers(db: Queryable, { sessionId, order }: { sessionId: number; order: number[] }): Promise<void> {
  if (order.length === 0) return;
  const cases = sql.join(order.map((id, position) => sql`when ${id} then ${position}`), sql` `);
  await db.update(sessionSpeakers).set({ position: sql`case ${sessionSpeakers.id} ${cases} end` }).where(eq(sessionSpeakers.sessionId, sessionId));
}

/**
 * Sets a person's confirmation of a session read at `version` (an organiser by hand);
 * a reason for declining is dropped unless they declined. False when the version moved on.
 */
export async function setConfirmation(
  db: Queryable,
  { id, version, confirmation, now }: { id: number; version: number; confirmation: Confirmation; now: number },
): Promise<boolean> {
  const updated = await db
    .update(sessionSpeakers)
    .set({
      confirmation,
      confirmationChangedAt: now,
      version: sql`${sessionSpeakers.version} + 1`,
      ...(confirmation === "declined" ? {} : { declineReason: null }),
    })
    .where(and(eq(sessionSpeakers.id, id), eq(sessionSpeakers.version, version)))
    .returning({ id: sessionSpeakers.id });
  return updated.length === 1;
}

/** The speaker's own answer (confirm, decline with a reason, or propose a time) at `version`; false when it moved on. */
export async function recordSpeakerAnswer(
  db: Queryable,
  {
    id,
    version,
    values,
    now,
  }: {
    id: number;
    version: number;
    values: { confirmation: Confirmation; declineReason: string | null } | { proposedTime: string };
    now: number;
  },
): Promise<boolean> {
  const updated = await db
    .update(sessionSpeakers)
    .set({ ...values, ...("confirmation" in values ? { confirmationChangedAt: now } : {}), version: sql`${sessionSpeakers.version} + 1` })
    .where(and(eq(sessionSpeakers.id, id), eq(sessionSpeakers.version, version)))
    .returning({ id: sessionSpeakers.id });
  return updated.length === 1;
}

/** Everyone who had confirmed one of these sessions (of this edition) must confirm again; returns who lapsed. */
export async function lapseConfirmations(
  db: Queryable,
  { editionId, sessionIds, now }: { editionId: number; sessionIds: number[]; now: number },
): Promise<{ sessionId: number; speakerId: number }[]> {
  if (sessionIds.length === 0) return [];
  return db
    .update(sessionSpeakers)
    .set({ confirmation: "must_reconfirm", confirmationChangedAt: now, version: sql`${sessionSpeakers.version} + 1` })
    .where(
      and(
        inArray(sessionSpeakers.sessionId, sessionIds),
        eq(sessionSpeakers.confirmation, "confirmed"),
        // Scope: only sessions of this edition.
        inArray(sessionSpeakers.sessionId, db.select({ id: sessions.id }).from(sessions).where(eq(sessions.editionId, editionId))),
      ),
    )
    .returning({ sessionId: sessionSpeakers.sessionId, speakerId: sessionSpeakers.speakerId });
}
