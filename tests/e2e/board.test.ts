// The schedule board in a real browser: drag and drop, the keyboard, JavaScript off, the
// preview before a drop, block refusals, acknowledgements, suggestions, undo, and two
// organisers dropping into the same place at once.
import { eq } from "drizzle-orm";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { rooms, sessions } from "~/db/schema";
import { localToEpoch } from "~/domain/time";
import { uuidv5 } from "~/services/ids.server";
import { expectNoBrowserErrors, newPage, signInThroughForm } from "../helpers/browser";
import { E2E_ADMIN_PASSWORD } from "../helpers/server";
import { browserRig } from "../helpers/rig";

const EDITION = "grand-barouf-2016";
const id = (kind: string, key: string) => uuidv5(`${EDITION}/${kind}/${key}`);
const BOARD = `/editions/${EDITION}/board?day=2016-03-09`;
// Refusals answer 409/422: the browser logs the failed fetch; nothing else is allowed.
const REFUSALS = [/status of 4(09|22)/];

const rig = browserRig({ database: true });

/** Where the server has a session now: its room's key and its local times on the first day, or null. */
async function placementOf(session: string): Promise<{ room: string; start: number; end: number } | null> {
  const row = await rig.database
    .select({ room: rooms.uuid, start: sessions.startsAt, end: sessions.endsAt })
    .from(sessions)
    .leftJoin(rooms, eq(rooms.id, sessions.roomId))
    .where(eq(sessions.uuid, id("session", session)))
    .get();
  return row?.room && row.start !== null && row.end !== null ? { room: row.room, start: row.start, end: row.end } : null;
}
const at = (time: string) => localToEpoch("2016-03-09", time, "Europe/Paris");
const placed = (room: string, start: string, end: string) => ({ room: id("room", room), start: at(start), end: at(end) });

async function openBoard(options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page & { browserErrors: string[] } }> {
  const context = await rig.browser.newContext({ viewport: { width: 1920, height: 1080 }, ...options });
  const page = await newPage(context);
  await signInThroughForm(page, rig.server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
  await page.goto(`${rig.server.url}${BOARD}`);
  if (options.javaScriptEnabled !== false) await page.waitForFunction(() => document.querySelector('[draggable="true"]') !== null);
  return { context, page };
}

const card = (page: Page, session: string) => page.locator(`.board-room [data-card-id="${id("session", session)}"]`);
const trayCard = (page: Page, session: string) => page.locator(`.board-tray [data-card-id="${id("session", session)}"]`);
const cell = (page: Page, room: string, time: string) => page.locator(`[data-cell][data-room="${id("room", room)}"][data-time="${time}"]`);
const live = (page: Page) => page.getByTestId("board-live");
/** The machine running these tests is shared and slow: wait up to 20 s for the page to settle. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
type Position = { x: number; y: number };

/** A point of an element that a user sees: on screen, not under a sticky header or another element. */
async function visiblePoint(locator: Locator, position?: Position): Promise<Position> {
  const box = (await locator.boundingBox())!;
  const point = position ? { x: box.x + position.x, y: box.y + position.y } : { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const shown = await locator.evaluate((el, p) => {
    const top = document.elementFromPoint(p.x, p.y);
    return top !== null && el.contains(top);
  }, point);
  if (!shown) throw new Error(`Not visible at (${point.x}, ${point.y}): ${await locator.evaluate((el) => el.outerHTML.slice(0, 120))}`);
  return point;
}

/**
 * A real mouse drag, which Chromium turns into the HTML5 drag events a user's drag makes, held
 * over the target until `drop()` (mouse up) or `cancel()` (Escape). Both ends are brought into
 * view before the button goes down: Chromium does not start a drag when the page scrolls between
 * the press and the first move, which is what `locator.dragTo` does with a target out of view.
 */
async function startDrag(page: Page, source: Locator, target: Locator, options: { sourcePosition?: Position; targetPosition?: Position } = {}) {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.querySelector(".board-scroll")!.scrollTo(0, 0);
  });
  await target.evaluate((el) => el.scrollIntoView({ block: "nearest", inline: "nearest" }));
  const from = await visiblePoint(source, options.sourcePosition ?? { x: 20, y: 6 });
  const to = await visiblePoint(target, options.targetPosition);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // Past Chromium's drag threshold: dragstart, then the board marks the drag.
  await page.mouse.move(from.x + 8, from.y + 8);
  await page.locator(".board.is-dragging").waitFor({ timeout: 10_000 });
  await dragMove(page, to);
  return {
    drop: () => page.mouse.up(),
    cancel: async () => {
      await page.keyboard.press("Escape");
      await page.mouse.up();
      await page.locator(".board.is-dragging").waitFor({ state: "detached" });
    },
  };
}

