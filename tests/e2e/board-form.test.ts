// The board's place/move form in a real browser: it opens on the engine's best placement, the
// end follows the start, a free slot of the room fills the times, and the preview is for the
// values the form shows, however fast they change. Without JavaScript, a free slot chosen in its
// own small form fills the form, which then places the session.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { editions, rooms, sessions, slots } from "~/db/schema";
import { localToEpoch } from "~/domain/time";
import { uuidv5 } from "~/services/ids.server";
import { expectNoBrowserErrors, newPage, signInThroughForm } from "../helpers/browser";
import { E2E_ADMIN_PASSWORD } from "../helpers/server";
import { browserRig } from "../helpers/rig";

const EDITION = "grand-barouf-2016";
const DAY1 = "2016-03-09";
const id = (kind: string, key: string) => uuidv5(`${EDITION}/${kind}/${key}`);
const BOARD = `/editions/${EDITION}/board?day=${DAY1}`;
const at = (time: string) => localToEpoch(DAY1, time, "Europe/Paris");
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.js"), "utf8");
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

const rig = browserRig({ database: true });

/** The board with the form of a session open (through its card's link), once the page runs. */
async function openForm(session: string) {
  // bypassCSP: the app's CSP (a nonce per response) would refuse the injected axe script.
  const context = await rig.browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
  const page = await newPage(context);
  await signInThroughForm(page, rig.server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
  await page.goto(`${rig.server.url}${BOARD}`);
  await page.waitForFunction(() => document.querySelector('[draggable="true"]') !== null);
  await page.locator(`[data-card-id="${id("session", session)}"] .card-move`).click();
  const form = page.getByTestId("placement-form");
  await form.waitFor();
  return { context, page, form };
}

const preview = (page: Page) => page.getByTestId("placement-preview");
/** The preview once it answers the form's current values. */
async function settledPreview(page: Page) {
  await poll(() => preview(page).getAttribute("data-status")).toBe("ready");
  return preview(page);
}
const fieldValue = (page: Page, selector: string) => page.locator(selector).inputValue();

describe("the board's place/move form", () => {
  it("opens a session from the tray on the engine's best placement, with no block or error conflict", async () => {
    const { context, page, form } = await openForm("grid-42");
    // The engine's first proposal is the one the fields hold.
    expect(await form.getByLabel("Propositions du moteur").inputValue()).toBe("0");
    const shown = await settledPreview(page);
    expect(await shown.locator(".level-block, .level-error").count()).toBe(0);
    expect(await page.getByTestId("preview-blocked").count()).toBe(0);
    // Not the first room at the first row (08:00, closed): a real proposal.
    const label = (await form.getByLabel("Propositions du moteur").locator("option:checked").textContent())!;
    expect(label).toContain(`${await fieldValue(page, "#place-start")}–${await fieldValue(page, "#place-end")}`);
    // The form with its proposals, free slots and preview passes axe (no serious or critical violation).
    await page.evaluate(`${AXE_SOURCE}\n;0`);
    const violations = await page.evaluate(async () => {
      type Axe = { run: (c: object, o: object) => Promise<{ violations: { id: string; impact: string | null }[] }> };
      const result = await (window as unknown as { axe: Axe }).axe.run({ include: [["[data-testid=placement-form]"]] }, { resultTypes: ["violations"] });
      return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
    });
    expect(violations).toEqual([]);
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("moves the end with the start, keeping the duration, across midnight too", async () => {
    const { context, page, form } = await openForm("grid-42");
    await form.getByLabel("Début").fill("10:00");
    await form.getByLabel("Fin").fill("11:15");
    await form.getByLabel("Début").fill("13:30");
    expect(await fieldValue(page, "#place-end")).toBe("14:45");
    await form.getByLabel("Début").fill("23:00");
    expect(await fieldValue(page, "#place-end")).toBe("00:15");
    // The preview follows the values shown.
    await poll(() => preview(page).locator(".board-preview-target").textContent()).toContain("23:00–00:15");
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("offers the room's free slots (slots page) and fills the times with the one chosen", async () => {
    const edition = (await rig.database.select({ id: editions.id }).from(editions).where(eq(editions.slug, EDITION)).get())!;
    const agora = (await rig.database.select({ id: rooms.id }).from(rooms).where(and(eq(rooms.editionId, edition.id), eq(rooms.uuid, id("room", "agora")))).get())!;
    await rig.database.insert(slots).values([
      { editionId: edition.id, roomId: agora.id, startsAt: at("19:00"), endsAt: at("20:30") },
      { editionId: edition.id, roomId: agora.id, startsAt: at("21:00"), endsAt: at("22:00") },
    ]);
    const { context, page, form } = await openForm("grid-44");
    await form.getByLabel("Salle").selectOption({ label: "Agora" });
    const free = form.getByLabel("Créneaux libres");
    const options = await free.locator("option").allTextContents();
    expect(options).toContain("9 mars 2016, 19:00–20:30");
    await free.selectOption({ label: "9 mars 2016, 19:00–20:30" });
    expect(await fieldValue(page, "#place-date")).toBe(DAY1);
    expect(await fieldValue(page, "#place-start")).toBe("19:00");
    expect(await fieldValue(page, "#place-end")).toBe("20:30");
    // The slot's length is now the one the end keeps.
    await form.getByLabel("Début").fill("18:00");
    expect(await fieldValue(page, "#place-end")).toBe("19:30");
    expect(await free.inputValue()).toBe("");
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("shows the preview of exactly the values in the form after quick successive changes", async () => {
    const { context, page, form } = await openForm("grid-43");
    await form.getByLabel("Salle").selectOption({ label: "Hall d’exposition" });
    // No waiting between changes: earlier answers may come back after later questions.
    for (const start of ["09:00", "09:30", "10:00", "10:30", "11:00", "09:15"]) await form.getByLabel("Début").fill(start);
    await form.getByLabel("Fin").fill("10:00");
    const shown = await settledPreview(page);
    expect(await shown.locator(".board-preview-target").textContent()).toBe("Hall d’exposition, 9 mars 2016, 09:15–10:00");
    const query = (await shown.getAttribute("data-query"))!;
    expect(Object.fromEntries(new URLSearchParams(query))).toMatchObject({ room: id("room", "hall"), date: DAY1, start: "09:15", end: "10:00" });
    // What it shows is the route's answer for those values.
    const expected = await page.evaluate(async (url) => (await fetch(url)).json(), `/editions/${EDITION}/board/preview?${query}`);
    const appeared = (expected as { appeared: { message: string }[] }).appeared.map((c) => c.message);
    const listed = await shown.locator('[data-testid="preview-appeared"] li').allTextContents();
    expect(listed.length).toBe(appeared.length);
    appeared.forEach((message, i) => expect(listed[i]).toContain(message));
    // Values that cannot be previewed say so instead of showing an older answer.
    await form.getByLabel("Fin").fill("09:15");
    await poll(() => preview(page).getAttribute("data-status")).toBe("invalid");
    expect(await preview(page).textContent()).toContain("Aperçu indisponible");
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("without JavaScript, fills the form with a free slot chosen in its own form, then places the session there", async () => {
    const edition = (await rig.database.select({ id: editions.id }).from(editions).where(eq(editions.slug, EDITION)).get())!;
    const agora = (await rig.database.select({ id: rooms.id }).from(rooms).where(and(eq(rooms.editionId, edition.id), eq(rooms.uuid, id("room", "agora")))).get())!;
    await rig.database.insert(slots).values({ editionId: edition.id, roomId: agora.id, startsAt: at("20:30"), endsAt: at("21:00") });
    const tray = (await rig.database
      .select({ uuid: sessions.uuid, titleFr: sessions.titleFr })
      .from(sessions)
      .where(and(eq(sessions.editionId, edition.id), isNull(sessions.roomId), eq(sessions.status, "accepted")))
      .orderBy(desc(sessions.id))
      .get())!;
    const context = await rig.browser.newContext({ viewport: { width: 1366, height: 768 }, javaScriptEnabled: false });
    const page = await newPage(context);
    await signInThroughForm(page, rig.server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await page.goto(`${rig.server.url}${BOARD}&edit=${tray.uuid}`);
    const form = page.getByTestId("placement-form");
    await form.getByLabel("Créneaux libres").selectOption({ label: "Agora, 9 mars 2016, 20:30–21:00" });
    await form.getByRole("button", { name: "Remplir avec ce créneau" }).click();
    await poll(() => fieldValue(page, "#place-start")).toBe("20:30");
    expect(await fieldValue(page, "#place-end")).toBe("21:00");
    expect(await page.locator("#place-room").inputValue()).toBe(id("room", "agora"));
    // Nothing is placed until the form is sent.
    const where = () => rig.database.select({ roomId: sessions.roomId, startsAt: sessions.startsAt }).from(sessions).where(eq(sessions.uuid, tray.uuid)).get();
    expect((await where())!.roomId).toBeNull();
    await form.getByRole("button", { name: /^Placer/ }).click();
    await poll(async () => (await where())!.startsAt).toBe(at("20:30"));
    expect((await where())!.roomId).toBe(agora.id);
    expectNoBrowserErrors(page);
    await context.close();
  });
});
