// Issue 4's "done when": an organiser builds a small edition from nothing in the browser
// (edition, rooms, theme, format, a slot grid applied to rooms and days, speakers and
// sessions with people) and finds them again by search and filters; then the same core
// journey with JavaScript off.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoBrowserErrors, newPage, signInThroughForm } from "../helpers/browser";
import { E2E_ADMIN_PASSWORD } from "../helpers/server";
import { browserRig } from "../helpers/rig";

const rig = browserRig();

async function signedIn(javaScriptEnabled: boolean) {
  const context = await rig.browser.newContext({ javaScriptEnabled });
  const page = await newPage(context);
  await signInThroughForm(page, rig.server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
  return { context, page };
}

/** Clicks a submit button and waits for the page it leads to (a redirect, JS on or off). */
async function submitTo(page: Page, button: string, path: (pathname: string) => boolean) {
  await Promise.all([page.waitForURL((url) => path(url.pathname)), page.getByRole("button", { name: button, exact: true }).click()]);
}

async function createEdition(page: Page, slug: string, title: string) {
  await page.goto(`${rig.server.url}/editions/new`);
  await page.getByLabel("Titre de l’édition").fill(title);
  await page.getByLabel("Nom court (dans les adresses)").fill(slug);
  await page.getByLabel("Premier jour").fill("2026-03-11");
  await page.getByLabel("Dernier jour").fill("2026-03-12");
  await page.getByLabel("Lieu").fill("Gare Saint-Sauveur, Lille");
  await submitTo(page, "Créer l’édition", (p) => p === `/editions/${slug}/settings`);
}

async function createRoom(page: Page, slug: string, name: string, hours?: { opens: string; closes: string }) {
  await page.goto(`${rig.server.url}/editions/${slug}/rooms`);
  await page.getByLabel("Nom de la salle").fill(name);
  await page.getByLabel("Capacité (places)").fill("60");
  if (hours) {
    await page.getByLabel("Ouverture le 11 mars 2026").fill(hours.opens);
    await page.getByLabel("Fermeture le 11 mars 2026").fill(hours.closes);
  }
  await submitTo(page, "Créer la salle", (p) => /\/rooms\/[0-9a-f-]{36}$/.test(p));
}

async function createSpeaker(page: Page, slug: string, speaker: { name: string; organisation: string; email: string }) {
  await page.goto(`${rig.server.url}/editions/${slug}/speakers/new`);
  await page.getByLabel("Nom public").fill(speaker.name);
  await page.getByLabel("Organisation", { exact: true }).fill(speaker.organisation);
  await page.getByLabel("E-mail").fill(speaker.email);
  await submitTo(page, "Créer l’intervenant·e", (p) => /\/speakers\/[0-9a-f-]{36}$/.test(p));
}

async function createSession(page: Page, slug: string, session: { title: string; format?: string; theme?: string; room?: string; start?: string; end?: string }) {
  await page.goto(`${rig.server.url}/editions/${slug}/sessions/new`);
  await page.getByLabel("Titre (français)").fill(session.title);
  if (session.format) await page.getByLabel("Format").selectOption({ label: session.format });
  if (session.theme) await page.getByLabel("Thème").selectOption({ label: session.theme });
  if (session.room) {
    await page.getByLabel("Salle", { exact: true }).selectOption({ label: session.room });
    await page.getByLabel("Jour").selectOption("2026-03-11");
    await page.getByLabel("Début").fill(session.start!);
    await page.getByLabel("Fin").fill(session.end!);
  }
  await submitTo(page, "Créer la session", (p) => /\/sessions\/[0-9a-f-]{36}$/.test(p));
}

/** On a session's page: finds a speaker by search and adds them with a role. */
async function addPerson(page: Page, search: string, name: string, role?: string) {
  await page.getByLabel("Chercher un·e intervenant·e (nom, organisation, e-mail)").fill(search);
  await page.getByRole("button", { name: "Chercher" }).click();
  const result = page.locator(".person-results li").filter({ hasText: name });
  await expect.poll(() => result.count()).toBe(1);
  if (role) await result.getByRole("combobox").selectOption(role);
  await result.getByRole("button", { name: "Ajouter" }).click();
  await expect.poll(() => page.getByTestId("session-person").filter({ hasText: name }).count()).toBe(1);
}

describe("building an edition from nothing", () => {
  it("with JavaScript: edition, rooms, theme, format, slot grid, speakers and sessions, found again by search and filters", async () => {
    const { context, page } = await signedIn(true);
    const slug = "barouf-essai";
    const base = `${rig.server.url}/editions/${slug}`;
    await createEdition(page, slug, "Barouf d’essai");
    await createRoom(page, slug, "Salle Alpha", { opens: "09:00", closes: "18:00" });
    await createRoom(page, slug, "Salle Bêta");

    await page.goto(`${base}/themes`);
    await page.getByLabel("Nom (français)").fill("Communs numériques");
    await page.getByLabel("Nom (anglais)").fill("Digital commons");
    await submitTo(page, "Créer le thème", (p) => p.endsWith("/themes"));
    await expect.poll(() => page.getByTestId("themes-table").textContent()).toContain("Communs numériques");

    await page.goto(`${base}/formats`);
    await page.getByLabel("Nom (français)").fill("Atelier");
    await page.getByLabel("Nom (anglais)").fill("Workshop");
    await page.getByLabel("Durée par défaut (min)").fill("60");
    await page.getByLabel("Durée minimale (min)").fill("30");
    await page.getByLabel("Durée maximale (min)").fill("120");
    await submitTo(page, "Créer le format", (p) => p.endsWith("/formats"));
    await expect.poll(() => page.locator("main table").first().textContent()).toContain("Atelier60 min (de 30 à 120)");

    // The slot grid: a template with rows added and removed by the buttons, a browser-side
    // error fixed, then applied to both rooms and both days after the preview.
    await page.goto(`${base}/slots`);
    await page.getByLabel("Nom du modèle").fill("Journée type");
    await page.getByLabel("Début de la ligne 1").fill("09:30");
    await page.getByLabel("Fin de la ligne 1").fill("10:30");
    await page.getByLabel("Début de la ligne 2").fill("10:00");
    await page.getByLabel("Fin de la ligne 2").fill("11:00");
    await page.getByRole("button", { name: "Créer le modèle" }).click();
    await expect.poll(() => page.getByText("Cette ligne chevauche une autre ligne du modèle.").count()).toBe(1);
    expect(await page.getByLabel("Début de la ligne 2").getAttribute("aria-invalid")).toBe("true");
    await page.getByRole("button", { name: "Retirer la ligne 2" }).click();
    await page.getByLabel("Début de la ligne 2").fill("10:45");
    await page.getByLabel("Fin de la ligne 2").fill("11:45");
    const rows = await page.locator('[data-testid^="template-new-row-"]').count();
    await page.getByRole("button", { name: "Ajouter une ligne" }).click();
    await expect.poll(() => page.locator('[data-testid^="template-new-row-"]').count()).toBe(rows + 1);
    await page.getByRole("button", { name: "Créer le modèle" }).click();
    await expect.poll(() => page.getByTestId("templates-table").textContent()).toContain("09:30–10:30 · 10:45–11:45");

    await page.getByRole("checkbox", { name: "Salle Alpha" }).check();
    await page.getByRole("checkbox", { name: "Salle Bêta" }).check();
    await page.getByRole("checkbox", { name: /11 mars 2026/ }).check();
    await page.getByRole("checkbox", { name: /12 mars 2026/ }).check();
    await page.getByRole("button", { name: "Voir l’aperçu" }).click();
    const summary = page.getByTestId("preview-summary");
    await expect.poll(() => summary.count()).toBe(1);
    // Salle Alpha only opens on the 11th: its two slots of the 12th are flagged.
    expect(await summary.textContent()).toContain("8 créneau(x) seront créés, 0 ignoré(s).");
    expect(await summary.textContent()).toContain("2 créneau(x) hors des heures d’ouverture");
    await page.getByRole("button", { name: "Appliquer : créer 8 créneau(x)" }).click();
    await expect.poll(() => page.getByTestId("applied").count()).toBe(1);
    expect(await page.getByTestId("applied").textContent()).toContain("8 créneau(x) créé(s), 0 ignoré(s).");
    expect(await page.getByTestId("slots-2026-03-11").textContent()).toContain("Salle Bêta");

    // One slot moved on its own.
    await page.getByTestId("slots-2026-03-11").getByRole("link", { name: "Modifier le créneau 10:45–11:45 en Salle Bêta" }).click();
    await expect.poll(() => page.getByTestId("slot-form").count()).toBe(1);
    await page.getByTestId("slot-form").getByLabel("Fin", { exact: true }).fill("12:00");
    await page.getByRole("button", { name: "Enregistrer le créneau" }).click();
    await expect.poll(() => page.getByTestId("slots-2026-03-11").textContent()).toContain("10:45–12:00");
    expect(await page.getByTestId("slots-2026-03-12").textContent()).toContain("10:45–11:45");

    // The board draws the grid.
    await page.goto(`${base}/board?day=2026-03-11`);
    await expect.poll(() => page.locator(".board-slot").count()).toBe(4);

    await createSpeaker(page, slug, { name: "Zoé Communard", organisation: "Coop des Communs", email: "zoe@example.org" });
    await createSpeaker(page, slug, { name: "Marc Données", organisation: "Ville de Lille", email: "marc@example.org" });

    await createSession(page, slug, { title: "Atelier des communs", format: "Atelier", theme: "Communs numériques", room: "Salle Alpha", start: "09:30", end: "10:30" });
    await addPerson(page, "communard", "Zoé Communard", "facilitator");
    await addPerson(page, "marc@", "Marc Données");
    await createSession(page, slug, { title: "Données ouvertes en débat" });
    await addPerson(page, "Ville de Lille", "Marc Données", "moderator");

    // Found again: speakers by search and by organisation, sessions by search and filters.
    await page.goto(`${base}/speakers`);
    await page.getByLabel("Nom, organisation ou e-mail").fill("zoe");
    await submitTo(page, "Appliquer", (p) => p.endsWith("/speakers"));
    await expect.poll(() => page.getByTestId("speakers-total").textContent()).toBe("1 intervenant·e trouvé·e");
    expect(await page.locator("main").textContent()).toContain("Zoé Communard");
    await page.getByLabel("Nom, organisation ou e-mail").fill("");
    await page.getByLabel("Organisation", { exact: true }).selectOption({ label: "Ville de Lille" });
    await page.getByRole("button", { name: "Appliquer" }).click();
    await expect.poll(() => page.locator("main table").textContent()).not.toContain("Zoé Communard");
    expect(await page.locator("main table").textContent()).toContain("Marc Données");
    expect(await page.getByTestId("speakers-total").textContent()).toBe("1 intervenant·e trouvé·e");

    await page.goto(`${base}/sessions`);
    await expect.poll(() => page.getByTestId("sessions-count").textContent()).toBe("2 session(s)");
    await page.getByLabel("Rechercher (titre, intervenant·e, organisation)").fill("communs");
    await page.getByLabel("Format", { exact: true }).selectOption({ label: "Atelier" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect.poll(() => page.getByTestId("sessions-count").textContent()).toBe("1 session(s)");
    expect(await page.getByTestId("session-row").textContent()).toContain("Atelier des communs");
    expect(await page.getByTestId("session-row").textContent()).toContain("Zoé Communard");
    await page.getByLabel("Rechercher (titre, intervenant·e, organisation)").fill("");
    await page.getByLabel("Format", { exact: true }).selectOption({ index: 0 });
    await page.getByLabel("Programmation").selectOption({ label: "Non programmées" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect.poll(() => page.getByTestId("session-row").textContent()).toContain("Données ouvertes en débat");
    expect(await page.getByTestId("sessions-count").textContent()).toBe("1 session(s)");
    expect(new URL(page.url()).searchParams.get("scheduled")).toBe("no");
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("without JavaScript: edition, room, slot template applied after its preview, speaker and session, found by search", async () => {
    const { context, page } = await signedIn(false);
    const slug = "barouf-sans-js";
    const base = `${rig.server.url}/editions/${slug}`;
    await createEdition(page, slug, "Barouf sans JavaScript");
    await createRoom(page, slug, "Salle Gamma");

    // A template typed into the spare rows; a bad row answered by the server, typed values kept.
    await page.goto(`${base}/slots`);
    await page.getByLabel("Nom du modèle").fill("Matinée");
    await page.getByLabel("Début de la ligne 1").fill("09:30");
    await page.getByLabel("Fin de la ligne 1").fill("10:30");
    await page.getByLabel("Début de la ligne 3").fill("10:45");
    await page.getByLabel("Fin de la ligne 3").fill("25:00");
    await page.getByRole("button", { name: "Créer le modèle" }).click();
    await page.waitForLoadState();
    expect(await page.getByText("Saisissez une heure au format HH:MM (00:00 à 23:59).").count()).toBe(1);
    expect(await page.getByLabel("Fin de la ligne 3").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Début de la ligne 1").inputValue()).toBe("09:30");
    await page.getByLabel("Fin de la ligne 3").fill("11:45");
    await submitTo(page, "Créer le modèle", (p) => p.endsWith("/slots"));
    expect(await page.getByTestId("templates-table").textContent()).toContain("09:30–10:30 · 10:45–11:45");

    // Nothing chosen: errors per group. Then preview and apply, each a plain post.
    await page.getByRole("button", { name: "Voir l’aperçu" }).click();
    await page.waitForLoadState();
    expect(await page.getByText("Choisissez au moins une salle.").count()).toBe(1);
    await page.getByRole("checkbox", { name: "Salle Gamma" }).check();
    await page.getByRole("checkbox", { name: /11 mars 2026/ }).check();
    await page.getByRole("button", { name: "Voir l’aperçu" }).click();
    await page.waitForLoadState();
    expect(await page.getByTestId("preview-summary").textContent()).toContain("2 créneau(x) seront créés, 0 ignoré(s).");
    await submitTo(page, "Appliquer : créer 2 créneau(x)", (p) => p.endsWith("/slots"));
    expect(await page.getByTestId("applied").textContent()).toContain("2 créneau(x) créé(s)");
    expect(await page.getByTestId("slots-2026-03-11").textContent()).toContain("10:45–11:45");

    await createSpeaker(page, slug, { name: "Inès Sans-Script", organisation: "Collectif Léger", email: "ines@example.org" });
    await createSession(page, slug, { title: "Le web sans JavaScript", room: "Salle Gamma", start: "09:30", end: "10:30" });
    await page.getByLabel("Chercher un·e intervenant·e (nom, organisation, e-mail)").fill("Inès");
    await page.getByRole("button", { name: "Chercher" }).click();
    await page.waitForLoadState();
    await page.locator(".person-results li").first().getByRole("button", { name: "Ajouter" }).click();
    await page.waitForLoadState();
    expect(await page.getByTestId("session-person").textContent()).toContain("Inès Sans-Script");

    await page.goto(`${base}/sessions`);
    await page.getByLabel("Rechercher (titre, intervenant·e, organisation)").fill("sans javascript");
    await submitTo(page, "Filtrer", (p) => p.endsWith("/sessions"));
    expect(await page.getByTestId("sessions-count").textContent()).toBe("1 session(s)");
    expect(await page.getByTestId("session-row").textContent()).toContain("Inès Sans-Script");
    await page.goto(`${base}/speakers?q=collectif`);
    expect(await page.getByTestId("speakers-total").textContent()).toBe("1 intervenant·e trouvé·e");
    await context.close();
  });
});