/**
 * Moves a held drag to a point. Chromium fires only dragenter on the move that enters an element
 * and dragover on the next ones (a user's pointer keeps sending them): one more pixel there.
 */
async function dragMove(page: Page, to: Position) {
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.move(to.x + 1, to.y);
}

/** Drags and drops, once the board has said what the drop would change (its preview). */
async function dragTo(page: Page, source: Locator, target: Locator, options: { sourcePosition?: Position; targetPosition?: Position } = {}) {
  const drag = await startDrag(page, source, target, options);
  await page.getByTestId("board-preview").locator(".board-preview-target").waitFor();
  await page.getByTestId("board-preview").getByText("Vérification…").waitFor({ state: "detached" });
  await drag.drop();
}

async function roomOf(locator: Locator): Promise<string | null> {
  return locator.evaluate((el) => el.closest("[data-room-id]")?.getAttribute("data-room-id") ?? null);
}

describe("the schedule board", () => {
  it("places from the tray, moves, swaps and unschedules by drag and drop", async () => {
    const { context, page } = await openBoard();
    const preview = page.getByTestId("board-preview");
    const target = () => page.locator(".board-scroll").getAttribute("data-target");

    // Place "Le bénévolat réinventé" from the tray into the Salle du Beffroi at 09:00. Held over the
    // cell, the board shows where it would land and what would change, before the drop.
    const place = await startDrag(page, trayCard(page, "grid-41"), cell(page, "beffroi", "09:00"));
    await poll(() => preview.locator(".board-preview-target").textContent()).toBe("« Le bénévolat réinventé » dans Salle du Beffroi à 09:00");
    await poll(() => preview.getByText("Vérification…").count()).toBe(0);
    expect(await preview.getByTestId("preview-appeared").textContent()).toContain("« Le bénévolat réinventé »");
    expect(await page.locator(".board-drop").textContent()).toBe("09:00");
    // Over a room's sticky header, with cells scrolled under it: no place to drop, not the hidden cell.
    await page.locator(".board-scroll").evaluate((el) => el.scrollBy(0, 120));
    const header = await visiblePoint(page.locator(`[data-room-id="${id("room", "beffroi")}"] .board-room-name`));
    await dragMove(page, header);
    await poll(target).toBe("");
    expect(await page.locator(".board-drop").count()).toBe(0);
    // Back over the cell, and drop.
    await page.locator(".board-scroll").evaluate((el) => el.scrollTo(el.scrollLeft, 0));
    const back = await visiblePoint(cell(page, "beffroi", "09:00"));
    await dragMove(page, back);
    await poll(target).toBe(`place|${id("room", "beffroi")}|${at("09:00")}`);
    await place.drop();
    await poll(() => live(page).textContent()).toContain("placée\u00a0: Salle du Beffroi, 9 mars 2016, 09:00–10:00");
    expect(await placementOf("grid-41")).toEqual(placed("beffroi", "09:00", "10:00"));
    await poll(() => roomOf(card(page, "grid-41"))).toBe(id("room", "beffroi"));
    expect(await trayCard(page, "grid-41").count()).toBe(0);

    // Move it to Atelier 2 at 08:30.
    await dragTo(page, card(page, "grid-41"), cell(page, "atelier2", "08:30"));
    await poll(() => live(page).textContent()).toContain("déplacée\u00a0: Atelier 2, 9 mars 2016, 08:30–09:30");
    expect(await placementOf("grid-41")).toEqual(placed("atelier2", "08:30", "09:30"));
    await poll(() => roomOf(card(page, "grid-41"))).toBe(id("room", "atelier2"));

    // Swap: dropped on the opening keynote, the two exchange their places.
    const keynote = await placementOf("ouverture");
    await dragTo(page, card(page, "grid-41"), card(page, "ouverture"), { targetPosition: { x: 20, y: 8 } });
    await poll(() => live(page).textContent()).toContain("ont échangé leurs créneaux");
    expect(await placementOf("grid-41")).toEqual(keynote);
    expect(await placementOf("ouverture")).toEqual(placed("atelier2", "08:30", "09:30"));
    await poll(() => roomOf(card(page, "ouverture"))).toBe(id("room", "atelier2"));
    await poll(() => roomOf(card(page, "grid-41"))).toBe(id("room", "auditorium"));

    // Unschedule: dropped on the tray.
    await dragTo(page, card(page, "grid-41"), page.locator(".board-tray"), { targetPosition: { x: 40, y: 16 } });
    await poll(() => live(page).textContent()).toContain("retirée de la grille");
    expect(await placementOf("grid-41")).toBeNull();
    await poll(() => trayCard(page, "grid-41").count()).toBe(1);
    expect(await card(page, "grid-41").count()).toBe(0);

    // Reloaded, the board shows the same.
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[draggable="true"]') !== null);
    expect(await trayCard(page, "grid-41").count()).toBe(1);
    expect(await roomOf(card(page, "ouverture"))).toBe(id("room", "atelier2"));
    expect(await card(page, "ouverture").locator(".card-time").textContent()).toBe("08:30–09:30");
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("shows what a drop would change before the drop, and refuses one that a block conflict forbids", async () => {
    const { context, page } = await openBoard();
    // The fishbowl over the Salle Vauban (no circle seating): the preview lists the new error first.
    const first = await startDrag(page, card(page, "fishbowl-collab"), cell(page, "vauban", "09:00"));
    const preview = page.getByTestId("board-preview");
    await poll(() => preview.getByTestId("preview-appeared").count()).toBe(1);
    expect(await preview.getByTestId("preview-appeared").textContent()).toContain("Erreur");
    expect(await preview.textContent()).toContain("« Fishbowl : l’économie collaborative tient-elle ses promesses ? » dans Salle Vauban à 09:00");
    // And what it clears: Jennifer Leblond would no longer be in two places.
    expect(await preview.getByTestId("preview-disappeared").textContent()).toContain("Jennifer Leblond");
    await first.cancel();

    // The round table at 09:30 in the exhibition hall, taken from 10:00: refused before and at the drop.
    const second = await startDrag(page, card(page, "table-emploi"), cell(page, "hall", "09:30"));
    await poll(() => page.getByTestId("preview-blocked").count()).toBe(1);
    expect(await page.getByTestId("preview-blocked").textContent()).toContain("Ce dépôt serait refusé");
    expect(await page.locator(".board-drop.is-blocked").count()).toBe(1);
    await second.drop();
    await poll(() => live(page).textContent()).toContain("Refusé\u00a0:");
    expect(await live(page).textContent()).toContain("Hall d’exposition");
    expect(await roomOf(card(page, "table-emploi"))).toBe(id("room", "jeanbart"));
    expectNoBrowserErrors(page, REFUSALS);
    await context.close();
  });

  it("places, moves, swaps and unschedules with the keyboard, announced to screen readers", async () => {
    const { context, page } = await openBoard();
    expect(await live(page).getAttribute("aria-live")).toBe("polite");
    // Place from the tray: focus the card's "Placer…", Enter, choose room and time, confirm.
    await trayCard(page, "grid-42").getByRole("link", { name: "Placer…" }).focus();
    await page.keyboard.press("Enter");
    const form = page.getByTestId("placement-form");
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe("edit-title");
    await form.getByLabel("Salle").selectOption({ label: "Agora" });
    await form.getByLabel("Début").fill("08:30");
    await form.getByLabel("Fin").fill("09:45");
    await form.getByLabel("Fin").press("Enter");
    await poll(() => live(page).textContent()).toContain("placée\u00a0: Agora, 9 mars 2016, 08:30–09:45");
    await poll(() => roomOf(card(page, "grid-42"))).toBe(id("room", "agora"));
    // Move it half an hour later.
    await card(page, "grid-42").getByRole("link", { name: "Déplacer…" }).focus();
    await page.keyboard.press("Enter");
    await form.getByLabel("Début").fill("09:00");
    await form.getByLabel("Fin").fill("10:15");
    await form.getByRole("button", { name: "Déplacer" }).press("Enter");
    await poll(() => live(page).textContent()).toContain("déplacée\u00a0: Agora, 9 mars 2016, 09:00–10:15");

    // Swap with the closing-free auditorium keynote of Uber.
    await card(page, "grid-42").getByRole("link", { name: "Déplacer…" }).focus();
    await page.keyboard.press("Enter");
    await form.getByLabel("Échanger son créneau avec").selectOption({ value: id("session", "uber-keynote") });
    await form.getByRole("button", { name: "Échanger" }).press("Enter");
    await poll(() => live(page).textContent()).toContain("ont échangé leurs créneaux");
    await poll(() => roomOf(card(page, "uber-keynote"))).toBe(id("room", "agora"));

    // Unschedule.
    await card(page, "grid-42").getByRole("link", { name: "Déplacer…" }).focus();
    await page.keyboard.press("Enter");
    await form.getByRole("button", { name: "Retirer de la grille" }).press("Enter");
    await poll(() => live(page).textContent()).toContain("retirée de la grille");
    await poll(() => trayCard(page, "grid-42").count()).toBe(1);
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("works with JavaScript off through the plain per-session form", async () => {
    const { context, page } = await openBoard({ javaScriptEnabled: false });
    await trayCard(page, "grid-43").getByRole("link", { name: "Placer…" }).click();
    const form = page.getByTestId("placement-form");
    await form.getByLabel("Salle").selectOption({ label: "Atelier 1" });
    await form.getByLabel("Début").fill("09:00");
    await form.getByLabel("Fin").fill("08:00");
    await form.getByRole("button", { name: "Placer" }).click();
    // The server's error, on the field, with what was typed kept.
    await poll(() => form.getByText("La fin doit être après le début").count()).toBe(1);
    expect(await form.getByLabel("Fin").inputValue()).toBe("08:00");
    await form.getByLabel("Fin").fill("10:00");
    await form.getByRole("button", { name: "Placer" }).click();
    await page.waitForURL((url) => url.searchParams.has("saved"));
    expect(await live(page).textContent()).toContain("Atelier 1, 9 mars 2016, 09:00–10:00");
    expect(await roomOf(card(page, "grid-43"))).toBe(id("room", "atelier1"));
    await context.close();
  });

  it("acknowledges a conflict with a reason and applies a suggestion in one click", async () => {
    const { context, page } = await openBoard();
    const capacity = page.locator(`[data-conflict-key="ROOM_CAPACITY|${id("session", "table-emploi")}"]`);
    await capacity.getByText("Accepter ce conflit…").click();
    await capacity.getByLabel("Raison (obligatoire)").fill("Retransmission dans le hall");
    await capacity.getByRole("button", { name: "Accepter" }).click();
    await poll(() => live(page).textContent()).toContain("Conflit accepté.");
    await poll(() => capacity.textContent()).toContain("Raison : « Retransmission dans le hall »");
    expect(await capacity.textContent()).toContain("accepté");

    const features = page.locator(`[data-conflict-key="ROOM_FEATURES|${id("session", "fishbowl-donnees")}"]`);
    await features.getByRole("link", { name: /Suggestions pour/ }).click();
    const suggestions = page.getByTestId("suggestions");
    const first = suggestions.getByRole("button").first();
    const label = (await first.textContent())!;
    expect(label).toMatch(/^Déplacer vers Agora/);
    await first.click();
    await poll(() => live(page).textContent()).toContain("« Fishbowl : à qui appartiennent les données de la ville ? » déplacée : Agora");
    await poll(() => features.count()).toBe(0);
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("undoes the last change", async () => {
    const { context, page } = await openBoard();
    // A move made with the per-session form, then undone from the toolbar.
    await card(page, "atelier-communs").getByRole("link", { name: "Déplacer…" }).click();
    const form = page.getByTestId("placement-form");
    await form.getByLabel("Début").fill("12:30");
    await form.getByLabel("Fin").fill("14:00");
    await form.getByRole("button", { name: "Déplacer" }).click();
    await poll(() => live(page).textContent()).toContain("12:30–14:00");
    await page.getByRole("button", { name: /Défaire/ }).first().click();
    await poll(() => live(page).textContent()).toContain("Défait.");
    await poll(() => card(page, "atelier-communs").locator(".card-time").textContent()).toBe("11:00–12:30");
    expectNoBrowserErrors(page, REFUSALS);
    await context.close();
  });

  it("two organisers dropping into the same room and time: exactly one succeeds, the other is told why", async () => {
    const a = await openBoard();
    const b = await openBoard();
    // Both hold a session over the Salle du Beffroi at 08:30, each board seeing the place free…
    const dragA = await startDrag(a.page, card(a.page, "fishbowl-collab"), cell(a.page, "beffroi", "08:30"));
    const dragB = await startDrag(b.page, card(b.page, "table-emploi"), cell(b.page, "beffroi", "08:30"));
    for (const { page } of [a, b]) {
      const preview = page.getByTestId("board-preview");
      await poll(() => preview.locator(".board-preview-target").textContent()).toContain("dans Salle du Beffroi à 08:30");
      await poll(() => preview.getByText("Vérification…").count()).toBe(0);
      expect(await page.getByTestId("preview-blocked").count()).toBe(0);
    }
    // …and both let go at once.
    await Promise.all([dragA.drop(), dragB.drop()]);
    const texts = () => Promise.all([live(a.page).textContent(), live(b.page).textContent()]);
    await poll(async () => (await texts()).filter((t) => /déplacée|Refusé/.test(t ?? "")).length).toBe(2);
    const [ta, tb] = (await texts()) as [string, string];
    expect([ta, tb].filter((t) => t.includes("déplacée\u00a0: Salle du Beffroi, 9 mars 2016, 08:30"))).toHaveLength(1);
    const aWon = ta.includes("déplacée");
    const [winner, loser] = aWon ? ["fishbowl-collab", "table-emploi"] : ["table-emploi", "fishbowl-collab"];
    const refused = aWon ? tb : ta;
    // Told why (the room would be booked twice) and who changed what since that board was read.
    expect(refused).toContain("Refusé : Salle du Beffroi est occupée deux fois");
    const winnerTitle = await card(aWon ? a.page : b.page, winner).locator(".card-title").textContent();
    expect(refused).toContain(`« ${winnerTitle} » a été modifiée entre-temps par Admin Barouf : elle est maintenant Salle du Beffroi, 9 mars 2016, 08:30–`);
    // The server kept exactly one of them there.
    expect((await placementOf(winner))?.room).toBe(id("room", "beffroi"));
    expect((await placementOf(loser))?.room).not.toBe(id("room", "beffroi"));
    // The refused board picks up the other's change without a reload.
    const loserPage = aWon ? b.page : a.page;
    await poll(() => roomOf(card(loserPage, winner))).toBe(id("room", "beffroi"));
    expect(await roomOf(card(loserPage, loser))).not.toBe(id("room", "beffroi"));
    expectNoBrowserErrors(a.page, REFUSALS);
    expectNoBrowserErrors(b.page, REFUSALS);
    await Promise.all([a.context.close(), b.context.close()]);
  });

  it("wrote nothing unexpected to the server's error output", () => {
    expect(rig.server.stderr()).toBe("");
  });
});
