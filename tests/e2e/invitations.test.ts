// The invitation journey in a real browser: an organiser sends an invitation (through a real
// SMTP server in this process), the speaker opens it on a phone, answers and edits, and the
// organiser sees each change with its author.
import { createServer } from "node:net";
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db/client.server";
import { editions, formats, rooms } from "~/db/schema";
import { localToEpoch } from "~/domain/time";
import { createSession, createSpeaker } from "../../seed/factories";
import { expectNoBrowserErrors, launchBrowser, newPage, signInThroughForm } from "../helpers/browser";
import { startSmtpServer } from "../helpers/mail";
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from "../helpers/server";

let server: RunningServer;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const SPEAKER = { name: "Camille Testard", email: "camille.testard@example.org" };
const FIRST = "Atelier mobile : données ouvertes";
const SECOND = "Table ronde mobile : plateformes";

/** The machine is shared: give the page time to answer. */
const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });

/** SCREENSHOTS=dir keeps full-page pictures of the journey, to look at by hand. */
async function shot(page: { screenshot: (o: { path: string; fullPage: boolean }) => Promise<unknown> }, name: string) {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, fullPage: true });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  // Links in emails come from PUBLIC_ORIGIN: the server's own address here.
  const port = await freePort();
  [server, browser] = await Promise.all([
    startServer({ PORT: String(port), PUBLIC_ORIGIN: `http://127.0.0.1:${port}`, SMTP_URL: smtp.url }),
    launchBrowser(),
  ]);
  const db = await openDatabase(`file:${server.databaseFile}`);
  const edition = (await db.select().from(editions).where(eq(editions.slug, "grand-barouf-2016")).get())!;
  const room = (await db.select().from(rooms).where(eq(rooms.editionId, edition.id)).get())!;
  const format = (await db.select().from(formats).where(eq(formats.editionId, edition.id)).get())!;
  const speaker = await createSpeaker(db, { editionId: edition.id, publicName: SPEAKER.name, email: SPEAKER.email, preferredLocale: "fr" });
  const at = (date: string, time: string) => localToEpoch(date, time, "Europe/Paris");
  await createSession(db, { editionId: edition.id, titleFr: FIRST, formatId: format.id, roomId: room.id, startsAt: at("2016-03-09", "16:00"), endsAt: at("2016-03-09", "17:00"), people: [{ speakerId: speaker.id }] });
  await createSession(db, { editionId: edition.id, titleFr: SECOND, formatId: format.id, roomId: room.id, startsAt: at("2016-03-10", "11:00"), endsAt: at("2016-03-10", "12:00"), people: [{ speakerId: speaker.id }] });
  db.$client.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

