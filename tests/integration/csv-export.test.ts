// The organisers' CSV exports for French and English spreadsheets: the separator the organiser
// chooses (semicolon by default in French, comma in English), a UTF-8 BOM, column names, yes/no,
// statuses and roles in the interface language, cells with separators, quotes and line breaks
// kept whole, formula-like cells neutralised. Each file is parsed back with csv-parse.
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { organisations } from "~/db/schema";
import { translate, type Locale, type MessageKey } from "~/i18n";
import { localeCookie } from "~/i18n/locale.server";
import { SENSITIVE_SPEAKER_COLUMNS } from "~/domain/personal-data";
import { IMPORT_FIELDS } from "~/schemas/csv-import";
import { createEdition, createSession, createSpeaker } from "../../seed/factories";
import { db, request, signIn } from "../helpers/app";

const TRICKY = 'Anne "la" Martin; Lille, Nord\nsur deux lignes';
const FORMULA = "=HYPERLINK(\"http://evil.example\";\"Cliquez\")";

let slug: string;
let cookie: string;

beforeAll(async () => {
  const database = await db();
  const ouishare = await database.select().from(organisations).where(eq(organisations.name, "OuiShare")).get();
  const edition = await createEdition(database, { organisationIds: [ouishare!.id] });
  slug = edition.slug;
  const anne = await createSpeaker(database, { editionId: edition.id, publicName: TRICKY, email: "anne@example.org", consentPhotos: true, jobTitle: FORMULA });
  const bob = await createSpeaker(database, { editionId: edition.id, publicName: "Bob Leroy", email: "bob@example.org", consentPhotos: false });
  await createSession(database, {
    editionId: edition.id,
    slug: "table-ronde",
    titleFr: TRICKY,
    status: "accepted",
    isPublic: false,
    people: [
      { speakerId: anne.id, role: "moderator" },
      { speakerId: bob.id, role: "speaker" },
    ],
  });
  ({ cookie } = await signIn("viewer"));
});

/** The signed-in organiser's cookies with the interface language switched to `locale`. */
async function inLanguage(locale: Locale): Promise<string> {
  const chosen = (await localeCookie.serialize(locale)).split(";")[0]!;
  return [...cookie.split("; ").filter((part) => !part.startsWith("barouf_locale=")), chosen].join("; ");
}

async function download(kind: "speakers" | "sessions", locale: Locale, separator?: "comma" | "semicolon") {
  const query = separator ? `?separator=${separator}` : "";
  const response = await request(`/editions/${slug}/${kind}.csv${query}`, { cookie: await inLanguage(locale) });
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { bytes, text: Buffer.from(bytes).toString("utf8") };
}

const column = (locale: Locale, field: string) => translate(locale, `csv.field.${field}` as MessageKey);

/** Rows as objects keyed by field name, read with the separator the file should have. */
function read(text: string, delimiter: string, locale: Locale, fields: readonly string[]) {
  const [header, ...rows] = parse(text, { bom: true, delimiter }) as string[][];
  expect(header).toEqual(fields.map((field) => column(locale, field)));
  return rows.map((row) => Object.fromEntries(fields.map((field, i) => [field, row[i]!])));
}

// Sensitive columns (the data map) only when asked for with ?sensitive=1 (csv.test.ts covers that).
const SPEAKER_FIELDS = ["uuid", ...IMPORT_FIELDS.speakers.filter((field) => !(SENSITIVE_SPEAKER_COLUMNS as readonly string[]).includes(field))];
const SESSION_FIELDS = ["uuid", ...IMPORT_FIELDS.sessions, "speakerNames", "room", "day", "start", "end"];

const CASES: { locale: Locale; separator?: "comma" | "semicolon"; delimiter: string }[] = [
  { locale: "fr", delimiter: ";" },
  { locale: "fr", separator: "comma", delimiter: "," },
  { locale: "fr", separator: "semicolon", delimiter: ";" },
  { locale: "en", delimiter: "," },
  { locale: "en", separator: "semicolon", delimiter: ";" },
  { locale: "en", separator: "comma", delimiter: "," },
];

describe("speakers.csv", () => {
  it.each(CASES)("$locale, separator $separator: BOM, translated headers and yes/no, tricky cells whole", async ({ locale, separator, delimiter }) => {
    const { bytes, text } = await download("speakers", locale, separator);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // The header line is split by the chosen separator, nothing else.
    expect(text.slice(1, text.indexOf("\r\n"))).toBe(SPEAKER_FIELDS.map((field) => column(locale, field)).join(delimiter));
    const rows = read(text, delimiter, locale, SPEAKER_FIELDS);
    const anne = rows.find((row) => row.email === "anne@example.org")!;
    expect(anne.publicName).toBe(TRICKY);
    expect(anne.jobTitle).toBe(`'${FORMULA}`);
    expect(anne.consentPhotos).toBe(locale === "fr" ? "oui" : "yes");
    expect(rows.find((row) => row.email === "bob@example.org")!.consentPhotos).toBe(locale === "fr" ? "non" : "no");
  });

  it("names its columns in French and English", async () => {
    expect((await download("speakers", "fr")).text).toContain("Nom public;E-mail;Organisation;Fonction");
    expect((await download("speakers", "en")).text).toContain("Public name,Email,Organisation,Job title");
  });
});

describe("sessions.csv", () => {
  it.each(CASES)("$locale, separator $separator: BOM, translated headers, statuses and roles", async ({ locale, separator, delimiter }) => {
    const { bytes, text } = await download("sessions", locale, separator);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [session] = read(text, delimiter, locale, SESSION_FIELDS);
    expect(session!.titleFr).toBe(TRICKY);
    expect(session!.status).toBe(locale === "fr" ? "Acceptée" : "Accepted");
    expect(session!.isPublic).toBe(locale === "fr" ? "non" : "no");
    const roles = locale === "fr" ? ["modérateur·rice", "intervenant·e"] : ["moderator", "speaker"];
    expect(session!.people).toBe(`anne@example.org (${roles[0]}); bob@example.org (${roles[1]})`);
    expect(session!.speakerNames).toBe(`${TRICKY} (${roles[0]}); Bob Leroy (${roles[1]})`);
  });

  it("ignores a separator it does not offer and keeps the language's own", async () => {
    const response = await request(`/editions/${slug}/sessions.csv?separator=tab`, { cookie: await inLanguage("fr") });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.slice(0, text.indexOf("\r\n"))).toContain(`${column("fr", "uuid")};${column("fr", "slug")};`);
  });
});

describe("export forms on the list pages", () => {
  it.each(["speakers", "sessions"] as const)("%s: a GET form to the CSV with the separator, semicolon chosen in French, comma in English", async (kind) => {
    for (const [locale, chosen] of [["fr", "semicolon"], ["en", "comma"]] as const) {
      const html = await (await request(`/editions/${slug}/${kind}`, { cookie: await inLanguage(locale) })).text();
      const form = new RegExp(`<form[^>]*method="get"[^>]*action="/editions/${slug}/${kind}\\.csv"[^>]*>([\\s\\S]*?)</form>`).exec(html);
      expect(form, `${kind} ${locale}`).not.toBeNull();
      expect(form![1]).toMatch(new RegExp(`<option value="${chosen}" selected="">`));
      expect(form![1]).toContain('name="separator"');
    }
  });
});
