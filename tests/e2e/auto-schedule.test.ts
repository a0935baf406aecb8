// « Placer automatiquement » in a real browser: auto-place a day, untick one proposal, apply,
// see the board, undo, see the board as before — with JavaScript (the progress bar, the preview
// computed by the plan endpoint) and without (plain forms and pages).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoBrowserErrors, newPage, signInThroughForm } from "../helpers/browser";
import { E2E_ADMIN_PASSWORD } from "../helpers/server";
import { browserRig } from "../helpers/rig";

const EDITION = "grand-barouf-2016";
const DAY = "2016-03-09";
const BOARD = `/editions/${EDITION}/board?day=${DAY}`;

const rig = browserRig();

/** The shared machine is slow: wait up to 30 s for the page to settle. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });

/** What the board shows: the day's placed cards and the tray's, by id. */
async function boardState(page: Page) {
  const ids = (selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => el.getAttribute("data-card-id")!).sort());
  return { placed: await ids(".board-room [data-card-id]"), tray: await ids(".board-tray [data-card-id]") };
}

async function journey(javaScriptEnabled: boolean) {
  const context = await rig.browser.newContext({ viewport: { width: 1600, height: 1200 }, javaScriptEnabled });
  const page = await newPage(context);
  try {
    await signInThroughForm(page, rig.server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await page.goto(`${rig.server.url}${BOARD}`);
    if (javaScriptEnabled) await page.waitForFunction(() => document.querySelector('[draggable="true"]') !== null);
    const before = await boardState(page);
    expect(before.tray.length).toBeGreaterThan(1);

    await page.getByRole("link", { name: "Placer automatiquement" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/board/auto"));
    if (javaScriptEnabled) await page.waitForLoadState("networkidle");
    expect(await page.getByLabel("Ce jour").isChecked()).toBe(true);
    await page.getByLabel("Temps de calcul maximal (secondes)").fill("2");
    await page.getByRole("button", { name: "Calculer l’aperçu" }).click();
    if (javaScriptEnabled) await page.getByRole("button", { name: "Annuler le calcul" }).waitFor();
    await page.getByRole("heading", { name: /Aperçu\s:\s\d+ placement\(s\) proposé\(s\)/ }).waitFor({ timeout: 60_000 });

    const proposals = page.getByTestId("proposal");
    const count = await proposals.count();
    expect(count).toBeGreaterThan(1);
    expect(await page.getByTestId("ghost").count()).toBe(count);
    if (javaScriptEnabled) await page.screenshot({ path: "/tmp/auto-schedule-preview.png", fullPage: true });

    // Untick the first proposal: it stays in the tray.
    const unticked = proposals.first().getByRole("checkbox");
    const untickedTitle = (await unticked.getAttribute("aria-label"))!;
    await unticked.uncheck();
    if (javaScriptEnabled) await poll(() => page.locator(".auto-card.is-unticked").count()).toBe(1);
    await page.getByRole("button", { name: "Appliquer les placements cochés" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/board") && url.searchParams.get("day") === DAY);
    if (javaScriptEnabled) await page.waitForFunction(() => document.querySelector('[draggable="true"]') !== null);

    // The board: the applied proposals are placed, the unticked one waits in the tray.
    const applied = await boardState(page);
    expect(applied.tray.length).toBe(before.tray.length - (count - 1));
    expect(applied.placed.length).toBe(before.placed.length + count - 1);
    await page.locator(".board-tray").getByText(untickedTitle).first().waitFor();
    await page.getByText(`Défaire le placement automatique de ${count - 1} session(s)`).waitFor();

    // Undo, in one step: the board as before.
    await page.getByRole("button", { name: /Défaire/ }).first().click();
    await poll(() => boardState(page)).toEqual(before);
    expectNoBrowserErrors(page);
  } finally {
    await context.close();
  }
}

describe("placing automatically in the browser", () => {
  it("auto-places a day, unticks one proposal, applies, and undoes it with JavaScript", async () => {
    await journey(true);
  });

  it("does the same without JavaScript", async () => {
    await journey(false);
  });
});
