import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, editions, formats } from "~/db/schema";
import { createEdition, createFormat, createSession } from "../../seed/factories";
import { db, request, SEED_EDITION, signIn, queryCounter } from "../helpers/app";

const base = `/editions/${SEED_EDITION}/formats`;
const seedEdition = async () => (await (await db()).select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;

async function countQueries(run: () => Promise<Response>) {
  const before = queryCounter.count;
  const response = await run();
  expect(response.status).toBeLessThan(400);
  return queryCounter.count - before;
}

const formatForm = (values: Record<string, string> = {}) => ({
  nameFr: "Fishbowl géant",
  nameEn: "Giant fishbowl",
  defaultMinutes: "75",
  minMinutes: "60",
  maxMinutes: "90",
  "roles.moderator.min": "1",
  "roles.moderator.max": "1",
  "roles.expert.min": "3",
  "roles.expert.max": "5",
  requiredFeatures: "circle_seating",
  ...values,
});

describe("formats", () => {
  it("creates a format with durations, roles and required features, audited", async () => {
    const { cookie } = await signIn("editor");
    expect((await request(base, { cookie, form: formatForm() })).status).toBe(302);
    const row = await (await db()).select().from(formats).where(eq(formats.slug, "fishbowl-geant")).get();
    expect(row).toMatchObject({
      defaultMinutes: 75,
      roles: [
        { role: "moderator", min: 1, max: 1 },
        { role: "expert", min: 3, max: 5 },
      ],
      requiredFeatures: ["circle_seating"],
    });
    const [entry] = await (await db()).select().from(auditLog).where(eq(auditLog.entityUuid, row!.uuid)).all();
    expect(entry).toMatchObject({ entity: "format", action: "create", after: { nameEn: "Giant fishbowl", maxMinutes: 90 } });
    const html = await (await request(base, { cookie })).text();
    expect(html).toContain("Modérateur·rice 1, Expert·e 3–5");
  });

  it("answers each invalid field with its own message", async () => {
    const { cookie } = await signIn("editor");
    const response = await request(base, {
      cookie,
      form: formatForm({ nameEn: "", defaultMinutes: "120", "roles.expert.max": "2", "roles.speaker.min": "1", requiredFeatures: "pool" }),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Ce champ est obligatoire.");
    expect(html).toContain("La durée par défaut doit être comprise entre la minimale et la maximale.");
    expect(html).toContain("Le maximum doit être au moins égal au minimum.");
    expect(html).toContain("Donnez le minimum et le maximum, ou aucun des deux.");
    expect(html).toContain("Ce choix n’existe pas.");
    expect(html).toContain('value="120"');

    const range = await request(base, { cookie, form: formatForm({ minMinutes: "100", maxMinutes: "50" }) });
    expect(await range.text()).toContain("La durée maximale doit être au moins égale à la durée minimale.");
  });

  it("refuses a stale save and shows the saved values", async () => {
    const { cookie } = await signIn("editor");
    const edition = await seedEdition();
    const format = await createFormat(await db(), { editionId: edition.id, nameFr: "Débat", nameEn: "Debate" });
    const url = `${base}/${format.uuid}`;
    const form = (values: Record<string, string>) => formatForm({ intent: "update", version: "1", nameFr: "Débat", nameEn: "Debate", ...values });
    expect((await request(url, { cookie, form: form({ maxMinutes: "100" }) })).status).toBe(302);
    const stale = await request(url, { cookie, form: form({ maxMinutes: "80" }) });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toMatch(/data-field="maxMinutes"[\s\S]*?class="stale-theirs">100</);
    expect(html).toContain('value="80"');
    expect((await (await db()).select().from(formats).where(eq(formats.id, format.id)).get())!.maxMinutes).toBe(100);
  });

  it("refuses deleting a format that sessions use, deletes an unused one, and stays inside the edition", async () => {
    const { cookie } = await signIn("admin");
    const edition = await seedEdition();
    const used = await createFormat(await db(), { editionId: edition.id });
    await createSession(await db(), { editionId: edition.id, formatId: used.id });
    const refused = await request(`${base}/${used.uuid}`, { cookie, form: { intent: "delete", confirm: "yes" } });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("1 session(s) l’utilisent encore");
    const unused = await createFormat(await db(), { editionId: edition.id });
    expect((await request(`${base}/${unused.uuid}`, { cookie, form: { intent: "delete", confirm: "yes" } })).status).toBe(302);
    expect(await (await db()).select().from(auditLog).where(eq(auditLog.entityUuid, unused.uuid)).all()).toMatchObject([{ action: "delete" }]);

    const other = await createEdition(await db());
    const foreign = await createFormat(await db(), { editionId: other.id, nameFr: "Ailleurs" });
    expect((await request(`${base}/${foreign.uuid}`, { cookie })).status).toBe(404);
    expect((await request(`${base}/${foreign.uuid}`, { cookie, form: formatForm({ intent: "update", version: "1" }) })).status).toBe(404);
    expect((await request(`${base}/${foreign.uuid}`, { cookie, form: { intent: "delete", confirm: "yes" } })).status).toBe(404);
    expect((await (await db()).select().from(formats).where(eq(formats.id, foreign.id)).get())!.nameFr).toBe("Ailleurs");
  });

  it("keeps the list and the create action at a constant number of queries", async () => {
    const { cookie } = await signIn("editor");
    const edition = await seedEdition();
    const list = await countQueries(() => request(base, { cookie }));
    const create = await countQueries(() => request(base, { cookie, form: formatForm({ nameFr: "Un" }) }));
    for (let i = 0; i < 25; i++) await createFormat(await db(), { editionId: edition.id, nameFr: "Un" });
    expect(await countQueries(() => request(base, { cookie }))).toBe(list);
    expect(await countQueries(() => request(base, { cookie, form: formatForm({ nameFr: "Un" }) }))).toBe(create);
  });
});
