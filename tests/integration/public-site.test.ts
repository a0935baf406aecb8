// The public site (ADR 0020): programme list and timetable, a page per speaker and per session,
// the schedule-apps page; 404 before publishing and for what the snapshot does not hold; served
// from prepared bytes (strong ETags, 304, gzip, brotli) with the pages' own CSP; its iCal and
// webcal links lead to real calendars (parsed by ical.js); the QR code is the library's SVG of
// the exact schedule.xml URL; the filtered variants kept per version are bounded.
import { eq } from "drizzle-orm";
import QRCode from "qrcode";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { editions } from "~/db/schema";
import type { PublicProgramme } from "~/domain/exports";
import { findVersion } from "~/models/programme-versions.server";
import { MAX_FILTERED_VARIANTS, SCHEDULE_QR_OPTIONS } from "~/services/public-site.server";
import { createSpeaker } from "../../seed/factories";
import { db, ORIGIN, queryCounter, request, SEED_EDITION, serverBundle, signIn } from "../helpers/app";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";
import { parseIcal } from "../helpers/validators";

const PUBLIC = `/programme/${SEED_EDITION}`;
const NO_SUCH = "00000000-0000-4000-8000-000000000000";

async function body(response: Response): Promise<string> {
  const bytes = Buffer.from(await response.arrayBuffer());
  const encoding = response.headers.get("Content-Encoding");
  if (encoding === "br") return brotliDecompressSync(bytes).toString("utf8");
  if (encoding === "gzip") return gunzipSync(bytes).toString("utf8");
  return bytes.toString("utf8");
}

async function html(path: string): Promise<string> {
  const response = await request(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("Content-Type"), path).toBe("text/html; charset=utf-8");
  return body(response);
}

