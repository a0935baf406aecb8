import { describe, expect, it } from "vitest";
import { expectNoBrowserErrors, newPage, signInThroughForm } from "../helpers/browser";
import { E2E_ADMIN_PASSWORD } from "../helpers/server";
import { browserRig } from "../helpers/rig";

const rig = browserRig();

describe("the conflicts page", () => {
  it("goes from the dashboard to the errors, refuses an empty reason, then acknowledges by keyboard and withdraws", async () => {
    const context = await rig.browser.newContext();
    const page = await newPage(context);
    await signInThroughForm(page, rig.server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await expect.poll(() => page.getByTestId("conflicts-error-open").textContent()).toBe("2 à traiter");
    await page.getByRole("link", { name: /Erreur/ }).click();
    await expect.poll(() => page.getByTestId("conflicts-shown").textContent()).toBe("2 conflit(s) sur 2 correspondent");
    const overlap = page.locator("li.conflict", { hasText: "Jennifer Leblond est dans deux sessions" });

    // Open the form with the keyboard and submit it empty: the browser-side schema refuses.
    await overlap.getByText("Accepter ce conflit…").focus();
    await page.keyboard.press("Enter");
    const reason = overlap.getByLabel("Raison (obligatoire)");
    await overlap.getByRole("button", { name: "Accepter", exact: true }).click();
    await expect.poll(() => overlap.getByText("Donnez une raison d’au moins 3 caractères.").count()).toBe(1);
    expect(await reason.getAttribute("aria-invalid")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("reason");

    await reason.fill("Elle quitte l'atelier à 11 h 15");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Conflit accepté.");
    await expect.poll(() => overlap.textContent()).toContain("Accepté par");
    expect(await overlap.textContent()).toContain("Elle quitte l'atelier à 11 h 15");
    expect(await page.getByTestId("count-error-acknowledged").textContent()).toBe("1");

    await overlap.getByRole("button", { name: "Retirer l’acceptation" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Acceptation retirée");
    await expect.poll(() => page.getByTestId("count-error-acknowledged").textContent()).toBe("0");
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("filters and acknowledges with JavaScript off", async () => {
    const context = await rig.browser.newContext({ javaScriptEnabled: false });
    const page = await newPage(context);
    await signInThroughForm(page, rig.server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await page.goto(`${rig.server.url}/editions/grand-barouf-2016/conflicts`);
    await page.getByLabel("Règle").selectOption("ROOM_FEATURES");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect.poll(() => page.getByTestId("conflicts-shown").textContent()).toBe("1 conflit(s) sur 1 correspondent");
    const item = page.locator("li.conflict").first();
    expect(await item.textContent()).toContain("assises en cercle");
    await item.getByText("Accepter ce conflit…").click();
    await item.getByLabel("Raison (obligatoire)").fill("ok");
    await item.getByRole("button", { name: "Accepter", exact: true }).click();
    // The server's error for the same schema, with what was typed kept.
    await expect.poll(() => page.getByText("Donnez une raison d’au moins 3 caractères.").count()).toBe(1);
    expect(await page.getByLabel("Raison (obligatoire)").inputValue()).toBe("ok");
    await page.getByLabel("Raison (obligatoire)").fill("Des chaises seront ajoutées en cercle");
    await page.getByRole("button", { name: "Accepter", exact: true }).click();
    await expect.poll(() => page.getByText("Conflit accepté.").count()).toBe(1);
    expect(await page.locator("li.conflict", { hasText: "Des chaises seront ajoutées en cercle" }).count()).toBe(1);
    await context.close();
  });
});
