// The schedule board through the real request handler: loading a day, every change (place,
// move, swap, unschedule, undo), refusals (stale version, block conflict), acknowledgements,
// the drag preview, scoping to the edition, and query counts that do not grow with the programme.
import { and, desc, eq, sql } from "drizzle-orm";
import { decode } from "turbo-stream";
import { describe, expect, it } from "vitest";
import { unpackBoard, type PackedBoard } from "~/components/board/packed";
import { auditLog, conflictAcknowledgements, emails, organisations, rooms, sessions, sessionSpeakers } from "~/db/schema";
import { localToEpoch } from "~/domain/time";
import { uuidv5 } from "~/services/ids.server";
import { applyBoardChange } from "~/services/board/change.server";
import { createEdition, createFormat, createRoom, createSession, createSpeaker, createTheme } from "../../seed/factories";
import { db, request, SEED_EDITION, signIn, queryCounter } from "../helpers/app";

const BOARD = `/editions/${SEED_EDITION}/board`;
const DAY1 = "2016-03-09";
const seedId = (kind: string, key: string) => uuidv5(`${SEED_EDITION}/${kind}/${key}`);
const at = (date: string, time: string) => localToEpoch(date, time, "Europe/Paris");

async function sessionRow(uuid: string) {
  return (await db()).select().from(sessions).where(eq(sessions.uuid, uuid)).get();
}

async function post(cookie: string, form: Record<string, string>, path = `${BOARD}?day=${DAY1}`) {
  return request(path, { cookie, form });
}

