// The embeddable programme inside a partner's page on another site: a tiny node:http server on
// another port (and host name) serves the snippet the versions page gives; Chromium loads it,
// the frame shows the programme, filters inside the frame, and the parent receives its height.
// Any other page of the app, framed the same way, is refused by the browser.
import { eq } from "drizzle-orm";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db/client.server";
import { editions } from "~/db/schema";
import { publishProgramme } from "~/services/publishing.server";
import { expectNoBrowserErrors, launchBrowser, newPage, signInThroughForm } from "../helpers/browser";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from "../helpers/server";

const SLUG = "grand-barouf-2016";
const FRAME_ID = `barouf-programme-${SLUG}`;
let server: RunningServer;
let browser: Browser;
let partner: Server;
let partnerUrl: string;
/** What the organiser copied from the versions page: the partner pastes it into their page. */
let copiedSnippet = "";

/** The partner's page: the snippet the organiser copied, a record of the messages, and two other pages of the app framed. */
function partnerPage(appOrigin: string): string {
  return `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Site partenaire</title></head>
<body>
<h1>Le programme du Grand Barouf chez un partenaire</h1>
${copiedSnippet}
<script>
window.heights = [];
window.addEventListener("message", function (event) {
  if (event.data && event.data.type === "barouf:height") window.heights.push({ origin: event.origin, height: event.data.height });
});
</script>
<iframe id="public-page" src="${appOrigin}/programme/${SLUG}/" title="Page publique"></iframe>
<iframe id="login-page" src="${appOrigin}/login" title="Connexion"></iframe>
</body></html>`;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const db = await openDatabase(`file:${server.databaseFile}`);
  const edition = (await db.select().from(editions).where(eq(editions.slug, SLUG)).get())!;
  await acknowledgeBlockingConflicts(db, edition.id);
  expect((await publishProgramme(db, { editionId: edition.id, slug: SLUG, actor: { type: "system" }, note: null, now: Date.now() })).ok).toBe(true);
  partner = createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(partnerPage(server.url)));
  await new Promise<void>((resolve) => partner.listen(0, "127.0.0.1", resolve));
  // Another port and another host name: another origin, and another site.
  partnerUrl = `http://localhost:${(partner.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => partner?.close(resolve));
});

async function embedFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector(`#${FRAME_ID}`);
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector("[data-testid=embed-count]");
  return frame;
}

async function shownCount(frame: Frame): Promise<number> {
  return Number(/(\d+)/.exec((await frame.textContent("[data-testid=embed-count]")) ?? "")?.[1] ?? NaN);
}

