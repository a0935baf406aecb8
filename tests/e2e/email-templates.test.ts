// An edition's email texts in a real browser: the preview follows the typing, a text without the
// personal link is refused with its reason, a valid one saves and says so. Without JavaScript the
// preview button posts and the page comes back with the preview.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoBrowserErrors, launchBrowser, newPage, signInThroughForm } from "../helpers/browser";
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from "../helpers/server";

let server: RunningServer;
let browser: Browser;
const PAGE = "/editions/grand-barouf-2016/email-texts";

/** The machine is shared: give the page time to answer. */
const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("email texts", () => {
  it("edits the invitation in English: live preview, refusal without the link, save", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    await signInThroughForm(page, server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await page.goto(`${server.url}${PAGE}?kind=invitation&language=en`);
    await page.waitForLoadState("networkidle");
    const body = page.getByLabel("Texte du message");
    await poll(() => body.inputValue()).toContain("{lien}");

    await page.getByLabel("Objet", { exact: true }).fill("Welcome to {edition}");
    await body.fill("Dear {nom},\n\nYour page: {lien}\n\nSee you soon.");
    await poll(() => page.getByTestId("preview-subject").textContent()).toBe("Welcome to Grand Barouf numérique 2016");
    await poll(() => page.getByTestId("preview-body").textContent()).toMatch(/^Dear .+,\n\nYour page: http:\/\/\S+\/invitation\/personal-link\n\nSee you soon\.\n$/);

    // Without the link: the preview says why, and the save is refused with the reason.
    await body.fill("Dear {nom},\n\nSee you soon.");
    await poll(() => page.getByTestId("preview-refused").textContent()).toContain("le lien personnel manquerait");
    await page.getByRole("button", { name: "Enregistrer le texte" }).click();
    await poll(() => page.locator(".field-error").first().textContent()).toContain("Le texte doit contenir la balise {lien}");
    expect(new URL(page.url()).searchParams.get("done")).toBeNull();

    await body.fill("Dear {nom},\n\nYour page: {lien}\n\nSee you soon.");
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get("done") === "saved.emailText"),
      page.getByRole("button", { name: "Enregistrer le texte" }).click(),
    ]);
    await poll(() => page.getByTestId("save-status").textContent()).toBe("Texte du message enregistré.");
    await poll(() => page.getByLabel("Texte du message").inputValue()).toBe("Dear {nom},\n\nYour page: {lien}\n\nSee you soon.");
    await expect(page.getByRole("link", { name: "Invitation en anglais" }).locator("..").textContent()).resolves.toContain("texte de l’édition");
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("without JavaScript, the preview button shows the typed text as it would be sent", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await newPage(context);
    await signInThroughForm(page, server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await page.goto(`${server.url}${PAGE}?kind=reminder&language=fr`);
    await page.getByLabel("Texte du message").fill("Petit rappel, {nom}\u00a0!\n\n{lien}");
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Voir l’aperçu" }).click()]);
    await poll(() => page.getByTestId("preview-body").textContent()).toMatch(/^Petit rappel, .+\u00a0!\n\nhttp:\/\/\S+\/invitation\/lien-personnel\n$/);
    expectNoBrowserErrors(page);
    await context.close();
  });
});
