// Two real app servers (bin/start.js, as `npm start` runs it) on ONE database file: what
// README "Beyond one machine" promises. Login sessions, throttling counters and the programme
// stamp live in the database, so either server sees what the other did; caches follow the stamp.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db/client.server";
import { editions } from "~/db/schema";
import { LATEST_TTL_MS } from "~/services/export-cache.server";
import { uuidv5 } from "~/services/ids.server";
import { freshDatabase } from "../helpers/cli";
import { readFixture } from "../helpers/schedule-files";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";
import { startServer, type RunningServer } from "../helpers/server";
import { TEST_ADMIN_PASSWORD } from "../setup/global-database";

const SLUG = "grand-barouf-2016";
const BOARD = `/editions/${SLUG}/board?day=2016-03-09`;
const VERSIONS = `/editions/${SLUG}/versions`;
const ADMIN = "admin@barouf.example";

let databaseFile: string;
let a: RunningServer;
let b: RunningServer;

/** A request to one server, as a browser on `address` would send it (TRUST_PROXY is on). */
function send(server: RunningServer, pathname: string, init: { cookie?: string; form?: Record<string, string>; address?: string } = {}) {
  const headers: Record<string, string> = { "X-Forwarded-For": init.address ?? "192.0.2.1" };
  if (init.cookie) headers.Cookie = init.cookie;
  if (init.form) {
    headers.Origin = server.url;
    headers["Content-Type"] = "application/x-www-form-urlencoded";
  }
  return fetch(new URL(pathname, server.url), {
    method: init.form ? "POST" : "GET",
    headers,
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    redirect: "manual",
  });
}

function login(server: RunningServer, password: string, address: string) {
  return send(server, "/login", { form: { email: ADMIN, password }, address });
}

/** Asks until `check` holds, for at most `withinMs` (the delay README states), then once more. */
async function eventually(check: () => Promise<boolean>, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}

beforeAll(async () => {
  databaseFile = freshDatabase();
  // Publishing needs the seed's deliberate blocking conflicts acknowledged.
  const db = await openDatabase(`file:${databaseFile}`);
  const edition = (await db.select({ id: editions.id }).from(editions).where(eq(editions.slug, SLUG)).get())!;
  await acknowledgeBlockingConflicts(db, edition.id);
  db.$client.close();
  const env = { TRUST_PROXY: "1", BAROUF_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD };
  // One after the other: both would otherwise run the (idempotent) migrations at once.
  a = await startServer(env, { databaseFile });
  b = await startServer(env, { databaseFile });
}, 180_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  for (const server of [a, b]) expect(server?.stderr() ?? "").toBe("");
});

