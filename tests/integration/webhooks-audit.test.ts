// Every organiser change to a webhook endpoint is in the audit log, with its author, and no
// secret ever is: a rotation says the secret changed, not what it was or became.
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, editions, webhookEndpoints } from "~/db/schema";
import { db, request, SEED_EDITION, signIn } from "../helpers/app";

// The endpoint points at a local address: the environment allows it (read once, lazily).
process.env.WEBHOOKS_ALLOW_PRIVATE = "1";

const PAGE = `/editions/${SEED_EDITION}/webhooks`;
let editionId: number;
let writer: string;

beforeAll(async () => {
  editionId = (await (await db()).select({ id: editions.id }).from(editions).where(eq(editions.slug, SEED_EDITION)).get())!.id;
  writer = (await signIn("editor")).cookie;
});

async function entriesOf(uuid: string) {
  return (await db())
    .select({ action: auditLog.action, actorType: auditLog.actorType, organiserId: auditLog.organiserId, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.editionId, editionId), eq(auditLog.entity, "webhook_endpoint"), eq(auditLog.entityUuid, uuid)))
    .orderBy(asc(auditLog.id))
    .all();
}

describe("webhook endpoints in the audit log", () => {
  it("records add, rotate, pause, resume, enable and delete, without any secret", async () => {
    const post = async (form: Record<string, string>) => {
      const response = await request(PAGE, { cookie: writer, form });
      expect(response.status, JSON.stringify(form)).toBe(200);
    };
    await post({ intent: "add", url: "http://127.0.0.1:9/hook", description: "Site partenaire", events: "version.published", active: "on" });
    const endpoint = (await (await db()).select().from(webhookEndpoints).where(eq(webhookEndpoints.url, "http://127.0.0.1:9/hook")).get())!;
    const secrets = [endpoint.secret];
    await post({ intent: "rotate", endpoint: endpoint.uuid });
    secrets.push((await (await db()).select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)).get())!.secret);
    await post({ intent: "pause", endpoint: endpoint.uuid });
    await post({ intent: "resume", endpoint: endpoint.uuid });
    // The worker disabled it after days of failures; an organiser turns it back on.
    await (await db()).update(webhookEndpoints).set({ disabledAt: Date.UTC(2016, 2, 1), failingSince: Date.UTC(2016, 1, 28) }).where(eq(webhookEndpoints.id, endpoint.id));
    await post({ intent: "enable", endpoint: endpoint.uuid });
    await post({ intent: "delete", endpoint: endpoint.uuid, confirm: "yes" });

    const entries = await entriesOf(endpoint.uuid);
    expect(entries.map((e) => [e.action, e.before, e.after])).toEqual([
      ["create", null, { url: "http://127.0.0.1:9/hook", description: "Site partenaire", events: ["version.published"], active: true }],
      ["update", { signingKey: { withheld: "before" } }, { signingKey: { withheld: "after" } }],
      ["update", { active: true }, { active: false }],
      ["update", { active: false }, { active: true }],
      ["update", { disabledAt: Date.UTC(2016, 2, 1), active: true }, { disabledAt: null, active: true }],
      ["delete", { url: "http://127.0.0.1:9/hook", description: "Site partenaire", events: ["version.published"], active: true }, null],
    ]);
    expect(new Set(entries.map((e) => e.actorType))).toEqual(new Set(["organiser"]));
    expect(entries.every((e) => e.organiserId !== null)).toBe(true);
    const text = JSON.stringify(entries);
    expect(text).not.toContain("whsec_");
    for (const secret of secrets) expect(text).not.toContain(secret.slice("whsec_".length));

    // The audit page names them in the organisers' words.
    const page = await (await request(`/editions/${SEED_EDITION}/audit?entity=webhook_endpoint`, { cookie: writer })).text();
    expect(page).toContain("Adresse de webhook");
    expect(page).toContain("Secret de signature");
    expect(page).toContain("modifié (valeur non conservée)");
    expect(page).not.toContain("whsec_");
  });

  it("deletes an endpoint only once confirmed, saying what will happen", async () => {
    const url = "http://127.0.0.1:9/confirm";
    expect((await request(PAGE, { cookie: writer, form: { intent: "add", url, events: "version.published", active: "on" } })).status).toBe(200);
    const endpoint = (await (await db()).select().from(webhookEndpoints).where(eq(webhookEndpoints.url, url)).get())!;

    // Unconfirmed: nothing is deleted and the page asks, with the consequence, the confirmation.
    const asked = await request(PAGE, { cookie: writer, form: { intent: "delete", endpoint: endpoint.uuid } });
    expect(asked.status).toBe(400);
    const page = await asked.text();
    expect(page).toContain("Rien n’a encore été fait");
    expect(page).toContain(`L’adresse ${url} et son journal de livraisons seront supprimés`);
    expect(await (await db()).select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)).get()).toBeDefined();
    expect((await entriesOf(endpoint.uuid)).map((e) => e.action)).toEqual(["create"]);

    // Confirmed: the endpoint is gone and the deletion is in the log.
    expect((await request(PAGE, { cookie: writer, form: { intent: "delete", endpoint: endpoint.uuid, confirm: "yes" } })).status).toBe(200);
    expect(await (await db()).select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)).get()).toBeUndefined();
    expect((await entriesOf(endpoint.uuid)).map((e) => e.action)).toEqual(["create", "delete"]);
  });

  it("records nothing when the endpoint is unknown or the caller may not write", async () => {
    const before = (await (await db()).select().from(auditLog).where(eq(auditLog.entity, "webhook_endpoint")).all()).length;
    expect((await request(PAGE, { cookie: writer, form: { intent: "rotate", endpoint: crypto.randomUUID() } })).status).toBe(404);
    const viewer = (await signIn("viewer")).cookie;
    expect((await request(PAGE, { cookie: viewer, form: { intent: "add", url: "http://127.0.0.1:9/x", events: "version.published" } })).status).toBe(403);
    expect((await (await db()).select().from(auditLog).where(eq(auditLog.entity, "webhook_endpoint")).all()).length).toBe(before);
  });
});
