// The audit log in the organisers' words, through the real request handler: a session moved on
// the board reads « Début : 9 mars 2016 10:00 → 11:00 », a template applied to many slots is one
// line listing them, and the page's queries do not grow with the log.
import { describe, expect, it } from "vitest";
import { slotTemplates } from "~/db/schema";
import { localToEpoch } from "~/domain/time";
import { createRoom, createSession } from "../../seed/factories";
import { db, ownEdition, queryCounter, request, signIn } from "../helpers/app";

const NB = "\u00a0";
const DAY1 = "2016-03-09";
const at = (date: string, time: string) => localToEpoch(date, time, "Europe/Paris");

/** The audit page's rows, as text without tags. */
function rowsOf(html: string): string[] {
  return [...html.matchAll(/<tr data-testid="audit-entry">([\s\S]*?)<\/tr>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, " ").replace(/ +/g, " "));
}

async function setup() {
  const database = await db();
  const edition = await ownEdition({ startDate: DAY1, endDate: "2016-03-10" });
  const agora = await createRoom(database, { editionId: edition.id, name: "Agora" });
  const beffroi = await createRoom(database, { editionId: edition.id, name: "Beffroi" });
  const session = await createSession(database, {
    editionId: edition.id,
    titleFr: "Algorithmes et management",
    titleEn: "Algorithms and management",
    roomId: agora.id,
    startsAt: at(DAY1, "10:00"),
    endsAt: at(DAY1, "11:00"),
  });
  const { cookie } = await signIn("editor");
  return { database, edition, agora, beffroi, session, cookie, audit: `/editions/${edition.slug}/audit` };
}

async function move(cookie: string, slug: string, session: { uuid: string }, room: { uuid: string }, version: number, start: string, end: string) {
  const response = await request(`/editions/${slug}/board?day=${DAY1}`, {
    cookie,
    form: { intent: "place", session: session.uuid, version: String(version), room: room.uuid, date: DAY1, start, end },
  });
  expect(response.status).toBe(302);
}

describe("the audit log in the organisers' words", () => {
  it("reads a move as its form's labels and local times, in French and in English", async () => {
    const { edition, agora, session, cookie, audit } = await setup();
    await move(cookie, edition.slug, session, agora, session.version, "11:00", "12:00");

    const [entry] = rowsOf(await (await request(`${audit}?entity=session`, { cookie })).text());
    expect(entry).toContain(`Début${NB}: 9 mars 2016 10:00 → 11:00`);
    expect(entry).toContain(`Fin${NB}: 9 mars 2016 11:00 → 12:00`);
    expect(entry).toContain("Session Algorithmes et management");
    expect(entry).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(entry).not.toContain("change");

    const [english] = rowsOf(await (await request(`${audit}?entity=session&lang=en`, { cookie })).text());
    expect(english).toContain("Start: 9 March 2016 10:00 → 11:00");
    expect(english).toContain("End: 9 March 2016 11:00 → 12:00");
    expect(english).toContain("Session Algorithms and management");
  });

  it("shows a template applied to many slots as one entry listing them", async () => {
    const { database, edition, agora, beffroi, cookie, audit } = await setup();
    const template = await database
      .insert(slotTemplates)
      .values({ editionId: edition.id, name: "Matinée", times: [{ start: "09:30", end: "10:30" }, { start: "10:45", end: "11:45" }, { start: "14:00", end: "15:00" }] })
      .returning()
      .get();
    const body = new URLSearchParams([
      ["intent", "apply"],
      ["template", template.uuid],
      ["rooms", agora.uuid],
      ["rooms", beffroi.uuid],
      ["dates", DAY1],
      ["dates", "2016-03-10"],
      ["previewOf", [template.uuid, [agora.uuid, beffroi.uuid].sort().join(","), `${DAY1},2016-03-10`].join("|")],
    ]).toString();
    const applied = await request(`/editions/${edition.slug}/slots`, { method: "POST", cookie, body, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(applied.status).toBe(302);
    expect(applied.headers.get("Location")).toContain("applied=12");

    const html = await (await request(`${audit}?entity=slot`, { cookie })).text();
    const rows = rowsOf(html);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("12 × Créneau");
    expect(rows[0]).toContain("Voir les 12 éléments");
    expect(rows[0]).toContain(`Créneau «${NB}Agora, 9 mars 2016 09:30${NB}»`);
    expect(rows[0]).toContain(`Créneau «${NB}Beffroi, 10 mars 2016 14:00${NB}»`);
    expect(html).toMatch(/data-testid="audit-count">1 entrée/);
  });

  it("answers in the same number of queries whatever the number of entries", async () => {
    const { database, edition, agora, beffroi, session, cookie, audit } = await setup();
    const measure = async () => {
      const start = queryCounter.count;
      const response = await request(audit, { cookie });
      expect(response.status).toBe(200);
      await response.text();
      return queryCounter.count - start;
    };
    await move(cookie, edition.slug, session, beffroi, session.version, "11:00", "12:00");
    await measure();
    const few = await measure();
    let version = session.version + 1;
    for (let i = 0; i < 12; i++) {
      const room = i % 2 === 0 ? agora : beffroi;
      await move(cookie, edition.slug, session, room, version++, `1${i % 8}:00`, `1${i % 8}:30`);
    }
    for (let i = 0; i < 8; i++) {
      const other = await createSession(database, { editionId: edition.id, titleFr: `Atelier ${i}`, roomId: agora.id, startsAt: at(DAY1, "17:00"), endsAt: at(DAY1, "18:00") });
      await move(cookie, edition.slug, other, beffroi, other.version, `0${i + 1}:00`, `0${i + 1}:30`);
    }
    expect(await measure()).toBe(few);
  });
});

describe("dates in lists", () => {
  it("are in words in French, never ISO, on the seed edition's list pages", async () => {
    const { cookie } = await signIn("admin");
    const pages = ["/editions", "/editions/grand-barouf-2016", "/editions/grand-barouf-2016/sessions", "/editions/grand-barouf-2016/speakers", "/editions/grand-barouf-2016/rooms", "/editions/grand-barouf-2016/slots", "/editions/grand-barouf-2016/invitations", "/editions/grand-barouf-2016/versions", "/editions/grand-barouf-2016/conflicts", "/editions/grand-barouf-2016/audit"];
    for (const path of pages) {
      const response = await request(path, { cookie });
      expect(response.status, path).toBe(200);
      const html = await response.text();
      const body = html.slice(html.indexOf("<body"));
      // The visible text: no scripts, no tags (attributes such as dateTime and values of date inputs may hold ISO dates).
      const text = body.replace(/<script[\s\S]*?<\/script>/g, " ").replace(/<[^>]+>/g, " ");
      expect(text.match(/\b\d{4}-\d{2}-\d{2}\b/g), path).toBeNull();
    }
  });
});
