// The accessibility sweep: axe-core over every page of the build's route list, in French and
// English, with JavaScript and without, as the caller each page is for (the public, a speaker
// through their personal link, an organiser signed in as admin). Any serious or critical
// violation fails, naming its rule, target and page. Generated like route-guards.test.ts: the
// route list is the build's, and a route parameter without a recipe below fails, so a new page
// is swept by itself.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { asc, eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import * as schema from "~/db/schema";
import { publishProgramme } from "~/services/publishing.server";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";
import { launchBrowser, signInThroughForm } from "../helpers/browser";
import { build, routeUrl } from "../helpers/routes";
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from "../helpers/server";

// The unminified build: Chromium's renderer runs it where the minified one has been seen to crash.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.js"), "utf8");
const EDITION = "grand-barouf-2016";
const LOCALES = ["fr", "en"] as const;
const MODES = ["js", "no-js"] as const;
type Caller = "public" | "speaker" | "organiser";
type Locale = (typeof LOCALES)[number];
type Mode = (typeof MODES)[number];

/** Query strings a page needs to show its content (the rest of the URL comes from the params). */
const QUERIES: Record<string, string> = {
  "routes/editions.$editionSlug.versions.compare": "?from=0&to=1",
  "routes/editions.switch": `?edition=${EDITION}`,
};

let server: RunningServer;
let browser: Browser;
const params: Record<string, string> = {};
const cookies: Record<Caller, string> = { public: "", speaker: "", organiser: "" };
const contexts = new Map<string, { context: BrowserContext; page: Page }>();
const swept = { pages: new Set<string>(), runs: 0, skipped: [] as string[] };

/**
 * A value for a route parameter, derived from its name: the seed edition's slug, the published
 * version's number, the speaker's live link token, a schema's or an export file's name, and for
 * `<entity>Id` / `<entity>Slug` the first row of that entity's table in the seed edition.
 */
async function recipe(db: Database, editionId: number, name: string, fixed: Record<string, string>): Promise<string> {
  if (name in fixed) return fixed[name]!;
  const match = /^(\w+?)(Id|Slug)$/.exec(name);
  const table = match ? (schema as Record<string, unknown>)[`${match[1]}s`] : undefined;
  if (table && typeof table === "object" && "editionId" in table) {
    const column = match![2] === "Id" ? "uuid" : "slug";
    const t = table as typeof schema.sessions;
    if (column in t) {
      const row = await db
        .select({ value: (t as unknown as Record<string, typeof t.uuid>)[column]! })
        .from(t)
        .where(eq(t.editionId, editionId))
        .orderBy(asc(t.id))
        .get();
      if (row) return row.value;
    }
  }
  throw new Error(`No recipe for the route parameter :${name}: add one in a11y-sweep.test.ts`);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const db = await openDatabase(`file:${server.databaseFile}`);
  const edition = (await db.select().from(schema.editions).where(eq(schema.editions.slug, EDITION)).get())!;
  // Version 1 published, so the version pages and the public programme show a programme.
  await acknowledgeBlockingConflicts(db, edition.id);
  const published = await publishProgramme(db, { editionId: edition.id, slug: EDITION, actor: { type: "system" }, note: "Première version", now: Date.now() });
  expect(published.ok).toBe(true);
  const admin = (await db.select({ uuid: schema.organisers.uuid }).from(schema.organisers).where(eq(schema.organisers.email, "admin@barouf.example")).get())!;

  // The organiser: signed in once through the form.
  const organiser = await browser.newContext();
  const page = await organiser.newPage();
  await signInThroughForm(page, server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
  // The speaker: the seed speaker with the most sessions, through a personal link the admin makes.
  const speaker = (await db
    .select({ uuid: schema.speakers.uuid })
    .from(schema.speakers)
    .innerJoin(schema.sessionSpeakers, eq(schema.sessionSpeakers.speakerId, schema.speakers.id))
    .where(eq(schema.speakers.editionId, edition.id))
    .groupBy(schema.speakers.id)
    .orderBy(asc(schema.speakers.id))
    .get())!;
  const made = await organiser.request.post(`${server.url}/editions/${EDITION}/invitations`, {
    form: { intent: "link", speaker: speaker.uuid },
    headers: { Origin: server.url },
  });
  expect(made.status()).toBe(200);
  const token = /\/invitation\/([A-Za-z0-9_-]{43})/.exec(await made.text())![1]!;
  const opened = await fetch(`${server.url}/invitation/${token}`, { redirect: "manual" });
  expect(opened.status).toBe(302);
  cookies.speaker = opened.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  cookies.organiser = (await organiser.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  await organiser.close();

  const fixed = { editionSlug: EDITION, number: "1", token, organiserId: admin.uuid, name: "barouf-programme-1.json", "*": "programme.json" };
  const names = new Set(Object.values(build.routes).flatMap((route) => [...(route.path ?? "").matchAll(/:(\w+)|(\*)/g)].map((m) => m[1] ?? "*")));
  for (const name of names) params[name] = await recipe(db, edition.id, name, fixed);
  db.$client.close();
});

afterAll(async () => {
  for (const { context } of contexts.values()) await context.close();
  await browser?.close();
  await server?.stop();
  console.info(`a11y sweep: ${swept.pages.size} pages, ${swept.runs} axe runs (FR/EN × JS/no-JS); skipped: ${swept.skipped.join(", ")}`);
});

/** A context per caller, language and mode, made once and reused by every page. */
async function pageFor(caller: Caller, locale: Locale, mode: Mode): Promise<Page> {
  const key = `${caller} ${locale} ${mode}`;
  const known = contexts.get(key);
  if (known) return known.page;
  // bypassCSP: the app's CSP (a nonce per response) would refuse the injected axe script.
  const context = await browser.newContext({ bypassCSP: true });
  const host = new URL(server.url).hostname;
  const jar = cookies[caller]
    .split("; ")
    .filter(Boolean)
    .map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1), domain: host, path: "/" }));
  await context.addCookies(jar);
  // The language as a visitor chooses it: the switch's own form action.
  const switched = await context.request.post(`${server.url}/locale`, { form: { locale, redirectTo: "/login" }, headers: { Origin: server.url }, maxRedirects: 0 });
  expect(switched.status()).toBe(302);
  if (mode === "no-js") {
    // Without JavaScript: the page as served, its scripts removed and its <noscript> shown.
    // (Not javaScriptEnabled: false: Chromium's renderer crashes running axe in such a context.)
    await context.route(`${server.url}/**`, async (route) => {
      if (route.request().resourceType() !== "document") return route.continue();
      const response = await route.fetch();
      const body = (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "").replace(/<\/?noscript>/gi, "");
      return route.fulfill({ response, body });
    });
  }
  const page = await context.newPage();
  contexts.set(key, { context, page });
  return page;
}

