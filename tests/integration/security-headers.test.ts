// The header set on every response, whoever writes it: generated from the build's route list,
// every file of public/ (the client build included), every export format through Remix and
// through the server's fast path (200 and 304), and the node listener's own refusals. Each is
// sent through the real node listener, once with a plain http origin and once with an https
// PUBLIC_ORIGIN (HSTS then, and only then). And an edition never published is not public at all.
import { readdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import net from "node:net";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { editions, organisations, speakers } from "~/db/schema";
import { EXPORT_FORMATS } from "~/domain/exports";
import { BODY_LIMIT, createAppHandler } from "~/server/handler.server";
import { createNodeListener } from "~/server/node.server";
import { HSTS, NO_CONTENT_CSP } from "~/server/security-headers.server";
import sharp from "sharp";
import { storeSpeakerPhoto } from "~/services/photos.server";
import { publishProgramme } from "~/services/publishing.server";
import { createEdition, createSpeaker } from "../../seed/factories";
import { db, request, SEED_EDITION, serverBundle, signIn } from "../helpers/app";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";
import { build, routeUrl } from "../helpers/routes";
import { rawRequest, type RawAnswer } from "../helpers/raw-http";
import { makeLink, openLink } from "./invitations-fixtures";

const PUBLIC_DIR = path.resolve(import.meta.dirname, "..", "..", "public");
const HOST = "barouf.test";
const ORIGINS = { http: `http://${HOST}`, https: `https://${HOST}` } as const;
type Scheme = keyof typeof ORIGINS;

function get(port: number, url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const lines = [`GET ${url} HTTP/1.1`, `Host: ${HOST}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  return rawRequest(port, lines.join("\r\n"));
}

/** The one page other sites may frame (embed.test.ts checks it further). */
const FRAMABLE = /^\/programme\/[^/]+\/embed$/;

/** SECURITY.md "Every response": the set, with HSTS exactly when the deployment is https. */
function expectHeaderSet(answer: RawAnswer, scheme: Scheme, what: string, framable = false) {
  const csp = answer.headers.get("content-security-policy") ?? "";
  for (const directive of ["object-src 'none'", "base-uri 'none'", framable ? "frame-ancestors *" : "frame-ancestors 'none'"]) expect(csp, `${what}: CSP`).toContain(directive);
  expect(answer.headers.get("x-content-type-options"), `${what}: nosniff`).toBe("nosniff");
  expect(answer.headers.get("x-frame-options") ?? null, `${what}: X-Frame-Options`).toBe(framable ? null : "DENY");
  expect(answer.headers.get("cross-origin-opener-policy"), `${what}: COOP`).toBe("same-origin");
  expect(["strict-origin-when-cross-origin", "same-origin", "no-referrer"], `${what}: Referrer-Policy`).toContain(answer.headers.get("referrer-policy"));
  expect(answer.headers.get("strict-transport-security") ?? null, `${what}: HSTS`).toBe(scheme === "https" ? HSTS : null);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(PUBLIC_DIR, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`);
}

const servers = new Map<Scheme, { server: Server; port: number }>();
/** The paths (with status) each server's fast path answered, not Remix. */
const fastServed = new Map<Scheme, string[]>();
const checked = new Map<string, number>();
let adminCookie = "";
let speakerCookie = "";
let photoSpeakerUuid = "";
let exportPaths: string[] = [];

function count(name: string, scheme: Scheme, n = 1) {
  const key = `${name} (${scheme})`;
  checked.set(key, (checked.get(key) ?? 0) + n);
}

beforeAll(async () => {
  const database = await db();
  const edition = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
  await acknowledgeBlockingConflicts(database, edition.id);
  const published = await publishProgramme(database, { editionId: edition.id, slug: SEED_EDITION, actor: { type: "system" }, note: null, now: Date.now() });
  expect(published.ok).toBe(true);
  const [speaker] = await database.select({ id: speakers.id, uuid: speakers.uuid }).from(speakers).where(eq(speakers.editionId, edition.id)).limit(1).all();
  const png = new Uint8Array(await sharp({ create: { width: 32, height: 32, channels: 3, background: "#c33" } }).png().toBuffer());
  const stored = await storeSpeakerPhoto({ owner: { editionId: edition.id, speakerId: speaker!.id }, actor: { type: "system" } }, new File([png], "moi.png", { type: "image/png" }));
  expect(stored?.ok).toBe(true);
  photoSpeakerUuid = speaker!.uuid;
  adminCookie = (await signIn("admin")).cookie;
  speakerCookie = await openLink(await makeLink(adminCookie, photoSpeakerUuid));

  const programme = JSON.parse(Buffer.from(await (await request(`/programme/${SEED_EDITION}/programme.json`)).arrayBuffer()).toString("utf8")) as {
    sessions: { id: string }[];
    speakers: { id: string }[];
  };
  const files = [
    ...Object.values(EXPORT_FORMATS).map((format) => format.file),
    `speakers/${programme.speakers[0]!.id}.ics`,
    `sessions/${programme.sessions[0]!.id}.ics`,
    "changes.json",
  ];
  exportPaths = files.flatMap((file) => [`/programme/${SEED_EDITION}/${file}`, `/programme/${SEED_EDITION}/v/1/${file}`]);

  // The fast path of the graph that served the exports above (the bundle's own cache).
  const { serveCachedExport } = await serverBundle();
  for (const scheme of Object.keys(ORIGINS) as Scheme[]) {
    const publicOrigin = ORIGINS[scheme];
    const handler = createAppHandler({ build, mode: "test", publicOrigin });
    const served: string[] = [];
    fastServed.set(scheme, served);
    const server = createServer(
      createNodeListener(handler, {
        publicOrigin,
        publicDir: PUBLIC_DIR,
        trustProxy: false,
        fastPath: (req, res, security) => {
          const answered = serveCachedExport(req, res, security);
          if (answered) served.push(`${res.statusCode} ${req.url}`);
          return answered;
        },
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.set(scheme, { server, port: (server.address() as net.AddressInfo).port });
  }
});

afterAll(async () => {
  for (const { server } of servers.values()) await new Promise<void>((resolve) => server.close(() => resolve()));
  console.info(`security headers checked on: ${[...checked].map(([name, n]) => `${name} ${n}`).join(", ")}`);
});

const routeIds = Object.keys(build.routes);
const publicFiles = filesUnder(PUBLIC_DIR);

describe.each(Object.keys(ORIGINS) as Scheme[])("every response carries the header set (%s origin)", (scheme) => {
  const port = () => servers.get(scheme)!.port;

  it("on every route of the build, anonymous and signed in", async () => {
    let n = 0;
    for (const routeId of routeIds) {
      const url = routeUrl(routeId);
      for (const cookie of [undefined, adminCookie]) {
        const answer = await get(port(), url, cookie ? { Cookie: cookie } : {});
        expect(answer.status, `${routeId} ${url}`).toBeLessThan(500);
        expectHeaderSet(answer, scheme, `${routeId} ${url}`, FRAMABLE.test(url));
        n++;
      }
    }
    expect(n).toBe(routeIds.length * 2);
    count("routes", scheme, n);
  });

  it("on every file of public/, the client build included", async () => {
    expect(publicFiles).toContain("/favicon.svg");
    expect(publicFiles.some((file) => /^\/build\/.+\.js$/.test(file))).toBe(true);
    expect(publicFiles.some((file) => /^\/build\/.+\.css$/.test(file))).toBe(true);
    for (const file of publicFiles) {
      const answer = await get(port(), file);
      expect(answer.status, file).toBe(200);
      expect(answer.headers.get("cache-control"), file).toMatch(/^public, max-age=/);
      expect(answer.headers.get("content-security-policy"), file).toBe(NO_CONTENT_CSP);
      expectHeaderSet(answer, scheme, file);
    }
    count("static files", scheme, publicFiles.length);
  });

  it("on every export format, answered by Remix and by the fast path, 200 and 304", async () => {
    const served = fastServed.get(scheme)!;
    for (const url of exportPaths) {
      // A query string always goes through Remix; the bare path is then remembered for the fast path.
      const viaApp = await get(port(), `${url}?via=app`);
      const etag = viaApp.headers.get("etag")!;
      const answers = [
        ["remix 200", viaApp, 200],
        ["remix 304", await get(port(), `${url}?via=app`, { "If-None-Match": etag }), 304],
        ["first bare", await get(port(), url), 200],
        ["fast 200", await get(port(), url, { "Accept-Encoding": "br" }), 200],
        ["fast 304", await get(port(), url, { "If-None-Match": etag }), 304],
      ] as const;
      for (const [what, answer, status] of answers) {
        expect(answer.status, `${url} ${what}`).toBe(status);
        // Data, not a page: one policy whichever path answered.
        expect(answer.headers.get("content-security-policy"), `${url} ${what}`).toBe(NO_CONTENT_CSP);
        expect(answer.headers.get("access-control-allow-origin"), `${url} ${what}`).toBe("*");
        expectHeaderSet(answer, scheme, `${url} ${what}`);
      }
      expect(served, url).toContain(`200 ${url}`);
      expect(served, url).toContain(`304 ${url}`);
      count("exports", scheme, answers.length);
    }
    expect(exportPaths.length).toBe((Object.keys(EXPORT_FORMATS).length + 3) * 2);
  });

  it("on the early refusals of the node listener and the request checks", async () => {
    const origin = ORIGINS[scheme];
    const post = (url: string, headers: string[], body = "") =>
      rawRequest(port(), [`POST ${url} HTTP/1.1`, `Host: ${HOST}`, `Origin: ${origin}`, `Content-Length: ${Buffer.byteLength(body)}`, ...headers].join("\r\n"), body);
    const refusals: [string, Promise<RawAnswer>, number][] = [
      ["unknown method", rawRequest(port(), `PROPFIND / HTTP/1.1\r\nHost: ${HOST}`), 405],
      ["TRACE", rawRequest(port(), `TRACE / HTTP/1.1\r\nHost: ${HOST}`), 405],
      ["//host target", rawRequest(port(), `GET //evil.example/x HTTP/1.1\r\nHost: ${HOST}`), 400],
      ["another origin's absolute target", rawRequest(port(), `GET http://evil.example/login HTTP/1.1\r\nHost: ${HOST}`), 400],
      ["* target", rawRequest(port(), `OPTIONS * HTTP/1.1\r\nHost: ${HOST}`), 400],
      ["JSON body", post("/login", ["Content-Type: application/json"], "{}"), 415],
      ["multipart without boundary", post("/login", ["Content-Type: multipart/form-data"], "x"), 400],
      ["malformed multipart", post("/login", ["Content-Type: multipart/form-data; boundary=b"], "garbage"), 400],
      ["forwarded host not ours", get(port(), "/login", { "X-Forwarded-Host": "evil.example" }), 403],
      ["cross-site post", rawRequest(port(), [`POST /login HTTP/1.1`, `Host: ${HOST}`, "Origin: https://evil.example", "Content-Type: application/x-www-form-urlencoded", "Content-Length: 3"].join("\r\n"), "a=b"), 403],
      ["declared body over the limit", rawRequest(port(), [`POST /login HTTP/1.1`, `Host: ${HOST}`, `Origin: ${origin}`, "Content-Type: application/x-www-form-urlencoded", `Content-Length: ${BODY_LIMIT + 1}`].join("\r\n")), 413],
      [
        "streamed body over the limit",
        rawRequest(
          port(),
          [`POST /login HTTP/1.1`, `Host: ${HOST}`, `Origin: ${origin}`, "Content-Type: application/x-www-form-urlencoded", "Transfer-Encoding: chunked"].join("\r\n"),
          Buffer.concat([Buffer.from(`${(BODY_LIMIT + 1).toString(16)}\r\n`), Buffer.alloc(BODY_LIMIT + 1, "a")]),
        ),
        413,
      ],
    ];
    for (const [what, pending, status] of refusals) {
      const answer = await pending;
      expect(answer.status, what).toBe(status);
      expect(answer.headers.get("content-security-policy"), what).toBeTruthy();
      expectHeaderSet(answer, scheme, what);
    }
    count("early refusals", scheme, refusals.length);
  });

  it("on the node listener's own 500 when the app fails", async () => {
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    const failing = createServer(
      createNodeListener(
        async () => {
          throw new Error("the app failed");
        },
        { publicOrigin: ORIGINS[scheme], publicDir: PUBLIC_DIR, trustProxy: false },
      ),
    );
    await new Promise<void>((resolve) => failing.listen(0, "127.0.0.1", resolve));
    try {
      const answer = await get((failing.address() as net.AddressInfo).port, "/login");
      expect(answer.status).toBe(500);
      expect(answer.body.toString()).toContain("Internal Server Error");
      expectHeaderSet(answer, scheme, "500");
      expect(logged.join("\n")).toContain("the app failed");
    } finally {
      await new Promise<void>((resolve) => failing.close(() => resolve()));
    }
    count("listener 500", scheme);
  });

  it("keeps the photo routes' own sandbox policy", async () => {
    const answers = [
      ["organiser", await get(port(), `/editions/${SEED_EDITION}/speaker-photos/${photoSpeakerUuid}`, { Cookie: adminCookie })],
      ["speaker", await get(port(), "/speaker/photo", { Cookie: speakerCookie })],
    ] as const;
    for (const [who, answer] of answers) {
      expect(answer.status, who).toBe(200);
      expect(answer.headers.get("content-type"), who).toBe("image/webp");
      expect(answer.headers.get("content-security-policy"), who).toBe(`${NO_CONTENT_CSP}; sandbox`);
      expectHeaderSet(answer, scheme, `${who} photo`);
    }
    count("photos", scheme, answers.length);
  });
});

describe("an edition never published", () => {
  const TITLE = "Festival confidentiel 2027";
  const SECRET = "confidentiel-2027";
  const UNKNOWN = "inconnu-000-2027";
  let speakerUuid = "";

  beforeAll(async () => {
    const database = await db();
    const organisation = (await database.select().from(organisations).where(eq(organisations.name, "OuiShare")).get())!;
    const edition = await createEdition(database, { slug: SECRET, title: TITLE, organisationIds: [organisation.id] });
    speakerUuid = (await createSpeaker(database, { editionId: edition.id, publicName: "Personne secrète" })).uuid;
    // Its organisers see it: it exists, under this title.
    const { cookie } = await signIn("admin");
    expect(await (await request(`/editions/${SECRET}`, { cookie })).text()).toContain(TITLE);
  });

  const normalised = (body: string, slug: string) => body.replaceAll(slug, "<slug>").replace(/nonce(=|-)["']?[A-Za-z0-9+/=]+/g, "nonce");

  it("answers every public URL with the 404 of an unknown slug, never its title", async () => {
    const files = [...Object.values(EXPORT_FORMATS).map((format) => format.file), `speakers/${speakerUuid}.ics`, `sessions/${speakerUuid}.ics`, "changes.json"];
    const pages = ["/?view=timetable", "/apps", `/speaker/${speakerUuid}`, `/session/${speakerUuid}`, `/v/1/speaker/${speakerUuid}`, `/v/1/session/${speakerUuid}`];
    const suffixes = ["", "/", ".data", "/v/1", "/v/1/", "/v/1.data", ...pages, ...files.map((file) => `/${file}`), ...files.map((file) => `/v/1/${file}`)];
    for (const suffix of suffixes) {
      const secret = await request(`/programme/${SECRET}${suffix}`);
      const unknown = await request(`/programme/${UNKNOWN}${suffix}`);
      const body = await secret.text();
      expect(secret.status, suffix).toBe(404);
      expect(secret.status, suffix).toBe(unknown.status);
      expect(secret.headers.get("Content-Type"), suffix).toBe(unknown.headers.get("Content-Type"));
      expect(normalised(body, SECRET), suffix).toBe(normalised(await unknown.text(), UNKNOWN));
      expect(body, suffix).not.toContain(TITLE);
    }
    console.info(`never-published edition: ${suffixes.length} public URLs answered like an unknown slug`);
  });
});