describe("the board page", () => {
  it("shows the seed's first day: rooms, cards with times, people and conflicts, the tray and the day's conflicts", async () => {
    const { cookie } = await signIn("viewer");
    const response = await request(`${BOARD}?day=${DAY1}`, { cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const room of ["Grand Auditorium", "Salle Vauban", "Agora", "Hall d’exposition"]) expect(html).toContain(room);
    expect(html).toContain("Ouverture : la métropole à l’heure du numérique");
    expect(html).toContain("09:00–09:30");
    expect(html).toContain("Damien Castelain");
    // The deliberate conflicts of the seed show on their cards, in words.
    expect(html).toContain("Personne à deux endroits");
    expect(html).toContain("Salle mal équipée");
    // The tray holds the unscheduled sessions, with their count.
    expect(html).toMatch(/Sessions non placées \(4\)/);
    expect(html).toContain("Algorithmes et management");
    // Viewers do not get the change forms.
    expect(html).not.toContain("Accepter ce conflit");
  });

  it("sends the rendered day and its data in one document the browser can hydrate", async () => {
    const { cookie } = await signIn("editor");
    const response = await request(`${BOARD}?day=${DAY1}`, { cookie });
    const html = await response.text();
    expect(html.startsWith("<!DOCTYPE html><html")).toBe(true);
    // Whole characters only: a streamed render once cut accented ones at its buffers' ends.
    expect(html).not.toMatch(/[\u0000\uFFFD]/);
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get("Content-Security-Policy")!)![1]!;
    // Remix's streamed scripts hand the data to the stream its client reads, each with the request's nonce.
    const pieces = [...html.matchAll(/<script nonce="([^"]+)">window\.__remixContext\.streamController\.enqueue\(("(?:[^"\\]|\\.)*")\);<\/script>/g)];
    expect(pieces.length).toBeGreaterThan(0);
    for (const piece of pieces) expect(piece[1]).toBe(nonce);
    expect(html).toContain(`<script nonce="${nonce}">window.__remixContext.streamController.close();</script>`);
    const text = pieces.map((piece) => JSON.parse(piece[2]!) as string).join("");
    // As the browser reads it: the text through a TextEncoderStream, then Remix's turbo-stream decoder.
    const decoded = await decode(new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(text)), c.close()) }));
    const { loaderData } = decoded.value as { loaderData: Record<string, { board: PackedBoard }> };
    const board = unpackBoard(loaderData["routes/editions.$editionSlug.board"]!.board);
    expect(board.day).toBe(DAY1);
    // The data is the page's own: the cards it draws, on the board and in the tray.
    const drawn = new Set([...html.matchAll(/data-card-id="([^"]+)"/g)].map((m) => m[1]));
    expect(new Set([...board.cards, ...board.tray].map((c) => c.id))).toEqual(drawn);
    expect(board.cards.length).toBeGreaterThan(20);
  });

  it("shows a change made outside the app on the next load: the day's cached view follows the programme stamp", async () => {
    const { cookie } = await signIn("viewer");
    const load = async (query = "") => (await request(`${BOARD}?day=${DAY1}${query}`, { cookie })).text();
    const uuid = seedId("session", "uber-keynote");
    const before = await load();
    expect(before).not.toContain("Titre changé hors de l’app");
    // The same view serves another filter of the tray: it is built once per state, not per query.
    expect(await load("&q=algorithmes")).toContain("Algorithmes et management");
    const { titleFr } = (await sessionRow(uuid))!;
    await (await db()).run(sql`UPDATE sessions SET title_fr = 'Titre changé hors de l’app' WHERE uuid = ${uuid}`);
    expect(await load()).toContain("Titre changé hors de l’app");
    await (await db()).run(sql`UPDATE sessions SET title_fr = ${titleFr} WHERE uuid = ${uuid}`);
    expect(await load()).toContain(titleFr!);
  });

  it("sends a missing or unknown day to the edition's first day", async () => {
    const { cookie } = await signIn("viewer");
    const response = await request(`${BOARD}?day=1999-01-01`, { cookie });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${BOARD}?day=${DAY1}`);
  });

  it("filters the tray by title, theme, format and person", async () => {
    const { cookie } = await signIn("viewer");
    const html = await (await request(`${BOARD}?day=${DAY1}&q=bénévolat`, { cookie })).text();
    expect(html).toContain("Le bénévolat réinventé");
    expect(html).not.toContain("Algorithmes et management");
    const byTheme = await (await request(`${BOARD}?day=${DAY1}&theme=${seedId("theme", "travailleurs")}`, { cookie })).text();
    expect(byTheme).toContain("Algorithmes et management");
    expect(byTheme).not.toContain("Le bénévolat réinventé");
  });

  it("prints one day, rooms by time, without the shell", async () => {
    const { cookie } = await signIn("viewer");
    const response = await request(`${BOARD}/print?day=${DAY1}`, { cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("programme du 9 mars 2016");
    expect(html).toContain("Ouverture : la métropole à l’heure du numérique");
    expect(html).not.toContain("Tableau de bord");
  });
});

describe("changes on the board (plain forms, JavaScript off)", () => {
  it("places a session from the tray: status scheduled, audited as place, redirected with a notice", async () => {
    const { cookie, organiser } = await signIn("editor");
    const uuid = seedId("session", "grid-41");
    const before = (await sessionRow(uuid))!;
    expect(before.roomId).toBeNull();
    const response = await post(cookie, {
      intent: "place",
      session: uuid,
      version: String(before.version),
      room: seedId("room", "beffroi"),
      date: DAY1,
      start: "09:00",
      end: "10:00",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${BOARD}?day=${DAY1}&saved=${uuid}`);
    const after = (await sessionRow(uuid))!;
    expect(after.startsAt).toBe(at(DAY1, "09:00"));
    expect(after.endsAt).toBe(at(DAY1, "10:00"));
    expect(after.status).toBe("scheduled");
    expect(after.version).toBe(before.version + 1);
    const entry = await (await db()).select().from(auditLog).where(eq(auditLog.entityUuid, uuid)).orderBy(desc(auditLog.id)).get();
    expect(entry).toMatchObject({ action: "place", organiserId: organiser.id, entity: "session" });
    expect(entry!.before).toMatchObject({ room: null, startsAt: null, status: "accepted" });
    expect(entry!.after).toMatchObject({ roomName: "Salle du Beffroi", startsAt: at(DAY1, "09:00") });
    const page = await (await request(response.headers.get("Location")!, { cookie })).text();
    expect(page).toContain(`Enregistré : « ${before.titleFr} » — Salle du Beffroi, 9 mars 2016, 09:00–10:00.`);
  });

  it("moves a confirmed session: its speakers must confirm again, audited as move", async () => {
    const { cookie } = await signIn("editor");
    const uuid = seedId("session", "ouverture");
    const before = (await sessionRow(uuid))!;
    const response = await post(cookie, {
      intent: "place",
      session: uuid,
      version: String(before.version),
      room: seedId("room", "vauban"),
      date: DAY1,
      start: "08:30",
      end: "09:00",
    });
    expect(response.status).toBe(302);
    const after = (await sessionRow(uuid))!;
    expect(after.startsAt).toBe(at(DAY1, "08:30"));
    const people = await (await db()).select().from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, after.id)).all();
    expect(people.map((p) => p.confirmation)).toEqual(["must_reconfirm"]);
    const actions = await (await db()).select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityUuid, uuid)).all();
    expect(actions.map((a) => a.action)).toContain("move");
    // The message to the speaker says where the session was and where it is now.
    const message = (await (await db()).select().from(emails).where(eq(emails.speakerId, people[0]!.speakerId)).orderBy(desc(emails.id)).get())!;
    const room = (await (await db()).select({ name: rooms.name }).from(rooms).where(eq(rooms.id, before.roomId!)).get())!;
    expect(message.text).toContain(room.name);
    expect(message.text).toContain("Salle Vauban");
  });

  it("swaps two sessions' slots and takes one off the board", async () => {
    const { cookie } = await signIn("editor");
    const a = (await sessionRow(seedId("session", "spectacle-algos")))!;
    const b = (await sessionRow(seedId("session", "fishbowl-donnees")))!;
    // With JavaScript off the swap form sends every candidate's version under its own name.
    const swap = await post(cookie, {
      intent: "swap",
      session: a.uuid,
      version: String(a.version),
      other: b.uuid,
      [`versionOf.${b.uuid}`]: String(b.version),
    });
    expect(swap.status).toBe(302);
    const a2 = (await sessionRow(a.uuid))!;
    const b2 = (await sessionRow(b.uuid))!;
    expect([a2.roomId, a2.startsAt, a2.endsAt]).toEqual([b.roomId, b.startsAt, b.endsAt]);
    expect([b2.roomId, b2.startsAt, b2.endsAt]).toEqual([a.roomId, a.startsAt, a.endsAt]);
    const unschedule = await post(cookie, { intent: "unschedule", session: a2.uuid, version: String(a2.version) });
    expect(unschedule.status).toBe(302);
    const a3 = (await sessionRow(a.uuid))!;
    expect([a3.roomId, a3.startsAt, a3.endsAt, a3.status]).toEqual([null, null, null, "accepted"]);
  });

  it("keeps typed values and answers per field when the end is before the start", async () => {
    const { cookie } = await signIn("editor");
    const uuid = seedId("session", "grid-42");
    const response = await post(cookie, { intent: "place", session: uuid, version: "1", room: seedId("room", "agora"), date: DAY1, start: "11:00", end: "10:15" }, `${BOARD}?day=${DAY1}&edit=${uuid}`);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("La fin doit être après le début");
    expect(html).toContain('value="10:15"');
    expect((await sessionRow(uuid))!.roomId).toBeNull();
  });

  it("refuses a change made against an older version, saying who changed what", async () => {
    const first = await signIn("editor", { email: "premiere@barouf.example" });
    const second = await signIn("editor", { email: "seconde@barouf.example" });
    const uuid = seedId("session", "cloture");
    const read = (await sessionRow(uuid))!;
    const moved = await post(first.cookie, { intent: "place", session: uuid, version: String(read.version), room: seedId("room", "vauban"), date: "2016-03-10", start: "17:30", end: "18:00" });
    expect(moved.status).toBe(302);
    const stale = await post(second.cookie, { intent: "place", session: uuid, version: String(read.version), room: seedId("room", "auditorium"), date: "2016-03-10", start: "17:00", end: "17:30" });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain(`a été modifiée entre-temps par ${first.organiser.name}`);
    expect(html).toContain("Salle Vauban, 10 mars 2016, 17:30–18:00");
    expect((await sessionRow(uuid))!.startsAt).toBe(at("2016-03-10", "17:30"));
  });

  it("refuses a drop that creates a block conflict, with the reason, and writes nothing", async () => {
    const { cookie } = await signIn("editor");
    const uuid = seedId("session", "uber-keynote");
    const read = (await sessionRow(uuid))!;
    const auditBefore = await (await db()).$count(auditLog);
    // The Fresnoy exhibition holds the hall all day.
    const response = await post(cookie, { intent: "place", session: uuid, version: String(read.version), room: seedId("room", "hall"), date: DAY1, start: "10:00", end: "10:30" });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("Refusé :");
    expect(html).toContain("Exposition : œuvres numériques du Fresnoy");
    expect((await sessionRow(uuid))!).toMatchObject({ startsAt: read.startsAt, version: read.version });
    expect(await (await db()).$count(auditLog)).toBe(auditBefore);
  });

  it("undoes the organiser's own last changes, newest first, each undo audited as a change", async () => {
    const { cookie } = await signIn("editor");
    const uuid = seedId("session", "table-emploi");
    const start = (await sessionRow(uuid))!;
    await post(cookie, { intent: "place", session: uuid, version: String(start.version), room: seedId("room", "jeanbart"), date: DAY1, start: "09:00", end: "10:00" });
    const mid = (await sessionRow(uuid))!;
    await post(cookie, { intent: "place", session: uuid, version: String(mid.version), room: seedId("room", "jeanbart"), date: DAY1, start: "09:15", end: "10:15" });
    const page = await (await request(`${BOARD}?day=${DAY1}`, { cookie })).text();
    expect(page).toContain("Défaire le déplacement de « Table ronde : les travailleurs indépendants du numérique »");
    expect((await post(cookie, { intent: "undo" })).status).toBe(302);
    expect((await sessionRow(uuid))!.startsAt).toBe(at(DAY1, "09:00"));
    expect((await post(cookie, { intent: "undo" })).status).toBe(302);
    const back = (await sessionRow(uuid))!;
    expect([back.roomId, back.startsAt, back.endsAt]).toEqual([start.roomId, start.startsAt, start.endsAt]);
    const undos = await (await db())
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityUuid, uuid), eq(auditLog.action, "move")))
      .all();
    expect(undos.filter((u) => (u.after as { undoes?: string }).undoes).length).toBe(2);
    // Nothing of this organiser's is left to undo.
    const nothing = await post(cookie, { intent: "undo" });
    expect(nothing.status).toBe(400);
    expect(await nothing.text()).toContain("Rien à défaire");
  });

  it("acknowledges one of the day's conflicts with a reason", async () => {
    const { cookie } = await signIn("editor");
    const key = `ROOM_FEATURES|${seedId("session", "fishbowl-donnees")}`;
    const tooShort = await post(cookie, { intent: "acknowledge", key, reason: "x" });
    expect(tooShort.status).toBe(400);
    const response = await post(cookie, { intent: "acknowledge", key, reason: "Chaises disposées en cercle par la régie" });
    expect(response.status).toBe(302);
    const ack = await (await db()).select().from(conflictAcknowledgements).where(eq(conflictAcknowledgements.key, key)).get();
    expect(ack?.reason).toBe("Chaises disposées en cercle par la régie");
    const html = await (await request(`${BOARD}?day=${DAY1}`, { cookie })).text();
    expect(html).toContain("Raison : « Chaises disposées en cercle par la régie »");
  });

  it("finds nothing of another edition: sessions and rooms are scoped to the edition in the URL", async () => {
    const { cookie } = await signIn("editor");
    const database = await db();
    const ouishare = await database.select().from(organisations).where(eq(organisations.name, "OuiShare")).get();
    const other = await createEdition(database, { organisationIds: [ouishare!.id] });
    const room = await createRoom(database, { editionId: other.id });
    const foreign = await createSession(database, { editionId: other.id });
    const own = (await sessionRow(seedId("session", "grid-43")))!;
    const viaForeignSession = await post(cookie, { intent: "place", session: foreign.uuid, version: "1", room: seedId("room", "agora"), date: DAY1, start: "09:00", end: "10:00" });
    expect(viaForeignSession.status).toBe(404);
    const viaForeignRoom = await post(cookie, { intent: "place", session: own.uuid, version: String(own.version), room: room.uuid, date: DAY1, start: "09:00", end: "10:00" });
    expect(viaForeignRoom.status).toBe(404);
    expect((await sessionRow(foreign.uuid))!.version).toBe(1);
    expect((await sessionRow(own.uuid))!.roomId).toBeNull();
  });
});

