import { createCookie, redirect } from "@remix-run/node";
import { and, eq, lt, or } from "drizzle-orm";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "~/db/client.server";
import { loginSessions, organisers } from "~/db/schema";
import type { OrganiserRole } from "~/domain/vocabulary";
import { getEnv } from "~/env.server";
import { safeRedirect } from "~/utils/redirect";
import { burnPasswordCheck, verifyPassword } from "./password.server";
import { LOGIN_THROTTLE, loginWaitMs } from "~/domain/throttle";
import { counterKey, settleAttempt, takeAttempt } from "./rate-limit.server";

/** What every organiser page knows of its caller; nothing secret. */
export type CurrentOrganiser = {
  id: number;
  uuid: string;
  email: string;
  name: string;
  role: OrganiserRole;
  organisationId: number | null;
};

const MINUTE = 60_000;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_EVERY_MS = MINUTE;

/**
 * A cookie that carries who is signed in (organiser or speaker): HttpOnly, SameSite=Lax,
 * whole site; `__Host-` and Secure when served over HTTPS (PUBLIC_ORIGIN), plain on http://127.0.0.1.
 */
export function signInCookie(name: "barouf_session" | "barouf_speaker") {
  const env = getEnv();
  return createCookie(env.secureCookies ? `__Host-${name}` : name, {
    httpOnly: true,
    secure: env.secureCookies,
    sameSite: "lax",
    path: "/",
  });
}

function sessionCookie() {
  return signInCookie("barouf_session");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

async function readSessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

/** The organiser behind the request's login session, or null. Expired sessions are removed. */
export async function getCurrentOrganiser(request: Request, now = Date.now()): Promise<CurrentOrganiser | null> {
  const id = await readSessionId(request);
  if (!id) return null;
  const db = await getDb();
  const idHash = hashToken(id);
  const row = await db
    .select({
      id: organisers.id,
      uuid: organisers.uuid,
      email: organisers.email,
      name: organisers.name,
      role: organisers.role,
      organisationId: organisers.organisationId,
      active: organisers.active,
      lastSeenAt: loginSessions.lastSeenAt,
      expiresAt: loginSessions.expiresAt,
    })
    .from(loginSessions)
    .innerJoin(organisers, eq(organisers.id, loginSessions.organiserId))
    .where(eq(loginSessions.idHash, idHash))
    .get();
  if (!row) return null;
  const idleLimit = getEnv().SESSION_IDLE_MINUTES * MINUTE;
  if (!row.active || row.expiresAt <= now || row.lastSeenAt + idleLimit <= now) {
    await db.delete(loginSessions).where(eq(loginSessions.idHash, idHash));
    return null;
  }
  if (now - row.lastSeenAt > TOUCH_EVERY_MS) {
    await db.update(loginSessions).set({ lastSeenAt: now }).where(eq(loginSessions.idHash, idHash));
  }
  const { active: _active, lastSeenAt: _seen, expiresAt: _expires, ...organiser } = row;
  return organiser;
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const back = safeRedirect(url.pathname + url.search, "/");
  const search = back === "/" ? "" : `?${new URLSearchParams({ redirectTo: back })}`;
  throw redirect(`/login${search}`);
}

/** Guard: anyone signed in; anonymous callers go to the login page and come back after. */
export async function requireOrganiser(request: Request): Promise<CurrentOrganiser> {
  return (await getCurrentOrganiser(request)) ?? loginRedirect(request);
}


export type LoginResult =
  | { ok: true; organiserId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks a password under the login throttling rule (ADR 0013); the same answer for an unknown
 * email and a wrong password. The attempt is counted before the password is checked (so parallel
 * guesses cannot all pass a counter read at once) and given back when the password was right.
 */
export async function verifyLogin(args: {
  email: string;
  password: string;
  clientAddress: string;
  now?: number;
}): Promise<LoginResult> {
  const now = args.now ?? Date.now();
  const email = args.email.trim().toLowerCase();
  const keys = {
    pair: counterKey("login-account-address", email, args.clientAddress),
    address: counterKey("login-address", args.clientAddress),
    account: counterKey("login-account", email),
  };
  const windowMs = LOGIN_THROTTLE.windowMs;
  const db = await getDb();
  const { waitMs } = await takeAttempt(db, Object.values(keys).map((key) => ({ key, windowMs })), now, (counters) =>
    loginWaitMs({ pair: counters.get(keys.pair), address: counters.get(keys.address), account: counters.get(keys.account) }, now),
  );
  if (waitMs > 0) return { ok: false, reason: "rate_limited", retryAfterSeconds: Math.ceil(waitMs / 1000) };

  const organiser = await db
    .select({ id: organisers.id, passwordHash: organisers.passwordHash, active: organisers.active })
    .from(organisers)
    .where(eq(organisers.email, email))
    .get();
  let valid = false;
  if (organiser?.active) valid = await verifyPassword(args.password, organiser.passwordHash);
  else await burnPasswordCheck(args.password);
  if (!valid || !organiser) return { ok: false, reason: "invalid" };
  // A right password: this address starts afresh on this account, and the attempt was no failure.
  await settleAttempt(db, { clear: [keys.pair], giveBack: [keys.address, keys.account] });
  return { ok: true, organiserId: organiser.id };
}

/** Starts a fresh login session (a new id at every login) and returns its Set-Cookie header. */
export async function startLoginSession(organiserId: number, now = Date.now()): Promise<string> {
  const env = getEnv();
  const db = await getDb();
  const id = randomBytes(32).toString("base64url");
  const expiresAt = now + env.SESSION_ABSOLUTE_HOURS * 60 * MINUTE;
  await db.batch([
    // Housekeeping: this organiser's stale sessions go.
    db
      .delete(loginSessions)
      .where(and(eq(loginSessions.organiserId, organiserId), or(lt(loginSessions.expiresAt, now), lt(loginSessions.lastSeenAt, now - env.SESSION_IDLE_MINUTES * MINUTE)))),
    db.insert(loginSessions).values({ idHash: hashToken(id), organiserId, createdAt: now, lastSeenAt: now, expiresAt }),
    db.update(organisers).set({ lastLoginAt: now }).where(eq(organisers.id, organiserId)),
  ]);
  return sessionCookie().serialize(id, { maxAge: env.SESSION_ABSOLUTE_HOURS * 3600 });
}

/** Ends the request's login session on the server and returns the Set-Cookie that clears it. */
export async function endLoginSession(request: Request): Promise<string> {
  const id = await readSessionId(request);
  if (id) {
    const db = await getDb();
    await db.delete(loginSessions).where(eq(loginSessions.idHash, hashToken(id)));
  }
  return sessionCookie().serialize("", { maxAge: 0 });
}