describe("two app servers on one database", () => {
  it("shows a change made through one on the other's board at once, and on its public export once published", async () => {
    const signedIn = await login(a, TEST_ADMIN_PASSWORD, "192.0.2.10");
    expect(signedIn.status).toBe(302);
    // The login session is a database row: the cookie A set works on B.
    const cookie = signedIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

    // B warms its caches (programme, day view, latest export) before the change.
    expect(await (await send(b, BOARD, { cookie })).text()).toMatch(/Sessions non placées \(4\)/);
    expect((await send(a, VERSIONS, { cookie, form: { intent: "publish", note: "v1" } })).status).toBe(302);
    const session = uuidv5(`${SLUG}/session/grid-41`);
    const exported = async () => ((await (await send(b, `/programme/${SLUG}/programme.json`)).json()) as { sessions: { id: string }[] }).sessions;
    expect((await exported()).some((s) => s.id === session)).toBe(false);

    // A places a session from the tray.
    const placed = await send(a, BOARD, {
      cookie,
      form: { intent: "place", session, version: "1", room: uuidv5(`${SLUG}/room/beffroi`), date: "2016-03-09", start: "09:00", end: "10:00" },
    });
    expect(placed.status).toBe(302);
    // B's board is exact at once: its caches are keyed by the database's programme stamp.
    expect(await (await send(b, BOARD, { cookie })).text()).toMatch(/Sessions non placées \(3\)/);

    // Published on A, the session reaches B's latest URL within LATEST_TTL_MS (README: 5 seconds).
    expect((await send(a, VERSIONS, { cookie, form: { intent: "publish", note: "v2" } })).status).toBe(302);
    expect(await eventually(async () => (await exported()).some((s) => s.id === session), LATEST_TTL_MS)).toBe(true);
    // The versioned URL, immutable, is right at once.
    const v2 = (await (await send(b, `/programme/${SLUG}/v/2/programme.json`)).json()) as { sessions: { id: string }[] };
    expect(v2.sessions.some((s) => s.id === session)).toBe(true);
  }, 120_000);

  it("counts login failures made on both servers against one (account, address) limit", async () => {
    const address = "192.0.2.20";
    // Five failures, split between A and B.
    for (const server of [a, b, a, b, a]) expect((await login(server, "wrong password", address)).status).toBe(401);
    // Both now refuse that address even with the right password; another address gets in.
    for (const server of [a, b]) expect((await login(server, TEST_ADMIN_PASSWORD, address)).status).toBe(429);
    expect((await login(b, TEST_ADMIN_PASSWORD, "192.0.2.21")).status).toBe(302);
  }, 120_000);

  it("applies on B a programme file previewed on A, and either server follows it to the end", async () => {
    const cookie = await cookieOf(await login(a, TEST_ADMIN_PASSWORD, "192.0.2.30"));
    const form = new FormData();
    form.set("intent", "upload");
    form.set("slug", "democon-two-servers");
    form.set("file", new File([readFixture("voc-schedule__pretalx-democon.json")], "democon.json", { type: "application/json" }));
    const preview = await fetch(new URL("/editions/import", a.url), { method: "POST", headers: { Cookie: cookie, Origin: a.url }, body: form, redirect: "manual" });
    expect(preview.status).toBe(200);
    const uploadId = /name="uploadId" value="([^"]+)"/.exec(await preview.text())?.[1];
    expect(uploadId).toBeDefined();

    const applied = await send(b, "/editions/import", { cookie, form: { intent: "apply", uploadId: uploadId! } });
    expect(applied.status).toBe(200);
    for (const server of [a, b]) {
      const progress = await send(server, `/editions/import/progress?upload=${uploadId}`, { cookie });
      expect(await progress.json()).toEqual({ state: "done", result: { slug: "democon-two-servers", title: "DemoCon" } });
      expect((await send(server, "/editions/democon-two-servers", { cookie })).status).toBe(200);
    }
    // Applied once: a second apply, on either server, finds nothing waiting.
    expect((await send(a, "/editions/import", { cookie, form: { intent: "apply", uploadId: uploadId! } })).status).toBe(400);
  }, 120_000);

  it("applies on B a CSV previewed on A, and A's page follows the job B runs", async () => {
    const cookie = await cookieOf(await login(a, TEST_ADMIN_PASSWORD, "192.0.2.31"));
    const url = `/editions/${SLUG}/speakers/import`;
    const csv = ["Nom;Email", "Aïcha Two-Servers;aicha.two-servers@example.org", "Bruno Two-Servers;bruno.two-servers@example.org"].join("\n");
    const step = { fileName: "intervenants.csv", content: Buffer.from(csv, "utf8").toString("base64"), map_publicName: "0", map_email: "1" };
    const preview = await send(a, url, { cookie, form: { intent: "preview", ...step } });
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain("aicha.two-servers@example.org");

    const applied = await send(b, url, { cookie, form: { intent: "apply", ...step } });
    expect(applied.status).toBe(302);
    const jobPage = applied.headers.get("Location")!;
    expect(jobPage).toMatch(/\?job=[0-9a-f-]{36}$/);
    // The job is a row: A, which did not run it, shows it, and its outcome once B is done.
    expect((await send(a, jobPage, { cookie })).status).toBe(200);
    const page = async () => (await send(a, jobPage, { cookie })).text();
    expect(await eventually(async () => (await page()).includes('data-state="done"'), 10_000)).toBe(true);
    expect(await page()).toContain("2 ligne(s) créée(s), 0 doublon(s) ignoré(s)");
    const list = await (await send(a, `/editions/${SLUG}/speakers?q=two-servers`, { cookie })).text();
    expect(list).toContain("Aïcha Two-Servers");
    expect(list).toContain("Bruno Two-Servers");
  }, 120_000);
});

async function cookieOf(signedIn: Response) {
  expect(signedIn.status).toBe(302);
  return signedIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}
