// Generated from the build's own route list: every route × every kind of caller × GET and POST.
// Each route is classified ONCE below by the rule that guards it; the expected answer of every
// cell is derived from that rule and the caller. A route missing from the table fails here, so
// a new route must be classified (and so guarded) before the suite passes.
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { editions, formats, organisations, rooms, sessions, speakers, themes } from "~/db/schema";
import { publishProgramme } from "~/services/publishing.server";
import { createOrganisation } from "../../seed/factories";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";
import { db, request, SEED_EDITION, signIn } from "../helpers/app";
import { build, ROUTE_PARAMS, routeUrl } from "../helpers/routes";
import { makeLink, openLink } from "./invitations-fixtures";

/**
 * - public: anyone (the login page, the public programme, the speaker's invitation link).
 * - speaker: the speaker cookie an invitation link gives (organisers have none: 401).
 * - organiser: anyone signed in (what they then see is filtered by the access rule).
 * - writer / admin: signed in with that role, outside any edition (imports; organisers pages).
 * - admin-own-organisation: an admin acting on their own organisation (none: not found).
 * - own-organiser: an admin, on one organiser of their own organisation (the seed admin's page here).
 * - edition-starter: an admin with an organisation, which will run the new edition.
 * - edition-starter-writer: the same for imports, which editors may do too.
 * - edition-read / edition-write: the seed edition, reached through the caller's organisation.
 * - none: the route has no action (POST: 405).
 */
type Rule =
  | "public"
  | "speaker"
  | "organiser"
  | "writer"
  | "admin"
  | "admin-own-organisation"
  | "own-organiser"
  | "edition-starter"
  | "edition-starter-writer"
  | "edition-read"
  | "edition-write"
  | "none";

/**
 * `reachedAs`: what a caller who passes the guard gets when the loader or action then answers on
 * its own (no photo stored for the seed speakers, no such upload, a link token that does not
 * exist, logout sending to the login page); the guard's
 * answers to the other callers are still checked.
 */
type Entry = { get: Rule; post: Rule; query?: string; reachedAs?: { get?: Outcome; post?: Outcome } };

