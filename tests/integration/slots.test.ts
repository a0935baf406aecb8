import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, editions, formats, rooms, slots, slotTemplates, themes } from "~/db/schema";
import { createEdition, createRoom, createSession, createSlot } from "../../seed/factories";
import { cookiesOf, db, ownEdition, request, SEED_EDITION, signIn, queryCounter } from "../helpers/app";

const utc = (iso: string) => Date.parse(iso);
const pageOf = (slug: string) => `/editions/${slug}/slots`;

async function countQueries(run: () => Promise<Response>) {
  const before = queryCounter.count;
  const response = await run();
  expect(response.status).toBeLessThan(400);
  return queryCounter.count - before;
}

const templateForm = (rows: [string, string][], values: Record<string, string> = {}) => ({
  intent: "create-template",
  name: "Journée type",
  ...Object.fromEntries(rows.flatMap(([start, end], i) => [[`times.${i}.start`, start], [`times.${i}.end`, end]])),
  ...values,
});

/** A form body with repeated names (checkboxes). */
const multi = (entries: [string, string][]) => new URLSearchParams(entries).toString();
const post = (path: string, cookie: string, entries: [string, string][]) =>
  request(path, { method: "POST", cookie, body: multi(entries), headers: { "Content-Type": "application/x-www-form-urlencoded" } });
const applyEntries = (intent: "preview" | "apply", template: string, rooms: string[], dates: string[], extra: [string, string][] = []): [string, string][] => [
  ["intent", intent],
  ["template", template],
  ...rooms.map((r): [string, string] => ["rooms", r]),
  ...dates.map((d): [string, string] => ["dates", d]),
  ...extra,
];
const previewKey = (template: string, rooms: string[], dates: string[]) => [template, [...rooms].sort().join(","), [...dates].sort().join(",")].join("|");

/**
 * An edition of its own (so counts and slots are this test's only), two rooms, one template; run by
 * OuiShare, whose organisers `signIn` creates, unless `foreign` (then no organisation runs it).
 */
async function setup(options: { startDate?: string; endDate?: string; rooms?: number; foreign?: boolean } = {}) {
  const database = await db();
  const dates = { startDate: options.startDate ?? "2016-03-09", endDate: options.endDate ?? "2016-03-10" };
  const edition = options.foreign ? await createEdition(database, dates) : await ownEdition(dates);
  const rooms = [];
  for (let i = 0; i < (options.rooms ?? 2); i++) rooms.push(await createRoom(database, { editionId: edition.id, name: `Salle ${i + 1}` }));
  const template = await database
    .insert(slotTemplates)
    .values({ editionId: edition.id, name: "Matinée", times: [{ start: "09:30", end: "10:30" }, { start: "10:45", end: "11:45" }] })
    .returning()
    .get();
  return { edition, rooms, template, url: pageOf(edition.slug) };
}

