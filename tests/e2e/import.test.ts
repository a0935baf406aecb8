// The import journey in a real browser: a refused file, then a big one previewed,
// applied with a progress bar, and opened.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectNoBrowserErrors, newPage, signInThroughForm } from "../helpers/browser";
import { FORMATS_DIR, INVALID_FILE } from "../helpers/schedule-files";
import { E2E_ADMIN_PASSWORD } from "../helpers/server";
import { browserRig } from "../helpers/rig";

const rig = browserRig();

describe("importing a programme in the browser", () => {
  it("refuses the invalid example with where and why, then imports 38C3 with progress and opens it", { timeout: 240_000 }, async () => {
    const context = await rig.browser.newContext();
    const page = await newPage(context);
    await signInThroughForm(page, rig.server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    // Editors and admins find the import in the menu of every edition page.
    await page.getByRole("navigation").getByRole("link", { name: "Importer un programme" }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe("/editions/import");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), { timeout: 15_000 }).toBe("Importer un programme");

    // A bad slug is caught in the browser, before anything is sent.
    await page.getByLabel("Fichier du programme").setInputFiles(path.join(FORMATS_DIR, INVALID_FILE));
    await page.getByLabel("Identifiant de la nouvelle édition (facultatif)").fill("Pas Bon");
    await page.getByRole("button", { name: "Lire le fichier" }).click();
    await expect.poll(() => page.getByText("Lettres minuscules, chiffres et tirets seulement").count()).toBe(1);

    // The invalid example: refused, where and why, the alert takes the focus.
    await page.getByLabel("Identifiant de la nouvelle édition (facultatif)").fill("winterchaos");
    await page.getByRole("button", { name: "Lire le fichier" }).click();
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain("ne peut pas être importé. Rien n’a été écrit.");
    expect(await alert.textContent()).toContain("À schedule.conference.days[0].rooms.Winterchaos[0].id");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("import-problems"))).toBe(true);
    expect(await page.getByLabel("Identifiant de la nouvelle édition (facultatif)").inputValue()).toBe("winterchaos");

    // 38C3: preview of the counts and of every changed value.
    await page.getByLabel("Fichier du programme").setInputFiles(path.join(FORMATS_DIR, "eventfahrplan__schedule-38c3-20251206.xml"));
    await page.getByLabel("Identifiant de la nouvelle édition (facultatif)").fill("38c3-browser");
    await page.getByRole("button", { name: "Lire le fichier" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 2 }).textContent(), { timeout: 30_000 }).toBe("Aperçu de eventfahrplan__schedule-38c3-20251206.xml");
    expect(await page.locator('[data-count="sessions"]').textContent()).toBe("1007");
    expect(await page.locator('[data-count="rooms"]').textContent()).toBe("72");
    await page.getByText("Langue non prise en charge (634)").click();
    await expect.poll(() => page.getByRole("cell", { name: "Der Thüring-Test für Wahlsoftware" }).count()).toBe(1);

    // Apply: a progress bar while the rows are written, then the link to the new edition.
    const seen = new Set<string>();
    await page.getByRole("button", { name: "Créer l’édition" }).click();
    const progress = page.locator("progress");
    await progress.waitFor({ timeout: 10_000 });
    const done = page.getByRole("heading", { name: "Édition « 38C3 » créée" });
    for (const started = Date.now(); (await done.count()) === 0; ) {
      if (Date.now() - started > 120_000) throw new Error(`import not finished; progress seen: ${[...seen].join(", ")}`);
      const value = await progress.getAttribute("value").catch(() => null);
      if (value !== null) seen.add(value);
      await page.waitForTimeout(100);
    }
    expect([...seen].some((value) => Number(value) > 0)).toBe(true);
    expect(await page.getByText(/Le moteur signale \d+ conflits/).count()).toBe(1);
    await page.getByRole("link", { name: "Ouvrir la nouvelle édition" }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toBe("/editions/38c3-browser");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), { timeout: 30_000 }).toBe("38C3");
    expect(await page.getByTestId("figure-sessions").textContent()).toBe("1007");
    await page.screenshot({ path: path.join(import.meta.dirname, "..", ".tmp", "import-done.png") });
    // The refused upload answered 400; nothing else went wrong in the browser.
    expectNoBrowserErrors(page, [/status of 400/]);
    await context.close();
  });
});
