import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { organisations } from "~/db/schema";
import { createOrganiser } from "../../seed/factories";
import { expectNoBrowserErrors, launchBrowser, newPage, signInThroughForm } from "../helpers/browser";
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from "../helpers/server";

let server: RunningServer;
let browser: Browser;
let database: Database;
const CAMILLE = { email: "camille@barouf.example", password: "camille-password-2016", name: "Camille Martin" };
const SESSIONS = "/editions/grand-barouf-2016/sessions";

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  database = await openDatabase(`file:${server.databaseFile}`);
  const ouishare = (await database.select().from(organisations).where(eq(organisations.name, "OuiShare")).get())!;
  await createOrganiser(database, { ...CAMILLE, role: "editor", organisationId: ouishare.id });
});

afterAll(async () => {
  database?.$client.close();
  await browser?.close();
  await server?.stop();
});

describe("sessions in the browser", () => {
  it("creates a session after fixing a validation error, adds and re-roles a speaker, then edits it", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    await signInThroughForm(page, server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await page.goto(`${server.url}${SESSIONS}`);
    await page.getByRole("link", { name: "Nouvelle session" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/sessions/new"));

    // No title and an end 23 hours after the start (an end before the start is the next day, for
    // 12 hours at most): the browser-side schema refuses, focus on the first error.
    await page.getByLabel("Résumé (français)").fill("Des données ouvertes pour la ville.");
    await page.getByLabel("Salle", { exact: true }).selectOption({ label: "Salle du Beffroi" });
    await page.getByLabel("Jour").selectOption("2016-03-10");
    await page.getByLabel("Début", { exact: true }).fill("16:00");
    await page.getByLabel("Fin", { exact: true }).fill("15:00");
    await page.getByRole("button", { name: "Créer la session" }).click();
    await expect.poll(() => page.getByText("Donnez un titre, en français ou en anglais.").count()).toBe(1);
    expect(await page.getByText("une fin avant le début signifie le lendemain, pour 12 heures au plus").count()).toBe(1);
    expect(await page.getByLabel("Titre (français)").getAttribute("aria-invalid")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("titleFr");

    await page.getByLabel("Titre (français)").fill("Open data : la ville en commun");
    await page.getByLabel("Fin", { exact: true }).fill("17:00");
    await page.getByLabel("Format").selectOption({ label: "Atelier" });
    await page.getByLabel("Thème").selectOption({ label: "Citoyens acteurs publics" });
    await page.getByLabel("Public attendu (personnes)").fill("40");
    await page.getByRole("button", { name: "Créer la session" }).click();
    await page.waitForURL((url) => /\/sessions\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Session créée.");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Open data : la ville en commun");
    // The engine's conflicts for it: an atelier needs a room with tables.
    await expect.poll(() => page.locator('.session-conflicts [data-rule="ROOM_FEATURES"]').count()).toBe(1);

    // Find a speaker, add them as facilitator, then make them the moderator.
    await page.getByLabel("Chercher un·e intervenant·e (nom, organisation, e-mail)").fill("Leblond");
    await page.getByRole("button", { name: "Chercher" }).click();
    const result = page.locator(".person-results li").first();
    await result.getByRole("combobox").selectOption("facilitator");
    await result.getByRole("button", { name: "Ajouter" }).click();
    await expect.poll(() => page.getByTestId("session-person").count()).toBe(1);
    expect(await page.getByTestId("session-person").textContent()).toContain("Jennifer Leblond");
    await page.getByLabel("Rôle de Jennifer Leblond").selectOption("moderator");
    await page.getByRole("button", { name: "Changer le rôle" }).click();
    // Saved when the history (read back from the server) lists the change.
    await expect.poll(() => page.locator(".history").textContent()).toContain("Jennifer Leblond (moderator)");
    expect(await page.getByLabel("Rôle de Jennifer Leblond").inputValue()).toBe("moderator");

    // Edit: a new title and time; the history shows the change.
    await page.getByLabel("Titre (français)").fill("Open data : la ville en partage");
    await page.getByLabel("Début", { exact: true }).fill("14:00");
    await page.getByLabel("Fin", { exact: true }).fill("15:30");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Open data : la ville en partage");
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Session enregistrée.");
    expect(await page.getByLabel("Début", { exact: true }).inputValue()).toBe("14:00");
    expect(await page.locator(".history").textContent()).toContain("Open data : la ville en commun");

    // Found again by search and filter.
    await page.goto(`${server.url}${SESSIONS}`);
    await page.getByLabel("Rechercher (titre, intervenant·e, organisation)").fill("en partage");
    await page.getByLabel("Format", { exact: true }).selectOption({ label: "Atelier" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect.poll(() => page.getByTestId("sessions-count").textContent()).toBe("1 session(s)");
    expect(await page.getByTestId("session-row").textContent()).toContain("Jennifer Leblond");
    expect(new URL(page.url()).searchParams.get("q")).toBe("en partage");
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("works with JavaScript off: server errors per field, typed values kept, then created", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await newPage(context);
    await signInThroughForm(page, server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await page.goto(`${server.url}${SESSIONS}/new`);
    await page.getByLabel("Titre (anglais)").fill("Citizens and algorithms");
    await page.getByLabel("Public attendu (personnes)").fill("beaucoup");
    await page.getByLabel("Jour").selectOption("2016-03-09");
    await page.getByRole("button", { name: "Créer la session" }).click();
    await page.waitForLoadState();
    expect(await page.getByText("Un nombre entier de personnes, 0 ou plus.").count()).toBe(1);
    expect(await page.getByText("Indiquez le jour, le début et la fin, ou aucun des trois.").count()).toBe(2);
    expect(await page.getByLabel("Public attendu (personnes)").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Titre (anglais)").inputValue()).toBe("Citizens and algorithms");
    expect(await page.getByLabel("Public attendu (personnes)").inputValue()).toBe("beaucoup");

    await page.getByLabel("Public attendu (personnes)").fill("80");
    await page.getByLabel("Début", { exact: true }).fill("11:00");
    await page.getByLabel("Fin", { exact: true }).fill("12:00");
    await page.getByRole("button", { name: "Créer la session" }).click();
    await page.waitForURL((url) => /\/sessions\/[0-9a-f-]{36}$/.test(url.pathname));
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Citizens and algorithms");
    expect(await page.getByLabel("Début", { exact: true }).inputValue()).toBe("11:00");
    // People change without JavaScript too.
    await page.getByLabel("Chercher un·e intervenant·e (nom, organisation, e-mail)").fill("Levrat");
    await page.getByRole("button", { name: "Chercher" }).click();
    await page.locator(".person-results li").first().getByRole("button", { name: "Ajouter" }).click();
    await page.waitForLoadState();
    expect(await page.getByTestId("session-person").count()).toBe(1);
    await context.close();
  });

  it("refuses the second of two organisers editing the same session, shows the other change, and re-applies on top", async () => {
    const first = await browser.newContext();
    const second = await browser.newContext();
    const a = await newPage(first);
    const b = await newPage(second);
    await signInThroughForm(a, server.url, CAMILLE.email, CAMILLE.password);
    await signInThroughForm(b, server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await a.goto(`${server.url}${SESSIONS}?q=cartographier`);
    await a.getByRole("link", { name: "Atelier : cartographier les communs lillois" }).click();
    await a.waitForURL((url) => /\/sessions\/[0-9a-f-]{36}$/.test(url.pathname));
    await b.goto(a.url());

    // Camille saves a new English title first.
    await a.getByLabel("Titre (anglais)").fill("Workshop: mapping the commons of Lille");
    await a.getByRole("button", { name: "Enregistrer" }).click();
    await expect.poll(() => a.getByRole("status").first().textContent()).toContain("Session enregistrée.");

    // The admin, on the page read before, changes the audience: refused, nothing overwritten.
    await b.getByLabel("Public attendu (personnes)").fill("35");
    await b.getByRole("button", { name: "Enregistrer" }).click();
    const notice = b.getByTestId("stale-notice");
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toContain("Camille Martin a enregistré ces données le 2");
    const titleRow = notice.locator('tr[data-field="titleEn"]');
    expect(await titleRow.textContent()).toContain("(modifié par l’autre personne)");
    expect(await titleRow.locator(".stale-theirs").textContent()).toBe("Workshop: mapping the commons of Lille");
    expect(await titleRow.locator(".stale-yours").textContent()).toBe("Workshop: mapping Lille’s commons");
    expect(await notice.locator('tr[data-field="expectedAudience"] .stale-yours').textContent()).toBe("35");
    // Focus moves to the notice; the typed value is kept in the form.
    expect(await b.evaluate(() => document.activeElement?.id)).toBe("stale-title");
    expect(await b.getByLabel("Public attendu (personnes)").inputValue()).toBe("35");

    // Re-apply on top: the admin's own change (the audience) on the current version, Camille's title kept.
    await notice.getByRole("button", { name: "Réappliquer ma modification par-dessus" }).click();
    await expect.poll(() => b.getByRole("status").first().textContent()).toContain("Session enregistrée.");
    expect(await b.getByTestId("stale-notice").count()).toBe(0);
    expect(await b.getByLabel("Public attendu (personnes)").inputValue()).toBe("35");
    expect(await b.getByLabel("Titre (anglais)").inputValue()).toBe("Workshop: mapping the commons of Lille");
    expect(await b.locator(".history").textContent()).toContain("Camille Martin");

    // Camille, now behind, is refused in turn.
    await a.getByLabel("Titre (français)").fill("Atelier : cartographier nos communs");
    await a.getByRole("button", { name: "Enregistrer" }).click();
    await expect.poll(() => a.getByTestId("stale-notice").count()).toBe(1);
    expect(await a.getByTestId("stale-notice").textContent()).toContain("Admin Barouf a enregistré ces données");
    expectNoBrowserErrors(a, [/status of 409/]);
    expectNoBrowserErrors(b, [/status of 409/]);
    await first.close();
    await second.close();
  });

  it("wrote nothing unexpected to the server's error output", () => {
    // Chromium asks for /favicon.ico after a 4xx document (JS-off validation errors); the
    // server logs that 404 as an ErrorResponse. Anything else is unexpected.
    const blocks = server.stderr().split(/(?=\[barouf\] )/).filter((block) => block.trim() !== "");
    expect(blocks.filter((block) => !block.startsWith("[barouf] GET /favicon.ico"))).toEqual([]);
  });
});
