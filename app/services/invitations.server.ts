// Invitation links (capability URLs, SECURITY.md): 256-bit tokens from the CSPRNG, only
// their SHA-256 stored, looked up by hash, with expiry and revocation; issuing a new link
// revokes the speaker's previous one. A link sent by email is minted when the message is
// delivered, so the outbox never holds a token either.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Queryable } from "~/db/client.server";
import { emails, invitations, speakerLoginSessions, speakers } from "~/db/schema";
import { INVITATION_DAYS, isInvitationUsable } from "~/domain/invitations";
import type { EditionSummary } from "~/models/editions.server";
import { organiserActor, recordAudit } from "~/models/audit.server";
import { emailTextsOf } from "~/models/email-templates.server";
import type { CurrentOrganiser } from "./auth.server";
import { hashToken } from "./auth.server";
import { invitationUrl, linkPlaceholder, newToken } from "./invitation-links.server";
import { invitationEmail, reminderEmail } from "./mail-templates.server";
import { deliverQueued, queueEmails } from "./outbox.server";

const DAY = 24 * 3600 * 1000;

/**
 * A new link for the speaker: every earlier link of theirs in this edition stops working.
 * Returns the token (to show once, or to discard when the link goes by email).
 */
export async function issueInvitation(
  tx: Queryable,
  args: { editionId: number; speakerId: number; organiserId: number | null; now: number },
): Promise<{ id: number; uuid: string; token: string; expiresAt: number }> {
  await tx
    .update(invitations)
    .set({ revokedAt: args.now })
    .where(and(eq(invitations.editionId, args.editionId), eq(invitations.speakerId, args.speakerId), isNull(invitations.revokedAt)));
  const token = newToken();
  const expiresAt = args.now + INVITATION_DAYS * DAY;
  const row = await tx
    .insert(invitations)
    .values({
      editionId: args.editionId,
      speakerId: args.speakerId,
      tokenHash: hashToken(token),
      createdAt: args.now,
      createdBy: args.organiserId,
      expiresAt,
    })
    .returning({ id: invitations.id, uuid: invitations.uuid })
    .get();
  return { ...row, token, expiresAt };
}

export type SendOutcome = "sent" | "stored" | "failed" | "no_email" | "not_found";
/** Whether a message carried a new link (earlier ones stopped working) or kept the live one. */
export type LinkUse = "new" | "kept";
export type SendKind = "invitation" | "reminder";

type SpeakerToInvite = { id: number; uuid: string; publicName: string; email: string | null; preferredLocale: "fr" | "en" };

async function speakersOf(db: Queryable, editionId: number, speakerUuids: string[]): Promise<SpeakerToInvite[]> {
  if (speakerUuids.length === 0) return [];
  return db
    .select({ id: speakers.id, uuid: speakers.uuid, publicName: speakers.publicName, email: speakers.email, preferredLocale: speakers.preferredLocale })
    .from(speakers)
    .where(and(eq(speakers.editionId, editionId), inArray(speakers.uuid, speakerUuids)))
    .all();
}

/**
 * Sends (or re-sends) invitations, or reminders, by email to these speakers of the edition:
 * one transaction issues the links and queues the messages, delivery follows the commit.
 * A speaker's live link is kept working unless `reissue` asks for a new one (which ends
 * every earlier link of theirs and the sessions opened with them).
 */
