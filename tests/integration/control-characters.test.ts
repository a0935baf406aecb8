// Invisible control characters through the real request handler. libSQL reads a text back only up
// to its first NUL, so a title holding U+0000 used to be saved cut short with a success message:
// the forms now refuse it with a field error naming the character, CSV rows are refused, and a
// schedule import removes it, reports the value, and stores none.
import { and, count, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { editions, sessions, speakers } from "~/db/schema";
import { readSchedule } from "~/domain/import";
import { db, ORIGIN, request, SEED_EDITION, signIn } from "../helpers/app";

const NUL_MESSAGE = "Ce texte contient un caractère de contrôle invisible (U+0000)\u00a0: retirez-le.";
const decode = (html: string) => html.replace(/<!-- -->/g, "").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

async function seedEdition() {
  return (await (await db()).select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
}
async function sessionCount(editionId: number) {
  return (await (await db()).select({ n: count() }).from(sessions).where(eq(sessions.editionId, editionId)).get())!.n;
}
async function speakerCount(editionId: number) {
  return (await (await db()).select({ n: count() }).from(speakers).where(eq(speakers.editionId, editionId)).get())!.n;
}

describe("where the truncation came from", () => {
  it("libSQL stores a text with a NUL but reads it back cut at the NUL", async () => {
    const client = (await db()).$client;
    await client.execute("create temp table if not exists nul_probe (value text)");
    await client.execute({ sql: "insert into nul_probe (value) values (?)", args: ["Les communs\u0000 numériques"] });
    const row = (await client.execute("select value, hex(value) as bytes from nul_probe")).rows[0]!;
    expect(row.value).toBe("Les communs");
    expect(String(row.bytes)).toContain("00");
    await client.execute("drop table nul_probe");
  });
});

describe("forms refuse the character with a field error and save nothing", () => {
  it("a session whose title holds U+0000: 400, the error on the title field, nothing saved", async () => {
    const edition = await seedEdition();
    const { cookie } = await signIn("editor", { organisation: "OuiShare" });
    const before = await sessionCount(edition.id);
    const response = await request(`/editions/${SEED_EDITION}/sessions/new`, {
      cookie,
      form: {
        intent: "save",
        titleFr: "Contrôle\u0000 invisible",
        titleEn: "",
        abstractFr: "Un résumé\nsur deux lignes.",
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
      },
    });
    expect(response.status).toBe(400);
    const html = decode(await response.text());
    expect(html).toContain(NUL_MESSAGE);
    expect(html).toMatch(/<input[^>]*aria-invalid="true"[^>]*name="titleFr"|<input[^>]*name="titleFr"[^>]*aria-invalid="true"/);
    expect(await sessionCount(edition.id)).toBe(before);
    const truncated = await (await db()).select({ n: count() }).from(sessions).where(and(eq(sessions.editionId, edition.id), like(sessions.titleFr, "Contrôle%"))).get();
    expect(truncated!.n).toBe(0);
  });

  it("a speaker whose name holds U+0000, or whose bio holds U+001B: 400, each error on its field, nothing saved", async () => {
    const edition = await seedEdition();
    const { cookie } = await signIn("editor", { organisation: "OuiShare" });
    const before = await speakerCount(edition.id);
    const response = await request(`/editions/${SEED_EDITION}/speakers/new`, {
      cookie,
      form: {
        intent: "save",
        publicName: "Aïcha\u0000 Contrôle",
        organisation: "",
        organisationKind: "other",
        jobTitle: "",
        bioFr: "Une bio\u001B[31m en couleur.",
        bioEn: "",
        photoPath: "",
        languages: "fr",
        email: "",
        phone: "",
        preferredLocale: "fr",
      },
    });
    expect(response.status).toBe(400);
    const html = decode(await response.text());
    expect(html).toContain(NUL_MESSAGE);
    expect(html).toContain("Ce texte contient un caractère de contrôle invisible (U+001B)\u00a0: retirez-le.");
    expect(await speakerCount(edition.id)).toBe(before);
    const saved = await (await db()).select({ n: count() }).from(speakers).where(like(speakers.publicName, "Aïcha%")).get();
    expect(saved!.n).toBe(0);
  });

  it("the same save without the character goes through, tab and new lines kept in the bio", async () => {
    const { cookie } = await signIn("editor", { organisation: "OuiShare" });
    const response = await request(`/editions/${SEED_EDITION}/speakers/new`, {
      cookie,
      form: { intent: "save", publicName: "Aïcha Sans-Contrôle", organisationKind: "other", bioFr: "Ligne un\n\tLigne deux", languages: "fr", email: "", phone: "", preferredLocale: "fr" },
    });
    expect(response.status).toBe(302);
    const row = await (await db()).select({ bioFr: speakers.bioFr }).from(speakers).where(eq(speakers.publicName, "Aïcha Sans-Contrôle")).get();
    expect(row?.bioFr).toBe("Ligne un\n\tLigne deux");
  });
});

describe("CSV import refuses the rows, naming the character, and writes nothing", () => {
  const MAPPING = { map_publicName: "0", map_email: "1", map_bioFr: "2" };
  const file = ["Nom;E-mail;Bio", "Personne propre;propre.ctl@example.org;Bio", "Personne\u0000 nulle;nulle.ctl@example.org;Bio", "Personne C1;c1.ctl@example.org;Bio\u0085 NEL"].join("\r\n") + "\r\n";
  const step = (cookie: string, intent: "preview" | "apply") =>
    request(`/editions/${SEED_EDITION}/speakers/import`, { cookie, form: { intent, fileName: "intervenants.csv", content: Buffer.from(file, "utf8").toString("base64"), ...MAPPING } });

  it("the preview lists each row's error on its field; applying is refused; no speaker is stored", async () => {
    const edition = await seedEdition();
    const { cookie } = await signIn("editor");
    const before = await speakerCount(edition.id);
    const preview = await step(cookie, "preview");
    expect(preview.status).toBe(200);
    const html = decode(await preview.text());
    expect(html).toContain("3 ligne(s) lue(s) : 1 à importer, 0 doublon(s) ignoré(s), 2 erreur(s) sur 2 ligne(s).");
    // The value is shown with the character named, not as an invisible byte in the page.
    expect(html).toContain(`<td>3</td><td>Nom public</td><td>${NUL_MESSAGE}</td><td>Personne⟨U+0000⟩ nulle</td>`);
    expect(html).toContain("<td>4</td><td>Biographie (fr)</td><td>Ce texte contient un caractère de contrôle invisible (U+0085)\u00a0: retirez-le.</td><td>Bio⟨U+0085⟩ NEL</td>");
    expect(html).not.toContain('name="intent" value="apply"');

    const apply = await step(cookie, "apply");
    expect(apply.status).toBe(400);
    expect(await speakerCount(edition.id)).toBe(before);
    const stored = await (await db()).select({ n: count() }).from(speakers).where(like(speakers.email, "%.ctl@example.org")).get();
    expect(stored!.n).toBe(0);
  });
});

describe("a frab schedule import removes the characters, reports each value, and stores none", () => {
  const schedule = JSON.stringify({
    schedule: {
      version: "1",
      conference: {
        title: "Contrôle\u0000 Con",
        acronym: "controlcon",
        start: "2016-03-09",
        end: "2016-03-09",
        time_zone_name: "Europe/Paris",
        days: [
          {
            index: 1,
            date: "2016-03-09",
            rooms: {
              Agora: [
                {
                  id: 1,
                  guid: "7a1e4a2c-5b3d-4c6e-8f90-a1b2c3d4e5f6",
                  date: "2016-03-09T10:30:00+01:00",
                  start: "10:30",
                  duration: "01:00",
                  room: "Agora",
                  slug: "ouverture",
                  title: "Ouverture\u0000 officielle",
                  abstract: "Premier\u001B paragraphe.\n\nSecond\u0085 \uD800paragraphe.",
                  language: "fr",
                  persons: [{ id: 7, public_name: "Ada\u009F Lovelace" }],
                },
              ],
            },
          },
        ],
      },
    },
  });

  it("the preview lists every changed value; once applied, the texts are whole and clean", async () => {
    expect(readSchedule(schedule).ok).toBe(true);
    const { cookie } = await signIn("editor");
    const form = new FormData();
    form.set("intent", "upload");
    form.set("slug", "controlcon");
    form.set("file", new File([schedule], "schedule.json", { type: "application/json" }));
    const preview = await request("/editions/import", { method: "POST", cookie, body: form, headers: { Origin: ORIGIN } });
    expect(preview.status).toBe(200);
    const html = decode(await preview.text());
    expect(html).toContain("Caractère de contrôle invisible ou incomplet retiré (4)");
    expect(html).toContain("Ouverture⟨U+0000⟩ officielle");
    expect(html).toContain("Ada⟨U+009F⟩ Lovelace");
    const uploadId = /name="uploadId" value="([^"]+)"/.exec(html)![1]!;

    const applied = await request("/editions/import", { cookie, form: { intent: "apply", uploadId } });
    expect(applied.status).toBe(200);
    const database = await db();
    const edition = (await database.select().from(editions).where(eq(editions.slug, "controlcon")).get())!;
    expect(edition.title).toBe("Contrôle Con");
    const session = (await database.select().from(sessions).where(eq(sessions.editionId, edition.id)).get())!;
    expect(session.titleFr ?? session.titleEn).toBe("Ouverture officielle");
    expect(session.abstractFr ?? session.abstractEn).toBe("Premier paragraphe.\n\nSecond paragraphe.");
    const speaker = (await database.select().from(speakers).where(eq(speakers.editionId, edition.id)).get())!;
    expect(speaker.publicName).toBe("Ada Lovelace");
  });
});
