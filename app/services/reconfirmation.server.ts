import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { editions, invitations, rooms, sessions, speakers } from "~/db/schema";
import { isInvitationUsable, placementChanges, type Placement } from "~/domain/invitations";
import { localDate, localTime } from "~/domain/time";
import { recordAudit, type Actor } from "~/models/audit.server";
import { emailTextsOf } from "~/models/email-templates.server";
import { lapseConfirmations } from "~/models/session-speakers.server";
import { linkPlaceholder } from "./invitation-links.server";
import { reconfirmEmail, type ReconfirmSession } from "./mail-templates.server";
import { queueEmails } from "./outbox.server";

/** A session's title in the speaker's language, the other one when it has none. */
export function sessionTitleIn(locale: "fr" | "en", session: { titleFr: string | null; titleEn: string | null; slug: string }): string {
  return (locale === "en" ? session.titleEn || session.titleFr : session.titleFr || session.titleEn) ?? session.slug;
}

/** Where a session was before the move, so the message can say what changed. */
export type PlacementBefore = { sessionId: number; startsAt: number | null; endsAt: number | null; roomId: number | null };

/**
 * After a session's day, time or room changed: everyone who had confirmed it must
 * confirm again, and each of them is sent one message saying what changed (with a fresh
 * personal link when they have a live invitation). Call it inside the transaction that
 * moved the session(s): the messages are queued in the outbox there and delivered after
 * the commit (by the outbox worker, or at once with `deliverQueued()`).
 * Returns the session-speaker rows that lapsed.
 */
export async function markMustReconfirm(
  tx: Queryable,
  {
    editionId,
    sessionIds,
    actor,
    now = Date.now(),
    before = [],
  }: { editionId: number; sessionIds: number[]; actor: Actor; now?: number; before?: PlacementBefore[] },
): Promise<{ sessionId: number; speakerId: number }[]> {
  const lapsed = await lapseConfirmations(tx, { editionId, sessionIds, now });
  if (lapsed.length > 0) {
    await recordAudit(tx, {
      editionId,
      actor,
      entity: "session_speaker",
      entityUuid: null,
      action: "update",
      before: { confirmation: "confirmed", rows: lapsed },
      after: { confirmation: "must_reconfirm" },
      at: now,
    });
    await queueReconfirmMessages(tx, { editionId, lapsed, before, now });
  }
  return lapsed;
}

async function queueReconfirmMessages(
  tx: Queryable,
  args: { editionId: number; lapsed: { sessionId: number; speakerId: number }[]; before: PlacementBefore[]; now: number },
) {
  const speakerIds = [...new Set(args.lapsed.map((l) => l.speakerId))];
  const sessionIds = [...new Set(args.lapsed.map((l) => l.sessionId))];
  const beforeRoomIds = args.before.map((b) => b.roomId).filter((id): id is number => id !== null);
  const [edition, people, moved, roomNames, links, texts] = await Promise.all([
    tx.select({ title: editions.title, timeZone: editions.timeZone }).from(editions).where(eq(editions.id, args.editionId)).get(),
    tx
      .select({ id: speakers.id, publicName: speakers.publicName, email: speakers.email, locale: speakers.preferredLocale })
      .from(speakers)
      .where(and(eq(speakers.editionId, args.editionId), inArray(speakers.id, speakerIds)))
      .all(),
    tx
      .select({
        id: sessions.id,
        titleFr: sessions.titleFr,
        titleEn: sessions.titleEn,
        slug: sessions.slug,
        startsAt: sessions.startsAt,
        endsAt: sessions.endsAt,
        roomName: rooms.name,
      })
      .from(sessions)
      .leftJoin(rooms, eq(rooms.id, sessions.roomId))
      .where(and(eq(sessions.editionId, args.editionId), inArray(sessions.id, sessionIds)))
      .all(),
    beforeRoomIds.length
      ? tx.select({ id: rooms.id, name: rooms.name }).from(rooms).where(and(eq(rooms.editionId, args.editionId), inArray(rooms.id, beforeRoomIds))).all()
      : Promise.resolve([]),
    tx
      .select({ uuid: invitations.uuid, speakerId: invitations.speakerId, expiresAt: invitations.expiresAt, revokedAt: invitations.revokedAt, lastOpenedAt: invitations.lastOpenedAt })
      .from(invitations)
      .where(and(eq(invitations.editionId, args.editionId), inArray(invitations.speakerId, speakerIds), isNull(invitations.revokedAt)))
      .all(),
    emailTextsOf(tx, { editionId: args.editionId, kind: "reconfirm" }),
  ]);
  if (!edition) return;
  const zone = edition.timeZone;
  const show = { date: (e: number) => localDate(e, zone), time: (e: number) => localTime(e, zone) };
  const roomName = new Map(roomNames.map((r) => [r.id, r.name]));
  const beforeOf = new Map(args.before.map((b) => [b.sessionId, b]));
  const sessionById = new Map(moved.map((s) => [s.id, s]));
  const linkOf = new Map(links.filter((l) => isInvitationUsable(l, args.now)).map((l) => [l.speakerId, l.uuid]));

  const messages = [];
  for (const person of people) {
    if (!person.email) continue;
    const theirs: ReconfirmSession[] = [];
    for (const { sessionId } of args.lapsed.filter((l) => l.speakerId === person.id)) {
      const session = sessionById.get(sessionId);
      if (!session) continue;
      const after: Placement = { startsAt: session.startsAt, endsAt: session.endsAt, roomName: session.roomName };
      const was = beforeOf.get(sessionId);
      const previous: Placement | null = was
        ? { startsAt: was.startsAt, endsAt: was.endsAt, roomName: was.roomId === null ? null : (roomName.get(was.roomId) ?? null) }
        : null;
      theirs.push({
        title: sessionTitleIn(person.locale, session),
        changes: previous ? placementChanges(previous, after, show) : [],
        now: {
          day: after.startsAt === null ? null : show.date(after.startsAt),
          time: after.startsAt === null || after.endsAt === null ? null : `${show.time(after.startsAt)}–${show.time(after.endsAt)}`,
          room: after.roomName,
        },
      });
    }
    if (theirs.length === 0) continue;
    const invitationUuid = linkOf.get(person.id);
    messages.push({
      editionId: args.editionId,
      speakerId: person.id,
      to: person.email,
      ...reconfirmEmail({
        locale: person.locale,
        speakerName: person.publicName,
        editionTitle: edition.title,
        sessions: theirs,
        link: invitationUuid ? linkPlaceholder(invitationUuid, "keep") : null,
        custom: texts.get(person.locale),
      }),
    });
  }
  await queueEmails(tx, messages, args.now);
}