describe("the drag preview and the state poll", () => {
  it("says which conflicts a move would add and remove, and when it would be refused", async () => {
    const { cookie } = await signIn("viewer");
    const uuid = seedId("session", "uber-keynote");
    const params = new URLSearchParams({ kind: "place", session: uuid, room: seedId("room", "hall"), date: DAY1, start: "10:00", end: "10:30" });
    const response = await request(`${BOARD}/preview?${params}`, { cookie });
    expect(response.status).toBe(200);
    const preview = (await response.json()) as { appeared: { rule: string; level: string }[]; blocked: string | null };
    expect(preview.appeared).toContainEqual(expect.objectContaining({ rule: "ROOM_OVERLAP", level: "block" }));
    expect(preview.blocked).toContain("Hall d’exposition");
    // Moving the fishbowl to the Agora (circle seating) clears its feature conflict.
    const fix = new URLSearchParams({ kind: "place", session: seedId("session", "fishbowl-donnees"), room: seedId("room", "agora"), date: DAY1, start: "09:00", end: "10:15" });
    const fixed = (await (await request(`${BOARD}/preview?${fix}`, { cookie })).json()) as { disappeared: { rule: string }[]; blocked: string | null };
    expect(fixed.disappeared).toContainEqual(expect.objectContaining({ rule: "ROOM_FEATURES" }));
    expect(fixed.blocked).toBeNull();
    const bad = await request(`${BOARD}/preview?kind=place&session=${uuid}`, { cookie });
    expect(bad.status).toBe(400);
  });

  it("the stamp the board polls changes when the programme does", async () => {
    const { cookie } = await signIn("editor");
    const stamp = async () => ((await (await request(`${BOARD}/state`, { cookie })).json()) as { stamp: string }).stamp;
    const first = await stamp();
    expect(await stamp()).toBe(first);
    const row = (await sessionRow(seedId("session", "grid-44")))!;
    await post(cookie, { intent: "place", session: row.uuid, version: String(row.version), room: seedId("room", "atelier2"), date: DAY1, start: "09:00", end: "10:00" });
    expect(await stamp()).not.toBe(first);
  });
});

