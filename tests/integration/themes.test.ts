import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, editions, themes } from "~/db/schema";
import { createEdition, createSession, createTheme } from "../../seed/factories";
import { db, request, SEED_EDITION, signIn, queryCounter } from "../helpers/app";

const base = `/editions/${SEED_EDITION}/themes`;

async function seedEdition() {
  const database = await db();
  return database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get().then((e) => e!);
}

async function countQueries(run: () => Promise<Response>) {
  const before = queryCounter.count;
  const response = await run();
  expect(response.status).toBeLessThan(400);
  return queryCounter.count - before;
}

describe("themes", () => {
  it("lists the seed's themes and creates one, audited", async () => {
    const { cookie, organiser } = await signIn("editor");
    const list = await request(base, { cookie });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain("Nouvelles solidarités 2.0");

    const created = await request(base, { cookie, form: { nameFr: "Villes sobres", nameEn: "Frugal cities", colour: "#AA3300" } });
    expect(created.status).toBe(302);
    const edition = await seedEdition();
    const row = await (await db()).select().from(themes).where(and(eq(themes.editionId, edition.id), eq(themes.slug, "villes-sobres"))).get();
    expect(row).toMatchObject({ nameEn: "Frugal cities", colour: "#aa3300" });
    const audit = await (await db()).select().from(auditLog).where(eq(auditLog.entityUuid, row!.uuid)).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", entity: "theme", organiserId: organiser.id, editionId: edition.id });
    expect(audit[0]!.after).toMatchObject({ nameFr: "Villes sobres", colour: "#aa3300" });
  });

  it("answers each invalid field with its own error and keeps what was typed", async () => {
    const { cookie } = await signIn("editor");
    const response = await request(base, { cookie, form: { nameFr: "", nameEn: "Only English <b>", colour: "red" } });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Ce champ est obligatoire.");
    expect(html).toContain("Choisissez une couleur au format #rrvvbb.");
    expect(html).toContain('value="Only English &lt;b&gt;"');
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(2);
  });

  it("edits with the version read, and refuses a stale save showing the other person's values", async () => {
    const { cookie } = await signIn("editor");
    const edition = await seedEdition();
    const theme = await createTheme(await db(), { editionId: edition.id, nameFr: "Avant", nameEn: "Before" });
    const url = `${base}/${theme.uuid}`;
    const first = await request(url, { cookie, form: { intent: "update", version: "1", nameFr: "Par Alice", nameEn: "Before", colour: "#112233" } });
    expect(first.status).toBe(302);
    // Bob read version 1 too.
    const second = await request(url, { cookie, form: { intent: "update", version: "1", nameFr: "Par Bob", nameEn: "Before", colour: "#112233" } });
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain("Quelqu’un a enregistré une modification avant vous");
    expect(html).toMatch(/data-field="nameFr"[\s\S]*?class="stale-theirs">Par Alice</);
    expect(html).toContain('value="Par Bob"');
    // The notice's "re-apply" form carries the current version.
    expect(html).toMatch(/name="version" value="2"/);
    const row = await (await db()).select().from(themes).where(eq(themes.id, theme.id)).get();
    expect(row).toMatchObject({ nameFr: "Par Alice", version: 2 });
    // Re-applying on top with the new version works.
    const again = await request(url, { cookie, form: { intent: "update", version: "2", nameFr: "Par Bob", nameEn: "Before", colour: "#112233" } });
    expect(again.status).toBe(302);
    const audit = await (await db()).select().from(auditLog).where(eq(auditLog.entityUuid, theme.uuid)).all();
    expect(audit.map((a) => a.action)).toEqual(["update", "update"]);
    expect(audit[1]).toMatchObject({ before: { nameFr: "Par Alice" }, after: { nameFr: "Par Bob" } });
  });

  it("refuses to delete a theme that sessions use, and deletes an unused one", async () => {
    const { cookie } = await signIn("editor");
    const edition = await seedEdition();
    const used = await createTheme(await db(), { editionId: edition.id });
    await createSession(await db(), { editionId: edition.id, themeId: used.id });
    const refused = await request(`${base}/${used.uuid}`, { cookie, form: { intent: "delete", confirm: "yes" } });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("1 session(s) l’utilisent encore");
    expect(await (await db()).select().from(themes).where(eq(themes.id, used.id)).get()).toBeTruthy();

    const unused = await createTheme(await db(), { editionId: edition.id });
    expect((await request(`${base}/${unused.uuid}`, { cookie, form: { intent: "delete", confirm: "yes" } })).status).toBe(302);
    expect(await (await db()).select().from(themes).where(eq(themes.id, unused.id)).get()).toBeUndefined();
    const audit = await (await db()).select().from(auditLog).where(eq(auditLog.entityUuid, unused.uuid)).all();
    expect(audit).toMatchObject([{ action: "delete", before: { nameFr: unused.nameFr } }]);
  });

  it("never reaches another edition's theme through this edition's URL", async () => {
    const { cookie } = await signIn("admin");
    const other = await createEdition(await db());
    const foreign = await createTheme(await db(), { editionId: other.id, nameFr: "Étranger" });
    expect((await request(`${base}/${foreign.uuid}`, { cookie })).status).toBe(404);
    expect((await request(`${base}/${foreign.uuid}`, { cookie, form: { intent: "update", version: "1", nameFr: "Pris", nameEn: "x", colour: "#000000" } })).status).toBe(404);
    expect((await request(`${base}/${foreign.uuid}`, { cookie, form: { intent: "delete", confirm: "yes" } })).status).toBe(404);
    expect(await (await db()).select().from(themes).where(eq(themes.id, foreign.id)).get()).toMatchObject({ nameFr: "Étranger" });
  });

  it("keeps the list and the create action at a constant number of queries", async () => {
    const { cookie } = await signIn("editor");
    const edition = await seedEdition();
    const few = await countQueries(() => request(base, { cookie }));
    for (let i = 0; i < 30; i++) await createTheme(await db(), { editionId: edition.id });
    const many = await countQueries(() => request(base, { cookie }));
    expect(many).toBe(few);
    const create = (n: number) => countQueries(() => request(base, { cookie, form: { nameFr: `Thème ${n}`, nameEn: "x", colour: "#000000" } }));
    const createFew = await create(1);
    for (let i = 0; i < 30; i++) await createTheme(await db(), { editionId: edition.id });
    expect(await create(2)).toBe(createFew);
  });
});
