import { describe, expect, it } from "vitest";
import { guessMapping, parsePeople, planSessionImport, planSpeakerImport } from "~/domain/csv-import";

describe("guessMapping", () => {
  it("maps French spreadsheet headers, accents and case aside", () => {
    const mapping = guessMapping("speakers", ["Nom", "Courriel", "Structure", "Fonction", "Bio EN", "Biographie", "Téléphone", "Droit à l'image"]);
    expect(mapping).toMatchObject({ publicName: 0, email: 1, organisation: 2, jobTitle: 3, bioEn: 4, bioFr: 5, phone: 6, consentPhotos: 7, links: null });
  });

  it("prefers Barouf's own column names and gives each column to one field", () => {
    const mapping = guessMapping("speakers", ["uuid", "publicName", "email", "bioFr", "bioEn"]);
    expect(mapping).toMatchObject({ publicName: 1, email: 2, bioFr: 3, bioEn: 4 });
    const twice = guessMapping("sessions", ["Titre", "Title"]);
    expect(twice.titleFr).toBe(0);
    expect(twice.titleEn).toBe(null);
  });
});

describe("reading Barouf's own French and English exports", () => {
  const SESSION_HEADERS = {
    fr: ["UUID", "Identifiant", "Titre (fr)", "Titre (en)", "Résumé (fr)", "Résumé (en)", "Format", "Thème", "Langue", "Statut", "Public", "Public attendu", "Intervenant·es (e-mails et rôles)", "Intervenant·es (noms et rôles)", "Salle", "Jour", "Début", "Fin"],
    en: ["UUID", "Identifier", "Title (fr)", "Title (en)", "Abstract (fr)", "Abstract (en)", "Format", "Theme", "Language", "Status", "Public", "Expected audience", "Speakers (emails and roles)", "Speakers (names and roles)", "Room", "Day", "Start", "End"],
  };

  it("maps every exported column name back to its field, in either language", () => {
    for (const headers of Object.values(SESSION_HEADERS)) {
      expect(guessMapping("sessions", headers)).toEqual({
        slug: 1, titleFr: 2, titleEn: 3, abstractFr: 4, abstractEn: 5, format: 6, theme: 7, language: 8, status: 9, isPublic: 10, expectedAudience: 11, people: 12,
      });
    }
    const speakers = guessMapping("speakers", ["UUID", "Nom public", "E-mail", "Organisation", "Fonction", "Biographie (fr)", "Biographie (en)", "Téléphone"]);
    expect(speakers).toMatchObject({ publicName: 1, email: 2, organisation: 3, jobTitle: 4, bioFr: 5, bioEn: 6, phone: 7 });
  });

  it("reads the roles the exports write, in French and English", () => {
    expect(parsePeople("a@b.org (modérateur·rice); c@d.org (intervenant·e); e@f.org (animateur·rice); g@h.org (expert·e)")).toEqual({
      ok: true,
      people: [
        { email: "a@b.org", role: "moderator" },
        { email: "c@d.org", role: "speaker" },
        { email: "e@f.org", role: "facilitator" },
        { email: "g@h.org", role: "expert" },
      ],
    });
    expect(parsePeople("a@b.org (facilitator); c@d.org (artist)")).toMatchObject({ ok: true, people: [{ role: "facilitator" }, { role: "artist" }] });
  });
});