/** Every href of a page (entities decoded as the browser would). */
function hrefs(page: string): string[] {
  return [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
}

let programme: PublicProgramme;
let unpublishedSpeaker = "";

async function seedEdition() {
  return (await (await db()).select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
}

describe("before anything is published", () => {
  it("answers every page with 404", async () => {
    const edition = await seedEdition();
    const speaker = await createSpeaker(await db(), { editionId: edition.id, publicName: "Personne sans session" });
    unpublishedSpeaker = speaker.uuid;
    for (const path of [`${PUBLIC}/`, `${PUBLIC}/?view=timetable`, `${PUBLIC}/apps`, `${PUBLIC}/speaker/${speaker.uuid}`, `${PUBLIC}/session/${NO_SUCH}`, `${PUBLIC}/v/1/`]) {
      expect((await request(path)).status, path).toBe(404);
    }
  });
});

describe("a published version", () => {
  beforeAll(async () => {
    const database = await db();
    const edition = await seedEdition();
    await acknowledgeBlockingConflicts(database, edition.id);
    // Published through the app, as an organiser does: the app's caches learn of it.
    const { cookie } = await signIn("editor");
    expect((await request(`/editions/${SEED_EDITION}/versions`, { cookie, form: { intent: "publish", note: "" } })).status).toBe(302);
    programme = (await findVersion(database, { editionId: edition.id, number: 1 }))!.programme;
  });

  it("shows the programme as a list, linking each session and speaker page, with calendar and subscribe links", async () => {
    const page = await html(`${PUBLIC}/`);
    expect(page).toMatch(/^<!DOCTYPE html><html lang="fr">/);
    expect(page).not.toContain("<script");
    const links = hrefs(page);
    for (const session of programme.sessions) expect(links).toContain(`${PUBLIC}/session/${session.id}`);
    for (const speaker of programme.speakers) expect(links).toContain(`${PUBLIC}/speaker/${speaker.id}`);
    expect(links).toContain(`${PUBLIC}/programme.ics`);
    expect(links).toContain(`webcal://barouf.test${PUBLIC}/programme.ics`);
    expect(links).toContain(`${PUBLIC}/apps`);
    expect(links).toContain(`${PUBLIC}/?lang=en`);
    const { events } = parseIcal(await body(await request(`${PUBLIC}/programme.ics`)));
    expect(events).toHaveLength(programme.sessions.length);
  });

  it("shows a day as a timetable of rooms × time, and the same day as a list for narrow screens", async () => {
    const days = [...new Set(programme.sessions.map((s) => s.start.slice(0, 10)))].sort();
    expect(days.length).toBeGreaterThan(1);
    const first = await html(`${PUBLIC}/?view=timetable`);
    const second = await html(`${PUBLIC}/?view=timetable&day=${days[1]}`);
    for (const [page, day] of [[first, days[0]!], [second, days[1]!]] as const) {
      const today = programme.sessions.filter((s) => s.start.startsWith(day));
      const grid = page.slice(page.indexOf('data-testid="timetable-grid"'), page.indexOf('data-testid="timetable-list"'));
      const list = page.slice(page.indexOf('data-testid="timetable-list"'));
      const rooms = new Set(today.map((s) => s.roomId));
      for (const room of programme.rooms.filter((r) => rooms.has(r.id))) expect(grid).toContain(`<th scope="col">${room.name.replaceAll("&", "&amp;")}</th>`);
      for (const session of today) expect(list).toContain(`href="${PUBLIC}/session/${session.id}"`);
      expect((grid.match(/class="timetable-session"/g) ?? []).length).toBeGreaterThan(0);
      expect(grid).toMatch(/rowspan="\d+"/);
      // Only that day's sessions.
      for (const session of programme.sessions.filter((s) => !s.start.startsWith(day))) expect(page).not.toContain(`/session/${session.id}"`);
    }
    // The timetable keeps its view and language in the day links.
    expect(hrefs(first)).toContain(`${PUBLIC}/?view=timetable&day=${days[1]}`);
  });

  it("gives each speaker a page of public fields with their sessions, iCal and subscribe links", async () => {
    const speaker = programme.speakers.find((s) => programme.sessions.filter((x) => x.people.some((p) => p.speakerId === s.id)).length > 0)!;
    const page = await html(`${PUBLIC}/speaker/${speaker.id}`);
    expect(page).toContain(`<h1>${speaker.name.replaceAll("&", "&amp;")}</h1>`);
    const links = hrefs(page);
    expect(links).toContain(`${PUBLIC}/speakers/${speaker.id}.ics`);
    expect(links).toContain(`webcal://barouf.test${PUBLIC}/speakers/${speaker.id}.ics`);
    const theirs = programme.sessions.filter((s) => s.people.some((p) => p.speakerId === speaker.id));
    for (const session of theirs) expect(links).toContain(`${PUBLIC}/session/${session.id}`);
    const { events } = parseIcal(await body(await request(`${PUBLIC}/speakers/${speaker.id}.ics`)));
    expect(events).toHaveLength(theirs.length);
  });

  it("gives each session a page with its people and its iCal link", async () => {
    const session = programme.sessions.find((s) => s.people.length > 0)!;
    const page = await html(`${PUBLIC}/session/${session.id}`);
    const links = hrefs(page);
    expect(links).toContain(`${PUBLIC}/sessions/${session.id}.ics`);
    for (const person of session.people) expect(links).toContain(`${PUBLIC}/speaker/${person.speakerId}`);
    const { events } = parseIcal(await body(await request(`${PUBLIC}/sessions/${session.id}.ics`)));
    expect(events).toHaveLength(1);
    expect(events[0]!.startDate.toJSDate().getTime()).toBe(Date.parse(session.start));
  });

  it("answers 404 for an unknown, malformed or unpublished speaker or session, and an unknown version", async () => {
    for (const path of [
      `${PUBLIC}/speaker/${NO_SUCH}`,
      `${PUBLIC}/speaker/${unpublishedSpeaker}`,
      `${PUBLIC}/v/1/speaker/${unpublishedSpeaker}`,
      `${PUBLIC}/speaker/not-a-uuid`,
      `${PUBLIC}/session/${NO_SUCH}`,
      `${PUBLIC}/session/${programme.speakers[0]!.id}`,
      `${PUBLIC}/v/2/session/${programme.sessions[0]!.id}`,
      `${PUBLIC}/v/0/`,
      `/programme/no-such-edition/apps`,
    ]) {
      expect((await request(path)).status, path).toBe(404);
    }
  });

  it("explains the schedule apps with the schedule.xml URL as text and as the library's QR code of that URL", async () => {
    const page = await html(`${PUBLIC}/apps`);
    const url = `${ORIGIN}${PUBLIC}/schedule.xml`;
    expect(page).toContain(`value="${url}"`);
    expect(page).toContain("Giggity");
    expect(page).toContain("EventFahrplan");
    // The SVG in the page is exactly what qrcode makes of that URL with the page's options.
    const svg = await QRCode.toString(url, SCHEDULE_QR_OPTIONS);
    expect(page).toContain(svg);
    // And that SVG's dark modules are the QR matrix of the URL.
    const matrix = QRCode.create(url, { errorCorrectionLevel: SCHEDULE_QR_OPTIONS.errorCorrectionLevel }).modules;
    expect(svg).toContain(`viewBox="0 0 ${matrix.size + 2 * SCHEDULE_QR_OPTIONS.margin} ${matrix.size + 2 * SCHEDULE_QR_OPTIONS.margin}"`);
    expect((await request(url.replace(ORIGIN, ""))).status).toBe(200);
  });

  it("speaks English with ?lang=en, and keeps the language in its links", async () => {
    const page = await html(`${PUBLIC}/?view=timetable&lang=en`);
    expect(page).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(page).toContain("Timetable");
    const session = programme.sessions[0]!;
    expect(hrefs(page).some((h) => h.startsWith(`${PUBLIC}/session/`) && h.endsWith("?lang=en"))).toBe(true);
    expect(await html(`${PUBLIC}/session/${session.id}?lang=en`)).toContain("Add to my calendar");
    expect(await html(`${PUBLIC}/apps?lang=en`)).toContain("Follow the programme in an app");
  });

  it("serves every page from prepared bytes: strong ETag, 304, gzip and brotli, the pages' CSP, immutable versions", async () => {
    const speaker = programme.speakers[0]!.id;
    const session = programme.sessions[0]!.id;
    for (const path of [`${PUBLIC}/`, `${PUBLIC}/?view=timetable`, `${PUBLIC}/speaker/${speaker}`, `${PUBLIC}/session/${session}`, `${PUBLIC}/apps`, `${PUBLIC}/v/1/speaker/${speaker}`]) {
      const br = await request(path, { headers: { "Accept-Encoding": "gzip, br" } });
      expect(br.headers.get("Content-Encoding"), path).toBe("br");
      const gz = await request(path, { headers: { "Accept-Encoding": "gzip" } });
      expect(gz.headers.get("Content-Encoding"), path).toBe("gzip");
      const plain = await request(path);
      expect(plain.headers.get("Content-Encoding"), path).toBeNull();
      const text = await body(plain);
      expect(await body(br)).toBe(text);
      expect(await body(gz)).toBe(text);
      const etag = br.headers.get("ETag")!;
      expect(etag, path).toMatch(/^"[\w-]+-br"$/);
      expect(br.headers.get("Vary")).toBe("Accept-Encoding");
      const again = await request(path, { headers: { "Accept-Encoding": "gzip, br", "If-None-Match": etag } });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe("");
      const csp = br.headers.get("Content-Security-Policy")!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("script-src");
      expect(br.headers.get("X-Frame-Options")).toBe("DENY");
      expect(br.headers.get("X-Content-Type-Options")).toBe("nosniff");
      // A page, not data: no CORS.
      expect(br.headers.get("Access-Control-Allow-Origin")).toBeNull();
      expect(br.headers.get("Cache-Control")).toContain(path.includes("/v/1/") ? "immutable" : "max-age=60");
    }
  });

  it("is then answered by the server's fast path from the same bytes, with the page's policy and no CORS", async () => {
    const { serveCachedExport } = await serverBundle();
    const path = `${PUBLIC}/v/1/session/${programme.sessions[1]!.id}`;
    const fake = (headers: Record<string, string>) => {
      const res = { status: 0, headers: {} as Record<string, string>, body: undefined as Buffer | undefined };
      const served = serveCachedExport(
        { method: "GET", url: path, headers },
        {
          writeHead: (status, raw) => {
            res.status = status;
            for (let i = 0; i < raw.length; i += 2) res.headers[raw[i]!] = raw[i + 1]!;
          },
          end: (b?: Buffer) => (res.body = b),
        },
        { secure: false },
      );
      return { served, ...res };
    };
    expect(fake({}).served).toBe(false);
    const viaApp = await request(path, { headers: { "Accept-Encoding": "br" } });
    const fast = fake({ "accept-encoding": "br" });
    expect(fast.served).toBe(true);
    expect(fast.body!.equals(Buffer.from(await viaApp.arrayBuffer()))).toBe(true);
    expect(fast.headers.ETag).toBe(viaApp.headers.get("ETag"));
    expect(fast.headers["Content-Security-Policy"]).toBe(viaApp.headers.get("Content-Security-Policy"));
    expect(fast.headers["Content-Type"]).toBe("text/html; charset=utf-8");
    expect(fast.headers["X-Frame-Options"]).toBe("DENY");
    expect(fast.headers["Access-Control-Allow-Origin"]).toBeUndefined();
    expect(fake({ "accept-encoding": "br", "if-none-match": viaApp.headers.get("ETag")! }).status).toBe(304);
  });

  it("builds one page per canonical query: the order or unknown values of a query give the same bytes", async () => {
    const room = programme.rooms[0]!.id;
    const etag = async (query: string) => (await request(`${PUBLIC}/${query}`)).headers.get("ETag");
    expect(await etag(`?room=${room}&view=timetable`)).toBe(await etag(`?view=timetable&room=${room}`));
    expect(await etag(`?room=${NO_SUCH}&x=1`)).toBe(await etag(""));
    expect(await etag(`?lang=de`)).toBe(await etag(""));
  });

  it("keeps at most MAX_FILTERED_VARIANTS filtered pages per version (a hit reads the database once, a rebuild more)", async () => {
    const days = [...new Set(programme.sessions.map((s) => s.start.slice(0, 10)))];
    const combos: string[] = [];
    for (const day of days) {
      for (const room of programme.rooms) {
        for (const theme of ["", ...programme.themes.map((t) => t.id)]) combos.push(`?view=timetable&day=${day}&room=${room.id}&theme=${theme}`);
      }
    }
    expect(combos.length).toBeGreaterThan(MAX_FILTERED_VARIANTS + 1);
    const queries = async (query: string) => {
      const before = queryCounter.count;
      expect((await request(`${PUBLIC}/v/1/${query}`)).status).toBe(200);
      return queryCounter.count - before;
    };
    const first = combos[0]!;
    const built = await queries(first);
    expect(await queries(first)).toBe(1);
    expect(built).toBeGreaterThan(1);
    for (const combo of combos.slice(1, MAX_FILTERED_VARIANTS + 1)) await queries(combo);
    // The first one was the oldest: it left the cache and is built again.
    expect(await queries(first)).toBe(built);
    expect(await queries(first)).toBe(1);
  });
});