const ROUTES: Record<string, Entry> = {
  // Its URL, /, is the home page's (routes/_index).
  root: { get: "organiser", post: "none" },
  "routes/login": { get: "public", post: "public" },
  "routes/locale": { get: "public", post: "public" },
  "routes/invitation.$token": { get: "public", post: "none", reachedAs: { get: "not-found" } },
  "routes/speaker": { get: "speaker", post: "speaker" },
  "routes/speaker.photo": { get: "speaker", post: "none", reachedAs: { get: "not-found" } },
  "routes/speaker.data": { get: "speaker", post: "none" },
  // GET: back to the speaker's page; POST without confirm=yes: the confirmation step (400), nothing asked.
  "routes/speaker.erasure": { get: "speaker", post: "speaker" },
  "routes/programme.$editionSlug._index": { get: "public", post: "none" },
  "routes/programme.$editionSlug.v.$number": { get: "public", post: "none" },
  "routes/programme.$editionSlug.$": { get: "public", post: "none" },
  "routes/programme.$editionSlug.speaker.$speakerId": { get: "public", post: "none" },
  // No seed speaker has a consented photo: not found (photos.test.ts shows one).
  "routes/programme.$editionSlug.photo.$speakerId": { get: "public", post: "none", reachedAs: { get: "not-found" } },
  "routes/programme.$editionSlug.session.$sessionId": { get: "public", post: "none" },
  "routes/programme.$editionSlug.v.$number_.speaker.$speakerId": { get: "public", post: "none" },
  "routes/programme.$editionSlug.v.$number_.session.$sessionId": { get: "public", post: "none" },
  "routes/programme.$editionSlug.apps": { get: "public", post: "none" },
  "routes/programme.$editionSlug.accessibilite": { get: "public", post: "none" },
  "routes/programme.$editionSlug.confidentialite": { get: "public", post: "none" },
  "routes/programme.$editionSlug.embed": { get: "public", post: "none" },
  "routes/schemas.$name": { get: "public", post: "none" },

  "routes/_index": { get: "organiser", post: "none" },
  "routes/editions._index": { get: "organiser", post: "none" },
  "routes/editions.switch": { get: "organiser", post: "none", query: `?edition=${SEED_EDITION}` },
  "routes/editions.new": { get: "edition-starter", post: "edition-starter" },
  "routes/editions.import": { get: "writer", post: "edition-starter-writer" },
  "routes/editions.import.progress": { get: "writer", post: "none", query: "?upload=none", reachedAs: { get: "not-found" } },
  "routes/admin.organisers._index": { get: "admin", post: "admin" },
  // POST: the form is refused (400) before the organiser is looked up (organisers.test.ts: 404).
  "routes/admin.organisers.$organiserId": { get: "own-organiser", post: "admin" },
  "routes/admin.organisations": { get: "admin", post: "admin-own-organisation" },
  "routes/admin.organisations_.notices": { get: "admin-own-organisation", post: "admin-own-organisation" },
  "routes/admin.organisations_.partners": { get: "admin-own-organisation", post: "admin-own-organisation" },

  "routes/editions.$editionSlug": { get: "edition-read", post: "none" },
  "routes/editions.$editionSlug._index": { get: "edition-read", post: "none" },
  "routes/editions.$editionSlug.audit": { get: "edition-read", post: "none" },
  "routes/editions.$editionSlug.board": { get: "edition-read", post: "edition-write" },
  "routes/editions.$editionSlug_.board.state": { get: "edition-read", post: "none" },
  "routes/editions.$editionSlug_.board.preview": { get: "edition-read", post: "none" },
  "routes/editions.$editionSlug_.board.print": { get: "edition-read", post: "none" },
  "routes/editions.$editionSlug.board_.auto": { get: "edition-write", post: "edition-write" },
  // GET: 405 once the caller is checked (a plan is asked for with a POST).
  "routes/editions.$editionSlug_.board.auto.plan": { get: "edition-write", post: "edition-write", reachedAs: { get: "method" } },
  "routes/editions.$editionSlug.conflicts": { get: "edition-read", post: "edition-write" },
  "routes/editions.$editionSlug.formats._index": { get: "edition-read", post: "edition-write" },
  "routes/editions.$editionSlug.formats.$formatId": { get: "edition-read", post: "edition-write" },
  "routes/editions.$editionSlug.invitations": { get: "edition-read", post: "edition-write" },
  "routes/editions.$editionSlug.outbox": { get: "edition-read", post: "edition-write" },
  "routes/editions.$editionSlug.email-texts": { get: "edition-read", post: "edition-write" },
  "routes/editions.$editionSlug.rooms._index": { get: "edition-read", post: "edition-write" },
  "routes/editions.$editionSlug.rooms.$roomId": { get: "edition-read", post: "edition-write" },
  // POST: the bulk bar (an empty selection: 400 once past the guard).
  "routes/editions.$editionSlug.sessions._index": { get: "edition-read", post: "edition-write" },
  "routes/editions.$editionSlug.sessions.new": { get: "edition-write", post: "edition-write" },
  "routes/editions.$editionSlug.sessions.$sessionId": { get: "edition-read", post: "edition-write" },
  "routes/editions.$editionSlug.sessions[.]csv": { get: "edition-read", post: "none" },
  "routes/editions.$editionSlug.sessions_.import": { get: "edition-write", post: "edition-write" },
  "routes/editions.$editionSlug.settings": { get: "edition-read", post: "edition-write" },
  "routes/editions.$editionSlug.slots": { get: "edition-read", post: "edition-write" },
  "routes/editions.$editionSlug.speaker-changes": { get: "edition-read", post: "edition-write" },
  // POST: the empty form is refused (400) after the guard; photos.test.ts uploads for real.
  "routes/editions.$editionSlug.speaker-photos.$speakerId": { get: "edition-read", post: "edition-write", reachedAs: { get: "not-found" } },
  "routes/editions.$editionSlug.speakers._index": { get: "edition-read", post: "none" },
  "routes/editions.$editionSlug.speakers.new": { get: "edition-write", post: "edition-write" },
  "routes/editions.$editionSlug.speakers.$speakerId": { get: "edition-read", post: "edition-write" },
  "routes/editions.$editionSlug.speakers.$speakerId_.data": { get: "edition-write", post: "none" },
  "routes/editions.$editionSlug.speakers[.]csv": { get: "edition-read", post: "none" },
  "routes/editions.$editionSlug.speakers_.import": { get: "edition-write", post: "edition-write" },
  "routes/editions.$editionSlug.themes._index": { get: "edition-read", post: "edition-write" },
  "routes/editions.$editionSlug.themes.$themeId": { get: "edition-read", post: "edition-write" },
  "routes/editions.$editionSlug.versions._index": { get: "edition-read", post: "edition-write" },
  "routes/editions.$editionSlug.versions.$number": { get: "edition-read", post: "none" },
  "routes/editions.$editionSlug.versions.compare": { get: "edition-read", post: "none", query: "?from=0&to=1" },
  "routes/editions.$editionSlug.webhooks": { get: "edition-read", post: "edition-write" },

  // Last: it ends each caller's login session.
  "routes/logout": { get: "public", post: "public", reachedAs: { post: "login" } },
};

