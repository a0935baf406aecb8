// Every export of the seed, of F1 and of a hostile edition: valid in its format, nothing private,
// hostile text inert. Also the publish action's constant query count (seed vs F1).
import { parse as parseCsv } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { editions, sessions, speakers } from "~/db/schema";
import { buildSnapshot, CSV_COLUMNS, diffProgrammes, EXPORT_FORMATS, type ExportFormat, type PublicProgramme } from "~/domain/exports";
import type { ChangelogKey } from "~/domain/exports/changelog-text";
import { versionPublishedPayload } from "~/domain/webhooks";
import { translate } from "~/i18n";
import { columnsOfClass, PERSONAL_DATA } from "~/domain/personal-data";
import { loadPublicSource } from "~/models/programme-versions.server";
import { draftProgramme, publishProgramme } from "~/services/publishing.server";
import { generateWorkload } from "../bench/workloads";
import { createEdition, createFormat, createRoom, createSession, createSpeaker, createTheme } from "../../seed/factories";
import { db, request, SEED_EDITION, queryCounter } from "../helpers/app";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";
import { assertBaroufJson, assertScheduleJson, assertScheduleXml, parseIcal } from "../helpers/validators";
import { insertWorkload } from "../helpers/workload-db";

const OPTIONS = { origin: "http://barouf.test", generatedAt: Date.UTC(2016, 2, 1) };

function exportsOf(programme: PublicProgramme): Record<ExportFormat, string> {
  return Object.fromEntries(
    (Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((format) => [format, EXPORT_FORMATS[format].build(programme, OPTIONS)]),
  ) as Record<ExportFormat, string>;
}

async function assertAllValid(texts: Record<ExportFormat, string>, programme: PublicProgramme) {
  const barouf = assertBaroufJson(texts["barouf-json"]);
  expect(barouf.sessions).toHaveLength(programme.sessions.length);
  const frab = assertScheduleJson(texts["frab-json"]);
  const frabEvents = frab.schedule.conference.days.flatMap((d: { rooms: Record<string, unknown[]> }) => Object.values(d.rooms).flat());
  expect(frabEvents).toHaveLength(programme.sessions.length);
  await assertScheduleXml(texts["frab-xml"]);
  const { events } = parseIcal(texts.ical);
  expect(events).toHaveLength(programme.sessions.length);
  const rows = parseCsv(texts.csv, { bom: true, columns: true, relax_quotes: false }) as Record<string, string>[];
  expect(rows).toHaveLength(programme.sessions.length);
  return { barouf, frab, events, rows };
}

// The only keys an export may carry. A new field must be added here on purpose.
const BAROUF_KEYS = new Set([
  "$schema", "edition", "version", "themes", "formats", "rooms", "speakers", "sessions",
  "id", "slug", "title", "startDate", "endDate", "timeZone", "venue", "mainLanguage",
  "number", "publishedAt", "previous", "numericId", "name", "fr", "en", "colour", "capacity", "position",
  "organisation", "jobTitle", "bio", "links", "label", "url",
  // Only for a speaker who consented to publish their photo (photos.test.ts checks who has one).
  "photo",
  "abstract", "formatId", "themeId", "language", "roomId", "start", "end", "durationMinutes", "sequence", "people", "speakerId", "role",
]);
const FRAB_KEYS = new Set([
  "$schema", "generator", "name", "version", "schedule", "base_url", "conference", "acronym", "title", "start", "end", "daysCount",
  "timeslot_duration", "time_zone_name", "url", "tracks", "slug", "color", "rooms", "guid", "capacity", "days", "index", "date",
  "day_start", "day_end", "id", "duration", "room", "subtitle", "track", "type", "language", "abstract", "description",
  "persons", "public_name", "biography", "links",
  // As "photo" above.
  "avatar",
]);
const XML_NAMES = new Set([
  "schedule", "generator", "url", "version", "conference", "title", "acronym", "start", "end", "days", "timeslot_duration", "base_url",
  "time_zone_name", "track", "day", "room", "event", "subtitle", "type", "date", "duration", "abstract", "slug", "language", "persons",
  "person", "links", "@_name", "@_version", "@_color", "@_slug", "@_index", "@_date", "@_start", "@_end", "@_guid", "@_id", "#text",
]);
const ICAL_PROPERTIES = new Set([
  "version", "prodid", "calscale", "method", "x-wr-calname", "x-wr-timezone", "tzid", "dtstart", "tzoffsetfrom", "tzoffsetto",
  "uid", "dtstamp", "sequence", "dtend", "summary", "location", "description", "categories", "url", "status",
]);

function keysOf(value: unknown, out = new Set<string>(), skipUnder: string | null = null): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, out, skipUnder);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      out.add(key);
      // frab day "rooms" are keyed by room name: look inside, not at the names.
      if (key === skipUnder && inner && typeof inner === "object" && !Array.isArray(inner)) {
        for (const list of Object.values(inner)) keysOf(list, out, skipUnder);
      } else keysOf(inner, out, skipUnder);
    }
  }
  return out;
}

