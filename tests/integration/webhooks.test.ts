// Webhooks end to end: endpoints registered through the page, deliveries queued by the publish
// transaction and sent to a real HTTP receiver on 127.0.0.1, each verified with the
// `standardwebhooks` library; retries driven by moving the clock (Date only), rotation with
// its grace period, disabling after a day of failures, and the address rules.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, asc, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, editions, webhookAttempts, webhookDeliveries, webhookEndpoints } from "~/db/schema";
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from "~/domain/webhooks";
import { publishProgramme } from "~/services/publishing.server";
import { checkWebhookUrl, isPublicAddress } from "~/services/webhook-addresses.server";
import { deliverDueWebhooks } from "~/services/webhooks.server";
import { db, request, SEED_EDITION, signIn } from "../helpers/app";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";

// The receivers listen on 127.0.0.1: the environment lets webhooks reach it (read once, lazily).
process.env.WEBHOOKS_ALLOW_PRIVATE = "1";

type Received = { headers: IncomingHttpHeaders; body: string; at: number };

/** A receiver that answers 500 `failures` times, then 204; it keeps every request. */
async function receiver() {
  const state = { failures: 0, received: [] as Received[] };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      state.received.push({ headers: req.headers, body, at: Date.now() });
      if (state.failures > 0) {
        state.failures--;
        res.writeHead(500, { "Content-Type": "text/plain" }).end("receiver down for maintenance");
      } else {
        res.writeHead(204).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { state, server, port, url: `http://127.0.0.1:${port}/hooks/barouf` };
}

function headersOf(received: Received): Record<string, string> {
  return {
    "webhook-id": String(received.headers["webhook-id"]),
    "webhook-timestamp": String(received.headers["webhook-timestamp"]),
    "webhook-signature": String(received.headers["webhook-signature"]),
  };
}

let editionId: number;
let writer: string;
const receivers: Awaited<ReturnType<typeof receiver>>[] = [];

async function endpointByUrl(url: string) {
  return (await (await db()).select().from(webhookEndpoints).where(and(eq(webhookEndpoints.editionId, editionId), eq(webhookEndpoints.url, url))).get())!;
}

async function addThroughPage(url: string, cookie = writer) {
  return request(`/editions/${SEED_EDITION}/webhooks`, { cookie, form: { intent: "add", url, description: "Site du festival", events: "version.published", active: "on" } });
}

async function attemptsOf(deliveryUuid: string) {
  const database = await db();
  const delivery = (await database.select().from(webhookDeliveries).where(eq(webhookDeliveries.uuid, deliveryUuid)).get())!;
  const attempts = await database.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, delivery.id)).orderBy(asc(webhookAttempts.attempt)).all();
  return { delivery, attempts };
}

/** What the receiver got for the endpoint's latest delivery (found by its webhook-id). */
async function receivedFor(r: Awaited<ReturnType<typeof receiver>>, endpointId: number): Promise<Received> {
  const rows = await (await db()).select({ uuid: webhookDeliveries.uuid }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).orderBy(asc(webhookDeliveries.id)).all();
  const uuid = rows.at(-1)!.uuid;
  const found = r.state.received.find((x) => x.headers["webhook-id"] === uuid);
  expect(found, `delivery ${uuid} received`).toBeDefined();
  return found!;
}

/** Moves the clock to each retry of the delivery and runs the worker, until it settles. */
async function driveRetries(deliveryUuid: string) {
  for (let i = 0; i < MAX_ATTEMPTS + 1; i++) {
    const { delivery } = await attemptsOf(deliveryUuid);
    if (delivery.state !== "queued") return delivery;
    vi.setSystemTime(Math.max(Date.now(), delivery.nextAttemptAt));
    await deliverDueWebhooks();
  }
  return (await attemptsOf(deliveryUuid)).delivery;
}

