// The public site in a browser (ADR 0020): a visitor opens the published programme, switches to
// the timetable, opens a session, then a speaker, and finds their iCal and subscribe links; on a
// 360 px phone the timetable reads as a list, without horizontal scrolling. The pages run no
// script, and the browser reports no CSP violation (their styles load under the page policy).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db/client.server";
import { editions } from "~/db/schema";
import { publishProgramme } from "~/services/publishing.server";
import { eq } from "drizzle-orm";
import { expectNoBrowserErrors, launchBrowser, newPage } from "../helpers/browser";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";
import { startServer, type RunningServer } from "../helpers/server";

let server: RunningServer;
let browser: Browser;
const PUBLIC = "/programme/grand-barouf-2016";
// Addresses given to calendars and apps use the configured public origin, never the request's.
const ORIGIN = "http://programme.barouf.example";

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ PUBLIC_ORIGIN: ORIGIN }), launchBrowser()]);
  const database = await openDatabase(`file:${server.databaseFile}`);
  const edition = (await database.select().from(editions).where(eq(editions.slug, "grand-barouf-2016")).get())!;
  await acknowledgeBlockingConflicts(database, edition.id);
  const published = await publishProgramme(database, { editionId: edition.id, slug: edition.slug, actor: { type: "system" }, note: null, now: Date.now() });
  expect(published.ok).toBe(true);
  database.$client.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the public site", () => {
  it("goes from the programme to the timetable, a session, a speaker, and their calendar links", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await newPage(context);
    expect((await page.goto(`${server.url}${PUBLIC}`))?.status()).toBe(200);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Grand Barouf");
    const subscribe = page.getByRole("link", { name: "S’abonner au programme (webcal)" });
    expect(await subscribe.getAttribute("href")).toBe(`webcal://programme.barouf.example${PUBLIC}/programme.ics`);

    await page.getByRole("navigation", { name: "Parcourir le programme" }).getByRole("link", { name: "Grille horaire" }).click();
    await expect.poll(() => page.url()).toContain("view=timetable");
    const grid = page.getByTestId("timetable-grid");
    expect(await grid.isVisible()).toBe(true);
    expect(await page.getByTestId("timetable-list").isVisible()).toBe(false);
    expect(await grid.locator("thead th").count()).toBeGreaterThan(2);

    const session = grid.locator("td.timetable-session a").first();
    const title = (await session.textContent())!;
    await session.click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(title);
    const sessionIcs = page.getByRole("link", { name: /Ajouter à mon agenda/ });
    const sessionCalendar = await page.request.get(new URL((await sessionIcs.getAttribute("href"))!, page.url()).href);
    expect(sessionCalendar.status()).toBe(200);
    expect(sessionCalendar.headers()["content-type"]).toContain("text/calendar");

    const person = page.locator(".public-people a").first();
    const name = (await person.textContent())!;
    await person.click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(name);
    const ics = page.locator('a[data-calendar="ics"]');
    const webcal = page.locator('a[data-calendar="webcal"]');
    expect(await ics.isVisible()).toBe(true);
    expect(await webcal.isVisible()).toBe(true);
    const icsHref = (await ics.getAttribute("href"))!;
    expect(icsHref).toMatch(new RegExp(`^${PUBLIC}/speakers/[0-9a-f-]{36}\\.ics$`));
    expect(await webcal.getAttribute("href")).toBe(`webcal://programme.barouf.example${icsHref}`);
    const calendar = await page.request.get(`${server.url}${icsHref}`);
    expect(calendar.status()).toBe(200);
    expect(await calendar.text()).toContain("BEGIN:VEVENT");

    // In English, from the language link.
    await page.getByRole("link", { name: "English" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByRole("link", { name: /Subscribe in my calendar/ }).count()).toBe(1);
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("shows the timetable as a list on a 360 px phone, without horizontal scrolling", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await newPage(context);
    await page.goto(`${server.url}${PUBLIC}/?view=timetable`);
    expect(await page.getByTestId("timetable-grid").isVisible()).toBe(false);
    const list = page.getByTestId("timetable-list");
    expect(await list.isVisible()).toBe(true);
    expect(await list.locator("li").count()).toBeGreaterThan(3);
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    expect(scroll).toBeLessThanOrEqual(width);
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("shows schedule-app users the schedule.xml address and its QR code", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    await page.goto(`${server.url}${PUBLIC}/apps`);
    expect(await page.getByTestId("schedule-url").inputValue()).toBe(`${ORIGIN}${PUBLIC}/schedule.xml`);
    const qr = page.getByRole("img", { name: "Code QR de l’adresse du programme" });
    expect(await qr.locator("svg").isVisible()).toBe(true);
    expectNoBrowserErrors(page);
    await context.close();
  });
});