describe("planSpeakerImport", () => {
  const mapping = { publicName: 0, email: 1, consentPhotos: 2, languages: 3, links: 4 };

  it("types valid rows and reports each problem with its spreadsheet row", () => {
    const plan = planSpeakerImport(
      [
        ["Anne", "Anne@Example.org", "oui", "fr en", "https://example.org"],
        ["", "b@example.org", "", "", ""],
        ["Carla", "pas-un-email", "peut-être", "", "ftp://x"],
      ],
      mapping,
      { existingEmails: new Set() },
    );
    expect(plan.valid).toEqual([
      {
        row: 2,
        value: expect.objectContaining({ publicName: "Anne", email: "anne@example.org", consentPhotos: true, languages: ["fr", "en"], links: [{ label: "example.org", url: "https://example.org" }] }),
      },
    ]);
    expect(plan.errors).toHaveLength(4);
    expect(plan.errors).toEqual(expect.arrayContaining([
      { row: 3, field: "publicName", message: "form.required", value: "" },
      { row: 4, field: "email", message: "form.invalidEmail", value: "pas-un-email" },
      { row: 4, field: "consentPhotos", message: "csv.error.yesNo", value: "peut-être" },
      { row: 4, field: "links", message: "csv.error.links", value: "ftp://x" },
    ]));
  });

  it("skips emails already in the edition and refuses one repeated in the file", () => {
    const plan = planSpeakerImport(
      [
        ["Anne", "anne@example.org"],
        ["Bob", "bob@example.org"],
        ["Anne bis", "ANNE@example.org"],
        ["Sans e-mail", ""],
        ["Sans e-mail 2", ""],
      ],
      { publicName: 0, email: 1 },
      { existingEmails: new Set(["bob@example.org"]) },
    );
    expect(plan.valid.map((v) => v.row)).toEqual([2, 5, 6]);
    expect(plan.duplicates).toEqual([{ row: 3, key: "bob@example.org" }]);
    expect(plan.errors).toEqual([{ row: 4, field: "email", message: "csv.error.duplicateInFile", value: "anne@example.org (2)" }]);
  });
});

describe("planSessionImport", () => {
  const lookups = {
    formats: new Map([["fishbowl", 1]]),
    themes: new Map([["citoyens acteurs publics", 7]]),
    speakersByEmail: new Map([
      ["anne@example.org", 10],
      ["bob@example.org", 11],
    ]),
    existingSlugs: new Set(["debat", "taken"]),
  };
  const mapping = { slug: 0, titleFr: 1, format: 2, theme: 3, people: 4 };

  it("resolves format, theme and people, generating free slugs", () => {
    const plan = planSessionImport(
      [
        ["", "Débat", "Fishbowl", "Citoyens acteurs publics", "anne@example.org (modératrice); Bob <bob@example.org> (expert)"],
        ["", "Débat", "", "", ""],
      ],
      mapping,
      lookups,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.valid.map((v) => [v.value.slug, v.value.formatId, v.value.themeId, v.value.people])).toEqual([
      ["debat-2", 1, 7, [{ speakerId: 10, role: "moderator" }, { speakerId: 11, role: "expert" }]],
      ["debat-3", null, null, []],
    ]);
  });

  it("reports unknown formats and people, duplicate slugs, and skips slugs already in the edition", () => {
    const plan = planSessionImport(
      [
        ["", "A", "Conférence", "", ""],
        ["", "B", "", "", "nobody@example.org"],
        ["mine", "C", "", "", ""],
        ["mine", "D", "", "", ""],
        ["taken", "E", "", "", ""],
        ["", "F", "", "", "anne@example.org (chef)"],
      ],
      mapping,
      lookups,
    );
    expect(plan.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [2, "format", "csv.error.unknownFormat"],
      [3, "people", "csv.error.unknownSpeaker"],
      [5, "slug", "csv.error.duplicateInFile"],
      [7, "people", "csv.error.role"],
    ]);
    expect(plan.duplicates).toEqual([{ row: 6, key: "taken" }]);
    expect(plan.valid.map((v) => v.value.slug)).toEqual(["mine"]);
  });
});

describe("helpers", () => {
  it("parses people cells", () => {
    expect(parsePeople("")).toEqual({ ok: true, people: [] });
    expect(parsePeople("a@b.org\nc@d.org (artiste)")).toEqual({ ok: true, people: [{ email: "a@b.org", role: "speaker" }, { email: "c@d.org", role: "artist" }] });
    expect(parsePeople("a@b.org; A@B.org")).toMatchObject({ ok: false, message: "csv.error.personTwice" });
    expect(parsePeople("not an email")).toMatchObject({ ok: false, message: "csv.error.person" });
  });
});
