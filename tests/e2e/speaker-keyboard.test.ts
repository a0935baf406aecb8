// The speaker page with the keyboard only, on a 360 px wide phone screen: every control is
// reached by Tab (and back by Shift+Tab), shows where the focus is and lies inside the screen;
// the speaker confirms a session, saves the profile, the availability and the practical
// details with Enter and Space alone; the page never scrolls sideways. Without JavaScript, its
// forms post as plain forms and are accepted (their Origin is ours, not "null"). The speaker
// sends a photo and removes it again, after confirming. Keys pressed before the page's script
// has hydrated it stay the browser's own, and the script takes over without an error.
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db/client.server";
import { editions, formats, rooms } from "~/db/schema";
import { localToEpoch } from "~/domain/time";
import { createSession, createSpeaker } from "../../seed/factories";
import { expectNoBrowserErrors, launchBrowser, newPage, signInThroughForm } from "../helpers/browser";
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from "../helpers/server";

let server: RunningServer;
let browser: Browser;
let link = "";
const WIDTH = 360;
const TITLE = "Atelier au clavier : données ouvertes";

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const db = await openDatabase(`file:${server.databaseFile}`);
  const edition = (await db.select().from(editions).where(eq(editions.slug, "grand-barouf-2016")).get())!;
  const room = (await db.select().from(rooms).where(eq(rooms.editionId, edition.id)).get())!;
  const format = (await db.select().from(formats).where(eq(formats.editionId, edition.id)).get())!;
  const speaker = await createSpeaker(db, { editionId: edition.id, publicName: "Dominique Clavier", email: "dominique.clavier@example.org", preferredLocale: "fr" });
  const at = (time: string) => localToEpoch("2016-03-09", time, "Europe/Paris");
  await createSession(db, { editionId: edition.id, titleFr: TITLE, formatId: format.id, roomId: room.id, startsAt: at("10:00"), endsAt: at("11:00"), people: [{ speakerId: speaker.id }] });
  db.$client.close();
  // The personal link, made by an organiser on the invitations page.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughForm(page, server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
  const made = await context.request.post(`${server.url}/editions/grand-barouf-2016/invitations`, {
    form: { intent: "link", speaker: speaker.uuid },
    headers: { Origin: server.url },
  });
  link = `${server.url}/invitation/${/\/invitation\/([A-Za-z0-9_-]{43})/.exec(await made.text())![1]}`;
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Focused = { key: string; name: string; style: string; visibleFocus: boolean; left: number; right: number; top: number; bottom: number };

/** What has the focus: a stable key, its name, whether its focus shows, and its box. */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const all = [...document.querySelectorAll("*")];
    const name = (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 60) || ((element as HTMLInputElement).labels?.[0]?.textContent ?? "").trim();
    return {
      key: `${element.tagName}#${all.indexOf(element)}`,
      name: `${element.tagName.toLowerCase()}${element instanceof HTMLInputElement ? `[${element.type}]` : ""} ${name}`,
      style: `${style.outlineStyle} ${style.outlineWidth} ${style.boxShadow} ${element.matches(":focus")} ${element.matches(":focus-within")}`,
      visibleFocus: ((style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none"),
      left: box.left,
      right: box.right,
      top: box.top,
      bottom: box.bottom,
    };
  });
}

/** Every control a person can operate, as the page shows it now (closed <details> hide theirs). */
function controls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    return [...document.querySelectorAll<HTMLElement>("a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])")]
      .filter((element) => element.checkVisibility() && !(element as HTMLButtonElement).disabled)
      .map((element) => `${element.tagName}#${all.indexOf(element)}`);
  });
}

/** Inside the screen, to the pixel (the browser scrolls a focused control in by fractions of one). */
async function expectWellShown(page: Page, at: Focused) {
  expect(at.visibleFocus, `${at.name}: focus not visible (${at.style})`).toBe(true);
  expect(at.left, `${at.name}: left of the screen`).toBeGreaterThanOrEqual(-1);
  expect(at.right, `${at.name}: right of the screen`).toBeLessThanOrEqual(WIDTH + 1);
  // Vertically, the browser scrolls in the part that has the caret (a text area's line, a time
  // field's hours): that part, so the control's middle or its start, is on screen.
  const middle = at.name.startsWith("textarea") ? at.top + 20 : (at.top + at.bottom) / 2;
  expect(middle, `${at.name}: above the screen`).toBeGreaterThanOrEqual(0);
  expect(middle, `${at.name}: below the screen`).toBeLessThanOrEqual(740);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), "the page scrolls sideways").toBeLessThanOrEqual(WIDTH);
}

/** Tabs forward until `name` has the focus, checking every stop on the way. */
async function tabTo(page: Page, name: RegExp): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    const at = await focused(page);
    if (!at) continue;
    seen.push(at.name);
    await expectWellShown(page, at);
    if (name.test(at.name)) return at;
  }
  throw new Error(`Tab never reached ${name}; it went through ${[...new Set(seen)].join(" | ")}`);
}

