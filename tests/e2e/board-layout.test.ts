// The board as a person sees it on a laptop and on a large screen: what each card shows at every
// row height, how many rooms and hours fit, the folding tray and panel, the place/move drawer, and
// the print view's pages (issue 14, items 1, 2 and 17).
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { uuidv5 } from "~/services/ids.server";
import { expectNoBrowserErrors, newPage, signInThroughForm } from "../helpers/browser";
import { E2E_ADMIN_PASSWORD } from "../helpers/server";
import { browserRig } from "../helpers/rig";

const EDITION = "grand-barouf-2016";
const id = (kind: string, key: string) => uuidv5(`${EDITION}/${kind}/${key}`);
const BOARD = `/editions/${EDITION}/board?day=2016-03-09`;
const LAPTOP = { width: 1366, height: 768 };
const LARGE = { width: 1920, height: 1080 };

const rig = browserRig();

async function open(viewport: { width: number; height: number }, path = BOARD): Promise<{ context: BrowserContext; page: Page & { browserErrors: string[] } }> {
  const context = await rig.browser.newContext({ viewport });
  const page = await newPage(context);
  await signInThroughForm(page, rig.server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
  await page.goto(`${rig.server.url}${path}`);
  if (path.startsWith(BOARD)) await page.waitForFunction(() => document.querySelector('[draggable="true"]') !== null);
  return { context, page };
}

/** What fits on screen: room columns seen whole, hours of rows seen whole, and the page's own width. */
function measure(page: Page) {
  return page.evaluate(() => {
    const scroller = document.querySelector(".board-scroll")!.getBoundingClientRect();
    const left = Math.max(scroller.left, document.querySelector(".board-times")!.getBoundingClientRect().right);
    const right = Math.min(scroller.right, innerWidth);
    const rooms = [...document.querySelectorAll(".board-room")].filter((room) => {
      const box = room.getBoundingClientRect();
      return box.left >= left - 1 && box.right <= right + 1;
    }).length;
    const top = document.querySelector(".board-room-name")!.getBoundingClientRect().bottom;
    const bottom = Math.min(scroller.bottom, innerHeight);
    const rows = [...document.querySelectorAll(".board-time")].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= top - 1 && box.bottom <= bottom + 1;
    }).length;
    const step = Number(document.querySelector<HTMLSelectElement>("#board-step")!.value);
    return { rooms, hours: (rows * step) / 60, pageWidth: document.documentElement.scrollWidth, viewport: innerWidth };
  });
}

/** Cards on the grid whose text a person would see cut: each names what is wrong. */
function clippedCards(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const card of document.querySelectorAll<HTMLElement>(".board-room .session-card")) {
      const box = card.getBoundingClientRect();
      const inside = (el: Element | null) => {
        if (!el) return false;
        const b = el.getBoundingClientRect();
        return b.top >= box.top - 0.5 && b.bottom <= box.bottom + 0.5 && b.left >= box.left - 0.5 && b.right <= box.right + 0.5 && b.width > 0;
      };
      const title = card.querySelector<HTMLElement>(".card-title")!;
      const name = title.textContent!;
      const fits = (el: HTMLElement) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight;
      if (!inside(title)) problems.push(`${name}: title outside the card`);
      // Cut with an ellipsis is fine when the full text is given (tooltip; the text itself for screen readers).
      if (!fits(title) && title.title !== name) problems.push(`${name}: title cut without its full text`);
      const time = card.querySelector<HTMLElement>(".card-time")!;
      if (!inside(time) || !fits(time)) problems.push(`${name}: time cut`);
      const format = card.querySelector<HTMLElement>(".card-format");
      if (format && (!inside(format) || (!fits(format) && format.title !== format.textContent))) problems.push(`${name}: format cut`);
      for (const level of card.querySelectorAll(".card-level")) if (!inside(level)) problems.push(`${name}: conflict level cut`);
      if (!inside(card.querySelector(".card-move"))) problems.push(`${name}: move link cut`);
      if (!inside(card.querySelector(".card-details-button"))) problems.push(`${name}: details button cut`);
      if (getComputedStyle(card).borderLeftColor === "rgba(0, 0, 0, 0)") problems.push(`${name}: no theme colour`);
      // Title and the line under it never overlap.
      if (title.getBoundingClientRect().bottom > card.querySelector(".card-meta")!.getBoundingClientRect().top + 0.5 && !card.classList.contains("card-line")) {
        problems.push(`${name}: title over the time`);
      }
    }
    return problems;
  });
}

