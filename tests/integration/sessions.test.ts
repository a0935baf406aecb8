// Sessions: list with filters, create, edit, people, stale saves, cancel and delete,
// scoped to their edition, audited, with a constant number of SQL queries.
import { and, count, eq, isNotNull, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, editions, formats, programmeVersions, rooms, sessions, sessionSpeakers, themes } from "~/db/schema";
import { localToEpoch } from "~/domain/time";
import { getSession, listSessions } from "~/models/sessions.server";
import { createEdition, createFormat, createOrganisation, createRoom, createSession, createSpeaker } from "../../seed/factories";
import { db, request, SEED_EDITION, signIn, queryCounter } from "../helpers/app";

const BASE = `/editions/${SEED_EDITION}/sessions`;
let editor: string;
let admin: string;
let viewer: string;
let seed: { id: number; timeZone: string; startDate: string; endDate: string };

beforeAll(async () => {
  editor = (await signIn("editor", { organisation: "OuiShare" })).cookie;
  admin = (await signIn("admin")).cookie;
  viewer = (await signIn("viewer", { organisation: "OuiShare" })).cookie;
  const database = await db();
  seed = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
}, 60_000);

/** A complete, valid form for the session page, with overrides. */
function formOf(values: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "save",
    titleFr: "Les communs numériques",
    titleEn: "",
    abstractFr: "Un résumé.",
    abstractEn: "",
    slug: "",
    formatId: "",
    themeId: "",
    roomId: "",
    language: "fr",
    status: "draft",
    isPublic: "on",
    expectedAudience: "",
    day: "",
    start: "",
    end: "",
    ...values,
  };
}

async function createThroughForm(values: Record<string, string> = {}, cookie = editor) {
  const response = await request(`${BASE}/new`, { cookie, form: formOf(values) });
  expect(response.status).toBe(302);
  const uuid = /sessions\/([0-9a-f-]{36})/.exec(response.headers.get("Location") ?? "")![1]!;
  return uuid;
}

async function sessionRow(uuid: string) {
  return (await (await db()).select().from(sessions).where(eq(sessions.uuid, uuid)).get())!;
}

async function auditOf(uuid: string) {
  return (await db()).select().from(auditLog).where(eq(auditLog.entityUuid, uuid)).orderBy(auditLog.id).all();
}

async function queriesOf(run: () => Promise<unknown>) {
  const before = queryCounter.count;
  await run();
  return queryCounter.count - before;
}

