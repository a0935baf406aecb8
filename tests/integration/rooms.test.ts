import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, editions, roomOpeningHours, rooms, roomWalkingTimes, slots } from "~/db/schema";
import { createEdition, createRoom, createSession, createSlot, setWalkingTime } from "../../seed/factories";
import { db, ownEdition, request, SEED_EDITION, signIn, queryCounter } from "../helpers/app";

const base = `/editions/${SEED_EDITION}/rooms`;
const seedEdition = async () => (await (await db()).select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;

async function countQueries(run: () => Promise<Response>) {
  const before = queryCounter.count;
  const response = await run();
  expect(response.status).toBeLessThan(400);
  return queryCounter.count - before;
}

const roomForm = (values: Record<string, string> = {}) => ({
  intent: "create",
  name: "Salle Nouvelle",
  capacity: "45",
  features: "tables",
  "hours.0.date": "2016-03-09",
  "hours.0.opens": "09:00",
  "hours.0.closes": "18:00",
  "hours.1.date": "2016-03-10",
  "hours.1.opens": "",
  "hours.1.closes": "",
  ...values,
});

describe("rooms", () => {
  it("creates a room with features and opening hours per day, audited", async () => {
    const { cookie } = await signIn("editor");
    const response = await request(base, { cookie, form: roomForm() });
    expect(response.status).toBe(302);
    const room = await (await db()).select().from(rooms).where(eq(rooms.name, "Salle Nouvelle")).get();
    expect(room).toMatchObject({ capacity: 45, features: ["tables"] });
    expect(response.headers.get("Location")).toBe(`${base}/${room!.uuid}?done=saved.roomCreated`);
    const hours = await (await db()).select().from(roomOpeningHours).where(eq(roomOpeningHours.roomId, room!.id)).all();
    expect(hours).toMatchObject([{ date: "2016-03-09", opens: "09:00", closes: "18:00" }]);
    const [entry] = await (await db()).select().from(auditLog).where(eq(auditLog.entityUuid, room!.uuid)).all();
    expect(entry).toMatchObject({ entity: "room", action: "create", after: { name: "Salle Nouvelle", openingHours: ["2016-03-09 09:00–18:00"] } });

    const page = await request(`${base}/${room!.uuid}`, { cookie });
    const html = await page.text();
    expect(html).toContain('value="09:00"');
    expect(html).toMatch(/value="tables"[^>]*checked|checked[^>]*value="tables"/);
  });

  it("answers each invalid field with its own message, keeping the typed values", async () => {
    const { cookie } = await signIn("editor");
    const response = await request(base, {
      cookie,
      form: roomForm({ name: "", capacity: "-3", features: "jacuzzi", "hours.0.closes": "", "hours.1.opens": "25:00", "hours.1.closes": "10:00" }),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Ce champ est obligatoire.");
    expect(html).toContain("Saisissez un nombre entre 1 et 100000.");
    expect(html).toContain("Ce choix n’existe pas.");
    expect(html).toContain("Donnez l’heure d’ouverture et celle de fermeture, ou aucune des deux.");
    expect(html).toContain("Saisissez une heure au format HH:MM");
    expect(html).toContain('value="-3"');
    expect(html).toContain('value="25:00"');
    expect(await (await db()).select().from(rooms).where(eq(rooms.capacity, -3)).get()).toBeUndefined();
  });

  it("refuses a local opening time skipped by the change to summer time", async () => {
    const { cookie } = await signIn("admin");
    const edition = await ownEdition({ slug: "dst-edition", startDate: "2016-03-26", endDate: "2016-03-27" });
    const response = await request(`/editions/${edition.slug}/rooms`, {
      cookie,
      form: roomForm({ "hours.0.date": "2016-03-26", "hours.1.date": "2016-03-27", "hours.1.opens": "02:30", "hours.1.closes": "12:00" }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Cette heure n’existe pas ce jour-là (changement d’heure).");
  });

  it("refuses a stale save with the other person's values, then re-applies on top", async () => {
    const { cookie } = await signIn("editor");
    const edition = await seedEdition();
    const room = await createRoom(await db(), { editionId: edition.id, name: "Salle Témoin", capacity: 50 });
    const url = `${base}/${room.uuid}`;
    const form = (values: Record<string, string>) => ({ ...roomForm({ intent: "update", version: "1", name: "Salle Témoin", ...values }) });
    expect((await request(url, { cookie, form: form({ capacity: "80" }) })).status).toBe(302);
    const stale = await request(url, { cookie, form: form({ capacity: "60", features: "stage" }) });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toMatch(/data-field="capacity"[\s\S]*?class="stale-theirs">80</);
    expect(html).toContain('value="60"');
    expect((await (await db()).select().from(rooms).where(eq(rooms.id, room.id)).get())!.capacity).toBe(80);
    expect((await request(url, { cookie, form: form({ version: "2", capacity: "60" }) })).status).toBe(302);
    const after = await (await db()).select().from(rooms).where(eq(rooms.id, room.id)).get();
    expect(after).toMatchObject({ capacity: 60, version: 3 });
    const audit = await (await db()).select().from(auditLog).where(eq(auditLog.entityUuid, room.uuid)).all();
    expect(audit.map((a) => [a.action, a.before?.capacity, a.after?.capacity])).toEqual([
      ["update", 50, 80],
      ["update", 80, 60],
    ]);
  });

  it("refuses deleting a room that sessions are placed in; deleting another takes its slots along", async () => {
    const { cookie } = await signIn("editor");
    const edition = await seedEdition();
    const busy = await createRoom(await db(), { editionId: edition.id });
    await createSession(await db(), { editionId: edition.id, roomId: busy.id, startsAt: Date.UTC(2016, 2, 9, 9), endsAt: Date.UTC(2016, 2, 9, 10) });
    const refused = await request(`${base}/${busy.uuid}`, { cookie, form: { intent: "delete", confirm: "yes" } });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("1 session(s) y sont encore placées");

    const free = await createRoom(await db(), { editionId: edition.id });
    await createSlot(await db(), { editionId: edition.id, roomId: free.id, startsAt: Date.UTC(2016, 2, 9, 9), endsAt: Date.UTC(2016, 2, 9, 10) });
    expect((await request(`${base}/${free.uuid}`, { cookie, form: { intent: "delete", confirm: "yes" } })).status).toBe(302);
    expect(await (await db()).select().from(slots).where(eq(slots.roomId, free.id)).all()).toEqual([]);
    const audit = await (await db()).select().from(auditLog).where(eq(auditLog.entityUuid, free.uuid)).all();
    expect(audit).toMatchObject([{ action: "delete", entity: "room" }]);
  });

  it("never reaches another edition's room by changing the id", async () => {
    const { cookie } = await signIn("admin");
    const other = await createEdition(await db());
    const foreign = await createRoom(await db(), { editionId: other.id, name: "Ailleurs" });
    expect((await request(`${base}/${foreign.uuid}`, { cookie })).status).toBe(404);
    expect((await request(`${base}/${foreign.uuid}`, { cookie, form: roomForm({ intent: "update", version: "1", name: "Pris" }) })).status).toBe(404);
    expect((await request(`${base}/${foreign.uuid}`, { cookie, form: { intent: "delete", confirm: "yes" } })).status).toBe(404);
    // Nor through the walking matrix.
    const mine = await (await db()).select().from(rooms).where(eq(rooms.editionId, (await seedEdition()).id)).get();
    const list = await (await request(base, { cookie })).text();
    const basis = /data-testid="walking-version" value="(\d+)"/.exec(list)!;
    const response = await request(base, { cookie, form: { intent: "walking", version: basis[1]!, [`walk.${mine!.uuid}.${foreign.uuid}`]: "4" } });
    expect(response.status).toBe(302);
    expect(await (await db()).select().from(roomWalkingTimes).where(eq(roomWalkingTimes.otherRoomId, foreign.id)).all()).toEqual([]);
    expect((await (await db()).select().from(rooms).where(eq(rooms.id, foreign.id)).get())!.name).toBe("Ailleurs");
  });

  it("saves the walking matrix both ways, audited, and refuses a save made from an older reading", async () => {
    const { cookie } = await signIn("admin");
    const edition = await ownEdition({ slug: "walk-edition" });
    const [a, b, c] = [
      await createRoom(await db(), { editionId: edition.id, name: "A" }),
      await createRoom(await db(), { editionId: edition.id, name: "B" }),
      await createRoom(await db(), { editionId: edition.id, name: "C" }),
    ];
    await setWalkingTime(await db(), { roomId: a.id, otherRoomId: c.id, minutes: 9 });
    const url = `/editions/${edition.slug}/rooms`;
    const html = await (await request(url, { cookie })).text();
    const match = /data-testid="walking-version" value="(\d+)"/.exec(html)!;
    const basis = match[1]!;
    const save = await request(url, { cookie, form: { intent: "walking", version: basis, [`walk.${a.uuid}.${b.uuid}`]: "3", [`walk.${a.uuid}.${c.uuid}`]: "", [`walk.${b.uuid}.${c.uuid}`]: "7" } });
    expect(save.status).toBe(302);
    const rows = await (await db())
      .select()
      .from(roomWalkingTimes)
      .where(inArray(roomWalkingTimes.roomId, [a.id, b.id, c.id]))
      .all();
    expect(rows.map((r) => [r.roomId, r.otherRoomId, r.minutes]).sort()).toEqual(
      [[a.id, b.id, 3], [b.id, a.id, 3], [b.id, c.id, 7], [c.id, b.id, 7]].sort(),
    );
    const [entry] = await (await db()).select().from(auditLog).where(and(eq(auditLog.editionId, edition.id), eq(auditLog.entity, "walking_times"))).all();
    expect(entry).toMatchObject({ before: { "A ↔ B": null, "A ↔ C": 9 }, after: { "A ↔ B": 3, "A ↔ C": null } });

    const stale = await request(url, { cookie, form: { intent: "walking", version: basis, [`walk.${a.uuid}.${b.uuid}`]: "5" } });
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain("Quelqu’un a enregistré une modification avant vous");
    expect(staleHtml).toMatch(new RegExp(`data-field="walk.${a.uuid}.${b.uuid}"[\\s\\S]*?class="stale-theirs">3<`));
    expect((await (await db()).select().from(roomWalkingTimes).where(and(eq(roomWalkingTimes.roomId, a.id), eq(roomWalkingTimes.otherRoomId, b.id))).get())!.minutes).toBe(3);

    const invalidMinutes = await request(url, { cookie, form: { intent: "walking", version: basis, [`walk.${a.uuid}.${b.uuid}`]: "abc" } });
    expect(invalidMinutes.status).toBe(400);
    expect(await invalidMinutes.text()).toContain("Saisissez un nombre entier.");
  });

  it("keeps the list, the create and the walking save at a constant number of queries", async () => {
    const { cookie } = await signIn("admin");
    const edition = await ownEdition({ slug: "count-edition" });
    const url = `/editions/${edition.slug}/rooms`;
    const grow = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const room = await createRoom(await db(), { editionId: edition.id, openingHours: [{ date: "2016-03-09", opens: "09:00", closes: "18:00" }] });
        await createSession(await db(), { editionId: edition.id, roomId: room.id });
      }
    };
    const walkingSave = async () => {
      const html = await (await request(url, { cookie })).text();
      const m = /data-testid="walking-version" value="(\d+)"/.exec(html)!;
      const all = await (await db()).select({ uuid: rooms.uuid }).from(rooms).where(eq(rooms.editionId, edition.id)).all();
      const form: Record<string, string> = { intent: "walking", version: m[1]! };
      all.forEach((x, i) => all.slice(i + 1).forEach((y) => (form[`walk.${x.uuid}.${y.uuid}`] = "4")));
      return countQueries(() => request(url, { cookie, form }));
    };
    await grow(3);
    const list = await countQueries(() => request(url, { cookie }));
    const create = await countQueries(() => request(url, { cookie, form: roomForm({ name: "Un" }) }));
    const walk = await walkingSave();
    await grow(20);
    expect(await countQueries(() => request(url, { cookie }))).toBe(list);
    expect(await countQueries(() => request(url, { cookie, form: roomForm({ name: "Deux" }) }))).toBe(create);
    expect(await walkingSave()).toBe(walk);
  });
});
