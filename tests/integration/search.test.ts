// Search boxes fold like people type (œ, ß, ﬁ, accents, case): the speakers list, the sessions
// list (titles and speakers' names), the board's tray; the search text is kept by the writes that
// change it (a rename reaches the speaker's sessions), filled once for rows that predate it, and the
// list pages keep a constant number of queries.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrateDatabase } from "~/db/client.server";
import { appMeta, organisations, sessions, speakers } from "~/db/schema";
import { createEdition, createSession, createSpeaker } from "../../seed/factories";
import { db, request, signIn, queryCounter } from "../helpers/app";

/** A valid speaker form (JavaScript off). */
function speakerForm(values: { publicName: string; organisation?: string; email: string; version?: string }): Record<string, string> {
  return {
    intent: "save",
    publicName: values.publicName,
    organisation: values.organisation ?? "",
    organisationKind: "collective",
    jobTitle: "",
    bioFr: "",
    bioEn: "",
    photoPath: "",
    languages: "fr",
    email: values.email,
    phone: "",
    preferredLocale: "fr",
    accessibilityNeeds: "",
    practicalNotes: "",
    internalNotes: "",
    ...(values.version ? { version: values.version } : {}),
  };
}

async function ownEdition() {
  const database = await db();
  const ouishare = (await database.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, "OuiShare")).get())!;
  return createEdition(database, { organisationIds: [ouishare.id] });
}

async function createThroughForm(cookie: string, slug: string, values: Parameters<typeof speakerForm>[0]) {
  const response = await request(`/editions/${slug}/speakers/new`, { cookie, form: speakerForm(values) });
  expect(response.status).toBe(302);
  return /speakers\/([0-9a-f-]{36})/.exec(response.headers.get("Location") ?? "")![1]!;
}

const speakerNames = (html: string) => [...html.matchAll(/data-testid="speaker-row">(?:<td class="bulk-tick-cell">.*?<\/td>)?<th scope="row"><a [^>]*>([^<]+)</g)].map((m) => m[1]);
const sessionCount = (html: string) => Number(/(\d+) session\(s\)/.exec(html)![1]);

