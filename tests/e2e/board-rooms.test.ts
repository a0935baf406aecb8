// A big edition's board in a real browser: FOSDEM 2021 (over a hundred rooms) imported from the
// command line, its board paged through its rooms with the keyboard only.
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoBrowserErrors, launchBrowser, newPage, signInThroughForm } from "../helpers/browser";
import { cli } from "../helpers/cli";
import { FORMATS_DIR } from "../helpers/schedule-files";
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from "../helpers/server";

const BOARD = "/editions/fosdem-rooms/board?day=2021-02-06";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  // Run by the first admin's organisation; the running server reads it like any other edition.
  const imported = await cli(["import", path.join(FORMATS_DIR, "giggity__fosdem_2021.xml"), "--slug", "fosdem-rooms", "--organisation", "Métropole Européenne de Lille"], { database: server.databaseFile });
  if (imported.code !== 0) throw new Error(imported.stderr);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the rooms of a big edition's board", () => {
  it("are paged with the keyboard: Tab to the next rooms, Enter, and back", { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await newPage(context);
    await signInThroughForm(page, server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await page.goto(`${server.url}${BOARD}`);
    await page.waitForFunction(() => document.querySelector('[draggable="true"]') !== null);
    const pager = page.getByRole("navigation", { name: "Salles affichées" });
    const range = pager.locator(".board-pager-range");
    expect(await range.textContent()).toMatch(/^Salles 1–\d+ sur \d{3}$/);
    const firstRooms = await page.locator(".board-room").evaluateAll((rooms) => rooms.map((r) => r.getAttribute("data-room-id")));

    // From the day tabs, Tab reaches the pager's links in order; Enter follows the next one.
    await page.getByRole("navigation", { name: "Jours de l’édition" }).getByRole("link").last().focus();
    const next = pager.getByRole("link", { name: "Salles suivantes ›" });
    for (let i = 0; i < 40 && !(await next.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    expect(await next.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get("roomPage"), { timeout: 20_000 }).toBe("2");
    await expect.poll(() => range.textContent(), { timeout: 20_000 }).toMatch(new RegExp(`^Salles ${firstRooms.length + 1}–\\d+ sur \\d{3}$`));
    const secondRooms = await page.locator(".board-room").evaluateAll((rooms) => rooms.map((r) => r.getAttribute("data-room-id")));
    expect(secondRooms.length).toBeGreaterThan(0);
    expect(secondRooms.some((id) => firstRooms.includes(id))).toBe(false);
    // The page shown is marked for assistive technology too.
    expect(await pager.locator('[aria-current="page"]').textContent()).toBe(`${firstRooms.length + 1}–${firstRooms.length + secondRooms.length}`);

    // The previous rooms, with the keyboard again.
    const previous = pager.getByRole("link", { name: "‹ Salles précédentes" });
    await previous.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get("roomPage"), { timeout: 20_000 }).toBe(null);
    await expect.poll(() => page.locator(".board-room").evaluateAll((rooms) => rooms.map((r) => r.getAttribute("data-room-id"))), { timeout: 20_000 }).toEqual(firstRooms);
    expectNoBrowserErrors(page);
    await context.close();
  });
});