function assertAllowlisted(texts: Record<ExportFormat, string>) {
  for (const key of keysOf(JSON.parse(texts["barouf-json"]))) expect(BAROUF_KEYS, `Barouf JSON key ${key}`).toContain(key);
  const frab = JSON.parse(texts["frab-json"]);
  const frabKeys = new Set<string>();
  for (const day of frab.schedule.conference.days) {
    keysOf(day.rooms, frabKeys, null);
    for (const key of Object.keys(day)) frabKeys.add(key);
  }
  const { days: _days, ...conference } = frab.schedule.conference;
  keysOf({ ...frab, schedule: { ...frab.schedule, conference } }, frabKeys);
  const roomNames = new Set(frab.schedule.conference.rooms.map((r: { name: string }) => r.name));
  for (const key of frabKeys) if (!roomNames.has(key)) expect(FRAB_KEYS, `schedule.json key ${key}`).toContain(key);
  const { "?xml": _declaration, ...xml } = new XMLParser({ ignoreAttributes: false, isArray: () => true }).parse(texts["frab-xml"]);
  for (const key of keysOf(xml)) expect(XML_NAMES, `schedule.xml name ${key}`).toContain(key);
  const { component } = parseIcal(texts.ical);
  const names = new Set<string>();
  const walk = (c: typeof component) => {
    for (const p of c.getAllProperties()) names.add(p.name);
    for (const sub of c.getAllSubcomponents()) walk(sub);
  };
  walk(component);
  for (const name of names) expect(ICAL_PROPERTIES, `iCalendar property ${name}`).toContain(name);
  const header = texts.csv.replace(/^\uFEFF/, "").split("\r\n")[0]!.split(",");
  expect(header).toEqual([...CSV_COLUMNS]);
}

/** No private value of any speaker of the edition appears in any export, under any format. */
async function assertNothingPrivate(editionId: number, texts: Record<string, string>) {
  // Every private or sensitive column of the data map, not a list kept here.
  const rows = await (await db()).select().from(speakers).where(eq(speakers.editionId, editionId)).all();
  const columns = columnsOfClass("speakers", "private", "sensitive").filter((c) => c !== "searchText");
  expect(columns).toEqual(expect.arrayContaining(["email", "phone", "accessibilityNeeds", "practicalNotes", "internalNotes"]));
  const secrets = new Set(rows.flatMap((r) => columns.map((c) => r[c])).filter((v): v is string => typeof v === "string" && v.length > 5));
  expect(secrets.size).toBeGreaterThan(0);
  for (const [format, text] of Object.entries(texts)) {
    for (const secret of secrets) expect(text.includes(secret), `${format} contains ${secret}`).toBe(false);
    expect(text).not.toMatch(/@example\.org|PRIVATE-|token/i);
  }
}

