import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, editionOrganisations, editions, emailTemplates, formats, roomOpeningHours, rooms, roomWalkingTimes, sessions, slotTemplates, speakers, themes } from "~/db/schema";
import { RULES, DEFAULT_LEVELS } from "~/domain/conflicts/types";
import { createEdition, createRoom, createSession } from "../../seed/factories";
import { db, request, SEED_EDITION, signIn, queryCounter } from "../helpers/app";

const settingsUrl = `/editions/${SEED_EDITION}/settings`;
const seedEdition = async () => (await (await db()).select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;

async function countQueries(run: () => Promise<Response>) {
  const before = queryCounter.count;
  const response = await run();
  expect(response.status).toBeLessThan(400);
  return queryCounter.count - before;
}

const settingsForm = (values: Record<string, string> = {}) => ({
  version: "1",
  title: "Grand Barouf numérique 2016",
  startDate: "2016-03-09",
  endDate: "2016-03-10",
  timeZone: "Europe/Paris",
  venue: "CCI Grand-Lille, Lille",
  mainLanguage: "fr",
  changeoverMinutes: "10",
  dailySessionLimit: "3",
  ...Object.fromEntries(RULES.map((rule) => [`levels.${rule}`, DEFAULT_LEVELS[rule]])),
  ...values,
});

describe("edition settings", () => {
  it("shows the hub and every rule's level, and saves settings with level overrides only, audited", async () => {
    const { cookie } = await signIn("editor");
    const page = await (await request(settingsUrl, { cookie })).text();
    for (const section of ["rooms", "themes", "formats", "slots"]) expect(page).toContain(`href="/editions/${SEED_EDITION}/${section}"`);
    expect(page.match(/name="levels\.[A-Z_]+"/g)).toHaveLength(17);
    const response = await request(settingsUrl, {
      cookie,
      form: settingsForm({ venue: "Lille Grand Palais", changeoverMinutes: "15", "levels.THEME_PARALLEL": "warning", "levels.UNSCHEDULED": "off" }),
    });
    expect(response.status).toBe(302);
    const row = await seedEdition();
    expect(row).toMatchObject({ venue: "Lille Grand Palais", changeoverMinutes: 15, ruleLevels: { THEME_PARALLEL: "warning", UNSCHEDULED: "off" }, version: 2 });
    const [entry] = await (await db()).select().from(auditLog).where(and(eq(auditLog.entity, "edition"), eq(auditLog.entityUuid, row.uuid))).all();
    expect(entry).toMatchObject({ action: "update", before: { venue: "CCI Grand-Lille, Lille", changeoverMinutes: 10 }, after: { venue: "Lille Grand Palais" } });
  });

  it("answers each invalid field: unknown zone, last day before the first, out-of-range numbers, unknown level", async () => {
    const { cookie } = await signIn("editor");
    const response = await request(settingsUrl, {
      cookie,
      form: settingsForm({ timeZone: "Europe/Lile", endDate: "2016-03-01", dailySessionLimit: "0", "levels.ROOM_OVERLAP": "fatal" }),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Fuseau horaire inconnu");
    expect(html).toContain("Le dernier jour ne peut pas précéder le premier.");
    expect(html).toContain("Saisissez un nombre entre 1 et 50.");
    expect(html).toContain("Ce choix n’existe pas.");
    expect(html).toContain('value="Europe/Lile"');
    expect((await seedEdition()).timeZone).toBe("Europe/Paris");
  });

  it("refuses a stale save of the settings", async () => {
    const { cookie } = await signIn("editor");
    const read = String((await seedEdition()).version);
    expect((await request(settingsUrl, { cookie, form: settingsForm({ version: read, venue: "Premier" }) })).status).toBe(302);
    const stale = await request(settingsUrl, { cookie, form: settingsForm({ version: read, venue: "Second" }) });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toMatch(/data-field="venue"[\s\S]*?class="stale-theirs">Premier</);
    expect((await seedEdition()).venue).toBe("Premier");
  });

  it("is read-only for viewers and out of reach for other organisations", async () => {
    const viewer = await signIn("viewer");
    const html = await (await request(settingsUrl, { cookie: viewer.cookie })).text();
    expect(html).toContain("<fieldset disabled");
    expect((await request(settingsUrl, { cookie: viewer.cookie, form: settingsForm() })).status).toBe(403);
    const outsider = await signIn("editor", { organisation: "Uber" });
    expect((await request(settingsUrl, { cookie: outsider.cookie })).status).toBe(404);
  });

  it("reads the settings page in a constant number of queries", async () => {
    const { cookie } = await signIn("editor");
    const before = await countQueries(() => request(settingsUrl, { cookie }));
    const edition = await seedEdition();
    for (let i = 0; i < 10; i++) await createRoom(await db(), { editionId: edition.id });
    expect(await countQueries(() => request(settingsUrl, { cookie }))).toBe(before);
  });
});

describe("editions", () => {
  it("lists the editions an organiser may reach", async () => {
    const other = await createEdition(await db(), { title: "Édition d’une autre organisation" });
    const editor = await signIn("editor");
    const html = await (await request("/editions", { cookie: editor.cookie })).text();
    expect(html).toContain("Grand Barouf numérique 2016");
    expect(html).not.toContain(other.title.replace("’", "&#x27;"));
    expect(html).not.toContain("Édition d’une autre organisation");
    // Being an admin widens rights inside reached editions, not which editions are reached.
    const admin = await signIn("admin");
    const list = await (await request("/editions", { cookie: admin.cookie })).text();
    expect(list).toContain("Grand Barouf numérique 2016");
    expect(list).not.toContain("Édition d’une autre organisation");
  });

  it("lets only admins create an edition; a new empty edition is run by the creator's organisation", async () => {
    const editor = await signIn("editor");
    const form = { title: "Grand Barouf 2017", slug: "grand-barouf-2017", startDate: "2017-03-15", endDate: "2017-03-16", timeZone: "Europe/Paris", venue: "Lille", mainLanguage: "fr" };
    expect((await request("/editions/new", { cookie: editor.cookie, form })).status).toBe(403);
    const admin = await signIn("admin");
    const response = await request("/editions/new", { cookie: admin.cookie, form });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/editions/grand-barouf-2017/settings");
    const row = (await (await db()).select().from(editions).where(eq(editions.slug, "grand-barouf-2017")).get())!;
    const runners = await (await db()).select().from(editionOrganisations).where(eq(editionOrganisations.editionId, row.id)).all();
    expect(runners.map((r) => r.organisationId)).toEqual([admin.organiser.organisationId]);
    expect(await (await db()).select().from(auditLog).where(eq(auditLog.entityUuid, row.uuid)).all()).toMatchObject([{ action: "create", entity: "edition" }]);

    const again = await request("/editions/new", { cookie: admin.cookie, form: { ...form, slug: "grand-barouf-2017", timeZone: "Mars/Olympus" } });
    expect(again.status).toBe(400);
    const html = await again.text();
    expect(html).toContain("Fuseau horaire inconnu");
    const taken = await request("/editions/new", { cookie: admin.cookie, form });
    expect(await taken.text()).toContain("Ce nom court est déjà pris par une autre édition.");
  });

  it("copies rooms (hours moved to the new dates), walking times, themes, formats, slot templates and e-mail texts, without sessions or speakers", async () => {
    const admin = await signIn("admin");
    const source = await seedEdition();
    await (await db()).insert(slotTemplates).values({ editionId: source.id, name: "Matinée", times: [{ start: "09:30", end: "10:30" }] });
    const invitationText = { kind: "invitation" as const, locale: "fr" as const, subject: "Votre venue au Barouf", body: "Bonjour {nom},\n\nVotre lien : {lien}" };
    await (await db()).insert(emailTemplates).values({ editionId: source.id, ...invitationText });
    const page = await request(`/editions/new?from=${SEED_EDITION}`, { cookie: admin.cookie });
    expect(await page.text()).toContain("Nouvelle édition à partir de « Grand Barouf numérique 2016 »");
    const response = await request("/editions/new", {
      cookie: admin.cookie,
      form: { title: "Grand Barouf 2017", slug: "barouf-2017", startDate: "2017-03-15", endDate: "2017-03-16", timeZone: "Europe/Paris", venue: "Lille", mainLanguage: "fr", copyFrom: SEED_EDITION },
    });
    expect(response.status).toBe(302);
    const database = await db();
    const copy = (await database.select().from(editions).where(eq(editions.slug, "barouf-2017")).get())!;
    expect(copy.copiedFromId).toBe(source.id);
    const count = async (table: typeof rooms | typeof themes | typeof formats | typeof slotTemplates | typeof sessions | typeof speakers, id: number) =>
      (await database.select().from(table).where(eq(table.editionId, id)).all()).length;
    for (const table of [rooms, themes, formats, slotTemplates]) expect(await count(table, copy.id)).toBe(await count(table, source.id));
    expect(await count(sessions, copy.id)).toBe(0);
    expect(await count(speakers, copy.id)).toBe(0);
    // The organisers' e-mail texts come along, word for word.
    const texts = await database.select().from(emailTemplates).where(eq(emailTemplates.editionId, copy.id)).all();
    expect(texts.map(({ kind, locale, subject, body }) => ({ kind, locale, subject, body }))).toEqual([invitationText]);
    const auditorium = (await database.select().from(rooms).where(and(eq(rooms.editionId, copy.id), eq(rooms.name, "Grand Auditorium"))).get())!;
    const hours = await database.select().from(roomOpeningHours).where(eq(roomOpeningHours.roomId, auditorium.id)).all();
    expect(hours.map((h) => [h.date, h.opens, h.closes]).sort()).toEqual([
      ["2017-03-15", "08:30", "22:00"],
      ["2017-03-16", "08:30", "19:00"],
    ]);
    const walks = await database.select().from(roomWalkingTimes).where(eq(roomWalkingTimes.roomId, auditorium.id)).all();
    expect(walks).toHaveLength(7);
    const copiedRoomIds = new Set((await database.select({ id: rooms.id }).from(rooms).where(eq(rooms.editionId, copy.id)).all()).map((r) => r.id));
    expect(walks.every((w) => copiedRoomIds.has(w.otherRoomId))).toBe(true);
    // The same organisations run the copy.
    const runners = await database.select().from(editionOrganisations).where(eq(editionOrganisations.editionId, copy.id)).all();
    expect(runners.length).toBeGreaterThanOrEqual(3);
  });

  it("copies in a constant number of queries whatever the edition's size, and refuses copying an edition out of reach", async () => {
    const admin = await signIn("admin");
    const organisationIds = [admin.organiser.organisationId!];
    const small = await createEdition(await db(), { slug: "small-source", organisationIds });
    await createRoom(await db(), { editionId: small.id, openingHours: [{ date: "2016-03-09", opens: "09:00", closes: "18:00" }] });
    const big = await createEdition(await db(), { slug: "big-source", organisationIds });
    for (let i = 0; i < 20; i++) {
      const room = await createRoom(await db(), { editionId: big.id, openingHours: [{ date: "2016-03-09", opens: "09:00", closes: "18:00" }] });
      await createSession(await db(), { editionId: big.id, roomId: room.id });
    }
    const copy = (from: string, slug: string) =>
      countQueries(() =>
        request("/editions/new", {
          cookie: admin.cookie,
          form: { title: slug, slug, startDate: "2017-03-15", endDate: "2017-03-16", timeZone: "Europe/Paris", venue: "", mainLanguage: "fr", copyFrom: from },
        }),
      );
    expect(await copy("big-source", "copy-big")).toBe(await copy("small-source", "copy-small"));
    // An edition the admin's organisation does not reach cannot be copied, even by an admin.
    await createEdition(await db(), { slug: "elsewhere" });
    expect((await request("/editions/new?from=elsewhere", { cookie: admin.cookie })).status).toBe(404);
  });
});
