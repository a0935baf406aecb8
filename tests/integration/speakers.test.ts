// Speakers through the real request handler: the list's search, filters, sort and pages,
// the form's validation per field, stale saves, audit entries, scoping by edition, and
// the number of SQL queries per page and action.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, availabilityWindows, organisations, sessionSpeakers, speakers, themes } from "~/db/schema";
import { getSpeakerState, listSpeakers } from "~/models/speakers.server";
import { parseSpeakerListQuery } from "~/schemas/speakers";
import { addAvailability, createSession, createSpeaker, createTheme } from "../../seed/factories";
import { NAMED_SPEAKERS, SAMPLE_SPEAKERS } from "../../seed/grand-barouf-2016";
import { db, organisationIdOf, ownEdition, request, SEED_EDITION, signIn, queryCounter } from "../helpers/app";

type Pairs = [string, string][];

const decode = (html: string) =>
  html.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

async function post(path: string, cookie: string, pairs: Pairs) {
  return request(path, {
    method: "POST",
    cookie,
    body: new URLSearchParams(pairs).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}

/** A valid speaker form, as a browser with JavaScript off posts it. */
function speakerForm(overrides: Record<string, string | string[]> = {}): Pairs {
  const base: Record<string, string | string[]> = {
    intent: "save",
    publicName: "Aïcha Benali",
    organisation: "Coopérative Test",
    organisationKind: "collective",
    jobTitle: "Chercheuse",
    bioFr: "Une bio.",
    bioEn: "",
    photoPath: "https://example.org/aicha.jpg",
    "links.0.label": "Site",
    "links.0.url": "https://example.org",
    "links.1.label": "",
    "links.1.url": "",
    languages: ["fr", "en"],
    email: "Aicha.Benali@Example.org",
    phone: "+33 6 12 34 56 78",
    preferredLocale: "fr",
    accessibilityNeeds: "Fauteuil roulant",
    practicalNotes: "",
    internalNotes: "Rencontrée en 2015",
    consentRecording: "on",
    "availability.0.date": "2016-03-09",
    "availability.0.start": "10:00",
    "availability.0.end": "12:30",
    "availability.1.date": "",
    "availability.1.start": "",
    "availability.1.end": "",
    ...overrides,
  };
  const pairs: Pairs = [];
  for (const [name, value] of Object.entries(base)) for (const one of Array.isArray(value) ? value : [value]) pairs.push([name, one]);
  return pairs;
}


async function countQueries(run: () => Promise<Response>) {
  const start = queryCounter.count;
  const response = await run();
  await response.text();
  return { count: queryCounter.count - start, status: response.status };
}

async function auditOf(uuid: string) {
  return (await db()).select().from(auditLog).where(and(eq(auditLog.entity, "speaker"), eq(auditLog.entityUuid, uuid))).orderBy(auditLog.id).all();
}

describe("the speaker list", () => {
  const list = (cookie: string, search = "") => request(`/editions/${SEED_EDITION}/speakers${search}`, { cookie });
  const names = (html: string) => [...html.matchAll(/data-testid="speaker-row">(?:<td class="bulk-tick-cell">.*?<\/td>)?<th scope="row"><a [^>]*>([^<]+)</g)].map((m) => m[1]);

  it("searches names, organisations and emails, accents and case aside", async () => {
    const { cookie } = await signIn("viewer");
    expect(names(await (await list(cookie, "?q=gregoire")).text())).toEqual(["Grégoire Kopp"]);
    expect(names(await (await list(cookie, "?q=ELISE")).text())).toEqual(["Élise Lambert"]);
    expect(names(await (await list(cookie, "?q=uber")).text())).toEqual(["Grégoire Kopp"]);
    expect(names(await (await list(cookie, "?q=claire.levrat%40example")).text())).toEqual(["Claire Levrat"]);
    // Every word must match; LIKE wildcards are plain characters.
    expect(names(await (await list(cookie, "?q=claire+metropole")).text())).toEqual(["Claire Levrat"]);
    expect(names(await (await list(cookie, "?q=%25")).text())).toEqual([]);
  });

  it("filters by organisation, confirmation, theme of their sessions, bio and photo", async () => {
    const { cookie } = await signIn("viewer");
    const database = await db();
    const mel = (await database.select({ uuid: organisations.uuid }).from(organisations).where(eq(organisations.name, "Métropole Européenne de Lille")).get())!;
    const byOrganisation = names(await (await list(cookie, `?organisation=${mel.uuid}&perPage=100`)).text());
    expect(byOrganisation).toEqual(expect.arrayContaining(["Damien Castelain", "Claire Levrat"]));
    const melSpeakers = await database.select({ n: speakers.id }).from(speakers).where(eq(speakers.organisationId, (await organisationIdOf("Métropole Européenne de Lille")))).all();
    expect(byOrganisation).toHaveLength(melSpeakers.length);

    // Seed bios: two sample speakers have none.
    const withoutBio = [...NAMED_SPEAKERS, ...SAMPLE_SPEAKERS].filter((s) => !s.bioFr && !s.bioEn).map((s) => s.publicName);
    expect(withoutBio.length).toBeGreaterThan(0);
    expect(names(await (await list(cookie, "?bio=no")).text()).sort()).toEqual(withoutBio.sort());
    expect(names(await (await list(cookie, "?bio=yes&perPage=100")).text())).toHaveLength(34 - withoutBio.length);

    // Declined: whoever declined at least one session, checked against the table.
    const declined = await database
      .selectDistinct({ name: speakers.publicName })
      .from(sessionSpeakers)
      .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
      .where(eq(sessionSpeakers.confirmation, "declined"))
      .all();
    expect(declined.length).toBeGreaterThan(0);
    expect(names(await (await list(cookie, "?confirmation=declined&perPage=100")).text()).sort()).toEqual(declined.map((r) => r.name).sort());

    const theme = (await database.select({ uuid: themes.uuid }).from(themes).where(eq(themes.slug, "citoyens")).get()) ??
      (await database.select({ uuid: themes.uuid }).from(themes).where(eq(themes.nameFr, "Citoyens acteurs publics")).get())!;
    const inTheme = names(await (await list(cookie, `?theme=${theme.uuid}&perPage=100`)).text());
    expect(inTheme.length).toBeGreaterThan(0);
    expect(inTheme.length).toBeLessThan(34);

    // No photo in the seed; nobody has one, everybody lacks one.
    expect(names(await (await list(cookie, "?photo=yes")).text())).toEqual([]);
    expect(await (await list(cookie, "?photo=no")).text()).toContain("34 intervenant·es trouvé·es");
  });

  it("sorts and pages through the URL, and ignores nonsense parameters", async () => {
    const { cookie } = await signIn("viewer");
    const first = names(await (await list(cookie, "?perPage=25")).text());
    const second = names(await (await list(cookie, "?perPage=25&page=2")).text());
    expect(first).toHaveLength(25);
    expect(second).toHaveLength(9);
    expect(new Set([...first, ...second]).size).toBe(34);
    // Accents sort with their letter: Élise comes among the E's, not after Z.
    const all = [...first, ...second];
    expect(all.indexOf("Élise Lambert")).toBeLessThan(all.indexOf("Farid Benali"));
    const desc = names(await (await list(cookie, "?sort=name&dir=desc&perPage=100")).text());
    expect(desc).toEqual([...all].reverse());
    const bySessions = names(await (await list(cookie, "?sort=sessions&dir=desc&perPage=100")).text());
    expect(bySessions).toHaveLength(34);
    const response = await list(cookie, "?sort=drop+table&page=-4&perPage=7&bio=maybe");
    expect(response.status).toBe(200);
    expect(names(await response.text())).toEqual(first);
  });

  it("runs the same number of SQL queries for 3 speakers and for 120 with sessions", async () => {
    const { cookie } = await signIn("editor");
    const database = await db();
    const small = await ownEdition();
    const large = await ownEdition();
    for (let i = 0; i < 3; i++) await createSpeaker(database, { editionId: small.id });
    const theme = await createTheme(database, { editionId: large.id });
    for (let i = 0; i < 120; i++) {
      const speaker = await createSpeaker(database, { editionId: large.id, bioFr: i % 2 ? null : "Bio" });
      if (i % 3 === 0) await createSession(database, { editionId: large.id, themeId: theme.id, people: [{ speakerId: speaker.id, confirmation: "confirmed" }] });
    }
    const search = "?q=e&bio=yes&sort=sessions&perPage=100";
    const few = await countQueries(() => request(`/editions/${small.slug}/speakers${search}`, { cookie }));
    const many = await countQueries(() => request(`/editions/${large.slug}/speakers${search}`, { cookie }));
    expect(few.status).toBe(200);
    expect(many.status).toBe(200);
    expect(many.count).toBe(few.count);
    // The guard and the shell take their share; the list itself is four queries.
    expect(many.count).toBeLessThanOrEqual(10);
    const modelQueries = queryCounter.count;
    const page = await listSpeakers(database, { editionId: large.id, query: parseSpeakerListQuery(new URLSearchParams(search)) });
    expect(queryCounter.count - modelQueries).toBe(2);
    expect(page.total).toBe(60);
    expect(page.rows.filter((row) => row.sessions === 1).every((row) => row.confirmations.confirmed === 1)).toBe(true);
  });
});

describe("creating a speaker", () => {
  it("stores every field, the availability in UTC, and an audit entry", async () => {
    const { cookie, organiser } = await signIn("editor");
    const edition = await ownEdition();
    const response = await post(`/editions/${edition.slug}/speakers/new`, cookie, speakerForm());
    expect(response.status).toBe(302);
    const uuid = /speakers\/([0-9a-f-]{36})\?done=speakers\.created$/.exec(response.headers.get("Location") ?? "")?.[1];
    expect(uuid).toBeDefined();
    const state = (await getSpeakerState(await db(), { editionId: edition.id, speakerUuid: uuid! }))!;
    expect(state).toMatchObject({
      publicName: "Aïcha Benali",
      organisation: "Coopérative Test",
      organisationKind: "collective",
      jobTitle: "Chercheuse",
      bioFr: "Une bio.",
      bioEn: null,
      photoPath: "https://example.org/aicha.jpg",
      links: [{ label: "Site", url: "https://example.org" }],
      languages: ["fr", "en"],
      email: "aicha.benali@example.org",
      phone: "+33 6 12 34 56 78",
      accessibilityNeeds: "Fauteuil roulant",
      practicalNotes: null,
      internalNotes: "Rencontrée en 2015",
      consentRecording: true,
      consentPhotos: false,
      consentPublishBio: false,
      version: 1,
    });
    expect(state.consentsUpdatedAt).not.toBeNull();
    // 10:00–12:30 in Paris in March 2016 is 09:00–11:30 UTC.
    expect(state.availability).toEqual([{ startsAt: Date.UTC(2016, 2, 9, 9, 0), endsAt: Date.UTC(2016, 2, 9, 11, 30) }]);
    const [entry, ...rest] = await auditOf(uuid!);
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({ action: "create", editionId: edition.id, organiserId: organiser.id, actorType: "organiser", before: null });
    expect(entry!.after).toMatchObject({
      publicName: "Aïcha Benali",
      organisation: "Coopérative Test",
      email: "aicha.benali@example.org",
      availability: ["2016-03-09T10:00:00+01:00/2016-03-09T12:30:00+01:00"],
    });
    // The new organisation is audited too.
    const created = await (await db()).select().from(auditLog).where(and(eq(auditLog.entity, "organisation"), eq(auditLog.action, "create"))).all();
    expect(created.some((row) => row.after?.name === "Coopérative Test")).toBe(true);
  });

  it("answers 400 with an error per field and keeps what was typed (JavaScript off)", async () => {
    const { cookie } = await signIn("editor");
    const edition = await ownEdition({ startDate: "2016-03-26", endDate: "2016-03-27" });
    const response = await post(
      `/editions/${edition.slug}/speakers/new`,
      cookie,
      speakerForm({
        publicName: "   ",
        email: "pas-une-adresse",
        phone: "appelez-moi",
        photoPath: "javascript:alert(1)",
        "links.0.url": "ftp://example.org",
        "links.1.label": "Sans adresse",
        languages: [],
        "availability.0.date": "2016-03-26",
        "availability.0.start": "14:00",
        "availability.0.end": "13:00",
        // 02:30 does not exist on 27 March 2016 in Paris (the clocks skip it).
        "availability.1.date": "2016-03-27",
        "availability.1.start": "02:30",
        "availability.1.end": "04:00",
        jobTitle: "x".repeat(201),
      }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    const errors = [
      "Ce champ est obligatoire.",
      "Adresse e-mail invalide.",
      "Numéro de téléphone invalide",
      "Indiquez une adresse https://… ou un chemin de fichier.",
      "L’adresse doit commencer par https:// ou http://.",
      "Indiquez l’adresse du lien.",
      "Cochez au moins une langue.",
      "La fin doit être après le début",
      "Cette heure n’existe pas ce jour-là",
      "Ce texte est trop long.",
    ];
    for (const error of errors) expect(html).toContain(error);
    expect(html).toContain("Le formulaire contient 10 erreur(s)");
    // Typed values are kept, escaped.
    expect(html).toContain('value="pas-une-adresse"');
    expect(html).toContain('value="appelez-moi"');
    expect(html).toContain('value="Sans adresse"');
    expect(html).toContain('value="javascript:alert(1)"');
    // The first invalid field has the focus and says so.
    expect(html).toMatch(/<input[^>]*aria-invalid="true"[^>]*name="publicName"|<input[^>]*name="publicName"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/name="publicName"[^>]*autofocus|autofocus[^>]*name="publicName"/i);
    expect(await (await db()).select().from(speakers).where(eq(speakers.editionId, edition.id)).all()).toHaveLength(0);
  });

  it("refuses an email another speaker of the edition has, on the email field", async () => {
    const { cookie } = await signIn("editor");
    const edition = await ownEdition();
    await createSpeaker(await db(), { editionId: edition.id, email: "taken@example.org" });
    const response = await post(`/editions/${edition.slug}/speakers/new`, cookie, speakerForm({ email: "TAKEN@example.org" }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("a déjà cette adresse e-mail");
    // Another edition may have the same person.
    const other = await ownEdition();
    expect((await post(`/editions/${other.slug}/speakers/new`, cookie, speakerForm({ email: "taken@example.org" }))).status).toBe(302);
  });

  it("refuses overlapping availability windows", async () => {
    const { cookie } = await signIn("editor");
    const edition = await ownEdition();
    const response = await post(
      `/editions/${edition.slug}/speakers/new`,
      cookie,
      speakerForm({ "availability.1.date": "2016-03-09", "availability.1.start": "12:00", "availability.1.end": "00:00" }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Ce créneau chevauche une autre disponibilité.");
    // Touching windows and "00:00" as midnight are fine.
    const ok = await post(
      `/editions/${edition.slug}/speakers/new`,
      cookie,
      speakerForm({ "availability.1.date": "2016-03-09", "availability.1.start": "12:30", "availability.1.end": "00:00" }),
    );
    expect(ok.status).toBe(302);
  });
});

describe("editing a speaker", () => {
  async function setup() {
    const signedIn = await signIn("editor");
    const edition = await ownEdition();
    const created = await post(`/editions/${edition.slug}/speakers/new`, signedIn.cookie, speakerForm());
    const uuid = /speakers\/([0-9a-f-]{36})/.exec(created.headers.get("Location")!)![1]!;
    return { ...signedIn, edition, uuid, path: `/editions/${edition.slug}/speakers/${uuid}` };
  }

  it("shows the form with the stored values in local time, and saves only what changed, audited", async () => {
    const { cookie, edition, uuid, path } = await setup();
    const page = await request(path, { cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('value="Aïcha Benali"');
    expect(html).toContain('value="10:00"');
    expect(html).toContain('value="12:30"');
    expect(html).toContain("Rencontrée en 2015");

    const saved = await post(path, cookie, speakerForm({ version: "1", jobTitle: "Directrice de recherche", "availability.0.end": "13:00" }));
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`${path}?done=speakers.saved`);
    const state = (await getSpeakerState(await db(), { editionId: edition.id, speakerUuid: uuid }))!;
    expect(state.version).toBe(2);
    expect(state.jobTitle).toBe("Directrice de recherche");
    expect(state.availability).toEqual([{ startsAt: Date.UTC(2016, 2, 9, 9), endsAt: Date.UTC(2016, 2, 9, 12) }]);
    const entries = await auditOf(uuid);
    expect(entries.map((e) => e.action)).toEqual(["create", "update"]);
    expect(entries[1]!.before).toEqual({ jobTitle: "Chercheuse", availability: ["2016-03-09T10:00:00+01:00/2016-03-09T12:30:00+01:00"] });
    expect(entries[1]!.after).toEqual({ jobTitle: "Directrice de recherche", availability: ["2016-03-09T10:00:00+01:00/2016-03-09T13:00:00+01:00"] });

    // Saving the same values again changes nothing: no new version, no audit entry.
    const again = await post(path, cookie, speakerForm({ version: "2", jobTitle: "Directrice de recherche", "availability.0.end": "13:00" }));
    expect(again.headers.get("Location")).toBe(`${path}?done=speakers.unchanged`);
    expect((await getSpeakerState(await db(), { editionId: edition.id, speakerUuid: uuid }))!.version).toBe(2);
    expect(await auditOf(uuid)).toHaveLength(2);

    // The page shows the history.
    const after = await (await request(path, { cookie })).text();
    expect(after.match(/class="history-entry"/g)).toHaveLength(2);
    expect(after).toContain("Directrice de recherche");
  });

  it("refuses a stale save with what the other person changed, then re-applies on top", async () => {
    const { cookie, edition, uuid, path } = await setup();
    const other = await signIn("editor");
    // The other organiser saves first (read at version 1).
    expect((await post(path, other.cookie, speakerForm({ version: "1", jobTitle: "Leur fonction" }))).status).toBe(302);
    // Ours, read at version 1 too, is refused: nothing is overwritten.
    const mine = speakerForm({ version: "1", bioFr: "Ma nouvelle bio." });
    const refused = await post(path, cookie, mine);
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(html).toContain('data-testid="stale-notice"');
    expect(html).toContain(other.organiser.name);
    expect(html).toMatch(/data-field="jobTitle"[\s\S]*?Leur fonction[\s\S]*?Chercheuse/);
    expect(html).toMatch(/data-field="bioFr"[\s\S]*?Une bio\.[\s\S]*?Ma nouvelle bio\./);
    // The re-apply form carries the current version, our change, and their value where we changed nothing.
    const notice = html.slice(html.indexOf('data-testid="stale-notice"'), html.indexOf("</section>", html.indexOf('data-testid="stale-notice"')));
    const hidden: Pairs = [...notice.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)].map((m) => [m[1]!, decode(m[2]!)]);
    const field = (name: string) => hidden.filter(([n]) => n === name).map(([, v]) => v);
    expect(field("version")).toEqual(["2"]);
    expect(field("bioFr")).toEqual(["Ma nouvelle bio."]);
    expect(field("jobTitle")).toEqual(["Leur fonction"]);
    expect(field("languages")).toEqual(["fr", "en"]);
    expect(field("intent")).toEqual(["save"]);
    let state = (await getSpeakerState(await db(), { editionId: edition.id, speakerUuid: uuid }))!;
    expect(state).toMatchObject({ version: 2, jobTitle: "Leur fonction", bioFr: "Une bio." });

    // Saving the old version again is refused again; re-applying (version 2) keeps both changes.
    expect((await post(path, cookie, mine)).status).toBe(409);
    const reapplied = await post(path, cookie, hidden);
    expect(reapplied.status).toBe(302);
    state = (await getSpeakerState(await db(), { editionId: edition.id, speakerUuid: uuid }))!;
    expect(state).toMatchObject({ version: 3, bioFr: "Ma nouvelle bio.", jobTitle: "Leur fonction", email: "aicha.benali@example.org" });
    const entries = await auditOf(uuid);
    expect(entries.map((e) => e.action)).toEqual(["create", "update", "update"]);
    expect(entries[2]!.after).toEqual({ bioFr: "Ma nouvelle bio." });
  });

  it("sets a session's confirmation by hand, audited on the speaker, refusing a stale one", async () => {
    const { cookie, edition, uuid, path } = await setup();
    const database = await db();
    const state = (await getSpeakerState(database, { editionId: edition.id, speakerUuid: uuid }))!;
    const session = await createSession(database, { editionId: edition.id, titleFr: "Table ronde", people: [{ speakerId: state.id, role: "moderator" }] });
    const page = await (await request(path, { cookie })).text();
    expect(page).toContain("Table ronde");
    expect(page).toContain("Modérateur·rice");
    const set = await post(path, cookie, [["intent", "confirmation"], ["session", session.uuid], ["confirmation", "confirmed"], ["version", "1"]]);
    expect(set.status).toBe(302);
    const link = await database.select().from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, session.id)).get();
    expect(link).toMatchObject({ confirmation: "confirmed", version: 2 });
    expect(link!.confirmationChangedAt).not.toBeNull();
    const entry = (await auditOf(uuid)).at(-1)!;
    expect(entry).toMatchObject({ action: "confirmation", before: { confirmation: "pending" }, after: { confirmation: "confirmed", session: "Table ronde" } });
    // The history on the page shows it.
    expect(await (await request(path, { cookie })).text()).toMatch(/confirmation changée par un·e organisateur·rice[\s\S]*Table ronde/);
    // Someone else's form, read at version 1, is refused and told the state now.
    const stale = await post(path, cookie, [["intent", "confirmation"], ["session", session.uuid], ["confirmation", "declined"], ["version", "1"]]);
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("elle est maintenant « Confirmée »");
    expect((await database.select().from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, session.id)).get())!.confirmation).toBe("confirmed");
  });

  it("refuses to delete a speaker on a session, with a clear message, and deletes one on none", async () => {
    const { cookie, edition, uuid, path } = await setup();
    const database = await db();
    const state = (await getSpeakerState(database, { editionId: edition.id, speakerUuid: uuid }))!;
    const session = await createSession(database, { editionId: edition.id, status: "cancelled", people: [{ speakerId: state.id }] });
    const refused = await post(path, cookie, [["intent", "delete"], ["version", "1"], ["confirm", "yes"]]);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("cette personne intervient dans 1 session(s)");
    expect(await database.select().from(speakers).where(eq(speakers.uuid, uuid)).get()).toBeDefined();

    await database.delete(sessionSpeakers).where(eq(sessionSpeakers.sessionId, session.id));
    const deleted = await post(path, cookie, [["intent", "delete"], ["version", "1"], ["confirm", "yes"]]);
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("Location")).toBe(`/editions/${edition.slug}/speakers?done=speakers.deleted`);
    expect(await database.select().from(speakers).where(eq(speakers.uuid, uuid)).get()).toBeUndefined();
    expect(await database.select().from(availabilityWindows).where(eq(availabilityWindows.speakerId, state.id)).all()).toHaveLength(0);
    const entry = (await auditOf(uuid)).at(-1)!;
    expect(entry.action).toBe("delete");
    // The deletion says what went, never a private value (the data map).
    expect(entry.before).toMatchObject({ publicName: "Aïcha Benali", email: { withheld: "before" }, accessibilityNeeds: { withheld: "before" } });
    expect((await request(path, { cookie })).status).toBe(404);
  });

  it("lets a viewer read the page but not change it", async () => {
    const { path } = await setup();
    const viewer = await signIn("viewer");
    const page = await request(path, { cookie: viewer.cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("seul·es les éditeur·rices la modifient");
    expect(html).not.toContain('value="delete"');
    expect((await post(path, viewer.cookie, speakerForm({ version: "1" }))).status).toBe(403);
    expect((await request(path.replace(/[^/]+$/, "new"), { cookie: viewer.cookie })).status).toBe(403);
  });

  it("loads the page and saves in a constant number of queries, whatever the sessions, windows and history", async () => {
    const { cookie, edition, uuid, path } = await setup();
    const database = await db();
    const plain = await createSpeaker(database, { editionId: edition.id });
    const busy = (await getSpeakerState(database, { editionId: edition.id, speakerUuid: uuid }))!;
    for (let i = 0; i < 15; i++) {
      await createSession(database, { editionId: edition.id, people: [{ speakerId: busy.id }] });
      await addAvailability(database, { speakerId: busy.id, startsAt: Date.UTC(2016, 2, 10, i), endsAt: Date.UTC(2016, 2, 10, i, 30) });
    }
    const few = await countQueries(() => request(`/editions/${edition.slug}/speakers/${plain.uuid}`, { cookie }));
    const many = await countQueries(() => request(path, { cookie }));
    expect(few.status).toBe(200);
    expect(many.status).toBe(200);
    expect(many.count).toBe(few.count);

    const current = (await getSpeakerState(database, { editionId: edition.id, speakerUuid: uuid }))!;
    const rows: Record<string, string> = {};
    for (let i = 0; i < 12; i++) {
      rows[`availability.${i}.date`] = "2016-03-10";
      rows[`availability.${i}.start`] = `${String(8 + i).padStart(2, "0")}:00`;
      rows[`availability.${i}.end`] = `${String(8 + i).padStart(2, "0")}:30`;
    }
    const saveFew = await countQueries(() => post(path, cookie, speakerForm({ version: String(current.version), jobTitle: "A" })));
    const saveMany = await countQueries(() => post(path, cookie, speakerForm({ version: String(current.version + 1), jobTitle: "B", ...rows })));
    expect(saveFew.status).toBe(302);
    expect(saveMany.status).toBe(302);
    expect(saveMany.count).toBe(saveFew.count);
  });
});

describe("scoping by edition", () => {
  it("answers 404 for a speaker of another edition, on every page and action, and changes nothing", async () => {
    const { cookie } = await signIn("editor");
    const database = await db();
    const mine = await ownEdition();
    const theirs = await ownEdition();
    const stranger = await createSpeaker(database, { editionId: theirs.id, publicName: "Autre édition" });
    const session = await createSession(database, { editionId: theirs.id, people: [{ speakerId: stranger.id }] });
    const path = `/editions/${mine.slug}/speakers/${stranger.uuid}`;
    expect((await request(path, { cookie })).status).toBe(404);
    expect((await post(path, cookie, speakerForm({ version: "1" }))).status).toBe(404);
    expect((await post(path, cookie, [["intent", "delete"], ["version", "1"], ["confirm", "yes"]])).status).toBe(404);
    expect((await post(path, cookie, [["intent", "confirmation"], ["session", session.uuid], ["confirmation", "confirmed"], ["version", "1"]])).status).toBe(404);
    // A session of another edition, through one of ours.
    const own = await createSpeaker(database, { editionId: mine.id });
    expect(
      (await post(`/editions/${mine.slug}/speakers/${own.uuid}`, cookie, [["intent", "confirmation"], ["session", session.uuid], ["confirmation", "confirmed"], ["version", "1"]])).status,
    ).toBe(404);
    expect(await database.select().from(speakers).where(eq(speakers.id, stranger.id)).get()).toMatchObject({ publicName: "Autre édition", version: 1 });
    expect((await database.select().from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, session.id)).get())!.confirmation).toBe("pending");
    expect(await getSpeakerState(database, { editionId: mine.id, speakerUuid: stranger.uuid })).toBeNull();
    // And the list of one edition never shows another's speakers.
    const listed = await (await request(`/editions/${mine.slug}/speakers?q=autre`, { cookie })).text();
    expect(listed).not.toContain("Autre édition");
  });

  it("answers 404 to an organiser of an organisation that does not run the edition", async () => {
    const { cookie } = await signIn("editor", { organisation: "Uber" });
    const speaker = (await (await db()).select({ uuid: speakers.uuid }).from(speakers).where(eq(speakers.publicName, "Grégoire Kopp")).get())!;
    expect((await request(`/editions/${SEED_EDITION}/speakers`, { cookie })).status).toBe(404);
    expect((await request(`/editions/${SEED_EDITION}/speakers/${speaker.uuid}`, { cookie })).status).toBe(404);
    expect((await post(`/editions/${SEED_EDITION}/speakers/${speaker.uuid}`, cookie, speakerForm({ version: "1" }))).status).toBe(404);
  });
});
