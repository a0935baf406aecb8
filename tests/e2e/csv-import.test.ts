import { describe, expect, it } from "vitest";
import { expectNoBrowserErrors, newPage, signInThroughForm } from "../helpers/browser";
import { E2E_ADMIN_PASSWORD } from "../helpers/server";
import { browserRig } from "../helpers/rig";

const rig = browserRig();

/** A French-Excel file: semicolons, and a "Poste occupé" column the guess does not know. */
function file(rows: number, { brokenRow }: { brokenRow?: number } = {}) {
  const lines = ["Nom;Courriel;Poste occupé;Structure"];
  for (let i = 1; i <= rows; i++) {
    lines.push(`Personne navigateur ${i};${i === brokenRow ? "pas-un-email" : `navigateur.${i}@example.org`};Chercheuse ${i};Collectif ${i % 5}`);
  }
  return Buffer.from(lines.join("\r\n"), "utf8");
}

describe("an organiser imports speakers from a CSV file", () => {
  it("uploads, fixes the column mapping, sees a row error, then imports a clean file with progress", async () => {
    const context = await rig.browser.newContext();
    const page = await newPage(context);
    await signInThroughForm(page, rig.server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await page.goto(`${rig.server.url}/editions/grand-barouf-2016/speakers/import`);

    // A file with one bad email: the preview names the row and offers no import.
    await page.getByLabel("Fichier CSV").setInputFiles({ name: "intervenants.csv", mimeType: "text/csv", buffer: file(50, { brokenRow: 3 }) });
    await page.getByRole("button", { name: "Lire le fichier" }).click();
    await expect.poll(() => page.getByText("intervenants.csv : 50 ligne(s)").count()).toBe(1);
    // Guessed from the headers; "Poste occupé" is left for the organiser to choose.
    expect(await page.getByLabel("Nom public").inputValue()).toBe("0");
    expect(await page.getByLabel("Fonction").inputValue()).toBe("");
    await page.getByLabel("Fonction").selectOption({ label: "Poste occupé" });
    await page.getByRole("button", { name: "Vérifier les lignes" }).click();
    await expect.poll(() => page.getByTestId("csv-summary").textContent()).toContain("50 ligne(s) lue(s) : 49 à importer, 0 doublon(s) ignoré(s), 1 erreur(s)");
    expect(await page.getByTestId("csv-error").first().textContent()).toContain("Adresse e-mail invalide.");
    expect(await page.getByRole("button", { name: /^Importer/ }).count()).toBe(0);

    // A corrected, larger file: mapping, preview, then the import with its progress.
    await page.getByRole("link", { name: "Envoyer un autre fichier" }).click();
    await page.getByLabel("Fichier CSV").setInputFiles({ name: "intervenants.csv", mimeType: "text/csv", buffer: file(1500) });
    await page.getByRole("button", { name: "Lire le fichier" }).click();
    await expect.poll(() => page.getByText("intervenants.csv : 1500 ligne(s)").count()).toBe(1);
    await page.getByLabel("Fonction").selectOption({ label: "Poste occupé" });
    await page.getByRole("button", { name: "Vérifier les lignes" }).click();
    await expect.poll(() => page.getByTestId("csv-summary").textContent()).toContain("1500 à importer");
    await page.getByRole("button", { name: "Importer 1500 ligne(s)" }).click();
    await page.waitForURL((url) => url.searchParams.has("job"));
    await expect.poll(() => page.getByTestId("csv-progress").getAttribute("max")).toBe("1500");
    await expect.poll(() => page.getByTestId("csv-progress-text").getAttribute("data-state"), { timeout: 30_000 }).toBe("done");
    expect(await page.getByTestId("csv-progress").getAttribute("value")).toBe("1500");
    expect(await page.getByTestId("csv-progress-text").textContent()).toContain("Import terminé : 1500 ligne(s) créée(s)");

    // The import is in the audit log.
    await page.getByRole("link", { name: "Voir le journal" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Journal des modifications");
    expect(await page.getByTestId("audit-count").textContent()).toMatch(/^15\d\d entrée/);
    expectNoBrowserErrors(page, [/status of 400/]);
    await context.close();
  });

  it("works without JavaScript: the file travels between steps and the progress page shows the result", async () => {
    const context = await rig.browser.newContext({ javaScriptEnabled: false });
    const page = await newPage(context);
    await signInThroughForm(page, rig.server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await page.goto(`${rig.server.url}/editions/grand-barouf-2016/speakers/import`);
    await page.getByLabel("Fichier CSV").setInputFiles({ name: "sans-js.csv", mimeType: "text/csv", buffer: Buffer.from("Nom;Courriel\r\nSans JS;sans.js@example.org\r\n") });
    await page.getByRole("button", { name: "Lire le fichier" }).click();
    await page.waitForLoadState();
    await page.getByRole("button", { name: "Vérifier les lignes" }).click();
    await page.waitForLoadState();
    expect(await page.getByTestId("csv-summary").textContent()).toContain("1 à importer");
    await page.getByRole("button", { name: "Importer 1 ligne(s)" }).click();
    await page.waitForURL((url) => url.searchParams.has("job"));
    await expect.poll(async () => {
      await page.reload();
      return page.getByTestId("csv-progress-text").getAttribute("data-state");
    }).toBe("done");
    await context.close();
  });

  it("wrote nothing unexpected to the server's error output", () => {
    expect(rig.server.stderr()).toBe("");
  });
});
