// Invitations and what a speaker's answers add up to. Pure: `now` comes in as an argument.
import type { Confirmation } from "~/domain/vocabulary";

export const INVITATION_STATES = ["not_invited", "invited", "opened", "all_confirmed", "some_declined", "must_reconfirm"] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

/** How long a new link stays valid, and how long the cookie it is swapped for lasts. */
export const INVITATION_DAYS = 60;
export const SPEAKER_SESSION_HOURS = 4;

export type InvitationFacts = {
  expiresAt: number;
  revokedAt: number | null;
  lastOpenedAt: number | null;
};

/** A link opens only while it is neither revoked nor expired (half-open: expired at `expiresAt`). */
export function isInvitationUsable(invitation: InvitationFacts, now: number): boolean {
  return invitation.revokedAt === null && now < invitation.expiresAt;
}

/**
 * One speaker's state, for the organisers' list. What the speaker answered wins over the
 * link's own life: a lapsed confirmation first, then a refusal, then all confirmed; a
 * speaker without a usable link is "not invited" whatever happened before.
 */
export function invitationState(
  invitation: InvitationFacts | null,
  confirmations: readonly Confirmation[],
  now: number,
): InvitationState {
  if (confirmations.includes("must_reconfirm")) return "must_reconfirm";
  if (confirmations.includes("declined")) return "some_declined";
  if (confirmations.length > 0 && confirmations.every((c) => c === "confirmed")) return "all_confirmed";
  if (!invitation || !isInvitationUsable(invitation, now)) return "not_invited";
  return invitation.lastOpenedAt === null ? "invited" : "opened";
}

/** The link's own life, shown beside the state. */
export type LinkStatus = "none" | "active" | "expired" | "revoked";

export function linkStatus(invitation: InvitationFacts | null, now: number): LinkStatus {
  if (!invitation) return "none";
  if (invitation.revokedAt !== null) return "revoked";
  return now < invitation.expiresAt ? "active" : "expired";
}

/** Where a session was and is: what a re-confirmation message says changed. */
export type Placement = { startsAt: number | null; endsAt: number | null; roomName: string | null };

export type PlacementChange = { field: "day" | "time" | "room"; before: string | null; after: string | null };

/** The day, time and room changes between two placements, read in the edition's zone. */
export function placementChanges(
  before: Placement,
  after: Placement,
  show: { date: (epoch: number) => string; time: (epoch: number) => string },
): PlacementChange[] {
  const day = (p: Placement) => (p.startsAt === null ? null : show.date(p.startsAt));
  const time = (p: Placement) =>
    p.startsAt === null || p.endsAt === null ? null : `${show.time(p.startsAt)}–${show.time(p.endsAt)}`;
  const changes: PlacementChange[] = [];
  if (day(before) !== day(after)) changes.push({ field: "day", before: day(before), after: day(after) });
  if (time(before) !== time(after)) changes.push({ field: "time", before: time(before), after: time(after) });
  if (before.roomName !== after.roomName) changes.push({ field: "room", before: before.roomName, after: after.roomName });
  return changes;
}

/**
 * Who a message to a list goes to, by what they still have to do: never invited, invited
 * without an answer yet (link sent or opened), or asked to confirm again after a change.
 */
export const AUDIENCES = ["not_invited", "not_answered", "must_reconfirm"] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The audiences a reminder can go to: people who already have a link. */
export const REMINDER_AUDIENCES = ["not_answered", "must_reconfirm"] as const satisfies readonly Audience[];

export function audienceOf(state: InvitationState): Audience | null {
  if (state === "not_invited") return "not_invited";
  if (state === "invited" || state === "opened") return "not_answered";
  if (state === "must_reconfirm") return "must_reconfirm";
  return null;
}

export type ListFacts = { state: InvitationState; email: string | null; sessions: number; contactedAt: number | null };

/**
 * Whether a speaker is one of those a message to a list goes to: in one of the chosen
 * audiences, with an email address, with at least one session unless speakers without
 * one were chosen too and, for a reminder, not contacted since `notContactedSince`.
 */
export function isInAudience(
  row: ListFacts,
  choice: { audiences: readonly Audience[]; withoutSession: boolean; notContactedSince?: number | null },
): boolean {
  const audience = audienceOf(row.state);
  if (!audience || !choice.audiences.includes(audience)) return false;
  if (!row.email) return false;
  if (row.sessions === 0 && !choice.withoutSession) return false;
  if (choice.notContactedSince != null && row.contactedAt !== null && row.contactedAt >= choice.notContactedSince) return false;
  return true;
}