beforeAll(async () => {
  const database = await db();
  editionId = (await database.select({ id: editions.id }).from(editions).where(eq(editions.slug, SEED_EDITION)).get())!.id;
  await acknowledgeBlockingConflicts(database, editionId);
  writer = (await signIn("editor")).cookie;
  for (let i = 0; i < 3; i++) receivers.push(await receiver());
});

afterAll(async () => {
  vi.useRealTimers();
  for (const r of receivers) await new Promise((resolve) => r.server.close(resolve));
});

describe("the address rules", () => {
  it("accepts only http(s) to public addresses, unless private ones are allowed", async () => {
    const strict = { allowPrivate: false };
    expect(await checkWebhookUrl("ftp://example.org/hook", strict)).toBe("webhooks.url.scheme");
    expect(await checkWebhookUrl("javascript:alert(1)", strict)).toBe("webhooks.url.scheme");
    expect(await checkWebhookUrl("not a url", strict)).toBe("webhooks.url.invalid");
    expect(await checkWebhookUrl("https://user:pw@example.org/", strict)).toBe("webhooks.url.credentials");
    for (const url of [
      "http://127.0.0.1:8080/",
      "http://10.0.0.5/",
      "http://172.20.1.1/",
      "http://192.168.1.10/",
      "http://169.254.169.254/latest/meta-data/",
      "http://100.64.0.1/",
      "http://0.0.0.0/",
      "http://[::1]/",
      "http://[fe80::1]/",
      "http://[fd00::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://localhost:3000/",
    ]) {
      expect(await checkWebhookUrl(url, strict), url).toBe("webhooks.url.private");
    }
    expect(await checkWebhookUrl("https://93.184.215.14/hook", strict)).toBeNull();
    expect(await checkWebhookUrl("http://[2606:4700::1111]/", strict)).toBeNull();
    expect(await checkWebhookUrl("http://127.0.0.1:8080/", { allowPrivate: true })).toBeNull();
    expect(isPublicAddress("8.8.8.8")).toBe(true);
    expect(isPublicAddress("::ffff:10.0.0.1")).toBe(false);
  });

  it("refuses a bad address on the page, field by field, keeping what was typed", async () => {
    const response = await addThroughPage("ftp://example.org/hook");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("L’adresse doit commencer par http:// ou https://.");
    expect(html).toContain('value="ftp://example.org/hook"');
    expect(html).toMatch(/aria-invalid="true"[^>]*name="url"|name="url"[^>]*aria-invalid="true"/);
    const credentials = await addThroughPage("https://user:pw@example.org/");
    expect(credentials.status).toBe(400);
    expect(await credentials.text()).toContain("L’adresse ne doit contenir ni identifiant ni mot de passe.");
  });

  it("checks the address again when connecting: a name that now resolves to loopback reaches nothing", async () => {
    const r = receivers[2]!;
    // Saved while private addresses were allowed; delivered when they are not.
    const url = `http://localhost:${r.port}/rebound`;
    expect((await addThroughPage(url)).status).toBe(200);
    const literal = `http://127.0.0.1:${r.port}/literal`;
    expect((await addThroughPage(literal)).status).toBe(200);
    for (const u of [url, literal]) {
      const endpoint = await endpointByUrl(u);
      const test = await request(`/editions/${SEED_EDITION}/webhooks`, { cookie: writer, form: { intent: "test", endpoint: endpoint.uuid } });
      expect(test.status).toBe(200);
    }
    // The page's test went out while allowed; now the same endpoints with the rule on.
    const before = r.state.received.length;
    const database = await db();
    for (const u of [url, literal]) {
      const endpoint = await endpointByUrl(u);
      const [queued] = await database
        .insert(webhookDeliveries)
        .values({ editionId, endpointId: endpoint.id, event: "webhook.test", payload: "{}", nextAttemptAt: Date.now(), createdAt: Date.now() })
        .returning();
      const report = await deliverDueWebhooks({ ids: [queued!.id], allowPrivate: false });
      expect(report.retrying).toBe(1);
      const { attempts } = await attemptsOf(queued!.uuid);
      expect(attempts[0]!.status).toBeNull();
      expect(attempts[0]!.response).toMatch(/non-public address (127\.0\.0\.1|::1)/);
      await database.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    }
    expect(r.state.received.length).toBe(before);
  });
});

