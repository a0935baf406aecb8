// Partners in the browser (issue 14 item 14): the seed's admin sees the organisations that co-run
// the Grand Barouf (OuiShare, POP) and not a speaker's employer (Uber), opens a viewer's account
// for a POP organiser with the keyboard, reads the password shown once; that person signs in and
// is told which right they lack when they open an editor's page.
import { describe, expect, it } from "vitest";
import { expectNoBrowserErrors, newPage, signInThroughForm } from "../helpers/browser";
import { E2E_ADMIN_PASSWORD } from "../helpers/server";
import { browserRig } from "../helpers/rig";

const rig = browserRig();
const PARTNER = { name: "Camille Pop", email: "camille.pop@example.org" };
let generatedPassword = "";

describe("partner organisations in the browser", () => {
  it("lists the partners only, and opens a viewer's account for POP with the keyboard", async () => {
    const context = await rig.browser.newContext();
    const page = await newPage(context);
    await signInThroughForm(page, rig.server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await page.goto(`${rig.server.url}/admin/organisations/partners`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Comptes des partenaires");

    const list = page.getByTestId("partners");
    const names = (await list.locator("li strong").allTextContents()).map((name) => name.trim());
    expect(names).toEqual(expect.arrayContaining(["OuiShare", "POP"]));
    expect(names).not.toContain("Uber");
    expect(names).not.toContain("Métropole Européenne de Lille");
    // The account form offers the same partners, never the speaker's employer.
    const offered = await page.getByLabel("Organisation partenaire").locator("option").allTextContents();
    expect(offered).toEqual(expect.arrayContaining(["OuiShare", "POP"]));
    expect(offered).not.toContain("Uber");

    // The keyboard only, from the edition picker to the submit button.
    await page.getByLabel("Édition", { exact: true }).focus();
    expect(await page.getByLabel("Édition", { exact: true }).locator("option:checked").textContent()).toBe("Grand Barouf numérique 2016");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("organisation");
    await page.keyboard.type("POP");
    expect(await page.getByLabel("Organisation partenaire").locator("option:checked").textContent()).toBe("POP");
    await page.keyboard.press("Tab"); // the new organisation's name: left blank
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("newOrganisation");
    await page.keyboard.press("Tab");
    await page.keyboard.type(PARTNER.name);
    await page.keyboard.press("Tab");
    await page.keyboard.type(PARTNER.email);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("role");
    await page.keyboard.type("lecteur");
    expect(await page.getByLabel("Rôle sur les éditions ouvertes").locator("option:checked").textContent()).toBe("lecteur·rice");
    await page.keyboard.press("Tab"); // the password: left blank, one is generated
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("password");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Créer le compte partenaire");
    await page.keyboard.press("Enter");

    const created = page.getByTestId("partner-created");
    await expect
      .poll(() => created.textContent())
      .toContain(`Compte créé pour ${PARTNER.name} (${PARTNER.email}), de POP, avec accès à Grand Barouf numérique 2016.`);
    generatedPassword = (await page.getByTestId("generated-password").textContent()) ?? "";
    expect(generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await created.isVisible()).toBe(true);
    // The confirmation is where the person is: it has the focus, inside the window, not above it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("partner-created");
    const box = await created.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, height: window.innerHeight };
    });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.height);
    // Shown once: the page opened again does not show it.
    await page.goto(`${rig.server.url}/admin/organisations/partners`);
    expect(await page.getByTestId("generated-password").count()).toBe(0);
    expect(await page.locator("body").textContent()).not.toContain(generatedPassword);
    expect(await page.locator('li[data-organisation="POP"]').textContent()).toContain("1 compte(s)");
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("lets the new account sign in to the edition, and names the right it lacks on an editor's page", async () => {
    expect(generatedPassword).not.toBe("");
    const context = await rig.browser.newContext();
    const page = await newPage(context);
    await signInThroughForm(page, rig.server.url, PARTNER.email, generatedPassword);
    await page.goto(`${rig.server.url}/editions/grand-barouf-2016`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Grand Barouf numérique 2016");

    const refused = await page.goto(`${rig.server.url}/editions/grand-barouf-2016/speakers/new`);
    expect(refused?.status()).toBe(403);
    const message = page.getByText("Il vous faut le droit «\u00a0modifier\u00a0» sur cette édition.");
    await expect.poll(() => message.count()).toBe(1);
    expect(await message.isVisible()).toBe(true);

    const english = await page.goto(`${rig.server.url}/editions/grand-barouf-2016/speakers/new?lang=en`);
    expect(english?.status()).toBe(403);
    expect(await page.getByText("You need the “edit” right on this edition.").isVisible()).toBe(true);
    expectNoBrowserErrors(page, [/status of 403/]);
    await context.close();
  });

  it("wrote nothing unexpected to the server's error output", () => {
    expect(rig.server.stderr()).toBe("");
  });
});
