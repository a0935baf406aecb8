// A speaker's rights in a real browser: the speaker reads the privacy notice, downloads their
// data and asks for erasure; the organiser sees the request on the dashboard, erases in one
// confirmed action, and the speaker is told by email (a real SMTP server in this process).
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db/client.server";
import { editions, invitations, speakers } from "~/db/schema";
import { localToEpoch } from "~/domain/time";
import { createSession, createSpeaker } from "../../seed/factories";
import { expectNoBrowserErrors, launchBrowser, newPage, signInThroughForm } from "../helpers/browser";
import { startSmtpServer } from "../helpers/mail";
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from "../helpers/server";

let server: RunningServer;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const SPEAKER = { name: "Rosalie Droits", email: "rosalie.droits@example.org", phone: "+33 6 12 12 12 12", needs: "Boucle magnétique E2E" };
const token = randomBytes(32).toString("base64url");

/** The machine is shared: give the page time to answer. */
const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });

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
  const port = await freePort();
  [server, browser] = await Promise.all([
    startServer({ PORT: String(port), PUBLIC_ORIGIN: `http://127.0.0.1:${port}`, SMTP_URL: smtp.url }),
    launchBrowser(),
  ]);
  const db = await openDatabase(`file:${server.databaseFile}`);
  const edition = (await db.select().from(editions).where(eq(editions.slug, "grand-barouf-2016")).get())!;
  const speaker = await createSpeaker(db, { editionId: edition.id, publicName: SPEAKER.name, email: SPEAKER.email, phone: SPEAKER.phone, accessibilityNeeds: SPEAKER.needs });
  const at = (time: string) => localToEpoch("2016-03-09", time, "Europe/Paris");
  await createSession(db, { editionId: edition.id, titleFr: "Atelier des droits", startsAt: at("10:00"), endsAt: at("11:00"), people: [{ speakerId: speaker.id }] });
  // The link an organiser would have sent (only its hash is stored).
  await db.insert(invitations).values({ editionId: edition.id, speakerId: speaker.id, tokenHash: createHash("sha256").update(token).digest("base64url"), expiresAt: Date.now() + 7 * 86_400_000 });
  db.$client.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

describe("a speaker's personal data", () => {
  it("the speaker reads the notice, downloads their data and asks for erasure", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await newPage(context);
    await page.goto(`${server.url}/invitation/${token}`);
    await page.waitForURL((url) => url.pathname === "/speaker");
    const rights = page.locator("#rights");
    await rights.getByText("Lire la politique de confidentialité").click();
    await poll(() => rights.getByRole("heading", { name: "Réclamation" }).isVisible()).toBe(true);
    expect(await rights.textContent()).toContain("Commission nationale de l'informatique et des libertés (CNIL)");

    const [download] = await Promise.all([page.waitForEvent("download"), rights.getByRole("link", { name: "Télécharger mes données" }).click()]);
    expect(download.suggestedFilename()).toBe("barouf-grand-barouf-2016-my-data.json");
    const document = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(document.speaker).toMatchObject({ publicName: SPEAKER.name, email: SPEAKER.email, phone: SPEAKER.phone, accessibilityNeeds: SPEAKER.needs });
    expect(document.sessions.map((s: { titleFr: string }) => s.titleFr)).toEqual(["Atelier des droits"]);

    await rights.getByText("Demander l’effacement de mes données").click();
    await rights.getByRole("button", { name: "Oui, demander l’effacement" }).click();
    await page.waitForURL((url) => url.searchParams.get("erasure") === "requested");
    await poll(() => page.getByTestId("erasure-requested").textContent()).toContain("Vous avez demandé l’effacement de vos données le");
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("the organiser sees the request and erases; the speaker is told by email", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    await signInThroughForm(page, server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await page.goto(`${server.url}/editions/grand-barouf-2016`);
    const requests = page.getByTestId("erasure-requests");
    await poll(() => requests.textContent()).toContain("Demandes d’effacement en attente\u00a0: 1");
    await requests.getByRole("link", { name: SPEAKER.name }).click();
    await page.waitForURL((url) => url.pathname.includes("/speakers/"));
    await poll(() => page.getByTestId("erasure-request").textContent()).toContain("Cette personne a demandé l’effacement de ses données le");
    expect(await page.getByRole("textbox", { name: "E-mail" }).inputValue()).toBe(SPEAKER.email);

    const before = smtp.received.length;
    await page.getByText("Effacer ses données personnelles").click();
    await page.getByRole("button", { name: "Oui, effacer définitivement" }).click();
    await page.waitForURL((url) => url.searchParams.has("erased"));
    await poll(() => page.getByTestId("speaker-erased").textContent()).toContain("Les données personnelles ont été effacées");
    expect(await page.getByTestId("erasure-request").count()).toBe(0);
    expect(await page.getByRole("textbox", { name: "E-mail" }).inputValue()).toBe("");
    await poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(SPEAKER.name);

    const told = (await smtp.waitFor(before + 1)).slice(before);
    expect(told[0]!.to).toEqual([SPEAKER.email]);
    expect(told[0]!.subject).toBe("Grand Barouf numérique 2016\u00a0: vos données personnelles ont été effacées");

    const db = await openDatabase(`file:${server.databaseFile}`);
    const row = (await db.select().from(speakers).where(eq(speakers.email, SPEAKER.email)).get()) ?? null;
    db.$client.close();
    expect(row).toBeNull();
    expectNoBrowserErrors(page);
    await context.close();
  });
});
