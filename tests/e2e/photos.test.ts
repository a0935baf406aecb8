// A speaker's photo in a real browser: an organiser uploads one on the speaker's page (a real
// image made by sharp here), sees it, then replaces it.
import type { Browser } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoBrowserErrors, launchBrowser, newPage, signInThroughForm } from "../helpers/browser";
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from "../helpers/server";

let server: RunningServer;
let browser: Browser;
const EDITION = "/editions/grand-barouf-2016";

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const image = async (background: string) => ({
  name: "portrait.png",
  mimeType: "image/png",
  buffer: await sharp({ create: { width: 640, height: 480, channels: 3, background } }).png().toBuffer(),
});

describe("speakers' photos in the browser", () => {
  it("uploads a photo on a speaker's page, shows it, and replaces it", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    await signInThroughForm(page, server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await page.goto(`${server.url}${EDITION}/speakers`);
    await page.getByRole("link", { name: "Claire Levrat", exact: true }).click();
    await page.waitForURL((url) => /\/speakers\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Claire Levrat");
    expect(await page.getByText("Pas encore de photo.").count()).toBe(1);

    await page.getByLabel("Nouvelle photo").setInputFiles(await image("#3366cc"));
    await page.getByRole("button", { name: "Envoyer la photo" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Photo enregistrée.");
    const photo = page.getByRole("img", { name: "Photo de Claire Levrat" });
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
    const first = await photo.getAttribute("src");

    await page.getByLabel("Nouvelle photo").setInputFiles(await image("#cc3366"));
    await page.getByRole("button", { name: "Remplacer la photo" }).click();
    await expect.poll(() => photo.getAttribute("src")).not.toBe(first);
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
    expect(await page.getByTestId("photo-consent").textContent()).toContain("n’a pas accepté la publication de sa photo");
    expectNoBrowserErrors(page);
    await context.close();
  });
});
