// Speakers in a real browser: create and edit one, a validation error shown and fixed,
// and the same journey with JavaScript off.
import type { Browser, Page } from "playwright-core";
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

async function signedIn(javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await newPage(context);
  await signInThroughForm(page, server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
  return { context, page };
}

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("name"));

describe("speakers in the browser", () => {
  it("creates a speaker with availability, finds them in the list, and edits them", async () => {
    const { context, page } = await signedIn();
    await page.goto(`${server.url}${EDITION}/speakers`);
    await page.getByRole("link", { name: "Nouvel·le intervenant·e" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/speakers/new"));
    await page.getByLabel("Nom public").fill("Zélie Navigatrice");
    await page.getByLabel("Fonction").fill("Designer");
    await page.getByLabel("Organisation", { exact: true }).fill("Atelier Navigateur");
    await page.getByLabel("Biographie (français)").fill("Elle conçoit des services publics.");
    await page.getByLabel("Intitulé du lien 1").fill("Portfolio");
    await page.getByLabel("Adresse du lien 1").fill("https://example.org/zelie");
    await page.getByRole("checkbox", { name: "Anglais" }).check();
    await page.getByLabel("E-mail").fill("zelie@example.org");
    await page.getByLabel("Accepte d’être photographié·e").check();
    await page.getByLabel("Jour (créneau 1)").selectOption("2016-03-10");
    await page.getByLabel("De (créneau 1)").fill("14:00");
    await page.getByLabel("À (créneau 1)").fill("18:00");
    // A second window, added with the button.
    await page.getByRole("button", { name: "Ajouter une disponibilité" }).click();
    await page.getByLabel("Jour (créneau 2)").selectOption("2016-03-09");
    await page.getByLabel("De (créneau 2)").fill("09:30");
    await page.getByLabel("À (créneau 2)").fill("11:00");
    await page.getByRole("button", { name: "Créer l’intervenant·e" }).click();
    await page.waitForURL((url) => /\/speakers\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Intervenant·e créé·e.");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Zélie Navigatrice");
    // Stored and shown back in local time, sorted.
    expect(await page.getByLabel("De (créneau 1)").inputValue()).toBe("09:30");
    expect(await page.getByLabel("À (créneau 2)").inputValue()).toBe("18:00");
    expect(await page.getByRole("checkbox", { name: "Anglais" }).isChecked()).toBe(true);

    // The list finds them by a search without accents.
    await page.getByRole("link", { name: "Retour à la liste" }).click();
    await page.getByLabel("Nom, organisation ou e-mail").fill("zelie navig");
    await page.getByRole("button", { name: "Appliquer" }).click();
    await expect.poll(() => page.getByTestId("speakers-total").textContent()).toBe("1 intervenant·e trouvé·e");
    expect(new URL(page.url()).searchParams.get("q")).toBe("zelie navig");
    await page.getByRole("link", { name: "Zélie Navigatrice" }).click();
    await page.waitForURL((url) => /\/speakers\/[0-9a-f-]{36}$/.test(url.pathname));

    // Edit: a new job title, one window removed.
    await page.getByLabel("Fonction").fill("Designer de services publics");
    await page.getByRole("button", { name: "Retirer la disponibilité 1" }).click();
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Modifications enregistrées.");
    expect(await page.getByLabel("Fonction").inputValue()).toBe("Designer de services publics");
    expect(await page.getByLabel("De (créneau 1)").inputValue()).toBe("14:00");
    // The history tells who changed what.
    const history = page.locator(".history-entry").first();
    await expect.poll(() => history.textContent()).toContain("Designer de services publics");
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("shows validation errors in the browser, focuses the first, and saves once fixed", async () => {
    const { context, page } = await signedIn();
    await page.goto(`${server.url}${EDITION}/speakers/new`);
    await page.getByLabel("E-mail").fill("pas-une-adresse");
    await page.getByLabel("Adresse du lien 1").fill("example.org");
    await page.getByRole("button", { name: "Créer l’intervenant·e" }).click();
    await expect.poll(() => page.getByText("Ce champ est obligatoire.").count()).toBe(1);
    expect(await page.getByText("Adresse e-mail invalide.").count()).toBe(1);
    expect(await page.getByText("L’adresse doit commencer par https:// ou http://.").count()).toBe(1);
    expect(await page.getByLabel("Nom public").getAttribute("aria-invalid")).toBe("true");
    expect(await focusedName(page)).toBe("publicName");
    // Nothing was sent: still on the form.
    expect(new URL(page.url()).pathname).toBe(`${EDITION}/speakers/new`);

    await page.getByLabel("Nom public").fill("Yann Correcteur");
    await page.getByLabel("E-mail").fill("yann@example.org");
    await page.getByLabel("Adresse du lien 1").fill("https://example.org/yann");
    await page.getByRole("button", { name: "Créer l’intervenant·e" }).click();
    await page.waitForURL((url) => /\/speakers\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Yann Correcteur");

    // A server-side refusal (an email another speaker has) comes back on its field, focused.
    await page.goto(`${server.url}${EDITION}/speakers/new`);
    await page.getByLabel("Nom public").fill("Yann Doublon");
    await page.getByLabel("E-mail").fill("yann@example.org");
    await page.getByRole("button", { name: "Créer l’intervenant·e" }).click();
    await expect.poll(() => page.getByText("a déjà cette adresse e-mail").count()).toBe(1);
    expect(await page.getByLabel("E-mail").getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => focusedName(page)).toBe("email");
    expect(await page.getByLabel("Nom public").inputValue()).toBe("Yann Doublon");
    expectNoBrowserErrors(page, [/status of 400/]);
    await context.close();
  });

  it("works with JavaScript off: errors per field with the typed values kept, then created, listed and filtered", async () => {
    const { context, page } = await signedIn(false);
    await page.goto(`${server.url}${EDITION}/speakers/new`);
    await page.getByLabel("Nom public").fill("Xavier Sans Script");
    await page.getByLabel("E-mail").fill("xavier@");
    await page.getByLabel("Jour (créneau 1)").selectOption("2016-03-09");
    await page.getByLabel("De (créneau 1)").fill("15:00");
    await page.getByLabel("À (créneau 1)").fill("14:00");
    await page.getByRole("button", { name: "Créer l’intervenant·e" }).click();
    await page.waitForLoadState();
    expect(await page.getByRole("alert").first().textContent()).toContain("Le formulaire contient 2 erreur(s)");
    expect(await page.getByText("Adresse e-mail invalide.").count()).toBe(1);
    expect(await page.getByText("La fin doit être après le début").count()).toBe(1);
    expect(await page.getByLabel("Nom public").inputValue()).toBe("Xavier Sans Script");
    expect(await page.getByLabel("E-mail").inputValue()).toBe("xavier@");
    expect(await page.getByLabel("E-mail").getAttribute("aria-invalid")).toBe("true");
    expect(await focusedName(page)).toBe("email");

    await page.getByLabel("E-mail").fill("xavier@example.org");
    await page.getByLabel("À (créneau 1)").fill("17:00");
    await page.getByRole("button", { name: "Créer l’intervenant·e" }).click();
    await page.waitForURL((url) => /\/speakers\/[0-9a-f-]{36}$/.test(url.pathname));
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Xavier Sans Script");
    expect(await page.getByLabel("De (créneau 1)").inputValue()).toBe("15:00");

    // The list's GET form: search, a filter and a sort, all in the URL.
    await page.goto(`${server.url}${EDITION}/speakers`);
    await page.getByLabel("Nom, organisation ou e-mail").fill("xavier");
    await page.getByLabel("Biographie").selectOption("no");
    await page.getByLabel("Trier par").selectOption("updated");
    await page.getByRole("button", { name: "Appliquer" }).click();
    await page.waitForLoadState();
    const url = new URL(page.url());
    expect(url.searchParams.get("q")).toBe("xavier");
    expect(url.searchParams.get("bio")).toBe("no");
    expect(url.searchParams.get("sort")).toBe("updated");
    expect(await page.getByTestId("speaker-row").count()).toBe(1);
    expect(await page.getByTestId("speaker-row").textContent()).toContain("Xavier Sans Script");
    await context.close();
  });

  it("wrote nothing unexpected to the server's error output", () => {
    expect(server.stderr()).toBe("");
  });
});
