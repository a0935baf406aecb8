// The readable history in the browser (issue 14 item 15): a session moved on the board reads, in
// the audit log, with the placement form's labels and dates in words, naming the session; a slot
// template applied to several slots is one entry whose list opens with the keyboard; no ISO date
// in the log's visible text; the English log speaks English. The speaker-changes inbox: what a
// speaker did through their link reads in the same words, named, and is marked seen from the
// keyboard.
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { editions, formats, rooms, slotTemplates } from "~/db/schema";
import { localToEpoch } from "~/domain/time";
import { createSession, createSpeaker } from "../../seed/factories";
import { uuidv5 } from "~/services/ids.server";
import { expectNoBrowserErrors, newPage, signInThroughForm } from "../helpers/browser";
import { E2E_ADMIN_PASSWORD } from "../helpers/server";
import { browserRig } from "../helpers/rig";

const NB = "\u00a0";
const EDITION = "grand-barouf-2016";
const AUDIT = `/editions/${EDITION}/audit`;
const UBER = uuidv5(`${EDITION}/session/uber-keynote`);
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

const rig = browserRig({ database: true });
/** The machine running these tests is shared and slow: wait up to 20 s for the page to settle. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

async function signedIn() {
  const context = await rig.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await newPage(context);
  await signInThroughForm(page, rig.server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
  return { context, page };
}

const entries = (page: Page) => page.getByTestId("audit-entry");
const visibleText = (page: Page) => page.locator("main").innerText();

describe("the audit log in the browser", () => {
  it("reads a move made on the board with the form's labels, dates in words and the session's name", async () => {
    const { context, page } = await signedIn();
    await page.goto(`${rig.server.url}/editions/${EDITION}/board?day=2016-03-09`);
    await page.waitForFunction(() => document.querySelector('[draggable="true"]') !== null);
    await page.locator(`.board-room [data-card-id="${UBER}"]`).getByRole("link", { name: "Déplacer…" }).focus();
    await page.keyboard.press("Enter");
    const form = page.getByTestId("placement-form");
    await form.getByLabel("Salle").selectOption({ label: "Agora" });
    await form.getByLabel("Début").fill("08:00");
    await form.getByLabel("Fin").fill("08:30");
    await form.getByRole("button", { name: "Déplacer" }).press("Enter");
    await poll(() => page.getByTestId("board-live").textContent()).toContain(`déplacée${NB}: Agora, 9 mars 2016, 08:00–08:30`);

    await page.goto(`${rig.server.url}${AUDIT}?entity=session`);
    const entry = entries(page).first();
    const text = await entry.innerText();
    expect(text).toContain(`Début${NB}: 9 mars 2016 09:30 → 08:00`);
    expect(text).toContain(`Fin${NB}: 9 mars 2016 10:00 → 08:30`);
    expect(text).toContain("Grand Auditorium → Agora");
    // The object is named, with a link to the session's page.
    const link = entry.getByRole("link", { name: "Plateformes et travail : le point de vue d’Uber" });
    expect(await link.getAttribute("href")).toBe(`/editions/${EDITION}/sessions/${UBER}`);
    expect(await entry.isVisible()).toBe(true);
    expect(await visibleText(page)).not.toMatch(ISO_DATE);

    await page.goto(`${rig.server.url}${AUDIT}?entity=session&lang=en`);
    const english = await entries(page).first().innerText();
    expect(english).toContain("Start: 9 March 2016 09:30 → 08:00");
    expect(english).toContain("End: 9 March 2016 10:00 → 08:30");
    expect(await entries(page).first().getByRole("link", { name: "Platforms and work: Uber’s view" }).count()).toBe(1);
    expect(await visibleText(page)).not.toMatch(ISO_DATE);
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("shows a template applied to several slots as one entry whose list opens with the keyboard", async () => {
    const edition = (await rig.database.select().from(editions).where(eq(editions.slug, EDITION)).get())!;
    // Early-morning slots the seed's grid does not use, so none is skipped.
    await rig.database
      .insert(slotTemplates)
      .values({ editionId: edition.id, name: "Petit matin", times: [{ start: "07:00", end: "07:20" }, { start: "07:30", end: "07:50" }] })
      .run();
    const { context, page } = await signedIn();
    await page.goto(`${rig.server.url}/editions/${EDITION}/slots`);
    const apply = page.locator("section.slots-apply");
    await apply.getByLabel("Modèle").selectOption({ label: "Petit matin" });
    await apply.getByRole("checkbox", { name: "Agora" }).check();
    await apply.getByRole("checkbox", { name: "Grand Auditorium" }).check();
    await apply.getByRole("checkbox", { name: "9 mars 2016" }).check();
    await apply.getByRole("button", { name: "Voir l’aperçu" }).click();
    await poll(() => page.getByTestId("preview-summary").textContent()).toContain("4 créneau(x) seront créés, 0 ignoré(s).");
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get("applied") === "4"),
      page.getByRole("button", { name: "Appliquer : créer 4 créneau(x)" }).click(),
    ]);

    await page.goto(`${rig.server.url}${AUDIT}?entity=slot`);
    await poll(() => entries(page).count()).toBe(1);
    const entry = entries(page).first();
    expect(await entry.innerText()).toContain("4 × Créneau");
    const summary = entry.getByText("Voir les 4 éléments");
    const items = entry.locator("ul.audit-group > li");
    expect(await items.first().isVisible()).toBe(false);
    await summary.focus();
    await page.keyboard.press("Enter");
    await poll(() => items.first().isVisible()).toBe(true);
    const listed = (await items.allInnerTexts()).join("\n");
    expect(listed).toContain(`Créneau «${NB}Agora, 9 mars 2016 07:00${NB}»`);
    expect(listed).toContain(`Créneau «${NB}Grand Auditorium, 9 mars 2016 07:30${NB}»`);
    expect(await items.count()).toBe(4);
    expect(await visibleText(page)).not.toMatch(ISO_DATE);
    expectNoBrowserErrors(page);
    await context.close();
  });
});

describe("the speaker-changes inbox in the browser", () => {
  const TITLE = "Atelier : la boîte de réception";
  const NAME = "Camille Boîte";

  it("shows what a speaker did through their link, in the forms' words, and marks it seen from the keyboard", async () => {
    const edition = (await rig.database.select().from(editions).where(eq(editions.slug, EDITION)).get())!;
    const room = (await rig.database.select().from(rooms).where(eq(rooms.editionId, edition.id)).get())!;
    const format = (await rig.database.select().from(formats).where(eq(formats.editionId, edition.id)).get())!;
    const speaker = await createSpeaker(rig.database, { editionId: edition.id, publicName: NAME, email: "camille.boite@example.org", preferredLocale: "fr" });
    const at = (time: string) => localToEpoch("2016-03-10", time, "Europe/Paris");
    await createSession(rig.database, { editionId: edition.id, titleFr: TITLE, formatId: format.id, roomId: room.id, startsAt: at("14:00"), endsAt: at("15:00"), people: [{ speakerId: speaker.id }] });
    const { context, page } = await signedIn();
    const made = await context.request.post(`${rig.server.url}/editions/${EDITION}/invitations`, {
      form: { intent: "link", speaker: speaker.uuid },
      headers: { Origin: rig.server.url },
    });
    const link = `${rig.server.url}/invitation/${/\/invitation\/([A-Za-z0-9_-]{43})/.exec(await made.text())![1]}`;

    // The speaker, in their own browser: confirms the session and gives a job title.
    const speakerContext = await rig.browser.newContext();
    const speakerPage = await newPage(speakerContext);
    await speakerPage.goto(link);
    const article = speakerPage.locator("article", { hasText: TITLE });
    await article.getByRole("button", { name: /^Confirmer/ }).click();
    await poll(() => article.getByTestId("confirmation").textContent()).toContain("confirmée");
    await speakerPage.getByLabel("Fonction").fill("Cheffe de projet");
    await speakerPage.getByRole("button", { name: /^Enregistrer le profil/ }).click();
    await poll(() => speakerPage.locator("#profile-title ~ [role=status]").count()).toBe(1);
    expectNoBrowserErrors(speakerPage);
    await speakerContext.close();

    // The organiser's inbox: one group for the speaker, named with a link to their page.
    await page.goto(`${rig.server.url}/editions/${EDITION}/speaker-changes`);
    const group = page.locator("section.change-group", { has: page.getByRole("link", { name: NAME }) });
    expect(await group.getByRole("link", { name: NAME }).getAttribute("href")).toBe(`/editions/${EDITION}/speakers/${speaker.uuid}`);
    const text = await group.innerText();
    expect(text).toContain("(2 modification(s))");
    expect(text).toContain(`par ${NAME} (intervenant·e)`);
    expect(text).toContain(`a confirmé · Session «${NB}${TITLE}${NB}»`);
    expect(text).toContain("a modifié son profil");
    expect(text).toMatch(new RegExp(`Fonction${NB}: .* → Cheffe de projet`));
    expect(await visibleText(page)).not.toMatch(ISO_DATE);

    // In English, the same entries in English words.
    await page.goto(`${rig.server.url}/editions/${EDITION}/speaker-changes?lang=en`);
    const english = await page.locator("section.change-group", { has: page.getByRole("link", { name: NAME }) }).innerText();
    expect(english).toContain(`by ${NAME} (speaker)`);
    expect(english).toContain(`confirmed · Session “${TITLE}”`);
    expect(english).toMatch(/Job title: .* → Cheffe de projet/);

    // Marked seen with the keyboard: the group goes, the others stay.
    await page.goto(`${rig.server.url}/editions/${EDITION}/speaker-changes`);
    const groupsBefore = await page.locator("section.change-group").count();
    const seen = page.getByRole("button", { name: `Marquer comme vu — ${NAME}` });
    await seen.focus();
    await page.keyboard.press("Enter");
    await poll(() => page.locator("section.change-group", { has: page.getByRole("link", { name: NAME }) }).count()).toBe(0);
    expect(await page.locator("section.change-group").count()).toBe(groupsBefore - 1);
    if (groupsBefore === 1) expect(await page.getByText("Rien de nouveau depuis votre dernière visite.").count()).toBe(1);
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("wrote nothing unexpected to the server's error output", () => {
    expect(rig.server.stderr()).toBe("");
  });
});