describe("folded search", () => {
  it("speakers: Cœur, coeur and COEUR find Cœur de Lille; strasse finds Straße; the ﬁ ligature matches fi", async () => {
    const { cookie } = await signIn("editor", { organisation: "OuiShare" });
    const edition = await ownEdition();
    await createThroughForm(cookie, edition.slug, { publicName: "Jeanne Straße", organisation: "Cœur de Lille", email: "jeanne@example.org" });
    await createThroughForm(cookie, edition.slug, { publicName: "Agnès Ofﬁce", email: "agnes@example.org" });
    const list = async (q: string) =>
      speakerNames(await (await request(`/editions/${edition.slug}/speakers?q=${encodeURIComponent(q)}`, { cookie })).text());
    for (const q of ["Cœur", "coeur", "COEUR", "CŒUR de lille", "strasse", "STRASSE", "Straße", "jeanne  strasse"]) expect(await list(q), q).toEqual(["Jeanne Straße"]);
    for (const q of ["office", "Ofﬁce", "agnes"]) expect(await list(q), q).toEqual(["Agnès Ofﬁce"]);
    expect(await list("_")).toEqual([]);
  });

  it("sessions: found by title without accents and by their speakers' names; a rename of the speaker reaches them", async () => {
    const { cookie } = await signIn("editor", { organisation: "OuiShare" });
    const edition = await ownEdition();
    const speakerUuid = await createThroughForm(cookie, edition.slug, { publicName: "Jeanne Straße", email: "jeanne@example.org" });
    const session = await createSession(await db(), { editionId: edition.id, titleFr: "Atelier numérique" });
    const added = await request(`/editions/${edition.slug}/sessions/${session.uuid}`, { cookie, form: { intent: "addPerson", speakerId: speakerUuid, role: "speaker", version: "1" } });
    expect(added.status).toBe(302);
    const count = async (q: string) => sessionCount(await (await request(`/editions/${edition.slug}/sessions?q=${encodeURIComponent(q)}`, { cookie })).text());
    expect(await count("numerique")).toBe(1);
    expect(await count("ATELIER NUMÉRIQUE")).toBe(1);
    expect(await count("strasse")).toBe(1);
    expect(await count("atelier jeanne")).toBe(1);
    expect(await count("martin")).toBe(0);

    const renamed = await request(`/editions/${edition.slug}/speakers/${speakerUuid}`, {
      cookie,
      form: speakerForm({ publicName: "Jeanne Œuvre", email: "jeanne@example.org", version: "1" }),
    });
    expect(renamed.status).toBe(302);
    expect(await count("oeuvre")).toBe(1);
    expect(await count("strasse")).toBe(0);
    const row = (await (await db()).select({ searchText: sessions.searchText }).from(sessions).where(eq(sessions.id, session.id)).get())!;
    expect(row.searchText).toBe("atelier numerique jeanne oeuvre");
  });

  it("the board's tray folds the same way: a session by its speaker's name, without accents", async () => {
    const { cookie } = await signIn("editor", { organisation: "OuiShare" });
    const edition = await ownEdition();
    const database = await db();
    const speaker = await createSpeaker(database, { editionId: edition.id, publicName: "Jeanne Straße" });
    await createSession(database, { editionId: edition.id, titleFr: "Atelier numérique", people: [{ speakerId: speaker.id }] });
    await createSession(database, { editionId: edition.id, titleFr: "Table ronde" });
    const tray = async (q: string) => (await (await request(`/editions/${edition.slug}/board?day=${edition.startDate}&q=${encodeURIComponent(q)}`, { cookie })).text());
    for (const q of ["strasse", "NUMERIQUE", "jeanne atelier"]) {
      const html = await tray(q);
      expect(html, q).toContain("Atelier numérique");
      expect(html, q).not.toContain("Table ronde");
    }
  });

  it("rows written before the column existed are filled once, at the first migration run after it", async () => {
    const database = await db();
    const edition = await ownEdition();
    const speaker = await createSpeaker(database, { editionId: edition.id, publicName: "Ærøskøbing Łódź" });
    const session = await createSession(database, { editionId: edition.id, titleFr: "Œuvres", people: [{ speakerId: speaker.id }] });
    // As migration 0003 leaves them: empty, and not yet filled.
    await database.update(speakers).set({ searchText: "" }).where(eq(speakers.id, speaker.id));
    await database.update(sessions).set({ searchText: "" }).where(eq(sessions.id, session.id));
    await database.delete(appMeta).where(eq(appMeta.key, "search_text_filled_at"));
    await migrateDatabase(database);
    expect((await database.select({ t: speakers.searchText }).from(speakers).where(eq(speakers.id, speaker.id)).get())!.t).toBe(`aeroskobing lodz ${speaker.email}`);
    expect((await database.select({ t: sessions.searchText }).from(sessions).where(eq(sessions.id, session.id)).get())!.t).toBe("oeuvres aeroskobing lodz");
    // Once only: a later run leaves the rows alone.
    await database.update(sessions).set({ searchText: "" }).where(eq(sessions.id, session.id));
    await migrateDatabase(database);
    expect((await database.select({ t: sessions.searchText }).from(sessions).where(eq(sessions.id, session.id)).get())!.t).toBe("");
  });

  it("a folded search costs the same number of queries for 3 rows as for 90", async () => {
    const { cookie } = await signIn("editor", { organisation: "OuiShare" });
    const database = await db();
    const measure = async (n: number) => {
      const edition = await ownEdition();
      for (let i = 0; i < n; i++) {
        const speaker = await createSpeaker(database, { editionId: edition.id, publicName: `Jeanne Straße ${i}` });
        await createSession(database, { editionId: edition.id, titleFr: `Atelier ${i}`, people: [{ speakerId: speaker.id }] });
      }
      const counts: number[] = [];
      for (const path of [`/editions/${edition.slug}/speakers?q=STRASSE+jeanne`, `/editions/${edition.slug}/sessions?q=strasse+atelier`]) {
        const before = queryCounter.count;
        const response = await request(path, { cookie });
        expect(response.status).toBe(200);
        expect(await response.text()).toContain("Jeanne Straße 0");
        counts.push(queryCounter.count - before);
      }
      return counts;
    };
    expect(await measure(90)).toEqual(await measure(3));
  });
});