describe("the sessions list", () => {
  it("lists the edition's sessions, 25 a page, with their people", async () => {
    const database = await db();
    const total = (await database.select({ n: count() }).from(sessions).where(eq(sessions.editionId, seed.id)).get())!.n;
    const response = await request(BASE, { cookie: viewer });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`${total} session(s)`);
    expect(html.match(/data-testid="session-row"/g)?.length).toBe(Math.min(25, total));
    expect(html).toContain("Ouverture : la métropole à l’heure du numérique");
    expect(html).toContain(`Page 1 sur ${Math.ceil(total / 25)}`);
    const page2 = await (await request(`${BASE}?page=2`, { cookie: viewer })).text();
    expect(page2.match(/data-testid="session-row"/g)?.length).toBe(Math.min(25, total - 25));
  });

  it("searches titles and filters by format, theme, status, scheduling, room and day, all from the URL", async () => {
    const database = await db();
    const keynote = (await database.select().from(formats).where(and(eq(formats.editionId, seed.id), eq(formats.slug, "keynote"))).get())!;
    const theme = (await database.select().from(themes).where(eq(themes.editionId, seed.id)).get())!;
    const auditorium = (await database.select().from(rooms).where(and(eq(rooms.editionId, seed.id), eq(rooms.name, "Grand Auditorium"))).get())!;
    const countFor = async (query: string) => {
      const html = await (await request(`${BASE}?${query}`, { cookie: viewer })).text();
      return Number(/(\d+) session\(s\)/.exec(html)![1]);
    };
    const dbCount = async (where: Parameters<typeof and>[number]) =>
      (await database.select({ n: count() }).from(sessions).where(and(eq(sessions.editionId, seed.id), where)).get())!.n;

    expect(await countFor("q=fishbowl")).toBe(2);
    // Every word, folded, anywhere in the titles or the speakers' names.
    expect(await countFor("q=FISHBOWL%20economie")).toBe(1);
    expect(await countFor(`format=${keynote.uuid}`)).toBe(await dbCount(eq(sessions.formatId, keynote.id)));
    expect(await countFor(`theme=${theme.uuid}`)).toBe(await dbCount(eq(sessions.themeId, theme.id)));
    expect(await countFor(`room=${auditorium.uuid}`)).toBe(await dbCount(eq(sessions.roomId, auditorium.id)));
    expect(await countFor("status=cancelled")).toBe(await dbCount(eq(sessions.status, "cancelled")));
    const placed = await dbCount(and(ne(sessions.status, "cancelled"), isNotNull(sessions.roomId), isNotNull(sessions.startsAt)));
    expect(await countFor("scheduled=yes")).toBe(placed);
    expect((await countFor("scheduled=yes")) + (await countFor("scheduled=no"))).toBe(await dbCount(undefined));
    const day2 = localToEpoch("2016-03-10", "00:00", seed.timeZone);
    const onDay2 = (await database.select({ startsAt: sessions.startsAt }).from(sessions).where(eq(sessions.editionId, seed.id)).all()).filter(
      (s) => s.startsAt !== null && s.startsAt >= day2,
    ).length;
    expect(await countFor("day=2016-03-10")).toBe(onDay2);
    expect(onDay2).toBeGreaterThan(0);
    // Combined filters narrow down; a day outside the edition matches nothing; junk is ignored.
    expect(await countFor(`room=${auditorium.uuid}&day=2016-03-10&q=cl%C3%B4ture`)).toBe(1);
    expect(await countFor("day=2017-01-01")).toBe(0);
    expect(await countFor("format=not-a-uuid&status=nonsense")).toBe(await dbCount(undefined));
    // Wildcards in the search are literal.
    expect(await countFor("q=%25")).toBe(0);
  });

  it("runs the same number of SQL queries for 5 sessions as for 60, filtered or not", async () => {
    const database = await db();
    const organisation = await createOrganisation(database, { name: "OuiShare" });
    const measure = async (n: number, query: string) => {
      const edition = await createEdition(database, { organisationIds: [organisation.id] });
      const format = await createFormat(database, { editionId: edition.id });
      const room = await createRoom(database, { editionId: edition.id });
      for (let i = 0; i < n; i++) {
        const speaker = await createSpeaker(database, { editionId: edition.id });
        await createSession(database, {
          editionId: edition.id,
          formatId: format.id,
          roomId: i % 2 ? room.id : null,
          startsAt: i % 2 ? localToEpoch("2016-03-09", "10:00", "Europe/Paris") : null,
          endsAt: i % 2 ? localToEpoch("2016-03-09", "11:00", "Europe/Paris") : null,
          people: [{ speakerId: speaker.id }],
        });
      }
      const path = `/editions/${edition.slug}/sessions?${query.replace("FORMAT", format.uuid)}`;
      let status = 0;
      const queries = await queriesOf(async () => {
        const response = await request(path, { cookie: editor });
        status = response.status;
        await response.text();
      });
      expect(status).toBe(200);
      return queries;
    };
    const small = await measure(5, "");
    const large = await measure(60, "");
    expect(large).toBe(small);
    expect(await measure(60, "q=session&format=FORMAT&scheduled=yes&day=2016-03-09&page=2")).toBe(small);
    // login session (read, touch) + edition + shell's list + count + page + people + 3 option lists
    expect(small).toBeLessThanOrEqual(11);
  });
});