export async function sendInvitations(args: {
  edition: EditionSummary;
  organiser: CurrentOrganiser;
  speakerUuids: string[];
  reissue?: boolean;
  kind?: SendKind;
  now?: number;
}): Promise<{ speakerUuid: string; outcome: SendOutcome; link?: LinkUse }[]> {
  const kind = args.kind ?? "invitation";
  const now = args.now ?? Date.now();
  const db = await getDb();
  const queued = await db.transaction(async (tx) => {
    const found = await speakersOf(tx, args.edition.id, args.speakerUuids);
    const withEmail = found.filter((s) => s.email);
    const messages = [];
    const audit = [];
    const linkUse = new Map<string, LinkUse>();
    // The edition's own text for this message, in each speaker's language (the default otherwise).
    const texts = await emailTextsOf(tx, { editionId: args.edition.id, kind });
    for (const speaker of withEmail) {
      const live = args.reissue ? null : await activeInvitationOf(tx, { editionId: args.edition.id, speakerId: speaker.id, now });
      const invitation = live
        ? { uuid: live.uuid, expiresAt: live.expiresAt }
        : await issueInvitation(tx, { editionId: args.edition.id, speakerId: speaker.id, organiserId: args.organiser.id, now });
      linkUse.set(speaker.uuid, live ? "kept" : "new");
      const template = kind === "reminder" ? reminderEmail : invitationEmail;
      messages.push({
        editionId: args.edition.id,
        speakerId: speaker.id,
        to: speaker.email!,
        ...template({
          locale: speaker.preferredLocale,
          speakerName: speaker.publicName,
          editionTitle: args.edition.title,
          link: linkPlaceholder(invitation.uuid, live ? "keep" : "replace"),
          expiresAt: invitation.expiresAt,
          timeZone: args.edition.timeZone,
          custom: texts.get(speaker.preferredLocale),
        }),
      });
      audit.push({ speaker, invitation, link: live ? ("kept" as const) : ("new" as const) });
    }
    const ids = await queueEmails(tx, messages, now);
    for (const { speaker, invitation, link } of audit) {
      await recordAudit(tx, {
        editionId: args.edition.id,
        actor: organiserActor(args.organiser),
        entity: "invitation",
        entityUuid: invitation.uuid,
        action: "invite",
        after: { speaker: speaker.uuid, by: "email", kind, link, expiresAt: invitation.expiresAt },
        at: now,
      });
    }
    return { found, linkUse, emailIdBySpeaker: new Map(withEmail.map((s, i) => [s.uuid, ids[i]!])) };
  });
  await deliverQueued({ ids: [...queued.emailIdBySpeaker.values()] });
  const states = new Map(
    (queued.emailIdBySpeaker.size
      ? await db.select({ id: emails.id, state: emails.state }).from(emails).where(inArray(emails.id, [...queued.emailIdBySpeaker.values()])).all()
      : []
    ).map((row) => [row.id, row.state]),
  );
  const byUuid = new Map(queued.found.map((s) => [s.uuid, s]));
  return args.speakerUuids.map((speakerUuid) => {
    const speaker = byUuid.get(speakerUuid);
    if (!speaker) return { speakerUuid, outcome: "not_found" as const };
    const id = queued.emailIdBySpeaker.get(speakerUuid);
    if (id === undefined) return { speakerUuid, outcome: "no_email" as const };
    const state = states.get(id);
    return { speakerUuid, outcome: state === "sent" ? "sent" : state === "stored" ? "stored" : "failed", link: queued.linkUse.get(speakerUuid) };
  });
}

/** A link to hand over by other means: shown once, since only its hash is kept. */
export async function createInvitationLink(args: {
  edition: EditionSummary;
  organiser: CurrentOrganiser;
  speakerUuid: string;
  now?: number;
}): Promise<{ url: string; expiresAt: number; speakerName: string } | null> {
  const now = args.now ?? Date.now();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [speaker] = await speakersOf(tx, args.edition.id, [args.speakerUuid]);
    if (!speaker) return null;
    const invitation = await issueInvitation(tx, { editionId: args.edition.id, speakerId: speaker.id, organiserId: args.organiser.id, now });
    await recordAudit(tx, {
      editionId: args.edition.id,
      actor: organiserActor(args.organiser),
      entity: "invitation",
      entityUuid: invitation.uuid,
      action: "invite",
      after: { speaker: speaker.uuid, by: "link", expiresAt: invitation.expiresAt },
      at: now,
    });
    return { url: invitationUrl(invitation.token), expiresAt: invitation.expiresAt, speakerName: speaker.publicName };
  });
}

/** Withdraws the speaker's link and ends the sessions opened with it. */
export async function revokeInvitation(args: {
  edition: EditionSummary;
  organiser: CurrentOrganiser;
  speakerUuid: string;
  now?: number;
}): Promise<boolean> {
  const now = args.now ?? Date.now();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [speaker] = await speakersOf(tx, args.edition.id, [args.speakerUuid]);
    if (!speaker) return false;
    const revoked = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.editionId, args.edition.id), eq(invitations.speakerId, speaker.id), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id, uuid: invitations.uuid });
    if (revoked.length === 0) return false;
    await tx.delete(speakerLoginSessions).where(inArray(speakerLoginSessions.invitationId, revoked.map((r) => r.id)));
    for (const invitation of revoked) {
      await recordAudit(tx, {
        editionId: args.edition.id,
        actor: organiserActor(args.organiser),
        entity: "invitation",
        entityUuid: invitation.uuid,
        action: "revoke",
        before: { speaker: speaker.uuid },
        at: now,
      });
    }
    return true;
  });
}

/** The speaker's current link, if any: a message sent to a list reuses it unless the organiser asks to re-issue. */
export async function activeInvitationOf(db: Queryable, args: { editionId: number; speakerId: number; now: number }) {
  const rows = await db
    .select({ uuid: invitations.uuid, expiresAt: invitations.expiresAt, revokedAt: invitations.revokedAt, lastOpenedAt: invitations.lastOpenedAt })
    .from(invitations)
    .where(and(eq(invitations.editionId, args.editionId), eq(invitations.speakerId, args.speakerId), isNull(invitations.revokedAt)))
    .all();
  return rows.find((row) => isInvitationUsable(row, args.now)) ?? null;
}