describe("concurrency", () => {
  /** Two editors, an edition with one room open on the first day, two unplaced sessions, and 10:00–11:00. */
  const twoEditorsOneRoom = async () => {
    const database = await db();
    const [a, b] = [await signIn("editor"), await signIn("editor")];
    const edition = await createEdition(database);
    const room = await createRoom(database, { editionId: edition.id, openingHours: [{ date: "2016-03-09", opens: "09:00", closes: "18:00" }] });
    const s1 = await createSession(database, { editionId: edition.id });
    const s2 = await createSession(database, { editionId: edition.id });
    return { database, a, b, edition, room, s1, s2, start: at(DAY1, "10:00"), end: at(DAY1, "11:00") };
  };

  it("two organisers dropping two sessions into the same room and time: exactly one succeeds", async () => {
    const { database, a, b, edition, room, s1, s2, start, end } = await twoEditorsOneRoom();
    const results = await Promise.all([
      applyBoardChange(database, { editionId: edition.id, organiser: a.organiser, locale: "fr", change: { kind: "place", session: s1.uuid, version: 1, room: room.uuid, start, end } }),
      applyBoardChange(database, { editionId: edition.id, organiser: b.organiser, locale: "fr", change: { kind: "place", session: s2.uuid, version: 1, room: room.uuid, start, end } }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok)!;
    expect(refused).toMatchObject({ ok: false, reason: "blocked" });
    expect(refused.ok ? "" : refused.message).toContain(room.name);
    const placed = await database.select().from(sessions).where(eq(sessions.roomId, room.id)).all();
    expect(placed).toHaveLength(1);
  });

  it("a drop refused because another organiser took the place since the board was read says who did what", async () => {
    const { database, a, b, edition, room, s1, s2, start, end } = await twoEditorsOneRoom();
    const read = Date.UTC(2026, 0, 5, 9, 0);
    const placedByA = await applyBoardChange(database, {
      editionId: edition.id,
      organiser: a.organiser,
      locale: "fr",
      change: { kind: "place", session: s1.uuid, version: 1, room: room.uuid, start, end },
      now: read + 60_000,
    });
    expect(placedByA.ok).toBe(true);
    // B's board was read before A's drop: the refusal names the session in the way, who moved it there and where it is.
    const refused = await applyBoardChange(database, {
      editionId: edition.id,
      organiser: b.organiser,
      locale: "fr",
      change: { kind: "place", session: s2.uuid, version: 1, room: room.uuid, start, end, seen: read },
    });
    expect(refused).toMatchObject({ ok: false, reason: "blocked", changes: [{ session: s1.uuid, by: a.organiser.name }] });
    expect(refused.ok ? "" : refused.message).toContain(
      `« ${s1.titleFr} » a été modifiée entre-temps par ${a.organiser.name} : elle est maintenant ${room.name}, 9 mars 2016, 10:00–11:00.`,
    );
    // A board read after A's drop already showed it: the reason alone.
    const again = await applyBoardChange(database, {
      editionId: edition.id,
      organiser: b.organiser,
      locale: "fr",
      change: { kind: "place", session: s2.uuid, version: 1, room: room.uuid, start, end, seen: read + 120_000 },
    });
    expect(again).toMatchObject({ ok: false, reason: "blocked", changes: [] });
    expect(again.ok ? "" : again.message).not.toContain("entre-temps");
    expect((await sessionRow(s2.uuid))?.roomId).toBeNull();
  });
});

describe("query counts do not grow with the programme", () => {
  async function editionWith(count: number) {
    const database = await db();
    const ouishare = await database.select().from(organisations).where(eq(organisations.name, "OuiShare")).get();
    const edition = await createEdition(database, { organisationIds: [ouishare!.id] });
    const rooms = await Promise.all(
      [0, 1, 2].map((i) => createRoom(database, { editionId: edition.id, position: i, openingHours: [{ date: DAY1, opens: "08:00", closes: "23:00" }] })),
    );
    const theme = await createTheme(database, { editionId: edition.id });
    const format = await createFormat(database, { editionId: edition.id, defaultMinutes: 30, minMinutes: 15, maxMinutes: 60 });
    const speaker = await createSpeaker(database, { editionId: edition.id });
    const made = [];
    for (let i = 0; i < count; i++) {
      const placed = i % 4 !== 3;
      const start = at(DAY1, "08:00") + Math.floor(i / 3) * 30 * 60_000;
      made.push(
        await createSession(database, {
          editionId: edition.id,
          themeId: theme.id,
          formatId: format.id,
          ...(placed ? { roomId: rooms[i % 3]!.id, startsAt: start, endsAt: start + 30 * 60_000 } : {}),
          people: i % 5 === 0 ? [{ speakerId: speaker.id, confirmation: "confirmed" }] : [],
        }),
      );
    }
    return { edition, rooms, sessions: made };
  }

  async function counted<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
    const before = queryCounter.count;
    const result = await fn();
    return { result, queries: queryCounter.count - before };
  }

  it("loads the board (cold and warm) and applies a change in the same number of queries for 4 and 60 sessions", { timeout: 90_000 }, async () => {
    const figures: Record<string, number>[] = [];
    for (const size of [4, 60]) {
      const { edition, sessions: made } = await editionWith(size);
      // A fresh login: the guard refreshes a session's last-seen time once a minute, which
      // would add a write to whichever request comes after a slow setup.
      const { cookie } = await signIn("editor");
      const url = `/editions/${edition.slug}/board?day=${DAY1}`;
      const cold = await counted(() => request(url, { cookie }));
      expect(cold.result.status).toBe(200);
      const warm = await counted(() => request(url, { cookie }));
      const target = made[0]!;
      const move = await counted(() =>
        request(url, { cookie, form: { intent: "place", session: target.uuid, version: "1", room: "", date: DAY1, start: "21:00", end: "21:30" } }),
      );
      // A form refused by validation costs the guard's queries only.
      expect(move.result.status).toBe(400);
      const roomUuid = (await (await db()).query.rooms.findFirst({ where: (r, { eq: is }) => is(r.id, target.roomId!) }))!.uuid;
      const change = await counted(() =>
        request(url, { cookie, form: { intent: "place", session: target.uuid, version: "1", room: roomUuid, date: DAY1, start: "21:00", end: "21:30" } }),
      );
      expect(change.result.status).toBe(302);
      const after = await counted(() => request(url, { cookie }));
      figures.push({ cold: cold.queries, warm: warm.queries, invalid: move.queries, change: change.queries, afterChange: after.queries });
    }
    expect(figures[1], JSON.stringify(figures)).toEqual(figures[0]);
    // Warm: the guards of the layout and the page, the undo stack and the programme's stamp.
    expect(figures[0]!.warm).toBeLessThanOrEqual(8);
    expect(figures[0]!.afterChange).toBe(figures[0]!.warm);
  });
});
