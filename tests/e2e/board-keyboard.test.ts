// The board with the keyboard only (Tab, Shift+Tab, Enter, Space, Escape, arrow keys): place a
// session from the tray, move a placed one, unschedule it; after each, what the server holds and
// where the focus is.
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
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
const SESSION = id("session", "grid-42");
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

const rig = browserRig({ database: true });

/** Where the server has the session: its room's key and its instants, or null in the tray. */
async function placementOf(session: string) {
  const row = await rig.database
    .select({ room: rooms.uuid, start: sessions.startsAt, end: sessions.endsAt })
    .from(sessions)
    .leftJoin(rooms, eq(rooms.id, sessions.roomId))
    .where(eq(sessions.uuid, session))
    .get();
  return row?.room && row.start !== null && row.end !== null ? { room: row.room, start: row.start, end: row.end } : null;
}

/** Whether the focused element matches a selector. */
const focusedIs = (page: Page, selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
/** What has the focus: an id, or the card whose link it is and where that card is. */
const focus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const card = el?.closest<HTMLElement>("[data-card-id]");
    return { id: el?.id ?? "", card: card?.dataset.cardId ?? null, inTray: Boolean(el?.closest(".board-tray")), move: el?.classList.contains("card-move") ?? false };
  });

/** Presses Tab (or Shift+Tab) until the focus is on `selector`; fails when it never gets there. */
async function tabTo(page: Page, selector: string, options: { back?: boolean; max?: number } = {}) {
  for (let i = 0; i < (options.max ?? 150); i++) {
    if (await focusedIs(page, selector)) return;
    await page.keyboard.press(options.back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

const moveLink = (where: string) => `${where} [data-card-id="${SESSION}"] .card-move`;
const fieldValue = (page: Page, selector: string) => page.locator(selector).inputValue();
const at = (date: string, time: string) => localToEpoch(date, time, "Europe/Paris");

describe("the board with the keyboard only", () => {
  it("places a session from the tray, moves it, unschedules it; the focus follows the session", async () => {
    const context = await rig.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await newPage(context);
    await signInThroughForm(page, rig.server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await page.goto(`${rig.server.url}${BOARD}`);
    await page.waitForFunction(() => document.querySelector('[draggable="true"]') !== null);
    const live = page.getByTestId("board-live");
    const form = page.getByTestId("placement-form");

    // Place: Tab from the top of the page to the tray card's « Placer… », Enter.
    await tabTo(page, moveLink(".board-tray"));
    await page.keyboard.press("Enter");
    await poll(() => focus(page).then((f) => f.id)).toBe("edit-title");
    // The first field is the engine's proposals, on the best one; Escape closes without a change.
    await page.keyboard.press("Tab");
    expect(await focusedIs(page, "#place-suggestion")).toBe(true);
    expect(await fieldValue(page, "#place-suggestion")).toBe("0");
    await page.keyboard.press("Escape");
    await poll(() => form.count()).toBe(0);
    await poll(() => focus(page)).toEqual({ id: "", card: SESSION, inTray: true, move: true });
    expect(await placementOf(SESSION)).toBeNull();

    // Again, and confirm the proposal with Enter on « Placer ».
    await page.keyboard.press("Enter");
    await poll(() => focus(page).then((f) => f.id)).toBe("edit-title");
    const room = await fieldValue(page, "#place-room");
    const [date, start, end] = [await fieldValue(page, "#place-date"), await fieldValue(page, "#place-start"), await fieldValue(page, "#place-end")];
    await tabTo(page, ".board-edit-actions button[type=submit]");
    await page.keyboard.press("Enter");
    await poll(() => live.textContent()).toContain("placée\u00a0: ");
    await poll(() => placementOf(SESSION)).toEqual({ room, start: at(date, start), end: at(date, end) });
    // The focus is on the placed card's « Déplacer… », on the grid.
    await poll(() => focus(page)).toEqual({ id: "", card: SESSION, inTray: false, move: true });

    // Move: Enter on it, arrow keys on the proposals, then on the start (the end follows), Space on « Déplacer ».
    await page.keyboard.press("Enter");
    await poll(() => focus(page).then((f) => f.id)).toBe("edit-title");
    await page.keyboard.press("Tab");
    expect(await focusedIs(page, "#place-suggestion")).toBe(true);
    await page.keyboard.press("ArrowDown");
    const chosen = (await page.locator("#place-suggestion option:checked").textContent())!;
    const [movedStart, movedEnd] = [await fieldValue(page, "#place-start"), await fieldValue(page, "#place-end")];
    expect(chosen).toContain(`${movedStart}–${movedEnd}`);
    await tabTo(page, "#place-start");
    await page.keyboard.press("ArrowUp");
    await poll(() => fieldValue(page, "#place-start")).not.toBe(movedStart);
    // The end follows, keeping the duration.
    expect(await fieldValue(page, "#place-end")).not.toBe(movedEnd);
    await page.keyboard.press("ArrowDown");
    await poll(() => fieldValue(page, "#place-start")).toBe(movedStart);
    expect(await fieldValue(page, "#place-end")).toBe(movedEnd);
    // Shift+Tab goes back up the form.
    await tabTo(page, "#place-date", { back: true, max: 6 });
    const [movedRoom, movedDate] = [await fieldValue(page, "#place-room"), await fieldValue(page, "#place-date")];
    await tabTo(page, ".board-edit-actions button[type=submit]");
    await page.keyboard.press("Space");
    await poll(() => live.textContent()).toContain("déplacée\u00a0: ");
    await poll(() => placementOf(SESSION)).toEqual({ room: movedRoom, start: at(movedDate, movedStart), end: at(movedDate, movedEnd) });
    await poll(() => focus(page)).toMatchObject({ card: SESSION, move: true });

    // Unschedule: Enter on « Déplacer… », Tab to « Retirer de la grille », Enter.
    await page.keyboard.press("Enter");
    await poll(() => focus(page).then((f) => f.id)).toBe("edit-title");
    await tabTo(page, ".board-unschedule button");
    await page.keyboard.press("Enter");
    await poll(() => live.textContent()).toContain("retirée de la grille");
    await poll(() => placementOf(SESSION)).toBeNull();
    // Back in the tray, its « Placer… » has the focus.
    await poll(() => focus(page)).toEqual({ id: "", card: SESSION, inTray: true, move: true });
    expectNoBrowserErrors(page);
    await context.close();
  });
});
