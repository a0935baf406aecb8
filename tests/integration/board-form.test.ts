// The board's place/move form through the real request handler: where it opens (the engine's
// best placement, the room's free slots), the preview for exactly the values asked, and
// refusals said in the form with and without JavaScript.
import { eq } from "drizzle-orm";
import { decode } from "turbo-stream";
import { describe, expect, it } from "vitest";
import { unpackBoard, type PackedBoard } from "~/components/board/packed";
import { sessions } from "~/db/schema";
import type { BoardData, BoardPreview } from "~/domain/board/view";
import { localToEpoch } from "~/domain/time";
import { uuidv5 } from "~/services/ids.server";
import { createRoom, createSession, createSlot } from "../../seed/factories";
import { db, ownEdition, request, SEED_EDITION, signIn } from "../helpers/app";

const DAY1 = "2016-03-09";
const at = (time: string) => localToEpoch(DAY1, time, "Europe/Paris");
const seedId = (kind: string, key: string) => uuidv5(`${SEED_EDITION}/${kind}/${key}`);

/** The board's data as the browser receives it (single fetch's .data, decoded as Remix does). */
async function boardData(cookie: string, slug: string, query: string): Promise<BoardData> {
  const route = "routes/editions.$editionSlug.board";
  const response = await request(`/editions/${slug}/board.data?${query}&_routes=${encodeURIComponent(route)}`, { cookie });
  expect(response.status).toBe(200);
  const decoded = await decode(response.body!);
  const payload = (decoded.value as Record<string, { data: { board: PackedBoard } }>)[route]!;
  return unpackBoard(payload.data.board);
}

async function previewOf(cookie: string, slug: string, params: Record<string, string>) {
  const response = await request(`/editions/${slug}/board/preview?${new URLSearchParams(params)}`, { cookie });
  return { status: response.status, cache: response.headers.get("Cache-Control"), body: response.ok ? ((await response.json()) as BoardPreview) : null };
}

/** An edition with one room, its slots 09:00–10:00, 10:00–11:00 and 14:00–15:00 on the first day, a session in the second, one in the tray. */
async function roomWithSlots() {
  const database = await db();
  const edition = await ownEdition();
  const room = await createRoom(database, { editionId: edition.id, name: "Atelier des Tanneurs", openingHours: [{ date: DAY1, opens: "09:00", closes: "18:00" }] });
  for (const [start, end] of [["09:00", "10:00"], ["10:00", "11:00"], ["14:00", "15:00"]] as const) {
    await createSlot(database, { editionId: edition.id, roomId: room.id, startsAt: at(start), endsAt: at(end) });
  }
  const placed = await createSession(database, { editionId: edition.id, roomId: room.id, startsAt: at("10:00"), endsAt: at("11:00") });
  const tray = await createSession(database, { editionId: edition.id });
  return { edition, room, placed, tray };
}

describe("the place/move form", () => {
  it("opens a session from the tray on the engine's best placement, and offers the room's free slots only", async () => {
    const { cookie } = await signIn("editor");
    const { edition, room, placed, tray } = await roomWithSlots();
    const board = await boardData(cookie, edition.slug, `day=${DAY1}&edit=${tray.uuid}`);
    const placing = board.placing!;
    expect(placing.suggestions[0]).toMatchObject({ roomId: room.uuid, start: "09:00", end: "10:00" });
    expect(placing.initial).toEqual({ roomId: room.uuid, date: DAY1, start: "09:00", end: "10:00", startOccurrence: "", endOccurrence: "" });
    // The slot the other session holds is not offered.
    expect(placing.freeSlots.map((s) => `${s.start}–${s.end}`)).toEqual(["09:00–10:00", "14:00–15:00"]);
    expect(placing.rooms).toEqual([{ id: room.uuid, name: "Atelier des Tanneurs" }]);
    // A placed session opens where it is; its own slot is free for it.
    const moving = (await boardData(cookie, edition.slug, `day=${DAY1}&edit=${placed.uuid}`)).placing!;
    expect(moving.initial).toMatchObject({ start: "10:00", end: "11:00" });
    expect(moving.freeSlots.map((s) => s.start)).toEqual(["09:00", "10:00", "14:00"]);
    // The rendered form (what a browser without JavaScript gets) holds the same values.
    const html = await (await request(`/editions/${edition.slug}/board?day=${DAY1}&edit=${tray.uuid}`, { cookie })).text();
    expect(html).toMatch(/<input[^>]*id="place-start"[^>]*value="09:00"/);
    expect(html).toMatch(/<input[^>]*id="place-end"[^>]*value="10:00"/);
    // Without a script, the engine's proposals are one link away (the suggestions panel's buttons).
    expect(html).toContain(`suggest=${tray.uuid}">Voir les propositions du moteur</a>`);
  });

  it("without JavaScript, offers every free slot in a form of its own that reopens the form filled with the chosen one", async () => {
    const { cookie } = await signIn("editor");
    const { edition, room, tray } = await roomWithSlots();
    const html = await (await request(`/editions/${edition.slug}/board?day=${DAY1}&edit=${tray.uuid}`, { cookie })).text();
    const choice = /<form method="get" class="stack free-slot-choice">([\s\S]*?)<\/form>/.exec(html)?.[1] ?? "";
    expect(choice).toContain(`<input type="hidden" name="edit" value="${tray.uuid}"/>`);
    expect(choice).toContain(`<input type="hidden" name="day" value="${DAY1}"/>`);
    expect(choice).toContain(`<option value="${room.uuid}|${at("14:00")}">Atelier des Tanneurs, 9 mars 2016, 14:00–15:00</option>`);
    // The slot the other session holds is not among them.
    expect(choice).not.toContain(`|${at("10:00")}"`);
    const chosen = await request(`/editions/${edition.slug}/board?day=${DAY1}&edit=${tray.uuid}&slot=${encodeURIComponent(`${room.uuid}|${at("14:00")}`)}`, { cookie });
    const filled = await chosen.text();
    expect(filled).toMatch(/<input[^>]*id="place-start"[^>]*value="14:00"/);
    expect(filled).toMatch(/<input[^>]*id="place-end"[^>]*value="15:00"/);
    // A time that is not a free slot (the other session's) is not taken: the form opens as before.
    const forged = (await boardData(cookie, edition.slug, `day=${DAY1}&edit=${tray.uuid}&slot=${encodeURIComponent(`${room.uuid}|${at("10:00")}`)}`)).placing!;
    expect(forged.initial).toMatchObject({ start: "09:00", end: "10:00" });
  });

  it("opens every seed session of the tray on a placement with no block or error conflict", async () => {
    const { cookie } = await signIn("editor");
    const board = await boardData(cookie, SEED_EDITION, `day=${DAY1}`);
    expect(board.tray.length).toBeGreaterThan(0);
    for (const card of board.tray) {
      const initial = (await boardData(cookie, SEED_EDITION, `day=${DAY1}&edit=${card.id}`)).placing!.initial!;
      const preview = await previewOf(cookie, SEED_EDITION, { kind: "place", session: card.id, room: initial.roomId, date: initial.date, start: initial.start, end: initial.end });
      expect(preview.status).toBe(200);
      expect(preview.body!.blocked).toBeNull();
      expect(preview.body!.appeared.filter((c) => c.level === "block" || c.level === "error")).toEqual([]);
    }
  });
});

