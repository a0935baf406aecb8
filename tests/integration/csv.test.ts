import { parse } from "csv-parse/sync";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, editions, organisations, sessions, sessionSpeakers, speakers } from "~/db/schema";
import { IMPORT_FIELDS } from "~/schemas/csv-import";
import { createEdition, createSpeaker } from "../../seed/factories";
import { db, request, SEED_EDITION, signIn, queryCounter } from "../helpers/app";

const IMPORT = `/editions/${SEED_EDITION}/speakers/import`;
const SESSIONS_IMPORT = `/editions/${SEED_EDITION}/sessions/import`;
const SPEAKER_HEADERS = ["Nom", "E-mail", "Organisation", "Fonction", "Langues", "Accord photos"];
// The columns the mapping guesses from those headers.
const SPEAKER_MAPPING = { map_publicName: "0", map_email: "1", map_organisation: "2", map_jobTitle: "3", map_languages: "4", map_consentPhotos: "5" };

function csvLine(cells: string[], delimiter = ";") {
  return cells.map((cell) => (/[";,\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter);
}

/** n speakers in French-Excel style (semicolons); `broken` rows get an invalid email or no name. */
function speakersFile(n: number, { tag, broken = new Set<number>() }: { tag: string; broken?: Set<number> }) {
  const lines = [csvLine(SPEAKER_HEADERS)];
  for (let i = 1; i <= n; i++) {
    const bad = broken.has(i);
    lines.push(
      csvLine([
        bad && i % 2 === 0 ? "" : `Personne ${tag} ${i}`,
        bad && i % 2 === 1 ? `pas-un-email-${i}` : `personne.${tag}.${i}@example.org`,
        `Organisation ${tag} ${i % 10}`,
        i % 3 === 0 ? "Élue; adjointe" : "Chercheuse",
        "fr, en",
        i % 2 === 0 ? "oui" : "non",
      ]),
    );
  }
  return lines.join("\r\n") + "\r\n";
}

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

async function upload(cookie: string, text: string, url = IMPORT, name = "intervenants.csv") {
  const body = new FormData();
  body.set("intent", "upload");
  body.set("file", new File([text], name, { type: "text/csv" }));
  return request(url, { method: "POST", cookie, body });
}

function step(cookie: string, intent: "map" | "preview" | "apply", text: string, mapping: Record<string, string>, url = IMPORT) {
  return request(url, { cookie, form: { intent, fileName: "intervenants.csv", content: b64(text), ...mapping } });
}

async function speakerCount(editionId: number) {
  const database = await db();
  return (await database.select({ n: count() }).from(speakers).where(eq(speakers.editionId, editionId)).get())!.n;
}

async function seedEdition() {
  const database = await db();
  return (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
}

/** Follows the import job's page until it is done (polls the app itself, as the browser does). */
async function finish(cookie: string, location: string) {
  for (let i = 0; i < 400; i++) {
    const html = await (await request(location, { cookie })).text();
    const state = /data-state="(\w+)"/.exec(html)?.[1];
    if (state && state !== "running") return { state, html };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("The import did not finish");
}

/** Waits for the import's own audit entry, read without drizzle so it does not count as the app's queries. */
async function waitForImportEntry(editionId: number, before: number) {
  const database = await db();
  for (let i = 0; i < 400; i++) {
    const result = await database.$client.execute({
      sql: "select count(*) as n from audit_log where edition_id = ? and action = 'import' and entity_uuid is null",
      args: [editionId],
    });
    if (Number(result.rows[0]!.n) > before) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("The import did not finish");
}

describe("CSV import of speakers", () => {
  it("reads an upload, guesses the columns from French headers, and keeps the file for the next step", async () => {
    const { cookie } = await signIn("editor");
    const text = speakersFile(3, { tag: "map" });
    const response = await upload(cookie, text);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("intervenants.csv : 3 ligne(s)");
    // Guessed: "Nom" feeds the public name, "Accord photos" the photo consent.
    expect(html).toMatch(/<select[^>]*name="map_publicName"[^>]*>.*?<option value="0" selected="">Nom<\/option>/s);
    expect(html).toMatch(/<select[^>]*name="map_consentPhotos"[^>]*>.*?<option value="5" selected="">Accord photos<\/option>/s);
    expect(html).toContain(`value="${b64(text)}"`);
  });

  it("refuses a missing file, an unreadable file, and a mapping without the name, keeping the file", async () => {
    const { cookie } = await signIn("editor");
    const empty = new FormData();
    empty.set("intent", "upload");
    const noFile = await request(IMPORT, { method: "POST", cookie, body: empty });
    expect(noFile.status).toBe(400);
    expect(await noFile.text()).toContain("Choisissez un fichier CSV.");
    const unreadable = await upload(cookie, 'Nom;E-mail\r\n"Anne;anne@example.org\r\n');
    expect(unreadable.status).toBe(400);
    expect(await unreadable.text()).toContain("pas un CSV lisible");
    const text = speakersFile(2, { tag: "nomap" });
    const { map_publicName: _name, ...withoutName } = SPEAKER_MAPPING;
    const unmapped = await step(cookie, "preview", text, { ...withoutName, map_publicName: "" });
    expect(unmapped.status).toBe(400);
    const html = await unmapped.text();
    expect(html).toContain("Ce champ doit venir d’une colonne.");
    expect(html).toMatch(/<select[^>]*aria-invalid="true"[^>]*name="map_publicName"/);
    expect(html).toContain(`value="${b64(text)}"`);
    // Two fields from one column.
    const twice = await step(cookie, "preview", text, { ...SPEAKER_MAPPING, map_jobTitle: "0" });
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain("Cette colonne alimente déjà un autre champ.");
  });

  it("refuses a 2,000-row file with errors in some rows and writes nothing", async () => {
    const edition = await seedEdition();
    const { cookie } = await signIn("editor");
    const broken = new Set([7, 250, 251, 1999]);
    const text = speakersFile(2000, { tag: "err", broken });
    const before = await speakerCount(edition.id);
    const database = await db();
    const auditBefore = (await database.select({ n: count() }).from(auditLog).get())!.n;

    const preview = await step(cookie, "preview", text, SPEAKER_MAPPING);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain("2000 ligne(s) lue(s) : 1996 à importer, 0 doublon(s) ignoré(s), 4 erreur(s) sur 4 ligne(s).");
    // Rows count as a spreadsheet does: data row 7 is line 8.
    expect(html).toMatch(/<td>8<\/td><td>E-mail<\/td><td>Adresse e-mail invalide\.<\/td><td>pas-un-email-7<\/td>/);
    expect(html).toMatch(/<td>251<\/td><td>Nom public<\/td><td>Ce champ est obligatoire\.<\/td>/);
    expect(html).not.toContain('name="intent" value="apply"');

    const apply = await step(cookie, "apply", text, SPEAKER_MAPPING);
    expect(apply.status).toBe(400);
    expect(await apply.text()).toContain("Import refusé");
    expect(await speakerCount(edition.id)).toBe(before);
    expect((await database.select({ n: count() }).from(auditLog).get())!.n).toBe(auditBefore);
    const created = await database.select({ n: count() }).from(organisations).where(eq(organisations.name, "Organisation err 1")).get();
    expect(created!.n).toBe(0);
  });

  it("applies a clean 2,000-row file in one go, with progress, audit entries, and queries by chunk not by row", async () => {
    const edition = await seedEdition();
    const { cookie, organiser } = await signIn("editor");
    const database = await db();
    const before = await speakerCount(edition.id);

    const measure = async (n: number, tag: string) => {
      const text = speakersFile(n, { tag });
      const imports = Number((await database.$client.execute({ sql: "select count(*) as n from audit_log where edition_id = ? and action = 'import' and entity_uuid is null", args: [edition.id] })).rows[0]!.n);
      const start = queryCounter.count;
      const apply = await step(cookie, "apply", text, SPEAKER_MAPPING);
      expect(apply.status).toBe(302);
      await waitForImportEntry(edition.id, imports);
      return { queries: queryCounter.count - start, location: apply.headers.get("Location")! };
    };
    const small = await measure(500, "small");
    const large = await measure(2000, "clean");
    // 250 rows a chunk, two statements each (speakers, their audit entries): 6 more chunks;
    // the ten organisations are created in one statement either way.
    expect(large.queries - small.queries).toBe(12);
    expect(large.queries).toBeLessThan(40);
    expect(await speakerCount(edition.id)).toBe(before + 2500);

    expect(large.location).toMatch(new RegExp(`^/editions/${SEED_EDITION}/speakers/import\\?job=[0-9a-f-]{36}$`));
    const done = await finish(cookie, large.location);
    expect(done.state).toBe("done");
    expect(done.html).toContain("Import terminé : 2000 ligne(s) créée(s), 0 doublon(s) ignoré(s).");
    expect(done.html).toMatch(/<progress[^>]*max="2000"[^>]*value="2000"/);

    const imported = await database.select().from(speakers).where(eq(speakers.email, "personne.clean.1200@example.org")).get();
    expect(imported).toMatchObject({ editionId: edition.id, publicName: "Personne clean 1200", jobTitle: "Élue; adjointe", languages: ["fr", "en"], consentPhotos: true });
    const organisation = await database.select().from(organisations).where(eq(organisations.id, imported!.organisationId!)).get();
    expect(organisation!.name).toBe("Organisation clean 0");
    // Each speaker's history starts with the import; one entry records the import itself.
    const history = await database.select().from(auditLog).where(eq(auditLog.entityUuid, imported!.uuid)).all();
    expect(history).toMatchObject([{ action: "import", organiserId: organiser.id, entity: "speaker" }]);
    const summary = await database
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.editionId, edition.id), eq(auditLog.action, "import"), eq(auditLog.organiserId, organiser.id)))
      .all();
    expect(summary.filter((entry) => entry.entityUuid === null).map((entry) => entry.after)).toEqual([
      { file: "intervenants.csv", kind: "speakers", count: 500, created: 500, skipped: 0 },
      { file: "intervenants.csv", kind: "speakers", count: 2000, created: 2000, skipped: 0 },
    ]);
  });

  it("keeps serving other requests while a large import runs", async () => {
    const edition = await seedEdition();
    const { cookie } = await signIn("editor");
    const text = speakersFile(4000, { tag: "busy" });
    const apply = await step(cookie, "apply", text, SPEAKER_MAPPING);
    expect(apply.status).toBe(302);
    const location = apply.headers.get("Location")!;
    // The dashboard answers while the import is still writing.
    const dashboard = await request(`/editions/${SEED_EDITION}`, { cookie });
    expect(dashboard.status).toBe(200);
    const progress = await (await request(location, { cookie })).text();
    expect(progress).toMatch(/data-state="running"/);
    const done = await finish(cookie, location);
    expect(done.state).toBe("done");
    expect(await speakerCount(edition.id)).toBeGreaterThanOrEqual(4000);
  });

  it("detects duplicates by email against the edition and within the file", async () => {
    const edition = await seedEdition();
    const database = await db();
    await createSpeaker(database, { editionId: edition.id, email: "deja.la@example.org", publicName: "Déjà là" });
    const { cookie } = await signIn("editor");
    const lines = [
      csvLine(SPEAKER_HEADERS),
      csvLine(["Nouvelle", "nouvelle@example.org", "", "", "fr", "non"]),
      csvLine(["Déjà là (bis)", "DEJA.LA@example.org", "", "", "fr", "non"]),
      csvLine(["Nouvelle encore", "Nouvelle@Example.org", "", "", "fr", "non"]),
    ];
    const withInFile = lines.join("\n");
    const preview = await (await step(cookie, "preview", withInFile, SPEAKER_MAPPING)).text();
    expect(preview).toContain("3 ligne(s) lue(s) : 1 à importer, 1 doublon(s) ignoré(s), 1 erreur(s) sur 1 ligne(s).");
    expect(preview).toMatch(/<td>4<\/td><td>E-mail<\/td><td>Doublon d’une ligne précédente du fichier\.<\/td><td>nouvelle@example\.org \(2\)<\/td>/);
    expect(preview).toMatch(/data-testid="csv-duplicate"><td>3<\/td><td>deja\.la@example\.org<\/td>/);

    const before = await speakerCount(edition.id);
    const clean = lines.slice(0, 3).join("\n");
    const apply = await step(cookie, "apply", clean, SPEAKER_MAPPING);
    expect(apply.status).toBe(302);
    const done = await finish(cookie, apply.headers.get("Location")!);
    expect(done.html).toContain("Import terminé : 1 ligne(s) créée(s), 1 doublon(s) ignoré(s).");
    expect(await speakerCount(edition.id)).toBe(before + 1);
    const same = await database.select({ n: count() }).from(speakers).where(and(eq(speakers.editionId, edition.id), eq(speakers.email, "deja.la@example.org"))).get();
    expect(same!.n).toBe(1);
  });

  it("is for editors: a viewer may not open it, and another edition's job is not found", async () => {
    const { cookie: viewer } = await signIn("viewer");
    expect((await request(IMPORT, { cookie: viewer })).status).toBe(403);
    const { cookie, organiser } = await signIn("editor");
    const database = await db();
    const ouishare = await database.select().from(organisations).where(eq(organisations.name, "OuiShare")).get();
    const other = await createEdition(database, { organisationIds: [ouishare!.id] });
    const apply = await step(cookie, "apply", speakersFile(2, { tag: "scope" }), SPEAKER_MAPPING);
    const location = apply.headers.get("Location")!;
    await finish(cookie, location);
    const jobId = new URL(location, "http://x").searchParams.get("job");
    expect((await request(`/editions/${other.slug}/speakers/import?job=${jobId}`, { cookie })).status).toBe(404);
    expect(organiser.id).toBeGreaterThan(0);
  });
});

describe("CSV import of sessions with their people", () => {
  it("resolves formats, themes and people by email, refuses unknown ones, then applies", async () => {
    const edition = await seedEdition();
    const { cookie } = await signIn("editor");
    const database = await db();
    const headers = ["Titre", "Résumé", "Format", "Thème", "Intervenant·es", "Public attendu"];
    const good = [
      csvLine(["Le travail à l’heure des plateformes", "Un débat.", "Fishbowl", "Travailleurs émancipés", "jennifer.leblond@example.org (modératrice); gregoire.kopp@example.org (expert)", "80"], ","),
      csvLine(["Données ouvertes en pratique", "", "atelier", "citoyens", "claire.levrat@example.org (animatrice)", ""], ","),
    ];
    const bad = [
      csvLine(["Format inconnu", "", "Conférence gesticulée", "", "", ""], ","),
      csvLine(["Personne inconnue", "", "Keynote", "", "personne@nulle-part.org", ""], ","),
      csvLine(["", "", "Keynote", "", "", ""], ","),
    ];
    const mapping = { map_titleFr: "0", map_abstractFr: "1", map_format: "2", map_theme: "3", map_people: "4", map_expectedAudience: "5" };
    const uploaded = await (await upload(cookie, [csvLine(headers, ","), ...good].join("\n"), SESSIONS_IMPORT, "sessions.csv")).text();
    for (const [field, column] of Object.entries(mapping)) {
      expect(uploaded).toMatch(new RegExp(`<select[^>]*name="${field}"[^>]*>.*?<option value="${column}" selected=""`, "s"));
    }
    const withErrors = [csvLine(headers, ","), ...good, ...bad].join("\n");
    const refused = await step(cookie, "apply", withErrors, mapping, SESSIONS_IMPORT);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Format inconnu dans cette édition.");
    expect(html).toContain("Aucun·e intervenant·e de l’édition n’a cet e-mail.");
    expect(html).toContain("Un titre (fr ou en) est obligatoire.");

    const before = (await database.select({ n: count() }).from(sessions).where(eq(sessions.editionId, edition.id)).get())!.n;
    const apply = await step(cookie, "apply", [csvLine(headers, ","), ...good].join("\n"), mapping, SESSIONS_IMPORT);
    expect(apply.status).toBe(302);
    const done = await finish(cookie, apply.headers.get("Location")!);
    expect(done.html).toContain("Import terminé : 2 ligne(s) créée(s)");
    expect((await database.select({ n: count() }).from(sessions).where(eq(sessions.editionId, edition.id)).get())!.n).toBe(before + 2);
    const session = await database.select().from(sessions).where(and(eq(sessions.editionId, edition.id), eq(sessions.slug, "le-travail-a-l-heure-des-plateformes"))).get();
    expect(session).toMatchObject({ titleFr: "Le travail à l’heure des plateformes", status: "draft", expectedAudience: 80, roomId: null });
    const people = await database
      .select({ role: sessionSpeakers.role, email: speakers.email, position: sessionSpeakers.position })
      .from(sessionSpeakers)
      .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
      .where(eq(sessionSpeakers.sessionId, session!.id))
      .orderBy(sessionSpeakers.position)
      .all();
    expect(people).toEqual([
      { role: "moderator", email: "jennifer.leblond@example.org", position: 0 },
      { role: "expert", email: "gregoire.kopp@example.org", position: 1 },
    ]);
    // Importing the same file again: generated identifiers differ, nothing is lost; an explicit one is a duplicate.
    const again = await step(cookie, "preview", [csvLine(["slug", ...headers], ","), csvLine(["le-travail-a-l-heure-des-plateformes", "Doublon", "", "", "", "", ""], ",")].join("\n"), { map_slug: "0", map_titleFr: "1" }, SESSIONS_IMPORT);
    expect(await again.text()).toContain("1 ligne(s) lue(s) : 0 à importer, 1 doublon(s) ignoré(s), 0 erreur(s)");
  });
});

describe("CSV exports", () => {
  async function ownEdition() {
    const database = await db();
    const ouishare = await database.select().from(organisations).where(eq(organisations.name, "OuiShare")).get();
    return createEdition(database, { organisationIds: [ouishare!.id] });
  }

  async function formulaSpeaker(editionId: number) {
    const database = await db();
    const uber = await database.select().from(organisations).where(eq(organisations.name, "Uber")).get();
    await createSpeaker(database, { editionId, publicName: "Grégoire Kopp", email: "gregoire.kopp@example.org", organisationId: uber!.id, languages: ["fr", "en"] });
    return createSpeaker(database, {
      editionId,
      publicName: '=HYPERLINK("http://evil.example","Cliquez")',
      jobTitle: "+33 6 00 00 00 00",
      bioFr: "@SUM(A1:A2)",
      phone: "-2+3",
      internalNotes: "\tcachée",
      accessibilityNeeds: "\rretour",
      email: "formule@example.org",
      consentPhotos: true,
      links: [{ label: "example.org", url: "https://example.org/a" }],
    });
  }

  it("neutralises formula-like cells and writes UTF-8 with a BOM for Excel", async () => {
    const edition = await ownEdition();
    await formulaSpeaker(edition.id);
    const { cookie } = await signIn("viewer");
    const response = await request(`/editions/${edition.slug}/speakers.csv`, { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${edition.slug}-speakers.csv"`);
    expect(response.headers.get("Cache-Control")).toContain("no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // French interface: semicolons and French column names (csv-export.test.ts covers the choices).
    const rows = parse(Buffer.from(bytes).toString("utf8"), { bom: true, columns: true, delimiter: ";" }) as Record<string, string>[];
    const row = rows.find((r) => r["E-mail"] === "formule@example.org")!;
    expect(row["Nom public"]).toBe(`'=HYPERLINK("http://evil.example","Cliquez")`);
    expect(row.Fonction).toBe("'+33 6 00 00 00 00");
    expect(row["Biographie (fr)"]).toBe("'@SUM(A1:A2)");
    expect(row["Téléphone"]).toBe("'-2+3");
    expect(row["Notes internes"]).toBe("'\tcachée");
    // Sensitive data only when asked for explicitly, and only by an editor or admin.
    expect(row).not.toHaveProperty("Besoins d’accessibilité");
    expect((await request(`/editions/${edition.slug}/speakers.csv?sensitive=1`, { cookie })).status).toBe(403);
    const editor = await signIn("editor");
    const asked = parse(await (await request(`/editions/${edition.slug}/speakers.csv?sensitive=1`, { cookie: editor.cookie })).text(), { bom: true, columns: true, delimiter: ";" }) as Record<string, string>[];
    expect(asked.find((r) => r["E-mail"] === "formule@example.org")!["Besoins d’accessibilité"]).toBe("'\rretour");
    // Every cell of every row: none starts like a formula.
    for (const r of rows) for (const value of Object.values(r)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    const kopp = rows.find((r) => r["E-mail"] === "gregoire.kopp@example.org")!;
    expect(kopp).toMatchObject({ "Nom public": "Grégoire Kopp", Organisation: "Uber", "Langues parlées": "fr, en" });
  });

  it("exports sessions one row per session with their people and times in the edition's zone", async () => {
    const { cookie } = await signIn("viewer");
    const response = await request(`/editions/${SEED_EDITION}/sessions.csv`, { cookie });
    expect(response.status).toBe(200);
    const rows = parse(await response.text(), { bom: true, columns: true, delimiter: ";" }) as Record<string, string>[];
    const database = await db();
    const edition = await seedEdition();
    const total = (await database.select({ n: count() }).from(sessions).where(eq(sessions.editionId, edition.id)).get())!.n;
    expect(rows).toHaveLength(total);
    const people = "Intervenant·es (e-mails et rôles)";
    const placed = rows.find((r) => r["Début"] !== "" && r[people] !== "")!;
    expect(placed.Jour).toMatch(/^2016-03-(09|10)$/);
    expect(placed["Début"]).toMatch(/^\d{2}:\d{2}$/);
    expect(placed[people]).toMatch(/^[^;]+@example\.org \((intervenant·e|modérateur·rice|expert·e|animateur·rice|artiste)\)/);
    for (const r of rows) for (const value of Object.values(r)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("answers each export in a constant number of queries", async () => {
    const database = await db();
    const ouishare = await database.select().from(organisations).where(eq(organisations.name, "OuiShare")).get();
    const small = await createEdition(database, { organisationIds: [ouishare!.id] });
    const { cookie } = await signIn("viewer");
    const measure = async (slug: string, what: "speakers" | "sessions") => {
      const start = queryCounter.count;
      const response = await request(`/editions/${slug}/${what}.csv`, { cookie });
      expect(response.status).toBe(200);
      await response.text();
      return queryCounter.count - start;
    };
    for (const what of ["speakers", "sessions"] as const) {
      await measure(small.slug, what);
      expect(await measure(SEED_EDITION, what)).toBe(await measure(small.slug, what));
    }
  });

  it("imports its own export back: the columns map themselves, neutralised cells come back as typed", async () => {
    const database = await db();
    const source = await ownEdition();
    await formulaSpeaker(source.id);
    for (let i = 0; i < 5; i++) await createSpeaker(database, { editionId: source.id, bioEn: `Line one\nline "two", ${i}` });
    const target = await ownEdition();
    const { cookie } = await signIn("editor");
    const exported = await (await request(`/editions/${source.slug}/speakers.csv?sensitive=1`, { cookie })).text();
    const uploaded = await (await upload(cookie, exported, `/editions/${target.slug}/speakers/import`, "export.csv")).text();
    // The French column names map themselves to their fields.
    expect(uploaded).toMatch(/<select[^>]*name="map_publicName"[^>]*>.*?<option value="1" selected="">Nom public<\/option>/s);
    expect(uploaded).toMatch(/<select[^>]*name="map_bioEn"[^>]*>.*?<option value="6" selected="">Biographie \(en\)<\/option>/s);
    expect(uploaded).toMatch(/<select[^>]*name="map_consentPublishBio"[^>]*>.*?<option value="15" selected="">/s);
    const mapping = Object.fromEntries(IMPORT_FIELDS.speakers.map((field, i) => [`map_${field}`, String(i + 1)]));
    const apply = await request(`/editions/${target.slug}/speakers/import`, { cookie, form: { intent: "apply", fileName: "export.csv", content: b64(exported), ...mapping } });
    expect(apply.status).toBe(302);
    const done = await finish(cookie, apply.headers.get("Location")!);
    expect(done.state).toBe("done");
    const original = await database.select().from(speakers).where(eq(speakers.editionId, source.id)).orderBy(speakers.email).all();
    const copied = await database.select().from(speakers).where(eq(speakers.editionId, target.id)).orderBy(speakers.email).all();
    const fields = (s: typeof speakers.$inferSelect) => [
      s.publicName, s.email, s.organisationId, s.jobTitle, s.bioFr, s.bioEn, s.phone, s.languages, s.links,
      // Imported text is trimmed: the tab before "cachée" does not come back.
      s.internalNotes?.trim(), s.consentPhotos,
    ];
    expect(copied).toHaveLength(7);
    expect(copied.map(fields)).toEqual(original.map(fields));
  });
});