describe("the speaker page with the keyboard only, 360 px wide", () => {
  it("reaches every control with Tab and Shift+Tab, focus visible and on screen, no sideways scroll", async () => {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 740 } });
    const page = await newPage(context);
    await page.goto(link);
    expect(new URL(page.url()).pathname).toBe("/speaker");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    const wanted = await controls(page);
    const reached: string[] = [];
    // Forward through the whole page, until the focus leaves it.
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press("Tab");
      const at = await focused(page);
      // A time field takes one Tab per part (hours, minutes): the same control again.
      if (at && at.key === reached.at(-1)) continue;
      if (!at || reached.includes(at.key)) break;
      await expectWellShown(page, at);
      reached.push(at.key);
    }
    expect(wanted.filter((key) => !reached.includes(key)), "controls Tab never reaches").toEqual([]);
    // And back: Shift+Tab visits the same controls in the reverse order.
    await page.keyboard.press("Shift+Tab");
    const back: string[] = [];
    for (let i = 0; i < 400 && back.length < reached.length; i++) {
      const at = await focused(page);
      if (!at) break;
      await expectWellShown(page, at);
      if (at.key !== back.at(-1)) back.push(at.key);
      await page.keyboard.press("Shift+Tab");
    }
    expect(back).toEqual([...reached].reverse());
    expectNoBrowserErrors(page);
    await context.close();
  }, 180_000);

  it("confirms, saves the profile, the availability and the practical details with Enter and Space", async () => {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 740 } });
    const page = await newPage(context);
    await page.goto(link);
    const article = page.locator("article", { hasText: TITLE });

    // Confirm the session: Enter on its button.
    await tabTo(page, /^button Confirmer/);
    await page.keyboard.press("Enter");
    await expect.poll(() => article.getByTestId("confirmation").textContent()).toContain("confirmée");

    // The profile: type a job title, Space on its save button.
    await tabTo(page, /^input\S* Fonction/);
    await page.keyboard.type("Développeuse");
    await tabTo(page, /^button Enregistrer le profil/);
    await page.keyboard.press("Space");
    await expect.poll(() => page.locator("#profile-title ~ [role=status]").count()).toBe(1);
    expect(await page.getByLabel("Fonction").inputValue()).toContain("Développeuse");

    // Availability: the first day's select moved to its last choice (not available) with End, saved with Enter.
    await tabTo(page, /^select /);
    await page.keyboard.press("End");
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)).toBe("none");
    await tabTo(page, /^button Enregistrer les disponibilités/);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#availability-title ~ [role=status]").count()).toBe(1);

    // The practical details: a consent ticked with Space, saved with Enter.
    await tabTo(page, /^input\[checkbox\]/);
    await page.keyboard.press("Space");
    const practical = await tabTo(page, /^button Enregistrer/);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#practical-title ~ [role=status]").count()).toBe(1);
    expect(practical.name).toMatch(/^button /);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    expectNoBrowserErrors(page);
    await context.close();
    // Each Tab is a round trip to the browser; the machine is shared.
  }, 180_000);

  it("saves the profile without JavaScript: the plain form post is ours, not cross-site", async () => {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 740 }, javaScriptEnabled: false });
    const page = await newPage(context);
    await page.goto(link);
    await page.getByLabel("Fonction").fill("Sans script");
    const answer = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: /^Enregistrer le profil/ }).click();
    expect((await answer).status()).toBe(200);
    await expect.poll(() => page.locator("#profile-title ~ [role=status]").count()).toBe(1);
    expect(await page.getByLabel("Fonction").inputValue()).toBe("Sans script");
    expectNoBrowserErrors(page);
    await context.close();
  }, 60_000);

  it("keys pressed while the page is still loading stay the browser's; then the script takes over, with no error", async () => {
    // On a slow phone (the processor slowed 4 to 8 times), the speaker tabs through the page
    // before its script has hydrated it. React 18 used to answer such a key by hydrating at once,
    // fail (its error #345) and leave the page without its script (ADR 0031).
    for (const rate of [4, 8, 6, 4, 8]) {
      const context = await browser.newContext({ viewport: { width: WIDTH, height: 740 } });
      const page = await newPage(context);
      await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate });
      await page.goto(link, { waitUntil: "commit" });
      await page.locator("main button").first().waitFor({ state: "attached" });
      for (let i = 0; i < 12; i++) await page.keyboard.press("Tab");
      // The script takes over: a save is then made in place, not by a plain form post.
      await page.waitForLoadState("networkidle");
      await expect
        .poll(async () => {
          const posted = page.waitForRequest((request) => request.method() === "POST");
          await page.getByRole("button", { name: /^Enregistrer le profil/ }).click();
          const request = await posted;
          await page.waitForLoadState();
          return request.isNavigationRequest() ? "a plain form post" : "in place";
        }, { timeout: 30_000 })
        .toBe("in place");
      expectNoBrowserErrors(page);
      await context.close();
    }
  }, 180_000);

  it("sends a photo, then removes it after confirming what will happen", async () => {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 740 } });
    const page = await newPage(context);
    await page.goto(link);
    const section = page.locator("section", { has: page.locator("#photo-title") });
    const buffer = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#3a7" } }).png().toBuffer();
    await section.getByLabel("Nouvelle photo").setInputFiles({ name: "moi.png", mimeType: "image/png", buffer });
    await section.getByRole("button", { name: "Envoyer la photo" }).click();
    await expect.poll(() => section.getByRole("img", { name: "Votre photo actuelle" }).count()).toBe(1);
    await section.getByText("Retirer ma photo").click();
    expect(await section.getByTestId("confirm-consequence").textContent()).toContain("Votre photo sera effacée de Barouf");
    await section.getByRole("button", { name: "Oui, je confirme" }).click();
    await expect.poll(() => section.getByText("Pas encore de photo.").count()).toBe(1);
    expect(await section.getByRole("img").count()).toBe(0);
    expectNoBrowserErrors(page);
    await context.close();
  }, 60_000);
});