const CALLERS = [
  "anonymous",
  "speaker",
  "viewer",
  "editor",
  "admin",
  "partner-editor",
  "other-editor",
  "other-admin",
  "no-organisation",
] as const;
type Caller = (typeof CALLERS)[number];

/** Who reaches the seed edition: its running organisation's organisers and the partner's (a granted access). */
const IN_EDITION: readonly Caller[] = ["viewer", "editor", "admin", "partner-editor"];
const ORGANISER_ROLE: Partial<Record<Caller, "viewer" | "editor" | "admin">> = {
  viewer: "viewer",
  editor: "editor",
  admin: "admin",
  "partner-editor": "editor",
  "other-editor": "editor",
  "other-admin": "admin",
  "no-organisation": "admin",
};
const OUTSIDERS: readonly Caller[] = ["other-editor", "other-admin", "no-organisation"];

// "refused": a POST without action from a caller not signed in: 405, or the login page when the
// layout's loader runs to render the 405 (either way nothing ran).
type Outcome = "reached" | "login" | "unauthorised" | "forbidden" | "not-found" | "method" | "refused";

function expected(rule: Rule, caller: Caller, reachedAs: Outcome = "reached"): Outcome {
  const role = ORGANISER_ROLE[caller];
  if (rule === "none") return role ? "method" : "refused";
  if (rule === "public") return reachedAs;
  if (rule === "speaker") return caller === "speaker" ? reachedAs : "unauthorised";
  if (!role) return "login";
  const writes = role !== "viewer";
  const admin = role === "admin";
  const hasOrganisation = caller !== "no-organisation";
  switch (rule) {
    case "organiser":
      return "reached";
    case "writer":
      return writes ? reachedAs : "forbidden";
    case "admin":
      return admin ? "reached" : "forbidden";
    case "admin-own-organisation":
      return !admin ? "forbidden" : hasOrganisation ? "reached" : "not-found";
    case "own-organiser":
      return !admin ? "forbidden" : caller === "admin" ? "reached" : "not-found";
    case "edition-starter":
      return admin && hasOrganisation ? "reached" : "forbidden";
    case "edition-starter-writer":
      return writes && hasOrganisation ? "reached" : "forbidden";
    case "edition-read":
      return IN_EDITION.includes(caller) ? reachedAs : "not-found";
    case "edition-write":
      return !IN_EDITION.includes(caller) ? "not-found" : writes ? reachedAs : "forbidden";
  }
}

function outcomeOf(response: Response): Outcome | string {
  const { status } = response;
  if (status === 302 && /^\/login(\?|$)/.test(response.headers.get("Location") ?? "")) return "login";
  if (status === 401) return "unauthorised";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  if (status === 405) return "method";
  if (status < 500) return "reached";
  return `error ${status}`;
}

const cookies = new Map<Caller, string>();
// The seed edition's own ids (set below) over the made-up ones.
const params: Record<string, string> = { ...ROUTE_PARAMS };
let seedEmails: string[] = [];
let tried = 0;

function urlOf(routeId: string): string {
  return routeUrl(routeId, params) + (ROUTES[routeId]?.query ?? "");
}

