// The speaker side has no accounts: opening an invitation link swaps its token for a
// short-lived cookie (a random id whose SHA-256 is in speaker_login_sessions).
import { and, eq, lt } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { getDb } from "~/db/client.server";
import { editions, invitations, speakerLoginSessions, speakers } from "~/db/schema";
import { isInvitationUsable, SPEAKER_SESSION_HOURS } from "~/domain/invitations";
import { hashToken, signInCookie } from "./auth.server";
import { windowWaitMs } from "~/domain/throttle";
import { counterKey, takeAttempt } from "./rate-limit.server";

const HOUR = 3600_000;

function speakerCookie() {
  return signInCookie("barouf_speaker");
}

/** Headers of every page that carries or follows a capability token. */
export const TOKEN_PAGE_HEADERS = {
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex, nofollow",
} as const;

/**
 * Headers of the speaker's own pages, reached through a token but at a clean URL: those of a
 * token page, except that requests to our own origin keep their Origin and Referer. Under
 * `no-referrer` a browser posts a form without JavaScript with `Origin: null` and no Referer,
 * which the cross-site check must refuse; a clean URL has nothing to leak, and `same-origin`
 * still sends nothing to other sites.
 */
export const SPEAKER_PAGE_HEADERS = { ...TOKEN_PAGE_HEADERS, "Referrer-Policy": "same-origin" } as const;

// Link attempts per address: 20 in 15 minutes, opened or not, counted in the database so every
// app server shares them (ADR 0013). Enough for a speaker who clicks their link a few times,
// and a wall for anyone trying tokens.
const OPEN_ATTEMPTS = { limit: 20, windowMs: 15 * 60_000 };

export type OpenResult =
  | { ok: true; cookie: string; locale: "fr" | "en" }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Swaps a link's token for a speaker session. Unknown, expired, revoked and replaced
 * tokens get the same answer through the same steps: one hash, one lookup by hash.
 */
export async function openInvitation(args: { token: string; clientAddress: string; now?: number }): Promise<OpenResult> {
  const now = args.now ?? Date.now();
  const key = counterKey("invitation-open-address", args.clientAddress);
  const db = await getDb();
  const { waitMs } = await takeAttempt(db, [{ key, windowMs: OPEN_ATTEMPTS.windowMs }], now, (counters) =>
    windowWaitMs(counters.get(key), OPEN_ATTEMPTS.limit, now),
  );
  if (waitMs > 0) return { ok: false, reason: "rate_limited", retryAfterSeconds: Math.ceil(waitMs / 1000) };

  const invitation = await db
    .select({
      id: invitations.id,
      speakerId: invitations.speakerId,
      expiresAt: invitations.expiresAt,
      revokedAt: invitations.revokedAt,
      lastOpenedAt: invitations.lastOpenedAt,
      locale: speakers.preferredLocale,
    })
    .from(invitations)
    .innerJoin(speakers, and(eq(speakers.id, invitations.speakerId), eq(speakers.editionId, invitations.editionId)))
    .where(eq(invitations.tokenHash, hashToken(args.token)))
    .get();
  if (!invitation || !isInvitationUsable(invitation, now)) return { ok: false, reason: "invalid" };

  const id = randomBytes(32).toString("base64url");
  const expiresAt = Math.min(now + SPEAKER_SESSION_HOURS * HOUR, invitation.expiresAt);
  await db.batch([
    db.delete(speakerLoginSessions).where(and(eq(speakerLoginSessions.speakerId, invitation.speakerId), lt(speakerLoginSessions.expiresAt, now))),
    db.insert(speakerLoginSessions).values({ idHash: hashToken(id), speakerId: invitation.speakerId, invitationId: invitation.id, createdAt: now, expiresAt }),
    db.update(invitations).set({ lastOpenedAt: now }).where(eq(invitations.id, invitation.id)),
  ]);
  const cookie = await speakerCookie().serialize(id, { maxAge: Math.floor((expiresAt - now) / 1000) });
  return { ok: true, cookie, locale: invitation.locale };
}

/** What the speaker pages know of their caller. */
export type CurrentSpeaker = {
  id: number;
  uuid: string;
  editionId: number;
  publicName: string;
  edition: { slug: string; title: string; startDate: string; endDate: string; timeZone: string };
};

export async function getSpeaker(request: Request, now = Date.now()): Promise<CurrentSpeaker | null> {
  const value: unknown = await speakerCookie().parse(request.headers.get("Cookie"));
  if (typeof value !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(value)) return null;
  const db = await getDb();
  const row = await db
    .select({
      id: speakers.id,
      uuid: speakers.uuid,
      editionId: speakers.editionId,
      publicName: speakers.publicName,
      expiresAt: speakerLoginSessions.expiresAt,
      revokedAt: invitations.revokedAt,
      slug: editions.slug,
      title: editions.title,
      startDate: editions.startDate,
      endDate: editions.endDate,
      timeZone: editions.timeZone,
    })
    .from(speakerLoginSessions)
    .innerJoin(speakers, eq(speakers.id, speakerLoginSessions.speakerId))
    .innerJoin(invitations, eq(invitations.id, speakerLoginSessions.invitationId))
    .innerJoin(editions, eq(editions.id, speakers.editionId))
    .where(eq(speakerLoginSessions.idHash, hashToken(value)))
    .get();
  if (!row || row.expiresAt <= now || row.revokedAt !== null) return null;
  const { slug, title, startDate, endDate, timeZone } = row;
  return { id: row.id, uuid: row.uuid, editionId: row.editionId, publicName: row.publicName, edition: { slug, title, startDate, endDate, timeZone } };
}

/** Guard of the speaker pages: without a live speaker session, 401 (open your link again). */
export async function requireSpeaker(request: Request): Promise<CurrentSpeaker> {
  const speaker = await getSpeaker(request);
  if (!speaker) throw new Response("Speaker session expired", { status: 401, headers: SPEAKER_PAGE_HEADERS });
  return speaker;
}