describe("the board's cards and layout", () => {
  it("shows each card's title, time, format, theme colour and conflicts at every row height, without growing on hover", async () => {
    const { context, page } = await open(LAPTOP);
    for (const step of [15, 30, 60]) {
      await page.goto(`${rig.server.url}${BOARD}&step=${step}`);
      await page.waitForFunction(() => document.querySelector('[draggable="true"]') !== null);
      expect(await page.locator(".board-room .session-card").count()).toBeGreaterThan(25);
      expect(await clippedCards(page)).toEqual([]);
    }
    // A card with conflicts says how many and how serious, in words for screen readers.
    const fishbowl = page.locator(`.board-room [data-card-id="${id("session", "fishbowl-collab")}"]`);
    expect(await fishbowl.locator(".card-level").first().textContent()).toMatch(/^\d+ conflit\(s\) à traiter, le plus grave\u00a0: (Erreur|Avertissement|Blocage)\d+$/);
    // Hovering leaves it its size.
    const before = (await fishbowl.boundingBox())!;
    await fishbowl.hover({ position: { x: 30, y: 6 } });
    expect((await fishbowl.boundingBox())!.height).toBe(before.height);
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("opens a card's people and details from the keyboard, and closes them with Escape", async () => {
    const { context, page } = await open(LAPTOP, `${BOARD}&step=15`);
    const card = page.locator(`.board-room [data-card-id="${id("session", "fishbowl-collab")}"]`);
    const button = card.getByRole("button", { name: /^Détails de «\sFishbowl/ });
    await button.focus();
    await page.keyboard.press("Enter");
    const details = card.locator(".card-details");
    await expect.poll(() => details.evaluate((el) => el.matches(":popover-open"))).toBe(true);
    const text = (await details.textContent())!;
    expect(text).toContain("Jennifer Leblond");
    expect(text).toContain("Fishbowl : l’économie collaborative tient-elle ses promesses ?");
    // Shown whole and on screen, over the grid.
    const box = (await details.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(LAPTOP.width);
    expect(box.y + box.height).toBeLessThanOrEqual(LAPTOP.height);
    await page.keyboard.press("Escape");
    await expect.poll(() => details.evaluate((el) => el.matches(":popover-open"))).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("card-details-button");
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("fits a laptop: at least 6 rooms and 4 hours, tray and panel folded, no sideways page scroll", async () => {
    const { context, page } = await open(LAPTOP);
    const tray = page.locator(".board-tray .board-fold");
    const panel = page.locator(".board-panel .board-fold");
    expect(await tray.getAttribute("aria-expanded")).toBe("false");
    expect(await panel.getAttribute("aria-expanded")).toBe("false");
    const laptop = await measure(page);
    console.info(`board at 1366×768: ${laptop.rooms} rooms and ${laptop.hours} hours fully visible`);
    expect(laptop.rooms).toBeGreaterThanOrEqual(6);
    expect(laptop.hours).toBeGreaterThanOrEqual(4);
    expect(laptop.pageWidth).toBeLessThanOrEqual(laptop.viewport);
    // Unfolded, the panel shows the day's conflicts; the page still does not scroll sideways.
    await panel.click();
    expect(await panel.getAttribute("aria-expanded")).toBe("true");
    expect(await page.getByTestId("day-conflicts").isVisible()).toBe(true);
    await tray.click();
    expect(await page.getByTestId("tray").isVisible()).toBe(true);
    expect((await measure(page)).pageWidth).toBeLessThanOrEqual(LAPTOP.width);
    expectNoBrowserErrors(page);
    await context.close();

    const large = await open(LARGE);
    const wide = await measure(large.page);
    console.info(`board at 1920×1080: ${wide.rooms} rooms and ${wide.hours} hours fully visible`);
    expect(await large.page.locator(".board-panel .board-fold").getAttribute("aria-expanded")).toBe("true");
    expect(wide.rooms).toBeGreaterThanOrEqual(6);
    expect(wide.hours).toBeGreaterThanOrEqual(4);
    expect(wide.pageWidth).toBeLessThanOrEqual(wide.viewport);
    await large.context.close();
  });

  it("opens the place/move form in a drawer that never widens the page; Escape closes it and the focus goes back to the card", async () => {
    const { context, page } = await open(LAPTOP);
    const card = page.locator(`.board-room [data-card-id="${id("session", "atelier-communs")}"]`);
    await card.getByRole("link", { name: "Déplacer…" }).focus();
    await page.keyboard.press("Enter");
    const drawer = page.getByRole("dialog", { name: /^Déplacer « Atelier/ });
    await drawer.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("edit-title");
    const box = (await drawer.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(LAPTOP.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(LAPTOP.width);
    // The whole form is reachable inside the drawer: its last button is on screen once scrolled to.
    const last = drawer.getByRole("button", { name: "Retirer de la grille" });
    await last.scrollIntoViewIfNeeded();
    const lastBox = (await last.boundingBox())!;
    expect(lastBox.x + lastBox.width).toBeLessThanOrEqual(LAPTOP.width);
    expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(LAPTOP.height);
    await page.getByLabel("Début").press("Escape");
    await drawer.waitFor({ state: "detached" });
    expect(new URL(page.url()).searchParams.has("edit")).toBe(false);
    await expect
      .poll(() => page.evaluate(() => (document.activeElement?.closest("[data-card-id]") as HTMLElement | null)?.dataset.cardId))
      .toBe(id("session", "atelier-communs"));
    expect(await page.evaluate(() => document.activeElement?.classList.contains("card-move"))).toBe(true);
    expectNoBrowserErrors(page);
    await context.close();
  });
});

describe("the board's print view", () => {
  for (const paper of ["a4", "a3"] as const) {
    it(`prints one ${paper.toUpperCase()} landscape page per day with every title, time and name whole`, async () => {
      const { context, page } = await open(LAPTOP, `/editions/${EDITION}/board/print?day=2016-03-09&paper=${paper}&all=1`);
      const days = await page.locator(".print-day").count();
      expect(days).toBe(2);
      await page.emulateMedia({ media: "print" });
      // Laid out at the page's printable width (landscape, less the margins), nothing is cut.
      const printable = paper === "a4" ? { width: ((297 - 16) / 25.4) * 96, height: ((210 - 16) / 25.4) * 96 } : { width: ((420 - 20) / 25.4) * 96, height: ((297 - 20) / 25.4) * 96 };
      await page.setViewportSize({ width: Math.floor(printable.width), height: Math.floor(printable.height) });
      const cut = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>(".print-card, .print-card > *, .print-head")]
          .filter((el) => el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth)
          .map((el) => el.textContent),
      );
      expect(cut).toEqual([]);
      const card = page.locator(`[data-print-card="${id("session", "fishbowl-collab")}"]`);
      expect(await card.textContent()).toContain("Fishbowl : l’économie collaborative tient-elle ses promesses ?");
      expect(await card.textContent()).toContain("Jennifer Leblond");
      expect(await card.textContent()).toMatch(/\d\d:\d\d–\d\d:\d\d/);
      const pdf = await page.pdf({ format: paper === "a4" ? "A4" : "A3", landscape: true, printBackground: true });
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
      expect(pages.length).toBe(days);
      expectNoBrowserErrors(page);
      await context.close();
    });
  }

  it("offers A4 and A3 and one day or every day", async () => {
    const { context, page } = await open(LAPTOP, `/editions/${EDITION}/board/print?day=2016-03-10`);
    expect(await page.locator(".print-page").getAttribute("class")).toContain("paper-a3");
    await page.getByRole("link", { name: "A4 paysage" }).click();
    await expect.poll(() => page.locator(".print-page").getAttribute("class")).toContain("paper-a4");
    expect(new URL(page.url()).searchParams.get("paper")).toBe("a4");
    expect(await page.locator(".print-day").count()).toBe(1);
    await page.getByRole("link", { name: "Tous les jours" }).click();
    await expect.poll(() => page.locator(".print-day").count()).toBe(2);
    expect(new URL(page.url()).searchParams.get("all")).toBe("1");
    expect(new URL(page.url()).searchParams.get("paper")).toBe("a4");
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("wrote nothing unexpected to the server's error output", () => {
    expect(rig.server.stderr()).toBe("");
  });
});