describe("the embeddable programme on a partner's site", () => {
  it("gives organisers its snippet on the versions page, copied with the keyboard", async () => {
    const context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    const page = await newPage(context);
    await signInThroughForm(page, server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await page.goto(`${server.url}/editions/${SLUG}/versions`);
    const field = page.getByLabel("Code à coller");
    const snippet = await field.inputValue();
    expect(snippet).toContain(`<iframe id="${FRAME_ID}" src="${server.url}/programme/${SLUG}/embed"`);
    expect(snippet).toContain('event.data.type === "barouf:height"');
    expect(await field.getAttribute("readonly")).not.toBeNull();
    const copy = page.getByRole("button", { name: "Copier" });
    await copy.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByText("Copié dans le presse-papiers.").count()).toBe(1);
    copiedSnippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(copiedSnippet).toBe(snippet);
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("shows the sessions in the frame, filters by day inside it, and posts its height to the parent", async () => {
    expect(copiedSnippet).not.toBe("");
    const context = await browser.newContext();
    const page = await newPage(context);
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().startsWith(`${server.url}/programme/${SLUG}/embed`)), page.goto(partnerUrl)]);
    expect(response.status()).toBe(200);
    const frame = await embedFrame(page);
    expect(frame.url()).toBe(`${server.url}/programme/${SLUG}/embed`);
    const all = await shownCount(frame);
    expect(all).toBeGreaterThan(40);
    expect(await frame.locator("article.embed-session").count()).toBe(all);
    expect(await frame.locator("h1").textContent()).toContain("Grand Barouf");

    // The height arrives from the app's origin, and the snippet's listener sizes the frame with it.
    await expect.poll(() => page.evaluate(() => (window as unknown as { heights: unknown[] }).heights.length)).toBeGreaterThan(0);
    const first = (await page.evaluate(() => (window as unknown as { heights: { origin: string; height: number }[] }).heights))[0]!;
    expect(first.origin).toBe(server.url);
    expect(first.height).toBeGreaterThan(800);
    await expect.poll(() => page.getAttribute(`#${FRAME_ID}`, "height")).toBe(String(first.height));

    // Filter by the second day inside the frame: a plain GET form, the frame navigates.
    const day = frame.locator("select[name=day]");
    const secondDay = (await day.locator("option").nth(2).getAttribute("value"))!;
    await day.selectOption(secondDay);
    await frame.getByRole("button", { name: "Filtrer" }).click();
    await expect.poll(() => page.frame({ url: /\/embed\?/ })?.url()).toBe(`${server.url}/programme/${SLUG}/embed?day=${secondDay}&theme=&room=&speaker=`);
    const filtered = await embedFrame(page);
    await expect.poll(() => shownCount(filtered)).toBeLessThan(all);
    expect(await filtered.locator("section h2").count()).toBe(1);
    expect(await filtered.locator("select[name=day]").inputValue()).toBe(secondDay);
    // A shorter page: a new, smaller height reaches the parent and the frame.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { heights: { height: number }[] }).heights.at(-1)!.height))
      .toBeLessThan(first.height);
    const last = await page.evaluate(() => (window as unknown as { heights: { height: number }[] }).heights.at(-1)!.height);
    await expect.poll(() => page.getAttribute(`#${FRAME_ID}`, "height")).toBe(String(last));

    // Everything else of the app refuses to be framed there: the browser says so and shows nothing of it.
    for (const id of ["public-page", "login-page"]) {
      const blocked = (await (await page.waitForSelector(`#${id}`)).contentFrame())!;
      expect(blocked.url(), id).not.toMatch(new RegExp(`^${server.url}`));
      expect(await blocked.locator("[data-testid=public-count], input[type=password]").count(), id).toBe(0);
      expect(await blocked.textContent("body"), id).not.toContain("Grand Barouf");
    }
    const refusal = /^Framing '[^']+' violates the following Content Security Policy directive: "frame-ancestors 'none'"\. The request has been blocked\./;
    expect(page.browserErrors.filter((text) => refusal.test(text))).toHaveLength(2);
    expect(page.frames().filter((f) => f.url() === "chrome-error://chromewebdata/")).toHaveLength(2);
    expectNoBrowserErrors(page, [refusal]);
    await context.close();
  });

  it("reads without JavaScript, in English and dark when asked", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: "light" });
    const page = await newPage(context);
    await page.goto(`${server.url}/programme/${SLUG}/embed?lang=en&theme=dark`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Grand Barouf");
    expect(await page.getByLabel("Speaker").count()).toBe(1);
    // Dark colours although the reader’s system is light.
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(21, 25, 30)");
    const room = page.getByLabel("Room");
    const firstRoom = (await room.locator("option").nth(1).getAttribute("value"))!;
    await room.selectOption(firstRoom);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect.poll(() => page.url()).toContain(`room=${firstRoom}`);
    expect(page.url()).toContain("lang=en");
    expect(page.url()).toContain("theme=dark");
    expect(await page.locator("article.embed-session").count()).toBeGreaterThan(0);
    expectNoBrowserErrors(page);
    await context.close();

    // With no ?theme, the reader’s system decides.
    const dark = await browser.newContext({ colorScheme: "dark" });
    const darkPage = await newPage(dark);
    await darkPage.goto(`${server.url}/programme/${SLUG}/embed`);
    expect(await darkPage.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(21, 25, 30)");
    expectNoBrowserErrors(darkPage);
    await dark.close();
  });
});