beforeAll(async () => {
  const database = await db();
  const edition = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
  const first = async <T extends { uuid: string }>(rows: Promise<T | undefined>) => (await rows)!.uuid;
  const inEdition = <T extends typeof sessions | typeof speakers | typeof formats | typeof themes | typeof rooms>(table: T) =>
    database.select({ uuid: table.uuid }).from(table).where(eq(table.editionId, edition.id)).orderBy(asc(table.id)).get();
  params.sessionId = await first(inEdition(sessions));
  params.speakerId = await first(inEdition(speakers));
  params.formatId = await first(inEdition(formats));
  params.themeId = await first(inEdition(themes));
  params.roomId = await first(inEdition(rooms));
  // Version 1 published, so the version pages and the public programme answer for real.
  await acknowledgeBlockingConflicts(database, edition.id);
  const published = await publishProgramme(database, { editionId: edition.id, slug: SEED_EDITION, actor: { type: "system" }, note: null, now: Date.now() });
  expect(published.ok).toBe(true);
  seedEmails = (await database.select({ email: speakers.email }).from(speakers).where(eq(speakers.editionId, edition.id)).all())
    .map((row) => row.email)
    .filter((email): email is string => Boolean(email));

  // Signed in once per caller; every cell reuses the cookie.
  const mel = (await database.select().from(organisations).where(eq(organisations.name, "Métropole Européenne de Lille")).get())!;
  const admin = await signIn("admin", { organisation: mel.name });
  params.organiserId = admin.organiser.uuid;
  cookies.set("admin", admin.cookie);
  cookies.set("viewer", (await signIn("viewer", { organisation: mel.name })).cookie);
  cookies.set("editor", (await signIn("editor", { organisation: mel.name })).cookie);
  const partner = await createOrganisation(database, { name: "Partenaire du matrix" });
  const granted = await request("/admin/organisations", { cookie: admin.cookie, form: { intent: "grant", edition: edition.uuid, organisation: partner.uuid } });
  expect(granted.status).toBe(200);
  cookies.set("partner-editor", (await signIn("editor", { organisation: partner.name })).cookie);
  cookies.set("other-editor", (await signIn("editor", { organisation: "Uber" })).cookie);
  cookies.set("other-admin", (await signIn("admin", { organisation: "Uber" })).cookie);
  // signIn looks the organisation up by name: no such name, no organisation.
  cookies.set("no-organisation", (await signIn("admin", { organisation: "(none)" })).cookie);
  const token = await makeLink(admin.cookie, params.speakerId);
  cookies.set("speaker", await openLink(token));
});

const routeIds = Object.keys(build.routes);
// The table's order (logout last), then any route it misses (which fails below).
const ordered = [...Object.keys(ROUTES).filter((id) => routeIds.includes(id)), ...routeIds.filter((id) => !(id in ROUTES))];

describe("every route checks its caller", () => {
  it("classifies every route of the build, and only those", () => {
    expect(routeIds.filter((id) => !(id in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((id) => !routeIds.includes(id))).toEqual([]);
  });

  it.each(ordered)("%s answers each caller as its rule says", async (routeId) => {
    const entry = ROUTES[routeId];
    expect(entry, `${routeId} is not classified in ROUTES`).toBeDefined();
    const route = build.routes[routeId]!;
    const url = urlOf(routeId);
    const want: Record<string, Outcome> = {};
    const got: Record<string, Outcome | string> = {};
    for (const method of ["GET", "POST"] as const) {
      const rule = method === "GET" ? entry!.get : entry!.post;
      // A rule for a method the route does not have would be a table mistake.
      if (method === "POST") expect(rule === "none", `${routeId}: POST rule vs action`).toBe(!route.module.action);
      for (const caller of CALLERS) {
        const cookie = cookies.get(caller);
        const response = await request(url, method === "GET" ? { cookie } : { cookie, form: { intent: "matrix" } });
        tried++;
        const cell = `${method} ${caller}`;
        want[cell] = expected(rule, caller, entry!.reachedAs?.[method === "GET" ? "get" : "post"]);
        const outcome = outcomeOf(response);
        got[cell] = want[cell] === "refused" && (outcome === "method" || outcome === "login") ? "refused" : outcome;
        const body = await response.text();
        if (OUTSIDERS.includes(caller) || caller === "anonymous") {
          for (const email of seedEmails) expect(body, `${cell} ${url} leaks ${email}`).not.toContain(email);
        }
      }
    }
    expect(got, url).toEqual(want);
  });

  it("tried every cell", () => {
    expect(tried).toBe(ordered.length * CALLERS.length * 2);
    console.info(`route-guard matrix: ${tried} cells`);
  });
});