describe("exports of the seed", () => {
  it("are valid in every format, allowlisted, and carry nothing private", async () => {
    const database = await db();
    const edition = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
    const programme = await draftProgramme(database, { editionId: edition.id });
    expect(programme.sessions.length).toBeGreaterThan(40);
    const texts = exportsOf(programme);
    await assertAllValid(texts, programme);
    assertAllowlisted(texts);
    await assertNothingPrivate(edition.id, texts);
  });

  it("are built from speaker columns the data map classes public (the consents only gate the bio and the photo)", async () => {
    const database = await db();
    const edition = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
    const source = await loadPublicSource(database, { editionId: edition.id });
    const read = Object.keys(source!.speakers[0]!).filter((key) => !["id", "uuid", "organisation", "consentPublishBio", "consentPublicPhoto", "photoKey"].includes(key));
    expect(read.length).toBeGreaterThan(3);
    for (const key of read) expect(PERSONAL_DATA.speakers[key as keyof typeof PERSONAL_DATA.speakers], key).toBe("public");
    // A photo's key is read only while its speaker consents to publish it.
    expect(source!.speakers.filter((s) => s.photoKey !== null && !s.consentPublicPhoto)).toEqual([]);
  });
});

describe("exports of F1", () => {
  let editionId: number;
  let programme: PublicProgramme;
  beforeAll(async () => {
    ({ editionId } = await insertWorkload(await db(), generateWorkload("F1")));
    programme = await draftProgramme(await db(), { editionId });
  });

  it("are valid in every format, allowlisted, and carry nothing private", async () => {
    expect(programme.sessions.length).toBeGreaterThan(900);
    const texts = exportsOf(programme);
    const { barouf } = await assertAllValid(texts, programme);
    // Only public, scheduled sessions: every exported one is in a room at a time.
    expect(barouf.sessions.every((s: { roomId: string; start: string }) => s.roomId && s.start)).toBe(true);
    assertAllowlisted(texts);
    await assertNothingPrivate(editionId, texts);
  });

  it("publishes with the same number of queries as the seed (no growth with the programme's size)", async () => {
    const database = await db();
    const seed = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
    const counts: number[] = [];
    for (const [id, slug] of [[seed.id, SEED_EDITION], [editionId, "barouf-f1"]] as const) {
      await acknowledgeBlockingConflicts(database, id);
      const before = queryCounter.count;
      const result = await publishProgramme(database, { editionId: id, slug, actor: { type: "system" }, note: null, now: Date.UTC(2016, 2, 1) });
      expect(result.ok).toBe(true);
      counts.push(queryCounter.count - before);
    }
    expect(counts[1]).toBe(counts[0]);
    // And the F1 version is served.
    const response = await request("/programme/barouf-f1/schedule.json");
    expect(response.status).toBe(200);
    assertScheduleJson(await response.text());
  });
});

const HOSTILE_TITLE = `</script><script>alert("x")</script> \u2028 \u2029 "quoted", comma; semi\\colon \uD800 lone`;
const FORMULA = "=HYPERLINK(\"http://evil.example\",\"clic\")";
const BIG = "Résumé très long, avec des virgules, des \"guillemets\" et des sauts\nde ligne. ".repeat(14_000); // ≈ 1 MB

