// One placement rule for every path that places a session: the board's place action (the
// drop, the keyboard form and the plain form post the same fields), a swap or an undo, the
// session form. A day outside the edition is refused with a message naming the edition's
// dates, and nothing is saved; a session left outside after the dates change stays visible.
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, editions, sessions } from "~/db/schema";
import { localToEpoch } from "~/domain/time";
import { applyBoardChange } from "~/services/board/change.server";
import { createEdition, createOrganisation, createRoom, createSession } from "../../seed/factories";
import { db, request, signIn } from "../helpers/app";

const at = (date: string, time: string) => localToEpoch(date, time, "Europe/Paris");
/** The edition's own dates, and three days that are not among them. */
const OUTSIDE = ["1970-01-01", "2030-06-01", "2016-03-08"] as const;
const NAMED = "choisissez un jour du 9 mars 2016 au 10 mars 2016";

async function setUp() {
  const database = await db();
  const organisation = await createOrganisation(database, { name: "OuiShare" });
  const edition = await createEdition(database, { organisationIds: [organisation.id] });
  const room = await createRoom(database, { editionId: edition.id, name: "Salle Placement" });
  const tray = await createSession(database, { editionId: edition.id, titleFr: "Dans le bac" });
  const placed = await createSession(database, { editionId: edition.id, titleFr: "Déjà placée", roomId: room.id, startsAt: at("2016-03-10", "10:00"), endsAt: at("2016-03-10", "11:00") });
  return { database, edition, room, tray, placed, board: `/editions/${edition.slug}/board` };
}

async function unchanged(uuid: string, expected: { roomId: number | null; startsAt: number | null; version: number }) {
  const database = await db();
  const row = (await database.select().from(sessions).where(eq(sessions.uuid, uuid)).get())!;
  expect({ roomId: row.roomId, startsAt: row.startsAt, version: row.version }).toEqual(expected);
  const audited = await database.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entity, "session"), eq(auditLog.entityUuid, uuid))).get();
  expect(audited!.n).toBe(0);
}

