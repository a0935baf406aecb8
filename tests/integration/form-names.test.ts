// Generated from the build's own route list: every action is sent field names that could reach
// Object.prototype, urlencoded and multipart, as an organiser, a speaker and anonymously. Each
// such post is refused (400, app/utils/forms.ts) and the process's Object.prototype is untouched,
// so logins and list pages keep working for everyone else.
import type { ServerBuild } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { editions, formats, organisers, rooms, sessions, speakers, themes } from "~/db/schema";
import { db, request, SEED_EDITION, signIn } from "../helpers/app";
import { makeLink, openLink, speakerWithSessions } from "./invitations-fixtures";

const build = (await import(
  /* @vite-ignore */ pathToFileURL(path.resolve(import.meta.dirname, "..", "..", "build", "index.js")).href
)) as ServerBuild;

/** Routes whose caller is a speaker (speaker cookie) or anyone; the rest are for organisers. */
const SPEAKER_ROUTES = new Set(["routes/speaker", "routes/speaker.photo", "routes/speaker.erasure"]);
const PUBLIC_ROUTES = new Set(["routes/login", "routes/logout", "routes/locale", "routes/invitation.$token"]);
/** Ends the caller's session without reading a form: nothing to refuse. */
const READS_NO_FORM = new Set(["routes/logout"]);

const POLLUTING = [
  "__proto__.x",
  "__proto__[x]",
  "constructor.prototype.x",
  "a.__proto__.b",
  "prototype.x",
  "links.0.__proto__.x",
  "constructor[prototype][x]",
  // Names of real fields: a polluted prototype would answer for every form and query that lacks them.
  "__proto__.email",
  "__proto__.password",
  "__proto__.q",
  "__proto__.intent",
  "__proto__.consentRecording",
  "__proto__.consentPhotos",
  "__proto__.consentPublishBio",
  "__proto__.isPublic",
  "__proto__.version",
];

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
const descriptorsBefore = Object.getOwnPropertyDescriptors(Object.prototype);

/** Real rows of the seed edition for the route's parameters, so each action gets past its lookups. */
async function paramValues(): Promise<Record<string, string>> {
  const database = await db();
  const edition = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
  const first = async (table: typeof sessions | typeof speakers | typeof rooms | typeof formats | typeof themes) =>
    (await database.select({ uuid: table.uuid }).from(table).where(eq(table.editionId, edition.id)).get())!.uuid;
  const organiser = (await database.select({ uuid: organisers.uuid }).from(organisers).where(and(eq(organisers.role, "viewer"))).get()) ??
    (await database.select({ uuid: organisers.uuid }).from(organisers).get())!;
  return {
    editionSlug: SEED_EDITION,
    sessionId: await first(sessions),
    speakerId: await first(speakers),
    roomId: await first(rooms),
    formatId: await first(formats),
    themeId: await first(themes),
    organiserId: organiser.uuid,
    number: "1",
    token: "A".repeat(43),
  };
}

function urlOf(routeId: string, params: Record<string, string>): string {
  const segments: string[] = [];
  for (let route: (typeof build.routes)[string] | undefined = build.routes[routeId]; route; route = route.parentId ? build.routes[route.parentId] : undefined) {
    if (route.path) segments.unshift(route.path);
  }
  return `/${segments.join("/")}`
    .replace(/\/+/g, "/")
    .replace(/:(\w+)\??/g, (_m, name: string) => params[name] ?? "00000000-0000-4000-8000-000000000000")
    .replace(/\/\*$/, "/anything");
}

/** The intents of the forms the route's own page shows (plus none), so each branch of its action is tried. */
async function intentsOn(url: string, cookie: string | undefined): Promise<string[]> {
  const page = await request(url, { cookie });
  const html = page.status === 200 ? await page.text() : "";
  const found = [...html.matchAll(/name="intent"[^>]*?value="([^"]+)"|value="([^"]+)"[^>]*?name="intent"/g)].map((m) => m[1] ?? m[2]!);
  return ["", ...new Set(found)];
}

function post(url: string, cookie: string | undefined, fields: [string, string][], multipart: boolean) {
  if (multipart) {
    const body = new FormData();
    for (const [name, value] of fields) body.append(name, value);
    return request(url, { method: "POST", cookie, body });
  }
  return request(url, {
    method: "POST",
    cookie,
    body: new URLSearchParams(fields).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}

const actions = Object.values(build.routes).filter((route) => route.module.action);
let tried = 0;

describe("field names that reach Object.prototype", { timeout: 600_000 }, () => {
  afterAll(() => {
    console.info(`form-names: ${tried} posts (${actions.length} actions × ${POLLUTING.length} names × their intents × 2 encodings)`);
  });

  it("knows the app's actions, the speaker's included", () => {
    expect(actions.map((route) => route.id)).toEqual(expect.arrayContaining(["routes/speaker", "routes/login", "routes/locale", "routes/logout"]));
  });

  it("every action refuses them with 400, and Object.prototype stays as it was", async () => {
    const params = await paramValues();
    const admin = (await signIn("admin")).cookie;
    const { speaker } = await speakerWithSessions();
    const speakerCookie = await openLink(await makeLink(admin, speaker.uuid));
    const answers: string[] = [];
    for (const route of actions) {
      const cookie = SPEAKER_ROUTES.has(route.id) ? speakerCookie : PUBLIC_ROUTES.has(route.id) ? undefined : admin;
      const url = urlOf(route.id, params);
      const intents = route.module.loader ? await intentsOn(url, cookie) : [""];
      for (const intent of intents) {
        for (const name of POLLUTING) {
          for (const multipart of [false, true]) {
            const fields: [string, string][] = [[name, "polluted"]];
            if (intent) fields.unshift(["intent", intent]);
            const response = await post(url, cookie, fields, multipart);
            tried++;
            const expected = READS_NO_FORM.has(route.id) ? 302 : 400;
            if (response.status !== expected) answers.push(`${route.id} ${intent || "(no intent)"} ${name} ${multipart ? "multipart" : "urlencoded"}: ${response.status}`);
          }
        }
      }
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(Object.getOwnPropertyDescriptors(Object.prototype)).toEqual(descriptorsBefore);
    const plain: Record<string, unknown> = {};
    for (const name of ["x", "email", "q", "intent", "consentRecording", "isPublic", "version"]) expect(plain[name]).toBeUndefined();
    expect(answers).toEqual([]);
    expect(tried).toBeGreaterThan(actions.length * POLLUTING.length * 2 - 1);
  });

  it("afterwards, organisers still sign in and the speakers list still finds its rows", async () => {
    const { cookie } = await signIn("editor");
    const database = await db();
    const edition = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
    const someone = (await database.select().from(speakers).where(eq(speakers.editionId, edition.id)).get())!;
    const word = someone.publicName.split(" ").at(-1)!;
    const list = await request(`/editions/${SEED_EDITION}/speakers?q=${encodeURIComponent(word)}`, { cookie });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(someone.publicName);
    // And a consent left unticked is still "no", not a default someone posted.
    const { speaker } = await speakerWithSessions();
    const speakerCookie = await openLink(await makeLink(cookie, speaker.uuid));
    const saved = await request("/speaker", {
      cookie: speakerCookie,
      form: { intent: "practical", version: String(speaker.version ?? 1), accessibilityNeeds: "", practicalNotes: "", preferredLocale: "fr" },
    });
    expect(saved.status).toBe(200);
    const row = (await database.select().from(speakers).where(eq(speakers.id, speaker.id)).get())!;
    expect([row.consentRecording, row.consentPhotos, row.consentPublishBio]).toEqual([false, false, false]);
  });
});
