// Publishing journey: the seed's blocking conflicts refuse a publication, the organiser
// acknowledges them, publishes, and the public page of the new version is read and filtered
// by a visitor, with JavaScript and without.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoBrowserErrors, launchBrowser, newPage, signInThroughForm } from "../helpers/browser";
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from "../helpers/server";

let server: RunningServer;
let browser: Browser;
const EDITION = "/editions/grand-barouf-2016";
const PUBLIC = "/programme/grand-barouf-2016";

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The number in the public page's "N sessions" status line. */
async function shownCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("public-count").textContent()) ?? "";
  return Number(/(\d+)/.exec(text)?.[1] ?? NaN);
}

describe("publishing the programme", () => {
  it("is refused while errors remain, then publishes version 1 once they are acknowledged", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    await signInThroughForm(page, server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);

    await page.goto(`${server.url}${EDITION}/versions`);
    const blocking = page.getByTestId("blocking-conflicts");
    await expect.poll(() => blocking.textContent()).toContain("2 conflit(s) bloquant(s) ou en erreur empêchent de publier");
    await page.getByLabel("Note de version (facultative)").fill("Première version");
    await page.getByRole("button", { name: "Publier la version 1" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("Publication refusée : 2 conflit(s)");
    // The typed note is kept on the refusal.
    expect(await page.getByLabel("Note de version (facultative)").inputValue()).toBe("Première version");

    // Acknowledge both errors on the conflicts page, with a reason each.
    await page.goto(`${server.url}${EDITION}/conflicts?level=error`);
    for (let i = 0; i < 2; i++) {
      const item = page.locator("li.conflict", { hasNotText: "Accepté par" }).first();
      await item.getByText("Accepter ce conflit…").click();
      await item.getByLabel("Raison (obligatoire)").fill("Assumé pour la première version");
      await item.getByRole("button", { name: "Accepter", exact: true }).click();
      await expect.poll(() => page.getByTestId("count-error-acknowledged").textContent()).toBe(String(i + 1));
    }

    await page.goto(`${server.url}${EDITION}/versions`);
    expect(await page.getByTestId("blocking-conflicts").count()).toBe(0);
    await page.getByLabel("Note de version (facultative)").fill("Première version");
    await page.getByRole("button", { name: "Publier la version 1" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Version 1 publiée.");
    await expect.poll(() => page.getByText("Première version").count()).toBeGreaterThan(0);
    // The refused publication answered 409, which the browser logs.
    expectNoBrowserErrors(page, [/status of 409/]);
    await context.close();
  });

  it("shows the published version to a visitor, filters it, and serves its exports", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    const response = await page.goto(`${server.url}${PUBLIC}`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Grand Barouf");
    expect(await page.getByText(/Version 1, publiée le/).count()).toBe(1);
    const all = await shownCount(page);
    expect(all).toBeGreaterThan(10);

    // Filter by the first day: fewer sessions, and only that day's heading.
    const day = page.locator("select[name=day]");
    const firstDay = await day.locator("option").nth(1).getAttribute("value");
    await day.selectOption(firstDay!);
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect.poll(() => page.url()).toContain(`day=${firstDay}`);
    await expect.poll(() => shownCount(page)).toBeLessThan(all);
    expect(await page.locator("section.public-day").count()).toBe(1);

    // A person's public bio opens from its summary (keyboard).
    const summary = page.locator(".public-people summary").first();
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".public-people details[open]").count()).toBe(1);

    // "Tout afficher" resets the filters.
    await page.getByRole("link", { name: "Tout afficher" }).click();
    await expect.poll(() => shownCount(page)).toBe(all);

    // The download links point at the exports of the same version.
    const json = await page.request.get(`${server.url}${PUBLIC}/programme.json`);
    expect(json.status()).toBe(200);
    expect(json.headers()["access-control-allow-origin"]).toBe("*");
    const body = (await json.json()) as { $schema: string; sessions: unknown[] };
    expect(body.$schema).toMatch(/\/schemas\//);
    expect(body.sessions.length).toBe(all);
    expect(JSON.stringify(body)).not.toMatch(/@barouf\.example|@example\.org/);
    const again = await page.request.get(`${server.url}${PUBLIC}/programme.json`, { headers: { "If-None-Match": json.headers()["etag"]! } });
    expect(again.status()).toBe(304);
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("filters the public page with JavaScript off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await newPage(context);
    await page.goto(`${server.url}${PUBLIC}`);
    const all = await shownCount(page);
    const room = page.locator("select[name=room]");
    const firstRoom = await room.locator("option").nth(1).getAttribute("value");
    await room.selectOption(firstRoom!);
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect.poll(() => page.url()).toContain(`room=${firstRoom}`);
    const inRoom = await shownCount(page);
    expect(inRoom).toBeGreaterThan(0);
    expect(inRoom).toBeLessThan(all);
    const roomName = (await room.locator(`option[value="${firstRoom}"]`).textContent())!;
    const places = await page.locator(".public-when span").allTextContents();
    expect(places.every((p) => p === roomName)).toBe(true);
    expectNoBrowserErrors(page);
    await context.close();
  });
});