describe("deliveries", () => {
  it("queues version.published in the publish transaction and delivers it signed, with public data only", async () => {
    const r = receivers[0]!;
    const added = await addThroughPage(r.url);
    expect(added.status).toBe(200);
    const endpoint = await endpointByUrl(r.url);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const published = await publishProgramme(await db(), { editionId, slug: SEED_EDITION, actor: { type: "system" }, note: null, now: Date.now() });
    expect(published.ok && published.webhooks).toBe(1);
    await deliverDueWebhooks();
    expect(r.state.received).toHaveLength(1);
    const received = r.state.received[0]!;
    const payload = new Webhook(endpoint.secret).verify(received.body, headersOf(received)) as {
      type: string;
      data: { edition: { slug: string }; version: { number: number }; urls: { page: { version: string; latest: string }; formats: { format: string; version: string; latest: string }[]; feed: string }; changes: { total: number; summary: { fr: string; en: string } } };
    };
    expect(payload.type).toBe("version.published");
    expect(payload.data.edition.slug).toBe(SEED_EDITION);
    const number = payload.data.version.number;
    expect(payload.data.urls.page.version).toBe(`http://barouf.test/programme/${SEED_EDITION}/v/${number}/`);
    expect(payload.data.urls.page.latest).toBe(`http://barouf.test/programme/${SEED_EDITION}/`);
    expect(payload.data.urls.formats.map((f) => f.latest.split("/").pop())).toEqual(["programme.json", "schedule.json", "schedule.xml", "programme.ics", "programme.csv"]);
    expect(payload.data.urls.formats[0]!.version).toBe(`http://barouf.test/programme/${SEED_EDITION}/v/${number}/programme.json`);
    expect(payload.data.changes.total).toBeGreaterThan(0);
    expect(payload.data.changes.summary.fr).toMatch(/^Ajoutées \(\d+\)\n- /);
    expect(payload.data.changes.summary.en).toMatch(/^Added \(\d+\)\n- /);
    expect(received.headers["content-type"]).toBe("application/json");

    // The version's URLs answer.
    for (const f of payload.data.urls.formats) expect((await request(new URL(f.version).pathname)).status).toBe(200);

    // Logged and shown on the page: the attempt with its status.
    const page = await request(`/editions/${SEED_EDITION}/webhooks`, { cookie: writer });
    const html = await page.text();
    expect(html).toContain("Livrée");
    expect(html).toContain("Tentative 1\u00a0: 204");
    expect(html).toContain(endpoint.secret);
    // Viewers see the endpoints and the log, never a secret.
    const viewer = await request(`/editions/${SEED_EDITION}/webhooks`, { cookie: (await signIn("viewer")).cookie });
    const viewerHtml = await viewer.text();
    expect(viewerHtml).toContain(r.url);
    expect(viewerHtml).not.toContain("whsec_");
  });

  it("retries with backoff until the receiver answers, the same webhook-id every time", async () => {
    const r = receivers[0]!;
    r.state.received = [];
    r.state.failures = 3;
    const endpoint = await endpointByUrl(r.url);
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.UTC(2026, 0, 10, 9, 0, 0);
    vi.setSystemTime(start);
    const published = await publishProgramme(await db(), { editionId, slug: SEED_EDITION, actor: { type: "system" }, note: "v-retry", now: Date.now() });
    expect(published.ok).toBe(true);
    await deliverDueWebhooks();
    const [queued] = await (await db()).select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id)).orderBy(asc(webhookDeliveries.id)).all().then((rows) => rows.slice(-1));
    const delivery = await driveRetries(queued!.uuid);
    expect(delivery.state).toBe("delivered");
    const { attempts } = await attemptsOf(queued!.uuid);
    expect(attempts.map((a) => a.status)).toEqual([500, 500, 500, 204]);
    expect(attempts[0]!.response).toBe("receiver down for maintenance");
    const gaps = attempts.slice(1).map((a, i) => a.at - attempts[i]!.at);
    for (let i = 0; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[i]!);
    expect(r.state.received).toHaveLength(4);
    expect(new Set(r.state.received.map((x) => x.headers["webhook-id"])).size).toBe(1);
    // Each attempt is signed at its own time, and verifies at that time.
    for (const received of r.state.received) {
      vi.setSystemTime(received.at);
      expect(() => new Webhook(endpoint.secret).verify(received.body, headersOf(received))).not.toThrow();
    }
    console.info(
      `webhook retry test: ${attempts.length} attempts, statuses ${attempts.map((a) => a.status).join(",")}, gaps ${gaps.map((g) => `${g / 1000}s`).join(", ")}`,
    );
    vi.useRealTimers();
  });

  it("rotates a secret: both sign during the grace period, then only the new one", async () => {
    const r = receivers[0]!;
    const old = (await endpointByUrl(r.url)).secret;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.UTC(2026, 1, 1, 9, 0, 0));
    const cookie = (await signIn("editor")).cookie;
    const endpoint = await endpointByUrl(r.url);
    expect((await request(`/editions/${SEED_EDITION}/webhooks`, { cookie, form: { intent: "rotate", endpoint: endpoint.uuid } })).status).toBe(200);
    const fresh = (await endpointByUrl(r.url)).secret;
    expect(fresh).not.toBe(old);
    r.state.received = [];
    expect((await request(`/editions/${SEED_EDITION}/webhooks`, { cookie, form: { intent: "test", endpoint: endpoint.uuid } })).status).toBe(200);
    const during = await receivedFor(r, endpoint.id);
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect((new Webhook(old).verify(during.body, headersOf(during)) as { type: string }).type).toBe("webhook.test");
    expect(() => new Webhook(fresh).verify(during.body, headersOf(during))).not.toThrow();

    vi.setSystemTime(Date.now() + 24 * 3_600_000 + 1000);
    const later = (await signIn("editor")).cookie;
    expect((await request(`/editions/${SEED_EDITION}/webhooks`, { cookie: later, form: { intent: "test", endpoint: endpoint.uuid } })).status).toBe(200);
    const after = await receivedFor(r, endpoint.id);
    expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(() => new Webhook(fresh).verify(after.body, headersOf(after))).not.toThrow();
    expect(() => new Webhook(old).verify(after.body, headersOf(after))).toThrow();
    vi.useRealTimers();
  });

  it("disables an endpoint failing for more than a day, and tells the organisers", async () => {
    const r = receivers[1]!;
    r.state.failures = Number.MAX_SAFE_INTEGER;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.UTC(2026, 2, 1, 9, 0, 0));
    let cookie = (await signIn("editor")).cookie;
    expect((await addThroughPage(r.url, cookie)).status).toBe(200);
    const endpoint = await endpointByUrl(r.url);
    const test = await request(`/editions/${SEED_EDITION}/webhooks`, { cookie, form: { intent: "test", endpoint: endpoint.uuid } });
    expect(await test.text()).toContain("test.failed");
    const [queued] = await (await db()).select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id)).all();
    const delivery = await driveRetries(queued!.uuid);
    expect(delivery.state).toBe("failed");
    const { attempts } = await attemptsOf(queued!.uuid);
    expect(attempts).toHaveLength(MAX_ATTEMPTS);
    expect(attempts.at(-1)!.at - attempts[0]!.at).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(r.state.received).toHaveLength(MAX_ATTEMPTS);
    const disabled = await endpointByUrl(r.url);
    expect(disabled.disabledAt).not.toBeNull();
    // Recorded in the audit log by Barouf itself: why, since when, how many failures; no URL, no secret.
    const audit = await (await db())
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "webhook_endpoint"), eq(auditLog.entityUuid, endpoint.uuid), eq(auditLog.action, "disable")))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorType).toBe("system");
    expect(audit[0]!.organiserId).toBeNull();
    expect(audit[0]!.editionId).toBe(editionId);
    expect(audit[0]!.before).toEqual({ disabledAt: null });
    expect(audit[0]!.after).toEqual({ disabledAt: disabled.disabledAt, reason: "failing_for_24_hours", firstFailureAt: attempts[0]!.at, failedAttempts: MAX_ATTEMPTS });
    expect(audit[0]!.at).toBe(disabled.disabledAt);
    const recorded = JSON.stringify(audit);
    for (const secret of [disabled.secret, disabled.secret.slice("whsec_".length), r.url, "127.0.0.1"]) expect(recorded).not.toContain(secret);
    console.info(`webhook disable test: ${attempts.length} attempts over ${((attempts.at(-1)!.at - attempts[0]!.at) / 3_600_000).toFixed(1)} h, then disabled`);

    // Told on the page and on the dashboard; a new version is not queued for it.
    cookie = (await signIn("editor")).cookie;
    expect(await (await request(`/editions/${SEED_EDITION}/webhooks`, { cookie })).text()).toContain("webhooks-disabled-notice");
    const dashboard = await (await request(`/editions/${SEED_EDITION}`, { cookie })).text();
    expect(dashboard).toContain("webhooks-disabled-notice");
    expect(dashboard).toContain("1 adresse(s) de webhook désactivée(s)");
    const published = await publishProgramme(await db(), { editionId, slug: SEED_EDITION, actor: { type: "system" }, note: null, now: Date.now() });
    expect(published.ok && published.webhooks).toBe(1);

    // Enabled again by an organiser: clean record, receives again.
    r.state.failures = 0;
    expect((await request(`/editions/${SEED_EDITION}/webhooks`, { cookie, form: { intent: "enable", endpoint: endpoint.uuid } })).status).toBe(200);
    expect((await endpointByUrl(r.url)).disabledAt).toBeNull();
    const again = await request(`/editions/${SEED_EDITION}/webhooks`, { cookie, form: { intent: "test", endpoint: endpoint.uuid } });
    expect(await again.text()).toContain("test.delivered");
    expect(await (await request(`/editions/${SEED_EDITION}`, { cookie })).text()).not.toContain("webhooks-disabled-notice");
    await deliverDueWebhooks();
    vi.useRealTimers();
  });

  it("pauses, resumes and deletes; other editions' endpoints are out of reach", async () => {
    const r = receivers[0]!;
    const endpoint = await endpointByUrl(r.url);
    for (const intent of ["pause", "resume"]) {
      expect((await request(`/editions/${SEED_EDITION}/webhooks`, { cookie: writer, form: { intent, endpoint: endpoint.uuid } })).status).toBe(200);
    }
    expect((await endpointByUrl(r.url)).active).toBe(true);
    const unknown = await request(`/editions/${SEED_EDITION}/webhooks`, { cookie: writer, form: { intent: "delete", endpoint: crypto.randomUUID(), confirm: "yes" } });
    expect(unknown.status).toBe(404);
    const viewer = (await signIn("viewer")).cookie;
    expect((await request(`/editions/${SEED_EDITION}/webhooks`, { cookie: viewer, form: { intent: "delete", endpoint: endpoint.uuid } })).status).toBe(403);
    expect((await request(`/editions/${SEED_EDITION}/webhooks`, { cookie: writer, form: { intent: "delete", endpoint: endpoint.uuid, confirm: "yes" } })).status).toBe(200);
    expect(await (await db()).select().from(webhookEndpoints).where(eq(webhookEndpoints.uuid, endpoint.uuid)).get()).toBeUndefined();
  });
});
