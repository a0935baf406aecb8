import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loginSessions, organisers, rateLimitCounters } from "~/db/schema";
import { hashToken } from "~/services/auth.server";
import { createOrganiser } from "../../seed/factories";
import { cookiesOf, db, ORIGIN, PASSWORD, request, SEED_EDITION, signIn } from "../helpers/app";
import { TEST_ADMIN_PASSWORD } from "../setup/global-database";

async function sessionIdHash(cookie: string) {
  const value = decodeURIComponent(cookie.split("=")[1]!).replace(/^"|"$/g, "");
  // createCookie serialises the value as base64 JSON; decode it to the raw id.
  const raw = JSON.parse(Buffer.from(value, "base64").toString("utf8")) as string;
  return hashToken(raw);
}

describe("organiser login", () => {
  it("signs in the seed admin and shows the edition dashboard", async () => {
    const login = await request("/login", { form: { email: "admin@barouf.example", password: TEST_ADMIN_PASSWORD } });
    expect(login.status).toBe(302);
    expect(login.headers.get("Location")).toBe("/");
    const cookie = cookiesOf(login);
    const home = await request("/", { cookie });
    expect(home.status).toBe(302);
    expect(home.headers.get("Location")).toBe(`/editions/${SEED_EDITION}`);
    const dashboard = await request(`/editions/${SEED_EDITION}`, { cookie });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain("Grand Barouf numérique 2016");
  });

  it("sets the session cookie HttpOnly, SameSite=Lax, path /, without Secure over plain HTTP", async () => {
    const login = await request("/login", { form: { email: "admin@barouf.example", password: TEST_ADMIN_PASSWORD } });
    const [cookie] = login.headers.getSetCookie();
    expect(cookie).toMatch(/^barouf_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it("answers an unknown email and a wrong password the same way, keeping the email typed", async () => {
    const wrong = await request("/login", { form: { email: "admin@barouf.example", password: "not the password" } });
    const unknown = await request("/login", { form: { email: "nobody@barouf.example", password: "not the password" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.text(), await unknown.text()];
    expect(a).toContain("Adresse e-mail ou mot de passe incorrect.");
    expect(b).toContain("Adresse e-mail ou mot de passe incorrect.");
    expect(b).toContain("nobody@barouf.example");
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it("returns field errors with status 400 for an empty form", async () => {
    const response = await request("/login", { form: { email: "", password: "" } });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Ce champ est obligatoire.");
    expect(html).toContain('aria-invalid="true"');
  });

  it("gives a new session id at every login and invalidates it server-side at logout", async () => {
    const first = await signIn("editor");
    const again = await request("/login", { form: { email: first.organiser.email, password: PASSWORD } });
    const second = cookiesOf(again);
    expect(second).not.toBe(first.cookie);

    const database = await db();
    const hash = await sessionIdHash(first.cookie);
    expect(await database.select().from(loginSessions).where(eq(loginSessions.idHash, hash)).get()).toBeTruthy();

    const logout = await request("/logout", { method: "POST", cookie: first.cookie });
    expect(logout.status).toBe(302);
    expect(logout.headers.getSetCookie()[0]).toMatch(/Max-Age=0/);
    expect(await database.select().from(loginSessions).where(eq(loginSessions.idHash, hash)).get()).toBeUndefined();
    // The old cookie, replayed, no longer works; the other session still does.
    const replay = await request(`/editions/${SEED_EDITION}`, { cookie: first.cookie });
    expect(replay.status).toBe(302);
    expect(replay.headers.get("Location")).toMatch(/^\/login/);
    expect((await request(`/editions/${SEED_EDITION}`, { cookie: second })).status).toBe(200);
  });

  it("ends idle and too-old sessions", async () => {
    const database = await db();
    const idle = await signIn("viewer");
    await database
      .update(loginSessions)
      .set({ lastSeenAt: Date.now() - 5 * 3600_000 })
      .where(eq(loginSessions.idHash, await sessionIdHash(idle.cookie)));
    expect((await request(`/editions/${SEED_EDITION}`, { cookie: idle.cookie })).status).toBe(302);

    const old = await signIn("viewer");
    await database
      .update(loginSessions)
      .set({ expiresAt: Date.now() - 1 })
      .where(eq(loginSessions.idHash, await sessionIdHash(old.cookie)));
    expect((await request(`/editions/${SEED_EDITION}`, { cookie: old.cookie })).status).toBe(302);
  });

  it("ends a deactivated organiser's sessions at once", async () => {
    const { organiser, cookie } = await signIn("editor");
    const database = await db();
    await database.update(organisers).set({ active: false }).where(eq(organisers.id, organiser.id));
    const response = await request(`/editions/${SEED_EDITION}`, { cookie });
    expect(response.status).toBe(302);
    const relogin = await request("/login", { form: { email: organiser.email, password: PASSWORD } });
    expect(relogin.status).toBe(401);
  });

  it("redirects anonymous visitors to login with a same-origin redirectTo, and back after login", async () => {
    const response = await request(`/editions/${SEED_EDITION}?tab=1`);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/editions/${SEED_EDITION}?tab=1`)}`);
    const database = await db();
    const organiser = await createOrganiser(database, { role: "admin", password: PASSWORD });
    const login = await request("/login", {
      form: { email: organiser.email, password: PASSWORD, redirectTo: `/editions/${SEED_EDITION}?tab=1` },
    });
    expect(login.headers.get("Location")).toBe(`/editions/${SEED_EDITION}?tab=1`);
  });

  it.each(["//evil.example/x", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "/%09/evil.example"])(
    "refuses the redirect target %s",
    async (target) => {
      const database = await db();
      const organiser = await createOrganiser(database, { role: "viewer", password: PASSWORD });
      const login = await request("/login", { form: { email: organiser.email, password: PASSWORD, redirectTo: target } });
      const location = login.headers.get("Location")!;
      expect(new URL(location, "http://barouf.test").origin).toBe("http://barouf.test");
      expect(location.startsWith("//")).toBe(false);
    },
  );

  it.each(["/.//evil.example", "/%2e%2e//evil.example", "/editions/../..//evil.example"])(
    "keeps a signed-in organiser opening /login?redirectTo=%s on the site",
    async (target) => {
      const { cookie } = await signIn("admin");
      const response = await request(`/login?redirectTo=${encodeURIComponent(target)}`, { cookie });
      expect(response.status).toBe(302);
      const location = response.headers.get("Location")!;
      expect(location).toBe("/");
      expect(new URL(location, ORIGIN).origin).toBe(ORIGIN);
      // And through the login form itself.
      const database = await db();
      const organiser = await createOrganiser(database, { role: "viewer", password: PASSWORD });
      const login = await request("/login", { form: { email: organiser.email, password: PASSWORD, redirectTo: target } });
      expect(login.headers.get("Location")).toBe("/");
    },
  );

  it("stores passwords as scrypt hashes with the OWASP parameters", async () => {
    const database = await db();
    const admin = await database.select().from(organisers).where(eq(organisers.email, "admin@barouf.example")).get();
    expect(admin?.passwordHash).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  });
});

describe("login throttling without lock-out (ADR 0013)", () => {
  const wrong = (email: string, clientAddress: string) => request("/login", { form: { email, password: "wrong password" }, clientAddress });
  const right = (email: string, clientAddress: string) => request("/login", { form: { email, password: PASSWORD }, clientAddress });
  /** Every counter's window ends now: what 15 minutes of waiting does, without waiting. */
  const windowsPass = async () => (await db()).update(rateLimitCounters).set({ windowEndsAt: Date.now() - 1 });
  /** Every counted attempt happened an hour ago: slow-downs are over, windows still run. */
  const slowDownsPass = async () => (await db()).update(rateLimitCounters).set({ lastHitAt: Date.now() - 3600_000 });

  it("refuses an address after 5 failures on one account, even with the right password, until the window passes", async () => {
    const organiser = await createOrganiser(await db(), { role: "editor", password: PASSWORD });
    for (let i = 0; i < 5; i++) expect((await wrong(organiser.email, "198.51.100.20")).status).toBe(401);
    const blocked = await right(organiser.email, "198.51.100.20");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(14 * 60);
    expect(await blocked.text()).toContain("Trop de tentatives. Réessayez dans 15 min.");
    // The owner, from their own machine, is not locked out.
    expect((await right(organiser.email, "198.51.100.21")).status).toBe(302);
    await windowsPass();
    expect((await right(organiser.email, "198.51.100.20")).status).toBe(302);
  });

  it("lets the right password in at once from a fresh address after 50 wrong ones from 10 others", async () => {
    const organiser = await createOrganiser(await db(), { role: "editor", password: PASSWORD });
    const statuses: number[] = [];
    // Five rounds of ten addresses at once; between rounds the attacker waits out the slow-down.
    for (let round = 0; round < 5; round++) {
      await slowDownsPass();
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => wrong(organiser.email, `198.51.100.${30 + i}`)));
      statuses.push(...answers.map((r) => r.status));
    }
    expect(statuses).toEqual(Array(50).fill(401));
    expect((await right(organiser.email, "198.51.100.99")).status).toBe(302);
  }, 180_000);

  it("slows down, without refusing for long, an address that failed on an account under attack", async () => {
    const organiser = await createOrganiser(await db(), { role: "editor", password: PASSWORD });
    for (let i = 0; i < 10; i++) expect((await wrong(organiser.email, `198.51.100.${40 + i}`)).status).toBe(401);
    // 10 failures on the account: an address that failed waits a few seconds, said in seconds.
    const slowed = await right(organiser.email, "198.51.100.40");
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get("Retry-After"))).toBeLessThanOrEqual(15);
    expect(await slowed.text()).toMatch(/Trop de tentatives\. Réessayez dans \d+ s\./);
    await slowDownsPass();
    expect((await right(organiser.email, "198.51.100.40")).status).toBe(302);
  });

  it("resets an address's failures on an account when it signs in", async () => {
    const organiser = await createOrganiser(await db(), { role: "editor", password: PASSWORD });
    for (let i = 0; i < 4; i++) expect((await wrong(organiser.email, "198.51.100.60")).status).toBe(401);
    expect((await right(organiser.email, "198.51.100.60")).status).toBe(302);
    for (let i = 0; i < 4; i++) expect((await wrong(organiser.email, "198.51.100.60")).status).toBe(401);
    expect((await right(organiser.email, "198.51.100.60")).status).toBe(302);
  });

  it("refuses an address after 30 failures across accounts; other addresses go on", async () => {
    for (let i = 0; i < 30; i++) expect((await wrong(`ghost${i}@barouf.example`, "198.51.100.9")).status).toBe(401);
    const blocked = await request("/login", { form: { email: "admin@barouf.example", password: TEST_ADMIN_PASSWORD }, clientAddress: "198.51.100.9" });
    expect(blocked.status).toBe(429);
    const elsewhere = await request("/login", { form: { email: "admin@barouf.example", password: TEST_ADMIN_PASSWORD }, clientAddress: "198.51.100.10" });
    expect(elsewhere.status).toBe(302);
  }, 120_000);

  it("keeps no email or address in clear in the counters", async () => {
    await wrong("someone.secret@barouf.example", "198.51.100.70");
    const keys = (await (await db()).select({ key: rateLimitCounters.key }).from(rateLimitCounters).all()).map((r) => r.key).join(" ");
    expect(keys).toContain("login-account-address:");
    expect(keys).not.toContain("someone.secret");
    expect(keys).not.toContain("198.51.100.70");
  });
});