describe("the board's place action and the placement rule", () => {
  it("refuses a day outside the edition from the plain form, the keyboard form and a drop, naming the edition's dates", async () => {
    const { tray, room, board } = await setUp();
    const { cookie } = await signIn("editor");
    for (const date of OUTSIDE) {
      const fields = { intent: "place", session: tray.uuid, version: "1", room: room.uuid, date, start: "10:00", end: "11:00" };
      // Without JavaScript: the page again, the form open, the message on the day.
      const plain = await request(`${board}?day=2016-03-09&edit=${tray.uuid}`, { cookie, form: fields });
      expect(plain.status, date).toBe(400);
      expect(await plain.text()).toContain(NAMED);
      // The keyboard form and a drop post the same fields with `via=js`.
      const scripted = await request(`${board}?day=2016-03-09&edit=${tray.uuid}`, { cookie, form: { ...fields, via: "js" } });
      expect(scripted.status, date).toBe(400);
      expect(await scripted.text()).toContain(NAMED);
      // The preview a drag asks for is refused the same way.
      const preview = await request(`${board}/preview?${new URLSearchParams({ kind: "place", session: tray.uuid, room: room.uuid, date, start: "10:00", end: "11:00" })}`, { cookie });
      expect(preview.status, date).toBe(400);
    }
    await unchanged(tray.uuid, { roomId: null, startsAt: null, version: 1 });
  });

  it("refuses instants outside the edition in the service itself, in English too", async () => {
    const { database, edition, tray, room } = await setUp();
    const { organiser } = await signIn("editor");
    for (const date of OUTSIDE) {
      const outcome = await applyBoardChange(database, {
        editionId: edition.id,
        organiser,
        locale: "en",
        change: { kind: "place", session: tray.uuid, version: 1, room: room.uuid, start: at(date, "10:00"), end: at(date, "11:00") },
      });
      expect(outcome).toMatchObject({ ok: false, reason: "invalid" });
      expect((outcome as { message: string }).message).toContain("choose a day from 9 March 2016 to 10 March 2016");
    }
    await unchanged(tray.uuid, { roomId: null, startsAt: null, version: 1 });
  });

  it("lists a session left outside after the edition's dates change, flagged, and refuses to swap another one out there", async () => {
    const { database, edition, placed, room, board } = await setUp();
    const { cookie, organiser } = await signIn("editor");
    const inside = await createSession(database, { editionId: edition.id, titleFr: "Premier jour", roomId: room.id, startsAt: at("2016-03-09", "10:00"), endsAt: at("2016-03-09", "11:00") });
    // The edition now ends on the 9th: the session of the 10th is outside it.
    await database.update(editions).set({ endDate: "2016-03-09" }).where(eq(editions.id, edition.id));
    const html = await (await request(`${board}?day=2016-03-09`, { cookie })).text();
    const outside = html.slice(html.indexOf('data-testid="outside"'));
    expect(html).toContain('data-testid="outside"');
    expect(outside).toContain("Hors des dates de l’édition (1)");
    expect(outside).toContain(`data-outside-id="${placed.uuid}"`);
    expect(outside).toContain("Déjà placée");
    expect(outside).toContain("Hors édition : Salle Placement, 10 mars 2016, 10:00–11:00");
    // Its "move" link opens the placement form, as for any card.
    const form = await (await request(`${board}?day=2016-03-09&edit=${placed.uuid}`, { cookie })).text();
    expect(form).toContain('data-testid="placement-form"');
    // A swap would put the other session outside the edition: refused, nothing saved.
    const swap = await applyBoardChange(database, {
      editionId: edition.id,
      organiser,
      locale: "fr",
      change: { kind: "swap", session: inside.uuid, version: 1, other: placed.uuid, otherVersion: 1 },
    });
    expect(swap).toMatchObject({ ok: false, reason: "invalid" });
    expect((swap as { message: string }).message).toContain("choisissez un jour du 9 mars 2016 au 9 mars 2016");
    await unchanged(inside.uuid, { roomId: room.id, startsAt: at("2016-03-09", "10:00"), version: 1 });
    // Moving it back onto a day of the edition is a plain move.
    const moved = await request(`${board}?day=2016-03-09`, {
      cookie,
      form: { intent: "place", session: placed.uuid, version: "1", room: room.uuid, date: "2016-03-09", start: "14:00", end: "15:00" },
    });
    expect(moved.status).toBe(302);
    const after = await (await request(`${board}?day=2016-03-09`, { cookie })).text();
    expect(after).not.toContain('data-testid="outside"');
  });
});

describe("the session form and the placement rule", () => {
  const formOf = (values: Record<string, string>) => ({ titleFr: "Nouvelle", language: "fr", status: "draft", ...values });

  it("refuses a day outside the edition when creating or saving, naming the edition's dates, and saves nothing", async () => {
    const { database, edition, placed, room } = await setUp();
    const { cookie } = await signIn("editor");
    const before = (await database.select({ n: count() }).from(sessions).where(eq(sessions.editionId, edition.id)).get())!.n;
    for (const day of OUTSIDE) {
      const created = await request(`/editions/${edition.slug}/sessions/new`, { cookie, form: formOf({ roomId: room.uuid, day, start: "10:00", end: "11:00" }) });
      expect(created.status, day).toBe(400);
      expect(await created.text()).toContain(NAMED);
      const saved = await request(`/editions/${edition.slug}/sessions/${placed.uuid}`, {
        cookie,
        form: formOf({ intent: "save", version: "1", slug: placed.slug, roomId: room.uuid, day, start: "10:00", end: "11:00" }),
      });
      expect(saved.status, day).toBe(400);
      expect(await saved.text()).toContain(NAMED);
    }
    expect((await database.select({ n: count() }).from(sessions).where(eq(sessions.editionId, edition.id)).get())!.n).toBe(before);
    await unchanged(placed.uuid, { roomId: room.id, startsAt: at("2016-03-10", "10:00"), version: 1 });
  });
});

