import { describe, expect, it } from "vitest";
import { expectNoBrowserErrors, newPage, signInThroughForm } from "../helpers/browser";
import { E2E_ADMIN_PASSWORD } from "../helpers/server";
import { browserRig } from "../helpers/rig";

const rig = browserRig();

describe("an admin manages organisers", () => {
  it("creates an editor, then deactivates them while they are signed in elsewhere: their next navigation lands on the login page", async () => {
    const adminContext = await rig.browser.newContext();
    const admin = await newPage(adminContext);
    await signInThroughForm(admin, rig.server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await admin.getByRole("link", { name: "Organisateur·rices" }).click();
    await admin.waitForURL((url) => url.pathname === "/admin/organisers");

    // A validation error from the browser first, on the field, with the focus there.
    await admin.getByRole("button", { name: "Créer le compte" }).click();
    await expect.poll(() => admin.getByLabel("Nom", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await admin.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("name");

    await admin.getByLabel("Nom", { exact: true }).fill("Élise Éditrice");
    await admin.getByLabel("Adresse e-mail").fill("elise.editrice@example.org");
    await admin.getByLabel("Rôle").selectOption("editor");
    await admin.getByLabel("Mot de passe initial").fill("une phrase de passe solide");
    await admin.getByRole("button", { name: "Créer le compte" }).click();
    await expect.poll(() => admin.getByTestId("organiser-created").textContent()).toContain("Compte créé pour Élise Éditrice");
    // The notice, above the form, takes the focus: it is inside the window.
    await expect.poll(() => admin.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("organiser-created");
    const top = await admin.getByTestId("organiser-created").evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    const row = admin.locator('tr[data-organiser="elise.editrice@example.org"]');
    expect(await row.locator(".organiser-state").textContent()).toBe("Actif·ve");

    // The editor signs in in another browser and works on the edition.
    const editorContext = await rig.browser.newContext();
    const editor = await newPage(editorContext);
    await signInThroughForm(editor, rig.server.url, "elise.editrice@example.org", "une phrase de passe solide");
    expect(new URL(editor.url()).pathname).toBe("/editions/grand-barouf-2016");

    // The admin deactivates the account.
    await row.getByRole("link", { name: "Élise Éditrice" }).click();
    await admin.waitForURL((url) => url.pathname.startsWith("/admin/organisers/"));
    // It asks first, saying what will happen.
    await admin.locator("summary", { hasText: "Désactiver ce compte" }).click();
    await expect.poll(() => admin.getByTestId("confirm-consequence").textContent()).toContain("Ses connexions en cours se terminent aussitôt");
    await admin.getByRole("button", { name: "Oui, je confirme" }).click();
    await expect.poll(() => admin.getByRole("status").textContent()).toContain("Compte désactivé");
    await expect.poll(() => admin.getByTestId("organiser-status").textContent()).toContain("Désactivé·e");
    expect(await admin.getByRole("button", { name: "Réactiver ce compte" }).count()).toBe(1);

    // The editor's next navigation (client-side, through the shell) lands on the login page.
    await editor.getByRole("link", { name: "Sessions" }).first().click();
    await editor.waitForURL((url) => url.pathname === "/login");
    // The router changes the URL before React draws the new page: wait for the form itself.
    await expect.poll(() => editor.getByRole("button", { name: "Se connecter" }).count()).toBe(1);

    expectNoBrowserErrors(admin);
    expectNoBrowserErrors(editor);
    await Promise.all([adminContext.close(), editorContext.close()]);
  });

  it("wrote nothing unexpected to the server's error output", () => {
    expect(rig.server.stderr()).toBe("");
  });
});