describe("hostile text", () => {
  it("comes out valid and inert in every format and on the public page", async () => {
    const database = await db();
    const edition = await createEdition(database, { slug: "hostile-2016", title: `Édition "</script>" ${"\u2028"}` });
    const room = await createRoom(database, { editionId: edition.id, name: `Salle <b>&amp;</b> "A", ; \uDC00` });
    const theme = await createTheme(database, { editionId: edition.id, nameFr: "+SUM(A1:A2)", nameEn: "@import" });
    const format = await createFormat(database, { editionId: edition.id, nameFr: "-2+3", nameEn: "\tTab" });
    const speaker = await createSpeaker(database, {
      editionId: edition.id,
      publicName: `Zoé "</script>" \u2028`,
      bioFr: `<img src=x onerror=alert(1)> ${FORMULA}`,
      consentPublishBio: true,
      links: [
        { label: "site", url: "javascript:alert(1)" },
        { label: "ok", url: "https://example.net/zoe" },
      ],
      email: "zoe@private.example",
    });
    const start = Date.UTC(2016, 2, 9, 9, 0);
    await createSession(database, {
      editionId: edition.id,
      slug: "hostile",
      titleFr: HOSTILE_TITLE,
      abstractFr: BIG,
      abstractEn: "\r=cmd|' /C calc'!A0",
      roomId: room.id,
      themeId: theme.id,
      formatId: format.id,
      startsAt: start,
      endsAt: start + 3_600_000,
      status: "scheduled",
      people: [{ speakerId: speaker.id, confirmation: "confirmed" }],
    });
    await createSession(database, {
      editionId: edition.id,
      slug: "formula",
      titleFr: FORMULA,
      titleEn: "@SUM(1)",
      roomId: room.id,
      startsAt: start + 3_600_000,
      endsAt: start + 7_200_000,
      status: "scheduled",
    });

    const source = (await loadPublicSource(database, { editionId: edition.id }))!;
    // SQLite stores UTF-8, so a lone surrogate cannot even be saved; the exporters are pure
    // functions of plain data, so give them one anyway.
    expect(source.sessions.find((s) => s.slug === "hostile")!.titleFr).toBe(HOSTILE_TITLE.replace("\uD800", "\uFFFD"));
    source.sessions.find((s) => s.slug === "hostile")!.titleFr = HOSTILE_TITLE;
    const programme = buildSnapshot(source, { number: 1, publishedAt: Date.UTC(2016, 2, 1), previous: null });
    const texts = exportsOf(programme);
    const { barouf, rows } = await assertAllValid(texts, programme);

    // JSON keeps the text exactly (JSON escapes the lone surrogate); unsafe links are dropped.
    expect(barouf.sessions[0].title.fr).toBe(HOSTILE_TITLE);
    expect(barouf.sessions[0].abstract.fr).toBe(BIG);
    expect(barouf.speakers[0].links).toEqual([{ label: "ok", url: "https://example.net/zoe" }]);
    expect(texts["barouf-json"]).not.toContain("javascript:");

    // XML: escaped, parsed back to the same text (the lone surrogate becomes U+FFFD).
    const xml = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false }).parse(texts["frab-xml"]);
    const room0 = xml.schedule.day[0].room;
    const event = (Array.isArray(room0) ? room0[0] : room0).event;
    const first = Array.isArray(event) ? event[0] : event;
    expect(first.title).toBe(HOSTILE_TITLE.replace("\uD800", "\uFFFD"));
    expect(texts["frab-xml"]).not.toContain("<script>");

    // iCalendar: every line at most 75 octets, CRLF everywhere, text comes back as it went in.
    const lines = texts.ical.split("\r\n");
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(texts.ical.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const { events } = parseIcal(texts.ical);
    expect(events[0]!.summary).toBe(HOSTILE_TITLE.replace("\uD800", "\uFFFD").replace(/\u2028|\u2029/g, "\n"));
    expect(events[0]!.description).toContain(BIG.slice(0, 200).replace(/\n/g, "\n"));
    expect(events[0]!.location).toBe(`Salle <b>&amp;</b> "A", ; \uFFFD`);

    // CSV: one row per session, formula-like cells start with an apostrophe.
    expect(rows[0]!.abstract_fr).toBe(BIG);
    expect(rows[0]!.abstract_en).toBe("'\r=cmd|' /C calc'!A0");
    expect(rows[0]!.theme).toBe("'+SUM(A1:A2)");
    expect(rows[0]!.format).toBe("'-2+3");
    expect(rows[1]!.title_fr).toBe(`'${FORMULA}`);
    expect(rows[1]!.title_en).toBe("'@SUM(1)");
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    // The public page: the text is shown escaped, no injected element.
    await acknowledgeBlockingConflicts(database, edition.id);
    expect((await publishProgramme(database, { editionId: edition.id, slug: "hostile-2016", actor: { type: "system" }, note: null, now: Date.now() })).ok).toBe(true);
    const page = await request("/programme/hostile-2016/");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain('<script>alert("x")</script>');
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("&lt;/script&gt;&lt;script&gt;");
  });
});