describe("slot templates", () => {
  it("creates a template from rows (blank rows left out, sorted), audited, and lists it", async () => {
    const { cookie } = await signIn("admin");
    const { edition, url } = await setup();
    const response = await request(url, { cookie, form: templateForm([["10:45", "11:45"], ["", ""], ["09:30", "10:30"], ["22:00", "01:00"]]) });
    expect(response.status).toBe(302);
    const row = (await (await db()).select().from(slotTemplates).where(and(eq(slotTemplates.editionId, edition.id), eq(slotTemplates.name, "Journée type"))).get())!;
    expect(row.times).toEqual([{ start: "09:30", end: "10:30" }, { start: "10:45", end: "11:45" }, { start: "22:00", end: "01:00" }]);
    const [entry] = await (await db()).select().from(auditLog).where(eq(auditLog.entityUuid, row.uuid)).all();
    expect(entry).toMatchObject({ entity: "slot_template", action: "create", after: { name: "Journée type", times: ["09:30–10:30", "10:45–11:45", "22:00–01:00"] } });
    const html = await (await request(url, { cookie })).text();
    expect(html).toContain("09:30–10:30 · 10:45–11:45 · 22:00–01:00");
  });

  it("opens a template's form with its rows and spare ones, in French and in English", async () => {
    const { cookie } = await signIn("admin");
    const { template, url } = await setup();
    const page0 = await (await request(`${url}?template=${template.uuid}`, { cookie })).text();
    const html = page0.slice(page0.indexOf('id="template-edit"'), page0.indexOf('id="template-new"'));
    expect(html).toContain("Modifier le modèle « Matinée »");
    expect(html).toMatch(/name="times.1.end"[^>]*value="11:45"|value="11:45"[^>]*name="times.1.end"/);
    expect(html).toContain('name="times.4.start"');
    expect(html).not.toContain('name="times.5.start"');
    const english = cookiesOf(await request("/locale", { form: { locale: "en", redirectTo: url } }));
    const page = await (await request(`${url}?template=${template.uuid}`, { cookie: `${cookie}; ${english}` })).text();
    expect(page).toContain("Edit the template “Matinée”");
    expect(page).toContain("Apply a template");
    expect(page).not.toMatch(/slots\.[a-zA-Z]+/);
  });

  it("answers each invalid row with its own message and keeps what was typed", async () => {
    const { cookie } = await signIn("admin");
    const { edition, url } = await setup();
    const response = await request(url, {
      cookie,
      form: templateForm([["09:30", "10:30"], ["25:00", "11:00"], ["10:00", "10:50"], ["11:00", ""], ["14:00", "14:00"], ["10:30", "09:30"]], { name: "" }),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Ce champ est obligatoire.");
    expect(html).toContain("Saisissez une heure au format HH:MM (00:00 à 23:59).");
    expect(html).toContain("Cette ligne chevauche une autre ligne du modèle.");
    expect(html).toContain("Donnez le début et la fin, ou videz la ligne.");
    expect(html).toContain("La fin doit être différente du début.");
    expect(html).toContain("Un créneau dure au plus 12 heures");
    expect(html).toContain('value="25:00"');
    expect(html).toMatch(/aria-invalid="true"[^>]*value="25:00"|value="25:00"[^>]*aria-invalid="true"/);
    expect(await (await db()).select().from(slotTemplates).where(eq(slotTemplates.editionId, edition.id)).all()).toHaveLength(1);
  });

  it("refuses a stale template save, showing the other person's rows, then re-applies on top; deleting keeps the slots", async () => {
    const { cookie } = await signIn("editor");
    const { rooms, template, url } = await setup({ foreign: true });
    const edit = (version: string, rows: [string, string][]) =>
      request(url, { cookie, form: templateForm(rows, { intent: "update-template", template: template.uuid, version, name: "Matinée" }) });
    // The editor's organisation does not run that edition: use the seed edition's template instead.
    expect((await edit("1", [["09:00", "10:00"]])).status).toBe(404);

    const seed = (await (await db()).select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
    const mine = await (await db()).insert(slotTemplates).values({ editionId: seed.id, name: "Après-midi", times: [{ start: "14:00", end: "15:00" }] }).returning().get();
    const seedUrl = pageOf(SEED_EDITION);
    const save = (version: string, rows: [string, string][]) =>
      request(seedUrl, { cookie, form: templateForm(rows, { intent: "update-template", template: mine.uuid, version, name: "Après-midi" }) });
    expect((await save("1", [["14:00", "15:30"]])).status).toBe(302);
    const stale = await save("1", [["14:00", "14:45"], ["15:00", "16:00"]]);
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("Quelqu’un a enregistré une modification avant vous");
    expect(html).toMatch(/data-field="times.0.end"[\s\S]*?class="stale-theirs">15:30<[\s\S]*?class="stale-yours">14:45</);
    expect(html).toContain('value="16:00"');
    expect((await (await db()).select().from(slotTemplates).where(eq(slotTemplates.id, mine.id)).get())!.times).toEqual([{ start: "14:00", end: "15:30" }]);
    expect((await save("2", [["14:00", "14:45"], ["15:00", "16:00"]])).status).toBe(302);
    const after = (await (await db()).select().from(slotTemplates).where(eq(slotTemplates.id, mine.id)).get())!;
    expect(after).toMatchObject({ version: 3, times: [{ start: "14:00", end: "14:45" }, { start: "15:00", end: "16:00" }] });

    const seedRoom = await createRoom(await db(), { editionId: seed.id, name: "Salle du modèle" });
    const slot = await createSlot(await db(), { editionId: seed.id, roomId: seedRoom.id, templateId: mine.id, startsAt: utc("2016-03-09T13:00:00Z"), endsAt: utc("2016-03-09T13:45:00Z") });
    expect((await request(seedUrl, { cookie, form: { intent: "delete-template", template: mine.uuid, confirm: "yes" } })).status).toBe(302);
    expect(await (await db()).select().from(slotTemplates).where(eq(slotTemplates.id, mine.id)).get()).toBeUndefined();
    expect((await (await db()).select().from(slots).where(eq(slots.id, slot.id)).get())!.templateId).toBeNull();
    const audit = await (await db()).select().from(auditLog).where(eq(auditLog.entityUuid, mine.uuid)).all();
    expect(audit.map((a) => a.action)).toEqual(["update", "update", "delete"]);
    expect(rooms).toHaveLength(2);
  });
});

describe("applying a template", () => {
  it("previews without writing, then applies in one go: UTC instants in the edition's zone, audited, skipped on a second run", async () => {
    const { cookie } = await signIn("admin");
    const { edition, rooms, template, url } = await setup();
    const roomIds = rooms.map((r) => r.uuid);
    const dates = ["2016-03-09", "2016-03-10"];
    // An existing slot in room 1 on the 10th, 10:00–11:00: both rows overlap it.
    await createSlot(await db(), { editionId: edition.id, roomId: rooms[0]!.id, startsAt: utc("2016-03-10T09:00:00Z"), endsAt: utc("2016-03-10T10:00:00Z") });
    const preview = await post(url, cookie, applyEntries("preview", template.uuid, roomIds, dates));
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toMatch(/data-testid="preview-summary"[^>]*>6 créneau\(x\) seront créés, 2 ignoré\(s\)\./);
    expect(html).toContain("ignoré : chevauche le créneau 10:00–11:00");
    expect(html).toContain(`name="previewOf" value="${previewKey(template.uuid, roomIds, dates)}"`);
    expect(await (await db()).select().from(slots).where(eq(slots.editionId, edition.id)).all()).toHaveLength(1);

    const extra: [string, string][] = [["previewOf", previewKey(template.uuid, roomIds, dates)], ["templateVersion", "1"]];
    const applied = await post(url, cookie, applyEntries("apply", template.uuid, roomIds, dates, extra));
    expect(applied.status).toBe(302);
    expect(applied.headers.get("Location")).toBe(`${url}?applied=6&skipped=2&outside=0#slots`);
    const created = await (await db()).select().from(slots).where(and(eq(slots.editionId, edition.id), eq(slots.templateId, template.id))).all();
    expect(created).toHaveLength(6);
    expect(created.filter((s) => s.roomId === rooms[1]!.id).map((s) => [s.startsAt, s.endsAt]).sort()).toEqual([
      [utc("2016-03-09T08:30:00Z"), utc("2016-03-09T09:30:00Z")],
      [utc("2016-03-09T09:45:00Z"), utc("2016-03-09T10:45:00Z")],
      [utc("2016-03-10T08:30:00Z"), utc("2016-03-10T09:30:00Z")],
      [utc("2016-03-10T09:45:00Z"), utc("2016-03-10T10:45:00Z")],
    ]);
    const audit = await (await db()).select().from(auditLog).where(inArray(auditLog.entityUuid, created.map((s) => s.uuid))).all();
    expect(audit).toHaveLength(6);
    expect(audit[0]).toMatchObject({ entity: "slot", action: "create", after: { template: "Matinée" } });

    const page = await (await request(`${url}?applied=6&skipped=2&outside=0`, { cookie })).text();
    expect(page).toContain("6 créneau(x) créé(s), 2 ignoré(s).");
    expect(page).toMatch(/<th scope="row">Matinée<\/th><td>09:30–10:30 · 10:45–11:45<\/td><td>6 créneau\(x\)<\/td>/);
    expect(page).toMatch(/data-testid="slots-2016-03-09"[\s\S]*Salle 1[\s\S]*09:30–10:30[\s\S]*10:45–11:45/);

    const again = await post(url, cookie, applyEntries("apply", template.uuid, roomIds, dates, extra));
    expect(again.headers.get("Location")).toBe(`${url}?applied=0&skipped=8&outside=0#slots`);
    expect(await (await db()).select().from(slots).where(eq(slots.editionId, edition.id)).all()).toHaveLength(7);
  });

  it("creates a DST day's slots at the same local times and flags those outside the room's opening hours", async () => {
    const { cookie } = await signIn("admin");
    const { edition, url } = await setup({ startDate: "2016-03-26", endDate: "2016-03-27", rooms: 0 });
    const room = await createRoom(await db(), { editionId: edition.id, name: "Ouverte à 10h", openingHours: [{ date: "2016-03-27", opens: "10:00", closes: "18:00" }] });
    const template = (await (await db()).select().from(slotTemplates).where(eq(slotTemplates.editionId, edition.id)).get())!;
    const dates = ["2016-03-27"];
    const preview = await (await post(url, cookie, applyEntries("preview", template.uuid, [room.uuid], dates))).text();
    expect(preview).toContain("1 créneau(x) hors des heures d’ouverture de la salle");
    expect(preview).toContain("créé, hors des heures d’ouverture");
    const applied = await post(url, cookie, applyEntries("apply", template.uuid, [room.uuid], dates, [["previewOf", previewKey(template.uuid, [room.uuid], dates)]]));
    expect(applied.headers.get("Location")).toBe(`${url}?applied=2&skipped=0&outside=1#slots`);
    const rows = await (await db()).select().from(slots).where(eq(slots.roomId, room.id)).all();
    // Summer time began at 02:00 that morning: 09:30 in Paris is 07:30 UTC.
    expect(rows.map((s) => s.startsAt).sort()).toEqual([utc("2016-03-27T07:30:00Z"), utc("2016-03-27T08:45:00Z")]);
  });

  it("shows a new preview instead of applying when the choice or the template changed since the preview", async () => {
    const { cookie } = await signIn("admin");
    const { edition, rooms, template, url } = await setup();
    const dates = ["2016-03-09"];
    const previewed = previewKey(template.uuid, [rooms[0]!.uuid], dates);
    const changedChoice = await post(url, cookie, applyEntries("apply", template.uuid, [rooms[0]!.uuid, rooms[1]!.uuid], dates, [["previewOf", previewed]]));
    expect(changedChoice.status).toBe(200);
    expect(await changedChoice.text()).toContain("Le choix ou le modèle a changé depuis l’aperçu");
    await (await db()).update(slotTemplates).set({ version: 2, times: [{ start: "08:00", end: "09:00" }] }).where(eq(slotTemplates.id, template.id));
    const changedTemplate = await post(url, cookie, applyEntries("apply", template.uuid, [rooms[0]!.uuid], dates, [["previewOf", previewed], ["templateVersion", "1"]]));
    expect(changedTemplate.status).toBe(409);
    const html = await changedTemplate.text();
    expect(html).toContain("Le choix ou le modèle a changé depuis l’aperçu");
    expect(html).toContain("08:00–09:00");
    expect(await (await db()).select().from(slots).where(eq(slots.editionId, edition.id)).all()).toEqual([]);
  });

  it("refuses an empty choice per field, and days outside the edition", async () => {
    const { cookie } = await signIn("admin");
    const { template, rooms, url } = await setup();
    const empty = await post(url, cookie, [["intent", "preview"], ["template", template.uuid]]);
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(html).toContain("Choisissez au moins une salle.");
    expect(html).toContain("Choisissez au moins un jour.");
    const outside = await post(url, cookie, applyEntries("preview", template.uuid, [rooms[0]!.uuid], ["2016-04-01"]));
    expect(outside.status).toBe(400);
    expect(await outside.text()).toContain("Ce jour ne fait pas partie de l’édition.");
  });

  it("applies and loads the page in a constant number of queries whatever the number of rooms, days and slots", async () => {
    const { cookie } = await signIn("admin");
    const small = await setup({ rooms: 1 });
    const big = await setup({ rooms: 8, endDate: "2016-03-12" });
    const apply = (s: typeof small, dates: string[]) => {
      const roomIds = s.rooms.map((r) => r.uuid);
      return countQueries(() => post(s.url, cookie, applyEntries("apply", s.template.uuid, roomIds, dates, [["previewOf", previewKey(s.template.uuid, roomIds, dates)]])));
    };
    const smallApply = await apply(small, ["2016-03-09"]);
    const bigApply = await apply(big, ["2016-03-09", "2016-03-10", "2016-03-11", "2016-03-12"]);
    expect(bigApply).toBe(smallApply);
    expect(await (await db()).select().from(slots).where(eq(slots.editionId, big.edition.id)).all()).toHaveLength(64);
    const smallPage = await countQueries(() => request(small.url, { cookie }));
    const bigPage = await countQueries(() => request(big.url, { cookie }));
    expect(bigPage).toBe(smallPage);
    const preview = (s: typeof small, dates: string[]) => countQueries(() => post(s.url, cookie, applyEntries("preview", s.template.uuid, s.rooms.map((r) => r.uuid), dates)));
    expect(await preview(big, ["2016-03-09", "2016-03-10"])).toBe(await preview(small, ["2016-03-09"]));
  });
});

describe("one slot", () => {
  it("edits a slot's local times (audited), refusing a clash with another slot of the room and a stale save", async () => {
    const { cookie } = await signIn("admin");
    const { edition, rooms, url } = await setup();
    const slot = await createSlot(await db(), { editionId: edition.id, roomId: rooms[0]!.id, startsAt: utc("2016-03-09T08:30:00Z"), endsAt: utc("2016-03-09T09:30:00Z") });
    await createSlot(await db(), { editionId: edition.id, roomId: rooms[0]!.id, startsAt: utc("2016-03-09T09:45:00Z"), endsAt: utc("2016-03-09T10:45:00Z") });
    const form = await (await request(`${url}?slot=${slot.uuid}`, { cookie })).text();
    expect(form).toMatch(/name="start"[^>]*value="09:30"|value="09:30"[^>]*name="start"/);
    const edit = (values: Record<string, string>) => request(url, { cookie, form: { intent: "update-slot", slot: slot.uuid, version: "1", start: "09:00", end: "10:00", ...values } });

    const clash = await edit({ end: "11:00" });
    expect(clash.status).toBe(400);
    const clashHtml = await clash.text();
    expect(clashHtml).toContain("Le créneau chevaucherait le créneau 10:45–11:45 de la même salle.");
    expect(clashHtml).toMatch(/value="11:00"/);
    expect((await edit({ start: "9h" })).status).toBe(400);

    expect((await edit({})).status).toBe(302);
    expect(await (await db()).select().from(slots).where(eq(slots.id, slot.id)).get()).toMatchObject({ startsAt: utc("2016-03-09T08:00:00Z"), endsAt: utc("2016-03-09T09:00:00Z"), version: 2 });
    const [entry] = await (await db()).select().from(auditLog).where(eq(auditLog.entityUuid, slot.uuid)).all();
    expect(entry).toMatchObject({ entity: "slot", action: "update", before: { startsAt: utc("2016-03-09T08:30:00Z") }, after: { startsAt: utc("2016-03-09T08:00:00Z") } });

    const stale = await edit({ start: "09:15", end: "09:45" });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toMatch(/data-field="start"[\s\S]*?class="stale-theirs">09:00<[\s\S]*?class="stale-yours">09:15</);
    expect(html).toContain('value="09:15"');
    expect((await edit({ version: "2", start: "09:15", end: "09:45" })).status).toBe(302);
    expect((await (await db()).select().from(slots).where(eq(slots.id, slot.id)).get())!.startsAt).toBe(utc("2016-03-09T08:15:00Z"));
  });

  it("removes a slot read at its version; a stale removal is refused", async () => {
    const { cookie } = await signIn("admin");
    const { edition, rooms, url } = await setup();
    const slot = await createSlot(await db(), { editionId: edition.id, roomId: rooms[0]!.id, startsAt: utc("2016-03-09T08:30:00Z"), endsAt: utc("2016-03-09T09:30:00Z") });
    await (await db()).update(slots).set({ version: 2 }).where(eq(slots.id, slot.id));
    const stale = await request(url, { cookie, form: { intent: "delete-slot", slot: slot.uuid, version: "1", confirm: "yes" } });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Quelqu’un a enregistré une modification avant vous");
    expect(await (await db()).select().from(slots).where(eq(slots.id, slot.id)).get()).toBeDefined();
    expect((await request(url, { cookie, form: { intent: "delete-slot", slot: slot.uuid, version: "2", confirm: "yes" } })).status).toBe(302);
    expect(await (await db()).select().from(slots).where(eq(slots.id, slot.id)).get()).toBeUndefined();
    const [entry] = await (await db()).select().from(auditLog).where(eq(auditLog.entityUuid, slot.uuid)).all();
    expect(entry).toMatchObject({ entity: "slot", action: "delete", before: { room: "Salle 1", startsAt: utc("2016-03-09T08:30:00Z") } });
  });
});

describe("scoping", () => {
  it("never reaches another edition's template, room or slot by changing the id", async () => {
    const { cookie } = await signIn("admin");
    const mine = await setup();
    const other = await setup();
    const foreignSlot = await createSlot(await db(), { editionId: other.edition.id, roomId: other.rooms[0]!.id, startsAt: utc("2016-03-09T08:30:00Z"), endsAt: utc("2016-03-09T09:30:00Z") });
    const url = mine.url;
    const t = other.template.uuid;
    expect((await request(url, { cookie, form: templateForm([["08:00", "09:00"]], { intent: "update-template", template: t, version: "1" }) })).status).toBe(404);
    expect((await request(url, { cookie, form: { intent: "delete-template", template: t, confirm: "yes" } })).status).toBe(404);
    expect((await request(url, { cookie, form: { intent: "update-slot", slot: foreignSlot.uuid, version: "1", start: "08:00", end: "09:00" } })).status).toBe(404);
    expect((await request(url, { cookie, form: { intent: "delete-slot", slot: foreignSlot.uuid, version: "1", confirm: "yes" } })).status).toBe(404);
    // Another edition's template, or a room of another edition among mine: refused, nothing written.
    const dates = ["2016-03-09"];
    const foreignTemplate = await post(url, cookie, applyEntries("apply", t, [mine.rooms[0]!.uuid], dates, [["previewOf", previewKey(t, [mine.rooms[0]!.uuid], dates)]]));
    expect(foreignTemplate.status).toBe(400);
    expect(await foreignTemplate.text()).toContain("Choisissez un modèle.");
    const roomIds = [mine.rooms[0]!.uuid, other.rooms[1]!.uuid];
    const foreignRoom = await post(url, cookie, applyEntries("apply", mine.template.uuid, roomIds, dates, [["previewOf", previewKey(mine.template.uuid, roomIds, dates)]]));
    expect(foreignRoom.status).toBe(400);
    expect(await (await db()).select().from(slots).where(inArray(slots.editionId, [mine.edition.id, other.edition.id])).all()).toHaveLength(1);
    expect((await (await db()).select().from(slotTemplates).where(eq(slotTemplates.id, other.template.id)).get())!.times).toHaveLength(2);
    expect((await (await db()).select().from(slots).where(eq(slots.id, foreignSlot.id)).get())!.version).toBe(1);
  });
});

describe("elsewhere", () => {
  it("the lists count only what uses each row: a new room, theme, format or template counts nothing", async () => {
    const { cookie } = await signIn("admin");
    const { edition, url } = await setup();
    const database = await db();
    const seed = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
    // In another edition, sessions and a slot that each point at a row with their own id:
    // a count that compared the subquery's id with itself would see them.
    const id = 900_000;
    const theme = await database.insert(themes).values({ id, editionId: seed.id, slug: "auto", nameFr: "Auto", nameEn: "Auto" }).returning().get();
    const format = await database.insert(formats).values({ id: id + 1, editionId: seed.id, slug: "auto", nameFr: "Auto", nameEn: "Auto", defaultMinutes: 60, minMinutes: 30, maxMinutes: 90 }).returning().get();
    const room = await createRoom(database, { editionId: seed.id });
    await database.update(rooms).set({ id: id + 2 }).where(eq(rooms.id, room.id));
    await createSession(database, { id, editionId: seed.id, themeId: theme.id });
    await createSession(database, { id: id + 1, editionId: seed.id, formatId: format.id });
    await createSession(database, { id: id + 2, editionId: seed.id, roomId: id + 2 });
    const template = await database.insert(slotTemplates).values({ id: id + 3, editionId: seed.id, name: "Auto" }).returning().get();
    await database.insert(slots).values({ id: id + 3, editionId: seed.id, roomId: id + 2, templateId: template.id, startsAt: 0, endsAt: 1 });
    for (const path of ["rooms", "themes", "formats"]) {
      const form: Record<string, string> =
        path === "rooms" ? { intent: "create", name: "Neuve" } : path === "themes" ? { nameFr: "Neuf", nameEn: "New", colour: "#123456" } : { nameFr: "Neuf", nameEn: "New", defaultMinutes: "60", minMinutes: "30", maxMinutes: "90" };
      expect((await request(`/editions/${edition.slug}/${path}`, { cookie, form })).status).toBe(302);
      const html = await (await request(`/editions/${edition.slug}/${path}`, { cookie })).text();
      expect(html, path).toContain("0 session(s)");
      expect(html, path).not.toMatch(/[1-9]\d* session\(s\)/);
    }
    expect(await (await request(url, { cookie })).text()).toContain("0 créneau(x)");
  });

  it("the board draws the slots applied here", async () => {
    const { cookie } = await signIn("admin");
    const seed = (await (await db()).select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
    const room = await createRoom(await db(), { editionId: seed.id, name: "Salle des créneaux" });
    const template = await (await db()).insert(slotTemplates).values({ editionId: seed.id, name: "Soirée", times: [{ start: "19:05", end: "20:10" }] }).returning().get();
    const dates = ["2016-03-09"];
    const url = pageOf(SEED_EDITION);
    const applied = await post(url, cookie, applyEntries("apply", template.uuid, [room.uuid], dates, [["previewOf", previewKey(template.uuid, [room.uuid], dates)]]));
    expect(applied.status).toBe(302);
    const board = await (await request(`/editions/${SEED_EDITION}/board?day=2016-03-09`, { cookie })).text();
    expect(board).toMatch(/class="board-slot"[^>]*title="19:05–20:10"/);
  });

  it("a new edition made from this one takes its slot templates with their times", async () => {
    const { cookie } = await signIn("admin");
    const url = pageOf(SEED_EDITION);
    expect((await request(url, { cookie, form: templateForm([["09:30", "10:30"], ["10:45", "11:45"]], { name: "Grille copiée" }) })).status).toBe(302);
    const response = await request("/editions/new", {
      cookie,
      form: { title: "Copie 2017", slug: "copie-2017", startDate: "2017-03-15", endDate: "2017-03-16", timeZone: "Europe/Paris", venue: "Lille", mainLanguage: "fr", copyFrom: SEED_EDITION },
    });
    expect(response.status).toBe(302);
    const copy = (await (await db()).select().from(editions).where(eq(editions.slug, "copie-2017")).get())!;
    const copied = await (await db()).select().from(slotTemplates).where(and(eq(slotTemplates.editionId, copy.id), eq(slotTemplates.name, "Grille copiée"))).get();
    expect(copied!.times).toEqual([{ start: "09:30", end: "10:30" }, { start: "10:45", end: "11:45" }]);
    const page = await (await request(pageOf("copie-2017"), { cookie })).text();
    expect(page).toContain("Grille copiée");
  });
});