describe("the form's preview route", () => {
  it("answers for exactly the values asked: each query its own answer, never stored, a day outside the edition refused", async () => {
    const { cookie } = await signIn("viewer");
    const { edition, room, tray } = await roomWithSlots();
    const ask = (start: string, end: string, date = DAY1) => previewOf(cookie, edition.slug, { kind: "place", session: tray.uuid, room: room.uuid, date, start, end });
    const taken = await ask("10:15", "10:45");
    expect(taken.status).toBe(200);
    expect(taken.cache).toBe("no-store");
    expect(taken.body!.blocked).not.toBeNull();
    expect(taken.body!.appeared.map((c) => c.rule)).toContain("ROOM_OVERLAP");
    // The next value along answers for itself, not for the one before.
    const free = await ask("11:00", "12:00");
    expect(free.body!.blocked).toBeNull();
    expect(free.body!.appeared.map((c) => c.rule)).not.toContain("ROOM_OVERLAP");
    // Closed hours say so.
    expect((await ask("19:00", "20:00")).body!.appeared.map((c) => c.rule)).toContain("ROOM_CLOSED");
    // Asked again, the first values give the first answer.
    expect((await ask("10:15", "10:45")).body).toEqual(taken.body);
    expect((await ask("10:00", "11:00", "2016-03-12")).status).toBe(400);
  });
});

describe("refusals of the form, said in the form", () => {
  it("a placement refused by a block conflict (422) or by someone else's change (409) re-renders the form with what and why", async () => {
    const { cookie } = await signIn("editor");
    const { edition, room, tray } = await roomWithSlots();
    const path = `/editions/${edition.slug}/board?day=${DAY1}&edit=${tray.uuid}`;
    const form = { intent: "place", session: tray.uuid, version: "1", room: room.uuid, date: DAY1, start: "10:15", end: "10:45" };
    const blocked = await request(path, { cookie, form });
    expect(blocked.status).toBe(422);
    const blockedHtml = await blocked.text();
    expect(blockedHtml).toMatch(/data-testid="placement-refusal"[^>]*>[^<]*Atelier des Tanneurs/);
    // What was typed is kept.
    expect(blockedHtml).toMatch(/<input[^>]*id="place-start"[^>]*value="10:15"/);

    await (await db()).update(sessions).set({ version: 2 }).where(eq(sessions.uuid, tray.uuid));
    const stale = await request(path, { cookie, form: { ...form, start: "14:00", end: "15:00" } });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toMatch(/data-testid="placement-refusal"[^>]*>[^<]+/);
  });

  it("a swap refused on the seed board says why in the form too", async () => {
    const { cookie } = await signIn("editor");
    const own = seedId("session", "uber-keynote");
    const other = seedId("session", "atelier-communs");
    const response = await request(`/editions/${SEED_EDITION}/board?day=${DAY1}&edit=${own}`, {
      cookie,
      form: { intent: "swap", session: own, version: "999", other, otherVersion: "999" },
    });
    expect(response.status).toBe(409);
    expect(await response.text()).toMatch(/data-testid="placement-refusal"[^>]*>[^<]+/);
  });
});