// The other channels carry the same public data: webhook payloads and the Atom feed.
const PAYLOAD_KEYS = new Set([
  "type", "timestamp", "data", "edition", "id", "slug", "title", "timeZone", "startDate", "endDate",
  "version", "number", "publishedAt", "previous", "sessions", "urls", "page", "latest", "formats", "format", "contentType",
  "changes", "feed", "total", "added", "cancelled", "moved", "renamed", "peopleChanged", "summary", "fr", "en",
]);
const ATOM_NAMES = new Set([
  "feed", "@_xmlns", "id", "title", "updated", "generator", "link", "@_rel", "@_href", "subtitle", "entry", "summary", "@_type", "published", "#text",
]);

describe("channels: webhook payloads and the Atom feed", () => {
  const translations = { fr: (k: ChangelogKey, v?: Record<string, string | number>) => translate("fr", k, v), en: (k: ChangelogKey, v?: Record<string, string | number>) => translate("en", k, v) };

  it("a version.published payload holds only allowlisted keys and nothing private", async () => {
    const database = await db();
    const edition = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
    const draft = await draftProgramme(database, { editionId: edition.id });
    const programme = { ...draft, version: { number: 1, publishedAt: "2016-03-01T10:00:00+01:00", previous: null } };
    const payload = versionPublishedPayload({ programme, changes: diffProgrammes(null, programme), origin: OPTIONS.origin, at: Date.UTC(2016, 2, 1) }, translations);
    const text = JSON.stringify(payload);
    for (const key of keysOf(payload)) expect(PAYLOAD_KEYS, `payload key ${key}`).toContain(key);
    await assertNothingPrivate(edition.id, { payload: text });
    // The summary names sessions, never people's private fields.
    expect(text).toContain(programme.sessions[0]!.title.fr ?? programme.sessions[0]!.title.en!);
  });

  it("the feed is valid Atom, one entry per version, newest first, hostile text inert, nothing private", async () => {
    const database = await db();
    const edition = (await database.select().from(editions).where(eq(editions.slug, "hostile-2016")).get())!;
    await database.update(sessions).set({ titleFr: "Fin ]]> <b>gras</b> & co" }).where(and(eq(sessions.editionId, edition.id), eq(sessions.slug, "formula")));
    await acknowledgeBlockingConflicts(database, edition.id);
    expect((await publishProgramme(database, { editionId: edition.id, slug: "hostile-2016", actor: { type: "system" }, note: "note interne", now: Date.now() })).ok).toBe(true);

    const response = await request("/programme/hostile-2016/feed.atom");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const text = await response.text();
    expect(XMLValidator.validate(text)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["entry", "link"].includes(name) }).parse(text);
    const entries = parsed.feed.entry as { id: string; title: { "#text": string }; summary: { "#text": string }; link: { "@_href": string }[] }[];
    expect(entries.map((e) => e.id)).toEqual(["http://barouf.test/programme/hostile-2016/v/2/", "http://barouf.test/programme/hostile-2016/v/1/"]);
    expect(entries[0]!.link[0]!["@_href"]).toBe("http://barouf.test/programme/hostile-2016/v/2/");
    expect(entries[0]!.title["#text"]).toBe("Version 2 du programme");
    // The summaries are HTML with every stored text escaped.
    const renamed = entries[0]!.summary["#text"];
    expect(renamed).toContain("<p>Renommées (1)</p><ul><li>");
    expect(renamed).toContain("Fin ]]&gt; &lt;b&gt;gras&lt;/b&gt; &amp; co");
    const first = entries[1]!.summary["#text"];
    expect(first).toContain("Ajoutées (2)");
    expect(first).toContain("&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)");
    expect(first).not.toContain("<script");
    expect(text).not.toContain("note interne");
    for (const key of keysOf(parsed.feed)) expect(ATOM_NAMES, `Atom name ${key}`).toContain(key);
    await assertNothingPrivate(edition.id, { feed: text });

    // English on request; 304 on a matching ETag; only at the latest URL.
    const english = await (await request("/programme/hostile-2016/feed.en.atom")).text();
    expect(english).toContain("Programme version 2");
    expect(english).toContain("Renamed (1)");
    const etag = response.headers.get("ETag")!;
    expect((await request("/programme/hostile-2016/feed.atom", { headers: { "If-None-Match": etag } })).status).toBe(304);
    expect((await request("/programme/hostile-2016/v/1/feed.atom")).status).toBe(404);
    // The public page points feed readers at it.
    const page = await (await request("/programme/hostile-2016/")).text();
    expect(page).toMatch(/<link rel="alternate" type="application\/atom\+xml" href="\/programme\/hostile-2016\/feed.atom" title="Flux Atom des versions du programme"\/>/);
  });
});

