import { describe, expect, it } from "vitest";
import { ALL_SESSIONS, NAMED_SPEAKERS, SAMPLE_SPEAKERS } from "../../seed/grand-barouf-2016";
import { expectNoBrowserErrors, newPage, signInThroughForm } from "../helpers/browser";
import { E2E_ADMIN_PASSWORD } from "../helpers/server";
import { browserRig } from "../helpers/rig";

const rig = browserRig();

describe("an organiser signs in", () => {
  it("logs in with the seed admin and sees the 2016 dashboard with the seed's figures", async () => {
    const context = await rig.browser.newContext();
    const page = await newPage(context);
    await signInThroughForm(page, rig.server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/editions/grand-barouf-2016");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Grand Barouf numérique 2016");
    const placed = ALL_SESSIONS.filter((s) => s.at && s.status !== "cancelled").length;
    expect(await page.getByTestId("figure-sessions").textContent()).toBe(String(ALL_SESSIONS.length));
    expect(await page.getByTestId("figure-speakers").textContent()).toBe(String(NAMED_SPEAKERS.length + SAMPLE_SPEAKERS.length));
    expect(await page.getByTestId("figure-scheduled").textContent()).toBe(String(placed));
    expect(await page.getByTestId("figure-unscheduled").textContent()).toBe(
      String(ALL_SESSIONS.filter((s) => !s.at && s.status !== "cancelled").length),
    );
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("shows field errors from the browser's own validation, then a server error for a wrong password", async () => {
    const context = await rig.browser.newContext();
    const page = await newPage(context);
    await page.goto(`${rig.server.url}/login`);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect.poll(() => page.getByText("Ce champ est obligatoire.").count()).toBe(2);
    expect(await page.getByLabel("Adresse e-mail").getAttribute("aria-invalid")).toBe("true");
    // The first invalid field has the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("email");
    await page.getByLabel("Adresse e-mail").fill("admin@barouf.example");
    await page.getByLabel("Mot de passe").fill("not-the-password");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Adresse e-mail ou mot de passe incorrect.");
    // 401 from the action is expected here; nothing else.
    expectNoBrowserErrors(page, [/status of 401/]);
    await context.close();
  });

  it("works with JavaScript off, switches to English, and signs out", async () => {
    const context = await rig.browser.newContext({ javaScriptEnabled: false });
    const page = await newPage(context);
    // A refused attempt keeps the email typed, without JavaScript too.
    await page.goto(`${rig.server.url}/login`);
    await page.getByLabel("Adresse e-mail").fill("admin@barouf.example");
    await page.getByLabel("Mot de passe").fill("not-the-password");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForLoadState();
    expect(await page.getByRole("alert").textContent()).toContain("Adresse e-mail ou mot de passe incorrect.");
    expect(await page.getByLabel("Adresse e-mail").inputValue()).toBe("admin@barouf.example");
    await signInThroughForm(page, rig.server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    expect(new URL(page.url()).pathname).toBe("/editions/grand-barouf-2016");
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForLoadState();
    expect(await page.getByRole("link", { name: "Dashboard" }).count()).toBe(1);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    // The choice persists across pages.
    await page.goto(`${rig.server.url}/editions/grand-barouf-2016`);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.goto(`${rig.server.url}/editions/grand-barouf-2016`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  it("wrote nothing unexpected to the server's error output", () => {
    expect(rig.server.stderr()).toBe("");
  });
});