describe("local time, once (time.ts) through the real actions", () => {
  const formOf = (values: Record<string, string>) => ({ titleFr: "Nocturne", language: "fr", status: "draft", ...values });

  it("saves a 23:30–00:30 session from its own form, ending the next day, and shows it back unchanged", async () => {
    const { edition, placed, room } = await setUp();
    const { cookie } = await signIn("editor");
    const saved = await request(`/editions/${edition.slug}/sessions/${placed.uuid}`, {
      cookie,
      form: formOf({ intent: "save", version: "1", slug: placed.slug, roomId: room.uuid, day: "2016-03-09", start: "23:30", end: "00:30" }),
    });
    expect(saved.status).toBe(302);
    const row = (await (await db()).select().from(sessions).where(eq(sessions.uuid, placed.uuid)).get())!;
    expect([row.startsAt, row.endsAt]).toEqual([at("2016-03-09", "23:30"), at("2016-03-10", "00:30")]);
    const page = await (await request(`/editions/${edition.slug}/sessions/${placed.uuid}`, { cookie })).text();
    expect(page).toMatch(/name="start"[^>]*value="23:30"|value="23:30"[^>]*name="start"/);
    expect(page).toMatch(/name="end"[^>]*value="00:30"|value="00:30"[^>]*name="end"/);
  });

  it("a drop on the autumn night's second 02:00 lands there, as the form saying 'second' does; the session form keeps it on save", async () => {
    const database = await db();
    const organisation = await createOrganisation(database, { name: "OuiShare" });
    const edition = await createEdition(database, { startDate: "2016-10-29", endDate: "2016-10-30", organisationIds: [organisation.id] });
    // Open through the night, so the day's grid shows the repeated hour.
    const room = await createRoom(database, { editionId: edition.id, openingHours: [{ date: "2016-10-30", opens: "00:00", closes: "06:00" }] });
    const other = await createRoom(database, { editionId: edition.id, openingHours: [{ date: "2016-10-30", opens: "00:00", closes: "06:00" }] });
    const dropped = await createSession(database, { editionId: edition.id });
    const typed = await createSession(database, { editionId: edition.id });
    const { cookie } = await signIn("editor");
    const url = `/editions/${edition.slug}/board?day=2016-10-30`;
    const second = Date.UTC(2016, 9, 30, 1, 0);
    // The grid has a row for each pass of the repeated hour; the drop posts the row's instant.
    const board = await (await request(url, { cookie })).text();
    expect(board).toContain(`data-at="${second}"`);
    expect((await request(url, { cookie, form: { intent: "place", session: dropped.uuid, version: "1", room: room.uuid, startsAt: String(second), endsAt: String(second + 3_600_000), via: "js" } })).status).toBe(200);
    expect((await request(url, { cookie, form: { intent: "place", session: typed.uuid, version: "1", room: other.uuid, date: "2016-10-30", start: "02:00", end: "03:00", startOccurrence: "second" } })).status).toBe(302);
    for (const uuid of [dropped.uuid, typed.uuid]) {
      const row = (await database.select().from(sessions).where(eq(sessions.uuid, uuid)).get())!;
      expect([row.startsAt, row.endsAt]).toEqual([second, second + 3_600_000]);
    }
    // Its form shows "second", so saving it unchanged moves nothing.
    const page = await (await request(`/editions/${edition.slug}/sessions/${dropped.uuid}`, { cookie })).text();
    expect(page).toMatch(/<option value="second" selected=""/);
    const row = (await database.select().from(sessions).where(eq(sessions.uuid, dropped.uuid)).get())!;
    const saved = await request(`/editions/${edition.slug}/sessions/${dropped.uuid}`, {
      cookie,
      form: formOf({ intent: "save", version: String(row.version), slug: row.slug, roomId: room.uuid, status: "scheduled", day: "2016-10-30", start: "02:00", end: "03:00", startOccurrence: "second" }),
    });
    expect(saved.status).toBe(302);
    const after = (await database.select().from(sessions).where(eq(sessions.uuid, dropped.uuid)).get())!;
    expect([after.startsAt, after.endsAt]).toEqual([second, second + 3_600_000]);
  });
});