// The public site's pages (ADR 0020) show the same public data: every page of the seed's
// published version, in both languages, holds no private or sensitive value, and no photo
// (the speakers agree to be photographed at the event, not to a portrait on the site).
describe("the public site's pages", () => {
  it("list, timetables, every speaker and session page, the apps page: nothing private, no photo, no script", async () => {
    const database = await db();
    const edition = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
    const all = await database.select({ id: speakers.id }).from(speakers).where(eq(speakers.editionId, edition.id)).all();
    for (const { id } of all) await database.update(speakers).set({ photoPath: `PRIVATE-photo-${id}.jpg`, consentPhotos: true }).where(eq(speakers.id, id));
    await acknowledgeBlockingConflicts(database, edition.id);
    expect((await publishProgramme(database, { editionId: edition.id, slug: SEED_EDITION, actor: { type: "system" }, note: null, now: Date.now() })).ok).toBe(true);
    const programme = (await (await request(`/programme/${SEED_EDITION}/programme.json`)).json()) as PublicProgramme;
    const base = `/programme/${SEED_EDITION}/`;
    const days = [...new Set(programme.sessions.map((s) => s.start.slice(0, 10)))];
    const paths = [
      "",
      "apps",
      ...days.map((day) => `?view=timetable&day=${day}`),
      ...programme.speakers.map((s) => `speaker/${s.id}`),
      `v/${programme.version.number}/`,
    ]
      .flatMap((path) => [path, `${path}${path.includes("?") ? "&" : "?"}lang=en`])
      // A session page shows its people by name only, whatever the language.
      .concat(programme.sessions.map((s) => `session/${s.id}`));
    const texts: Record<string, string> = {};
    for (const path of paths) {
      const response = await request(`${base}${path}`);
      expect(response.status, path).toBe(200);
      texts[path] = await response.text();
      expect(texts[path], path).not.toMatch(/<script|<img|speaker-photos|PRIVATE-photo/);
    }
    expect(Object.keys(texts).length).toBeGreaterThan(programme.sessions.length + programme.speakers.length);
    await assertNothingPrivate(edition.id, texts);
  });
});

// The embeddable programme (framed by partners' sites) shows the published snapshot only.
describe("channels: the embeddable programme", () => {
  it("shows only what the public snapshot holds: nothing private, hostile text inert", async () => {
    const database = await db();
    const seed = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
    await acknowledgeBlockingConflicts(database, seed.id);
    expect((await publishProgramme(database, { editionId: seed.id, slug: SEED_EDITION, actor: { type: "system" }, note: "note interne", now: Date.now() })).ok).toBe(true);
    for (const query of ["", "?lang=en"]) {
      const html = await (await request(`/programme/${SEED_EDITION}/embed${query}`)).text();
      expect(html).toContain("<main");
      expect(html).not.toContain("note interne");
      await assertNothingPrivate(seed.id, { embed: html });
    }
    const hostile = (await database.select().from(editions).where(eq(editions.slug, "hostile-2016")).get())!;
    const html = await (await request("/programme/hostile-2016/embed")).text();
    await assertNothingPrivate(hostile.id, { embed: html });
    expect(html).toContain("&lt;/script&gt;&lt;script&gt;");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain('href="javascript:');
    expect(html.match(/<script/g)).toHaveLength(1);
  });
});