describe("creating a session", () => {
  it("creates it with every field, in the edition’s local time, and records who did it", async () => {
    const database = await db();
    const format = (await database.select().from(formats).where(eq(formats.editionId, seed.id)).get())!;
    const theme = (await database.select().from(themes).where(eq(themes.editionId, seed.id)).get())!;
    const room = (await database.select().from(rooms).where(eq(rooms.editionId, seed.id)).get())!;
    const uuid = await createThroughForm({
      titleFr: "Économie des communs",
      titleEn: "Commons economy",
      abstractFr: "Résumé",
      abstractEn: "Abstract",
      formatId: format.uuid,
      themeId: theme.uuid,
      roomId: room.uuid,
      language: "en",
      status: "scheduled",
      isPublic: "",
      expectedAudience: "120",
      day: "2016-03-10",
      start: "16:00",
      end: "16:45",
    });
    const row = await sessionRow(uuid);
    expect(row).toMatchObject({
      editionId: seed.id,
      slug: "economie-des-communs",
      titleFr: "Économie des communs",
      titleEn: "Commons economy",
      formatId: format.id,
      themeId: theme.id,
      roomId: room.id,
      language: "en",
      status: "scheduled",
      isPublic: false,
      expectedAudience: 120,
      startsAt: Date.parse("2016-03-10T15:00:00Z"),
      endsAt: Date.parse("2016-03-10T15:45:00Z"),
      version: 1,
    });
    const [entry] = await auditOf(uuid);
    expect(entry).toMatchObject({ entity: "session", action: "create", editionId: seed.id, actorType: "organiser" });
    expect(entry!.after).toMatchObject({ titleFr: "Économie des communs", formatId: format.nameFr, roomId: room.name, startsAt: row.startsAt });
    // A second one with the same title gets a free slug.
    const again = await createThroughForm({ titleFr: "Économie des communs" });
    expect((await sessionRow(again)).slug).toBe("economie-des-communs-2");
  });

  it("answers 400 with an error per field and keeps what was typed (JavaScript off)", async () => {
    const response = await request(`${BASE}/new`, {
      cookie: editor,
      form: formOf({ titleFr: "", titleEn: "", abstractFr: "Mon résumé tapé", slug: "Pas Un Slug", expectedAudience: "beaucoup", day: "2016-03-09", start: "10:00", end: "09:00" }),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    for (const message of [
      "Donnez un titre, en français ou en anglais.",
      "Seulement des lettres minuscules, des chiffres et des tirets.",
      "Un nombre entier de personnes, 0 ou plus.",
      // 10:00–09:00 would end the next day after 23 hours: the 12-hour limit refuses it (time.ts).
      "La fin doit être après le début : une fin avant le début signifie le lendemain, pour 12 heures au plus.",
    ]) {
      expect(html).toContain(message);
    }
    expect(html.match(/aria-invalid="true"/g)?.length).toBe(4);
    expect(html).toContain("Mon résumé tapé");
    expect(html).toMatch(/value="beaucoup"/);
    expect(html).toMatch(/value="Pas Un Slug"/);
  });

  it("refuses what only the server can check: another edition's format, a day outside the edition, a skipped local time, a slug in use", async () => {
    const database = await db();
    const other = await createEdition(database);
    const foreignFormat = await createFormat(database, { editionId: other.id });
    const cases: [Record<string, string>, string, string][] = [
      [{ formatId: foreignFormat.uuid }, "formatId", "Ce choix n’existe pas dans cette édition."],
      [{ day: "2016-03-12", start: "10:00", end: "11:00" }, "day", "Le 12 mars 2016 n’est pas un jour de l’édition : choisissez un jour du 9 mars 2016 au 10 mars 2016."],
      [{ slug: "ouverture" }, "slug", "Une autre session de cette édition a déjà cet identifiant."],
    ];
    const seedSlug = (await database.select({ slug: sessions.slug }).from(sessions).where(eq(sessions.editionId, seed.id)).get())!.slug;
    cases[2]![0].slug = seedSlug;
    const before = (await database.select({ n: count() }).from(sessions).get())!.n;
    for (const [values, , message] of cases) {
      const response = await request(`${BASE}/new`, { cookie: editor, form: formOf(values) });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(message);
    }
    expect((await database.select({ n: count() }).from(sessions).get())!.n).toBe(before);

    // 27 March 2016, 02:30 does not exist in Paris: an edition that spans it refuses it.
    const spring = await createEdition(database, { startDate: "2016-03-26", endDate: "2016-03-28", organisationIds: [(await createOrganisation(database, { name: "OuiShare" })).id] });
    const response = await request(`/editions/${spring.slug}/sessions/new`, {
      cookie: editor,
      form: formOf({ day: "2016-03-27", start: "02:30", end: "04:00" }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Cette heure n’existe pas ce jour-là : cette nuit-là, les horloges avancent d’une heure (passage à l’heure d’été) et la sautent.");
  });

  it("is for editors: a viewer cannot open the form or post it", async () => {
    expect((await request(`${BASE}/new`, { cookie: viewer })).status).toBe(403);
    expect((await request(`${BASE}/new`, { cookie: viewer, form: formOf() })).status).toBe(403);
  });
});

describe("editing a session", () => {
  it("shows every field with its saved value, its people, its conflicts and its history", async () => {
    const database = await db();
    const row = (await database.select().from(sessions).where(and(eq(sessions.editionId, seed.id), eq(sessions.titleFr, "Table ronde : les travailleurs indépendants du numérique"))).get())!;
    const response = await request(`${BASE}/${row.uuid}`, { cookie: viewer });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Conflits de cette session");
    // The seed's deliberate conflict: 300 people expected in a room of 120.
    expect(html).toContain('data-rule="ROOM_CAPACITY"');
    expect(html.match(/data-testid="session-person"/g)?.length).toBe(4);
    expect(html).toContain("Historique");
    // Viewers read; they get no edit form.
    expect(html).not.toContain('name="intent" value="save"');
    const asEditor = await (await request(`${BASE}/${row.uuid}`, { cookie: editor })).text();
    expect(asEditor).toContain('value="Table ronde : les travailleurs indépendants du numérique"');
    expect(asEditor).toContain('value="10:45"');
    expect(asEditor).toMatch(/<option value="2016-03-09" selected="">/);
  });

  it("saves at the version read, raises it, records before and after, and asks confirmed speakers to reconfirm when the time moves", async () => {
    const database = await db();
    const room = (await database.select().from(rooms).where(eq(rooms.editionId, seed.id)).get())!;
    const speaker = await createSpeaker(database, { editionId: seed.id });
    const session = await createSession(database, {
      editionId: seed.id,
      titleFr: "Avant",
      roomId: room.id,
      startsAt: localToEpoch("2016-03-09", "15:00", seed.timeZone),
      endsAt: localToEpoch("2016-03-09", "16:00", seed.timeZone),
      people: [{ speakerId: speaker.id, confirmation: "confirmed" }],
    });
    const base = formOf({ titleFr: "Après", roomId: room.uuid, status: "scheduled", day: "2016-03-09", start: "15:00", end: "16:00", slug: session.slug, version: "1" });
    const saved = await request(`${BASE}/${session.uuid}`, { cookie: editor, form: base });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`${BASE}/${session.uuid}?done=sessions.saved`);
    expect((await sessionRow(session.uuid)).version).toBe(2);
    const confirmation = async () =>
      (await database.select().from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, session.id)).get())!.confirmation;
    expect(await confirmation()).toBe("confirmed");
    const entries = await auditOf(session.uuid);
    expect(entries.at(-1)).toMatchObject({ action: "update", before: { titleFr: "Avant" }, after: { titleFr: "Après" } });

    const moved = await request(`${BASE}/${session.uuid}`, { cookie: editor, form: { ...base, start: "15:30", end: "16:30", version: "2" } });
    expect(moved.headers.get("Location")).toBe(`${BASE}/${session.uuid}?done=sessions.savedReconfirm&count=1`);
    expect(await confirmation()).toBe("must_reconfirm");
    const last = (await auditOf(session.uuid)).at(-1)!;
    expect(last.after).toEqual({ startsAt: localToEpoch("2016-03-09", "15:30", seed.timeZone), endsAt: localToEpoch("2016-03-09", "16:30", seed.timeZone) });
    const lapse = await database.select().from(auditLog).where(eq(auditLog.entity, "session_speaker")).all();
    expect(lapse.length).toBeGreaterThan(0);
    const page = await (await request(`${BASE}/${session.uuid}?done=sessions.savedReconfirm&count=1`, { cookie: editor })).text();
    expect(page).toContain("1 intervenant·e(s) devront confirmer à nouveau");
  });

  it("refuses a stale save with 409, shows who changed what, keeps the typed values, and re-applies on top", async () => {
    const database = await db();
    const other = await signIn("editor", { organisation: "OuiShare" });
    const session = await createSession(database, { editionId: seed.id, titleFr: "Titre d’origine", abstractFr: "Résumé d’origine" });
    const mine = formOf({ titleFr: "Titre d’origine", abstractFr: "Mon nouveau résumé", slug: session.slug, status: "accepted", version: "1" });
    // The other organiser saves first, changing the title.
    const first = await request(`${BASE}/${session.uuid}`, { cookie: other.cookie, form: { ...mine, titleFr: "Leur titre", abstractFr: "Résumé d’origine" } });
    expect(first.status).toBe(302);
    // Mine, read at version 1, is refused: nothing of it is written.
    const refused = await request(`${BASE}/${session.uuid}`, { cookie: editor, form: mine });
    expect(refused.status).toBe(409);
    expect(await sessionRow(session.uuid)).toMatchObject({ titleFr: "Leur titre", abstractFr: "Résumé d’origine", version: 2 });
    const html = await refused.text();
    expect(html).toContain("Quelqu’un a enregistré une modification avant vous");
    expect(html).toContain(other.organiser.name);
    expect(html).toMatch(/data-field="titleFr".*?\(modifié par l’autre personne\).*?Leur titre.*?Titre d’origine/s);
    expect(html).toMatch(/data-field="abstractFr".*?Résumé d’origine.*?Mon nouveau résumé/s);
    // The page's form keeps what I typed.
    expect(html).toContain(">Mon nouveau résumé</textarea>");
    // The re-apply form re-sends my values at the current version.
    const reapply = /<section class="stale-notice[\s\S]*?<\/section>/.exec(html)![0];
    const hidden = Object.fromEntries([...reapply.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&")]));
    expect(hidden.version).toBe("2");
    expect(hidden.abstractFr).toBe("Mon nouveau résumé");
    expect(hidden.titleFr).toBe("Titre d’origine");
    const applied = await request(`${BASE}/${session.uuid}`, { cookie: editor, form: hidden });
    expect(applied.status).toBe(302);
    expect(await sessionRow(session.uuid)).toMatchObject({ titleFr: "Titre d’origine", abstractFr: "Mon nouveau résumé", version: 3 });
  });

  it("with the values it was read with, re-applies only this organiser's changes on top of the other person's", async () => {
    const database = await db();
    const other = await signIn("editor", { organisation: "OuiShare" });
    const session = await createSession(database, { editionId: seed.id, titleFr: "Titre lu", abstractFr: "Résumé lu", expectedAudience: 10 });
    const page = await (await request(`${BASE}/${session.uuid}`, { cookie: editor })).text();
    const read = /name="_read" value="([^"]*)"/.exec(page)![1]!.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
    expect(JSON.parse(read)).toMatchObject({ titleFr: "Titre lu", abstractFr: "Résumé lu", expectedAudience: "10" });
    const form = formOf({ titleFr: "Titre lu", abstractFr: "Résumé lu", expectedAudience: "10", slug: session.slug, status: "accepted", version: "1", _read: read });
    expect((await request(`${BASE}/${session.uuid}`, { cookie: other.cookie, form: { ...form, titleFr: "Leur titre" } })).status).toBe(302);
    const refused = await request(`${BASE}/${session.uuid}`, { cookie: editor, form: { ...form, expectedAudience: "35" } });
    expect(refused.status).toBe(409);
    const html = await refused.text();
    // The page's form still shows exactly what I typed, at the version I read.
    const pageForm = /<form[^>]*class="session-form[\s\S]*?<\/form>/.exec(html)![0];
    expect(pageForm).toContain('value="Titre lu"');
    expect(pageForm).toContain('name="version" value="1"');
    const notice = /<section class="stale-notice[\s\S]*?<\/section>/.exec(html)![0];
    const hidden = Object.fromEntries(
      [...notice.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&")]),
    );
    expect(hidden).toMatchObject({ titleFr: "Leur titre", expectedAudience: "35", version: "2" });
    expect(JSON.parse(hidden._read!)).toMatchObject({ titleFr: "Leur titre", expectedAudience: "10" });
    expect((await request(`${BASE}/${session.uuid}`, { cookie: editor, form: hidden })).status).toBe(302);
    expect(await sessionRow(session.uuid)).toMatchObject({ titleFr: "Leur titre", abstractFr: "Résumé lu", expectedAudience: 35, version: 3 });
  });

  it("gives 404 for a session of another edition, reading or writing, and the model refuses it too", async () => {
    const database = await db();
    const organisation = await createOrganisation(database, { name: "OuiShare" });
    const other = await createEdition(database, { organisationIds: [organisation.id] });
    const foreign = await createSession(database, { editionId: other.id, titleFr: "Ailleurs-zq7" });
    expect((await request(`${BASE}/${foreign.uuid}`, { cookie: editor })).status).toBe(404);
    const post = await request(`${BASE}/${foreign.uuid}`, { cookie: editor, form: formOf({ slug: foreign.slug, version: "1" }) });
    expect(post.status).toBe(404);
    for (const intent of ["cancel", "delete"]) {
      expect((await request(`${BASE}/${foreign.uuid}`, { cookie: admin, form: { intent, version: "1", confirm: "yes" } })).status).toBe(404);
    }
    expect((await sessionRow(foreign.uuid))).toMatchObject({ titleFr: "Ailleurs-zq7", status: "accepted", version: 1 });
    expect(await getSession(database, { editionId: seed.id, sessionUuid: foreign.uuid })).toBeNull();
    const listed = await listSessions(database, { edition: seed, filters: { q: "Ailleurs-zq7" } });
    expect(listed.total).toBe(0);
    // The same session through its own edition is fine.
    const own = await request(`/editions/${other.slug}/sessions/${foreign.uuid}`, { cookie: editor });
    expect(own.status).toBe(200);
    expect(await own.text()).toContain("Ailleurs-zq7");
  });

  it("keeps the number of SQL queries of the page and of a save constant as the programme grows", async () => {
    const database = await db();
    const organisation = await createOrganisation(database, { name: "OuiShare" });
    const measure = async (n: number) => {
      const edition = await createEdition(database, { organisationIds: [organisation.id] });
      const room = await createRoom(database, { editionId: edition.id });
      const speakersOf: Awaited<ReturnType<typeof createSpeaker>>[] = [];
      for (let i = 0; i < n; i++) speakersOf.push(await createSpeaker(database, { editionId: edition.id, publicName: `Personne ${i}` }));
      for (let i = 0; i < n; i++) {
        await createSession(database, { editionId: edition.id, roomId: room.id, startsAt: localToEpoch("2016-03-09", "10:00", "Europe/Paris") + i * 3600_000, endsAt: localToEpoch("2016-03-09", "10:30", "Europe/Paris") + i * 3600_000, people: [{ speakerId: speakersOf[i]!.id }] });
      }
      const target = await createSession(database, { editionId: edition.id, people: speakersOf.slice(0, 2).map((s) => ({ speakerId: s.id })) });
      const path = `/editions/${edition.slug}/sessions/${target.uuid}`;
      const page = await queriesOf(async () => {
        const response = await request(`${path}?person=Personne`, { cookie: editor });
        expect(response.status).toBe(200);
        expect(await response.text()).toContain("Ajouter Personne");
      });
      const save = await queriesOf(async () =>
        expect((await request(path, { cookie: editor, form: formOf({ titleFr: "Nouveau", slug: target.slug, roomId: room.uuid, status: "scheduled", day: "2016-03-10", start: "09:00", end: "10:00", version: "1" }) })).status).toBe(302),
      );
      const people = await queriesOf(async () =>
        expect((await request(path, { cookie: editor, form: { intent: "movePerson", speakerId: speakersOf[0]!.uuid, direction: "down", version: "2" } })).status).toBe(302),
      );
      return { page, save, people };
    };
    const small = await measure(3);
    const large = await measure(40);
    expect(large).toEqual(small);
  });
});

describe("the people of a session", () => {
  it("finds speakers by name, adds, re-roles, reorders and removes them, each change audited and versioned", async () => {
    const database = await db();
    const a = await createSpeaker(database, { editionId: seed.id, publicName: "Zoé Recherche" });
    const b = await createSpeaker(database, { editionId: seed.id, publicName: "Yves Recherche" });
    const foreign = await createSpeaker(database, { editionId: (await createEdition(database)).id, publicName: "Xavier Recherche" });
    const session = await createSession(database, { editionId: seed.id, titleFr: "Avec des gens" });
    const path = `${BASE}/${session.uuid}`;
    const found = await (await request(`${path}?person=recherche`, { cookie: editor })).text();
    expect(found).toContain("Ajouter Zoé Recherche comme");
    expect(found).toContain("Ajouter Yves Recherche comme");
    expect(found).not.toContain("Xavier Recherche");

    const post = (form: Record<string, string>) => request(path, { cookie: editor, form });
    expect((await post({ intent: "addPerson", speakerId: a.uuid, role: "moderator", version: "1" })).status).toBe(302);
    expect((await post({ intent: "addPerson", speakerId: b.uuid, role: "expert", version: "2" })).status).toBe(302);
    // Another edition's speaker cannot be added.
    const refused = await post({ intent: "addPerson", speakerId: foreign.uuid, role: "expert", version: "3" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Ce choix n’existe pas dans cette édition.");
    // Adding someone twice is refused.
    expect((await post({ intent: "addPerson", speakerId: a.uuid, role: "expert", version: "3" })).status).toBe(400);
    expect((await post({ intent: "changeRole", speakerId: a.uuid, role: "speaker", version: "3" })).status).toBe(302);
    expect((await post({ intent: "movePerson", speakerId: b.uuid, direction: "up", version: "4" })).status).toBe(302);
    const people = async () =>
      (await getSession(database, { editionId: seed.id, sessionUuid: session.uuid }))!.people.map((p) => `${p.name}:${p.role}`);
    expect(await people()).toEqual(["Yves Recherche:expert", "Zoé Recherche:speaker"]);
    // A stale people change is refused and changes nothing.
    const stale = await post({ intent: "removePerson", speakerId: b.uuid, version: "2" });
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain("− Yves Recherche");
    expect(await people()).toEqual(["Yves Recherche:expert", "Zoé Recherche:speaker"]);
    expect((await post({ intent: "removePerson", speakerId: b.uuid, version: "5" })).status).toBe(302);
    expect(await people()).toEqual(["Zoé Recherche:speaker"]);
    expect((await sessionRow(session.uuid)).version).toBe(6);
    const entries = (await auditOf(session.uuid)).map((entry) => entry.after);
    expect(entries).toEqual([
      { people: ["Zoé Recherche (moderator)"] },
      { people: ["Zoé Recherche (moderator)", "Yves Recherche (expert)"] },
      { people: ["Zoé Recherche (speaker)", "Yves Recherche (expert)"] },
      { people: ["Yves Recherche (expert)", "Zoé Recherche (speaker)"] },
      { people: ["Zoé Recherche (speaker)"] },
    ]);
    // The page shows the history of those changes.
    const page = await (await request(path, { cookie: viewer })).text();
    expect(page).toContain("Yves Recherche (expert)");
  });
});

describe("cancelling and deleting", () => {
  it("cancels: the session stays with its people and history", async () => {
    const database = await db();
    const speaker = await createSpeaker(database, { editionId: seed.id });
    const session = await createSession(database, { editionId: seed.id, people: [{ speakerId: speaker.id }] });
    const response = await request(`${BASE}/${session.uuid}`, { cookie: editor, form: { intent: "cancel", version: "1", confirm: "yes" } });
    expect(response.status).toBe(302);
    const row = await sessionRow(session.uuid);
    expect(row).toMatchObject({ status: "cancelled", version: 2 });
    expect(await database.select().from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, session.id)).all()).toHaveLength(1);
    expect((await auditOf(session.uuid)).at(-1)).toMatchObject({ action: "update", before: { status: "accepted" }, after: { status: "cancelled" } });
    const page = await (await request(`${BASE}/${session.uuid}`, { cookie: editor })).text();
    expect(page).toContain("Cette session est annulée.");
    // A stale cancel is refused.
    const other = await createSession(database, { editionId: seed.id });
    await request(`${BASE}/${other.uuid}`, { cookie: editor, form: formOf({ slug: other.slug, version: "1", titleFr: "Changé" }) });
    expect((await request(`${BASE}/${other.uuid}`, { cookie: editor, form: { intent: "cancel", version: "1", confirm: "yes" } })).status).toBe(409);
    expect((await sessionRow(other.uuid)).status).toBe("draft");
  });

  it("deletes for admins only, and never a session that was ever published", async () => {
    const database = await db();
    const speaker = await createSpeaker(database, { editionId: seed.id });
    const session = await createSession(database, { editionId: seed.id, titleFr: "À supprimer", people: [{ speakerId: speaker.id }] });
    const asEditor = await request(`${BASE}/${session.uuid}`, { cookie: editor, form: { intent: "delete", version: "1", confirm: "yes" } });
    expect(asEditor.status).toBe(403);
    expect(await asEditor.text()).toContain("Seul·e un·e administrateur·rice peut supprimer une session.");
    expect(await sessionRow(session.uuid)).toBeDefined();
    const deleted = await request(`${BASE}/${session.uuid}`, { cookie: admin, form: { intent: "delete", version: "1", confirm: "yes" } });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("Location")).toBe(`${BASE}?done=sessions.deleted`);
    expect(await (await request(`${BASE}?done=sessions.deleted`, { cookie: admin })).text()).toContain("Session supprimée.");
    expect(await sessionRow(session.uuid)).toBeUndefined();
    expect(await database.select().from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, session.id)).all()).toHaveLength(0);
    const entry = (await auditOf(session.uuid)).at(-1)!;
    expect(entry).toMatchObject({ action: "delete", after: null });
    expect(entry.before).toMatchObject({ titleFr: "À supprimer", people: [`${speaker.publicName} (speaker)`] });

    // Once in a published snapshot, a session can be cancelled but not deleted.
    const published = await createSession(database, { editionId: seed.id, titleFr: "Publiée" });
    await database.insert(programmeVersions).values({ editionId: seed.id, number: 90, publishedAt: Date.now(), snapshot: JSON.stringify({ sessions: [{ id: published.uuid }] }) });
    const page = await (await request(`${BASE}/${published.uuid}`, { cookie: admin })).text();
    expect(page).not.toContain("Supprimer définitivement");
    const refused = await request(`${BASE}/${published.uuid}`, { cookie: admin, form: { intent: "delete", version: "1", confirm: "yes" } });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Cette session a déjà été publiée : elle ne peut pas être supprimée.");
    expect(await sessionRow(published.uuid)).toBeDefined();
    // Also when only its first published version is recorded.
    const marked = await createSession(database, { editionId: seed.id, firstPublishedVersion: 1 });
    expect((await request(`${BASE}/${marked.uuid}`, { cookie: admin, form: { intent: "delete", version: "1", confirm: "yes" } })).status).toBe(409);
    expect(await sessionRow(marked.uuid)).toBeDefined();
  });
});
