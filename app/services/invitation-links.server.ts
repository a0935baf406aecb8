// Personal invitation links: a message stores a placeholder, and the link is minted at
// delivery (the outbox calls mintInvitationLinks), so a stored copy never holds a token.
// Its own module so the outbox and the invitations service do not import each other.
import { and, eq, isNull } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { Queryable } from "~/db/client.server";
import { invitations } from "~/db/schema";
import { isInvitationUsable } from "~/domain/invitations";
import { getEnv } from "~/env.server";
import { hashToken } from "./auth.server";

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function invitationUrl(token: string): string {
  return `${getEnv().publicOrigin}/invitation/${token}`;
}

/**
 * Where a personal link goes in a stored message; replaced by a fresh link at delivery.
 * `keep`: the speaker's link stays live and the message carries a second key to the same
 * access (same expiry); otherwise the message's link replaces the invitation's token.
 */
export function linkPlaceholder(invitationUuid: string, mode: "replace" | "keep" = "replace"): string {
  return mode === "keep" ? `{{invitation+keep:${invitationUuid}}}` : `{{invitation:${invitationUuid}}}`;
}
const PLACEHOLDER = /\{\{invitation(\+keep)?:([0-9a-f-]{36})\}\}/g;

/** The stored copy of a message as organisers read it: the personal link is never in it. */
export function hideLinkPlaceholders(text: string, label: string): string {
  return text.replace(PLACEHOLDER, label);
}

/**
 * At delivery: each personal-link placeholder in the message becomes a fresh link to its
 * invitation: a replacing one (the earlier token of that invitation stops working) or, for
 * a kept one, a second key beside it with the same expiry. A withdrawn or expired
 * invitation makes the delivery fail rather than send a dead link.
 */
export async function mintInvitationLinks(
  db: Queryable,
  message: { editionId: number | null; speakerId: number | null; text: string; html: string },
  now: number,
): Promise<{ text: string; html: string }> {
  const found = new Map([...message.text.matchAll(PLACEHOLDER)].map((m) => [m[0], { keep: Boolean(m[1]), uuid: m[2]! }]));
  let { text, html } = message;
  for (const [placeholder, { keep, uuid }] of found) {
    const invitation = await db
      .select({
        id: invitations.id,
        editionId: invitations.editionId,
        speakerId: invitations.speakerId,
        createdBy: invitations.createdBy,
        expiresAt: invitations.expiresAt,
        revokedAt: invitations.revokedAt,
        lastOpenedAt: invitations.lastOpenedAt,
      })
      .from(invitations)
      .where(
        and(
          eq(invitations.uuid, uuid),
          message.editionId === null ? isNull(invitations.editionId) : eq(invitations.editionId, message.editionId),
          message.speakerId === null ? isNull(invitations.speakerId) : eq(invitations.speakerId, message.speakerId),
        ),
      )
      .get();
    if (!invitation || !isInvitationUsable(invitation, now)) throw new Error("The invitation was withdrawn or replaced by a newer link");
    const token = newToken();
    if (keep) {
      // A second key to the same access: the link the speaker already has keeps working.
      await db.insert(invitations).values({
        editionId: invitation.editionId,
        speakerId: invitation.speakerId,
        tokenHash: hashToken(token),
        createdAt: now,
        createdBy: invitation.createdBy,
        expiresAt: invitation.expiresAt,
        sentAt: now,
      });
    } else {
      await db.update(invitations).set({ tokenHash: hashToken(token), sentAt: now }).where(eq(invitations.id, invitation.id));
    }
    const url = invitationUrl(token);
    text = text.replaceAll(placeholder, url);
    html = html.replaceAll(placeholder, url);
  }
  return { text, html };
}
