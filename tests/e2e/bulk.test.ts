// The bulk bar in the browser (issue 14 items 12 and 16): ticking three sessions with the
// keyboard, changing their theme, the status message and the rows changed; the speakers list's
// link to one speaker's sessions shows only theirs, with a chip that removes the filter.
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { organisations } from "~/db/schema";
import { createEdition, createOrganiser, createSession, createSpeaker, createTheme } from "../../seed/factories";
import { expectNoBrowserErrors, launchBrowser, newPage, signInThroughForm } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";

let server: RunningServer;
let browser: Browser;
let database: Database;
const EDITOR = { email: "bulk.editor@barouf.example", password: "bulk-editor-password-2016" };
let slug = "";

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  database = await openDatabase(`file:${server.databaseFile}`);
  const ouishare = (await database.select().from(organisations).where(eq(organisations.name, "OuiShare")).get())!;
  await createOrganiser(database, { ...EDITOR, role: "editor", organisationId: ouishare.id });
  const edition = await createEdition(database, { organisationIds: [ouishare.id] });
  slug = edition.slug;
  await createTheme(database, { editionId: edition.id, nameFr: "Travailleurs émancipés", nameEn: "Emancipated workers" });
  const nadia = await createSpeaker(database, { editionId: edition.id, publicName: "Nadia Bellaoui" });
  const other = await createSpeaker(database, { editionId: edition.id, publicName: "Antoine Lefebvre" });
  for (const [title, people] of [
    ["Ateliers du jeudi", [nadia.id]],
    ["Café des communs", [other.id]],
    ["Débat de clôture", [nadia.id, other.id]],
    ["Exposition Fresnoy", []],
  ] as const) {
    await createSession(database, { editionId: edition.id, titleFr: title, people: people.map((speakerId) => ({ speakerId })) });
  }
});

afterAll(async () => {
  database?.$client.close();
  await browser?.close();
  await server?.stop();
});

describe("bulk actions in the browser", () => {
  it("ticks three sessions with the keyboard, changes their theme, says so and shows it", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    await signInThroughForm(page, server.url, EDITOR.email, EDITOR.password);
    await page.goto(`${server.url}/editions/${slug}/sessions`);
    // Hydrated: "tick every row shown" exists, and the bar waits for a ticked row.
    await page.getByTestId("bulk-tick-all").waitFor();
    expect(await page.locator("#sessions-bulk").isHidden()).toBe(true);

    for (const title of ["Ateliers du jeudi", "Café des communs", "Débat de clôture"]) {
      await page.getByLabel(`Cocher «\u00a0${title}\u00a0»`).focus();
      await page.keyboard.press("Space");
    }
    await expect.poll(() => page.getByTestId("bulk-count").textContent()).toBe("3 ligne(s) cochée(s)");
    // From the last tick box, the keyboard reaches the bar (before the table in the page's order).
    await page.getByLabel("Nouveau thème").focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Changer le thème");
    await page.getByLabel("Nouveau thème").selectOption({ label: "Travailleurs émancipés" });
    await page.getByRole("button", { name: "Changer le thème" }).focus();
    await Promise.all([page.waitForURL((url) => url.searchParams.get("done") === "bulk.sessionsChanged"), page.keyboard.press("Enter")]);

    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("3 session(s) modifiée(s)");
    const themeOf = (title: string) => page.getByTestId("session-row").filter({ hasText: title }).locator("td").nth(4).textContent();
    for (const title of ["Ateliers du jeudi", "Café des communs", "Débat de clôture"]) expect((await themeOf(title))?.trim()).toBe("Travailleurs émancipés");
    expect((await themeOf("Exposition Fresnoy"))?.trim()).toBe("—");
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("goes from a speaker to their sessions only, and back to all with the chip", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    await signInThroughForm(page, server.url, EDITOR.email, EDITOR.password);
    await page.goto(`${server.url}/editions/${slug}/speakers`);
    const row = page.getByTestId("speaker-row").filter({ hasText: "Nadia Bellaoui" });
    await Promise.all([page.waitForURL((url) => url.pathname.endsWith("/sessions") && url.searchParams.has("speaker")), row.getByTestId("speaker-sessions-link").click()]);
    await expect.poll(() => page.getByTestId("session-row").count()).toBe(2);
    const titles = await page.getByTestId("session-row").locator("th").allTextContents();
    expect(titles.map((t) => t.trim()).sort()).toEqual(["Ateliers du jeudi", "Débat de clôture"]);
    expect(await page.getByTestId("speaker-chip").textContent()).toContain("Nadia Bellaoui");

    await page.getByRole("link", { name: "Retirer le filtre «\u00a0Nadia Bellaoui\u00a0»" }).click();
    await expect.poll(() => page.getByTestId("session-row").count()).toBe(4);
    expect(await page.getByTestId("speaker-chip").count()).toBe(0);
    expectNoBrowserErrors(page);
    await context.close();
  });
});