describe("a speaker answers their invitation on a phone", () => {
  let link = "";

  it("the organiser previews who a filtered list would reach, then sends the invitation, with progress", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    await signInThroughForm(page, server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await page.goto(`${server.url}/editions/grand-barouf-2016/invitations`);
    await page.getByLabel("Nom ou e-mail").fill("Camille");
    await page.getByRole("button", { name: "Filtrer", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "Camille");
    const row = page.locator("tbody tr", { hasText: SPEAKER.name });
    await poll(() => row.getByTestId("state").textContent()).toBe("Pas invité·e");
    // The list's search narrows who can receive it; the names show before anything is sent.
    await page.getByRole("button", { name: "Voir qui recevra l’invitation" }).click();
    await page.waitForURL((url) => url.searchParams.get("bulk") === "invite");
    const preview = page.locator("section.bulk-preview");
    await poll(() => preview.getByRole("status").textContent()).toBe("1 intervenant·e(s) recevront l’invitation");
    expect(await preview.getByRole("listitem").allTextContents()).toEqual([`${SPEAKER.name} (Pas invité·e)`]);
    expect(await preview.getByLabel("Remplacer les liens existants par de nouveaux liens").isChecked()).toBe(false);
    await preview.getByRole("button", { name: "Envoyer l’invitation à 1 intervenant·e(s)" }).click();
    await poll(() => page.getByRole("status").filter({ hasText: "Envoi" }).textContent()).toContain("Envoi : 1 sur 1");
    await poll(() => page.getByText("1 envoyé(s), 0 conservé(s) sans SMTP, 0 en échec").count()).toBe(1);
    await poll(() => row.getByTestId("state").textContent()).toBe("Invité·e");
    await shot(page, "invitations");
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual([SPEAKER.email]);
    expect(mail!.subject).toBe("Grand Barouf numérique 2016 : votre espace intervenant·e");
    link = /http:\/\/127\.0\.0\.1:\d+\/invitation\/[A-Za-z0-9_-]{43}/.exec(mail!.text)![0];
    expect(link.startsWith(server.url)).toBe(true);
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("the speaker opens the link, lands on the clean URL, confirms, declines with a reason, edits the bio and gives availability", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await newPage(context);
    await page.goto(link);
    expect(new URL(page.url()).pathname).toBe("/speaker");
    expect(page.url()).not.toContain("/invitation/");
    await poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(`Bonjour ${SPEAKER.name}`);
    // Made for the phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    const first = page.locator("article", { hasText: FIRST });
    const second = page.locator("article", { hasText: SECOND });
    expect(await first.textContent()).toContain("9 mars 2016, 16:00–17:00");
    await first.getByRole("button", { name: "Confirmer" }).tap();
    await poll(() => first.getByTestId("confirmation").textContent()).toContain("confirmée");

    await second.getByText("Décliner", { exact: true }).tap();
    // The browser's own check first: a reason is needed.
    await second.getByRole("button", { name: "Décliner cette session" }).tap();
    await poll(() => second.getByText("Indiquez une raison (3 caractères au moins).").count()).toBe(1);
    await second.getByLabel("Raison (transmise à l’équipe)").fill("Je serai à Bruxelles ce jour-là");
    await second.getByRole("button", { name: "Décliner cette session" }).tap();
    await poll(() => second.getByTestId("confirmation").textContent()).toContain("déclinée");
    expect(await second.textContent()).toContain("Je serai à Bruxelles ce jour-là");

    await page.getByLabel("Biographie en français").fill("Chercheuse en données ouvertes, elle anime des ateliers à Lille.");
    await page.getByRole("button", { name: "Enregistrer le profil" }).tap();
    await poll(() => page.locator("#profile-title ~ [role=status]").count()).toBe(1);

    const day1 = page.getByRole("group", { name: "9 mars 2016" });
    await day1.getByLabel("Ce jour-là").selectOption("part");
    await day1.getByLabel("De", { exact: true }).fill("13:30");
    await day1.getByLabel("À", { exact: true }).fill("18:00");
    await page.getByRole("group", { name: "10 mars 2016" }).getByLabel("Ce jour-là").selectOption("none");
    await page.getByRole("button", { name: "Enregistrer les disponibilités" }).tap();
    await poll(() => page.locator("#availability-title ~ [role=status]").count()).toBe(1);

    await shot(page, "speaker-phone");
    // Reloading shows what was saved.
    await page.reload();
    expect(await page.getByLabel("Biographie en français").inputValue()).toBe("Chercheuse en données ouvertes, elle anime des ateliers à Lille.");
    expect(await page.getByRole("group", { name: "9 mars 2016" }).getByLabel("De", { exact: true }).inputValue()).toBe("13:30");
    expect(await page.getByRole("group", { name: "10 mars 2016" }).getByLabel("Ce jour-là").inputValue()).toBe("none");

    // The language switch works on the speaker page too.
    await page.getByRole("button", { name: "English" }).tap();
    await poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(`Hello ${SPEAKER.name}`);
    expect(new URL(page.url()).pathname).toBe("/speaker");
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("the organiser sees each change and its author", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    await signInThroughForm(page, server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await page.goto(`${server.url}/editions/grand-barouf-2016/speaker-changes`);
    const group = page.locator("section", { has: page.getByRole("heading", { name: new RegExp(SPEAKER.name) }) });
    const text = (await group.textContent()) ?? "";
    expect(text).toContain(`par ${SPEAKER.name} (intervenant·e)`);
    await shot(page, "speaker-changes");
    for (const expected of ["a confirmé", "a décliné", "a modifié son profil", "a donné ses disponibilités", FIRST, SECOND, "Je serai à Bruxelles ce jour-là", "Chercheuse en données ouvertes", "13:30–18:00"]) {
      expect(text).toContain(expected);
    }
    await page.goto(`${server.url}/editions/grand-barouf-2016/invitations?q=Camille`);
    expect(await page.locator("tbody tr", { hasText: SPEAKER.name }).getByTestId("state").textContent()).toBe("Refus");
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("wrote nothing unexpected to the server's error output", () => {
    expect(server.stderr()).toBe("");
  });
});
