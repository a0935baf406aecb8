// Every save says it saved: settings and rule levels, walking times, rooms, themes, formats,
// slots, speakers and sessions each answer a valid change with their message in a live region,
// with JavaScript (the message then has the focus) and without.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoBrowserErrors, launchBrowser, newPage, signInThroughForm } from "../helpers/browser";
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from "../helpers/server";

let server: RunningServer;
let browser: Browser;
const EDITION = "/editions/grand-barouf-2016";
const signedIn = new Map<boolean, { context: BrowserContext; page: Page & { browserErrors: string[] } }>();

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await newPage(context);
    await signInThroughForm(page, server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    signedIn.set(javaScriptEnabled, { context, page });
  }
});

afterAll(async () => {
  for (const { context } of signedIn.values()) await context.close();
  await browser?.close();
  await server?.stop();
});

const open = async (page: Page, path: string) => {
  await page.goto(`${server.url}${EDITION}${path}`);
};
/** Opens the first item of a list page's table (a room, a theme, a speaker…). */
const openFirst = async (page: Page, path: string) => {
  await open(page, path);
  await Promise.all([page.waitForURL((url) => url.pathname.split("/").length > `${EDITION}${path}`.split("/").length), page.locator("table tbody a").first().click()]);
};
const save = (page: Page, name: string) => page.getByRole("button", { name, exact: true }).click();

/** Each save: how to make a valid change, and what the page then says. */
const SAVES: { what: string; change: (page: Page, n: number) => Promise<void>; says: string }[] = [
  {
    what: "settings and rule levels",
    change: async (page, n) => {
      await open(page, "/settings");
      await page.getByLabel("Lieu", { exact: true }).fill(`Lille, Euralille ${n}`);
      await save(page, "Enregistrer");
    },
    says: "Réglages de l’édition enregistrés.",
  },
  {
    what: "walking times",
    change: async (page) => {
      await open(page, "/rooms");
      await save(page, "Enregistrer les temps de marche");
    },
    says: "Temps de marche enregistrés.",
  },
  {
    what: "a room",
    change: async (page) => {
      await openFirst(page, "/rooms");
      await save(page, "Enregistrer");
    },
    says: "Salle enregistrée.",
  },
  {
    what: "a theme",
    change: async (page, n) => {
      await openFirst(page, "/themes");
      await page.getByLabel("Nom (anglais)").fill(`Theme ${n}`);
      await save(page, "Enregistrer");
    },
    says: "Thème enregistré.",
  },
  {
    what: "a format",
    change: async (page, n) => {
      await openFirst(page, "/formats");
      await page.getByLabel("Nom (anglais)").fill(`Format ${n}`);
      await save(page, "Enregistrer");
    },
    says: "Format enregistré.",
  },
  {
    what: "a slot template",
    change: async (page, n) => {
      await open(page, "/slots");
      await page.getByLabel("Nom du modèle").fill(`Journée ${n}`);
      await page.getByLabel("Début de la ligne 1").fill("09:30");
      await page.getByLabel("Fin de la ligne 1").fill("10:30");
      await save(page, "Créer le modèle");
    },
    says: "Modèle de créneaux enregistré.",
  },
  {
    what: "a speaker",
    change: async (page, n) => {
      await openFirst(page, "/speakers");
      await page.getByLabel("Fonction").fill(`Fonction ${n}`);
      await save(page, "Enregistrer");
    },
    says: "Modifications enregistrées.",
  },
  {
    what: "a session",
    change: async (page, n) => {
      await openFirst(page, "/sessions");
      await page.getByLabel("Titre (anglais)").fill(`Session ${n}`);
      await save(page, "Enregistrer");
    },
    says: "Session enregistrée.",
  },
];

let counter = 0;

describe("every save says it saved", () => {
  for (const javaScriptEnabled of [true, false]) {
    it.each(SAVES)(`$what (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({ change, says }) => {
      const { page } = signedIn.get(javaScriptEnabled)!;
      const before = page.url();
      await change(page, ++counter);
      await page.waitForURL((url) => url.searchParams.has("done") && url.href !== before);
      const status = page.getByRole("status").filter({ has: page.getByTestId("save-status") });
      await expect.poll(() => status.textContent()).toBe(says);
      expect(await status.getAttribute("aria-live")).toBe("polite");
      // With JavaScript the message takes the focus, so a screen reader reads it where the form was.
      if (javaScriptEnabled) await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("save-status");
      // The message goes with the next page.
      await open(page, "/settings");
      expect(await page.getByTestId("save-status").count()).toBe(0);
      expectNoBrowserErrors(page);
    });
  }
});