type Violation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

async function serious(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(`${AXE_SOURCE}\n;0`);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? "", help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String) })) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Who a page is for, as the server answers a visitor without cookies; null when it is no page (a redirect or a file). */
async function probe(url: string): Promise<{ caller: Caller; url: string } | { skip: string }> {
  const anonymous = await fetch(server.url + url, { redirect: "manual" });
  await anonymous.arrayBuffer();
  const caller: Caller | null =
    anonymous.status === 401
      ? "speaker"
      : anonymous.status === 302 && (anonymous.headers.get("Location") ?? "").startsWith("/login")
        ? "organiser"
        : anonymous.status >= 300 && anonymous.status < 400
          ? null
          : "public";
  if (!caller) return { skip: `${url} (redirect)` };
  const answer = caller === "public" ? anonymous : await fetch(server.url + url, { redirect: "manual", headers: { Cookie: cookies[caller] } });
  if (answer !== anonymous) await answer.arrayBuffer();
  if (answer.status >= 300 && answer.status < 400) {
    // A page that completes its own query (the board picks its first day) is still that page.
    const location = answer.headers.get("Location") ?? "";
    if (!url.includes("?") && new URL(location, server.url).pathname === url) return probe(location);
    return { skip: `${url} (redirect)` };
  }
  expect(answer.status, url).toBeLessThan(500);
  const type = answer.headers.get("Content-Type") ?? "";
  if (!type.startsWith("text/html")) return { skip: `${url} (${type.split(";")[0]})` };
  return { caller, url };
}

const routeIds = Object.keys(build.routes);
// logout last, as in the route-guard matrix (it would end the organiser's login session).
const ordered = [...routeIds.filter((id) => id !== "routes/logout"), "routes/logout"].filter((id) => routeIds.includes(id));

describe("every page passes axe-core (no serious or critical violation)", () => {
  it.each(ordered)("%s", async (routeId) => {
    const found = await probe(routeUrl(routeId, params) + (QUERIES[routeId] ?? ""));
    if ("skip" in found) {
      swept.skipped.push(found.skip);
      return;
    }
    const { url } = found;
    if (swept.pages.has(url)) return;
    swept.pages.add(url);
    const failures: string[] = [];
    for (const locale of LOCALES) {
      for (const mode of MODES) {
        const page = await pageFor(found.caller, locale, mode);
        // The language as the address names it (`?lang=`): the public site's prepared pages read
        // only that; the other pages read it before the switch's cookie.
        const response = await page.goto(`${server.url}${url}${url.includes("?") ? "&" : "?"}lang=${locale}`);
        expect(response?.status(), url).toBeLessThan(500);
        expect(await page.getAttribute("html", "lang")).toBe(locale);
        swept.runs++;
        for (const violation of await serious(page)) {
          for (const node of violation.nodes) {
            failures.push(`${violation.id} (${violation.impact}) ${node.target.join(" ")} on ${url} [${found.caller}, ${locale}, ${mode}]: ${violation.help}`);
          }
        }
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
    // The public programme is long (every session of the edition): axe takes its time on a shared machine.
  }, 300_000);

  it("swept pages for every kind of caller", () => {
    expect(swept.pages.size).toBeGreaterThan(30);
    expect(swept.runs).toBe(swept.pages.size * LOCALES.length * MODES.length);
  });
});
