// Export bytes, built once per version and format and kept in memory: the identity body, its
// gzip and brotli encodings and a strong ETag, all prepared together. The server's fast path
// (node.server.ts) and the routes read the same store: they are one module graph (ADR 0019).
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { applySecurityHeaders, NO_CONTENT_CSP, recordHeaders } from "~/server/security-headers.server";

export type Prepared = {
  contentType: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** The hash part of the ETag; each encoding gets its own strong tag derived from it. */
  tag: string;
  cacheControl: string;
  /** An HTML page of the public site (ADR 0020): its own policy, and no CORS (data only gets those). */
  page?: { csp: string };
};

type Latest = { editionId: number; number: number | null; expires: number };

type Store = {
  entries: Map<string, Prepared>;
  bytes: number;
  /** Public paths already resolved to a prepared export (for the fast path). */
  paths: Map<string, { prepared: Prepared; expires: number; slug: string }>;
  latest: Map<string, Latest>;
};

const MAX_BYTES = 256 * 1024 * 1024;
/** How long "latest" URLs trust what they resolved to (a publish in this process forgets at once). */
export const LATEST_TTL_MS = 5_000;

export const CACHE_CONTROL = {
  /** Versioned URLs never change. */
  version: "public, max-age=31536000, immutable, stale-while-revalidate=86400, stale-if-error=31536000",
  /** Latest URLs change when a new version is published. */
  latest: "public, max-age=60, stale-while-revalidate=300, stale-if-error=86400",
} as const;

const namespaces = new Map<string, Store>();

function store(): Store {
  // One store per database: tests run several databases in one process.
  const namespace = process.env.DATABASE_URL ?? "";
  let s = namespaces.get(namespace);
  if (!s) namespaces.set(namespace, (s = { entries: new Map(), bytes: 0, paths: new Map(), latest: new Map() }));
  return s;
}

export function prepare(text: string, contentType: string, cacheControl: string): Prepared {
  const identity = Buffer.from(text, "utf8");
  const gzip = gzipSync(identity, { level: 9 });
  const br = brotliCompressSync(identity, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: identity.length > 1_000_000 ? 7 : 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  const tag = createHash("sha256").update(identity).digest("base64url").slice(0, 32);
  return { contentType, identity, gzip, br, tag, cacheControl };
}

/** The prepared export under `key`, built (once) by `build` when missing. */
export async function cached(key: string, build: () => Promise<Prepared | null>): Promise<Prepared | null> {
  const s = store();
  const hit = s.entries.get(key);
  if (hit) {
    // Refresh its place in the eviction order.
    s.entries.delete(key);
    s.entries.set(key, hit);
    return hit;
  }
  const prepared = await build();
  if (!prepared) return null;
  s.entries.set(key, prepared);
  s.bytes += size(prepared);
  for (const [oldKey, old] of s.entries) {
    if (s.bytes <= MAX_BYTES || oldKey === key) break;
    s.entries.delete(oldKey);
    s.bytes -= size(old);
  }
  return prepared;
}

/** Drops one prepared entry (the public pages keep their variants per version bounded). */
export function uncache(key: string) {
  const s = store();
  const entry = s.entries.get(key);
  if (!entry) return;
  s.entries.delete(key);
  s.bytes -= size(entry);
}

function size(p: Prepared) {
  return p.identity.length + p.gzip.length + p.br.length;
}

export function rememberLatest(slug: string, editionId: number, number: number | null, now: number) {
  store().latest.set(slug, { editionId, number, expires: now + LATEST_TTL_MS });
}

export function recallLatest(slug: string, now: number): Latest | undefined {
  const latest = store().latest.get(slug);
  return latest && latest.expires > now ? latest : undefined;
}

/** Remembers which prepared export a public path answered with (latest paths only until `expires`). */
export function rememberPath(pathname: string, slug: string, prepared: Prepared, expires: number) {
  const s = store();
  if (s.paths.size > 10_000) s.paths.clear();
  s.paths.set(pathname, { prepared, expires, slug });
}

export function recallPath(pathname: string, now: number): Prepared | undefined {
  const entry = store().paths.get(pathname);
  return entry && entry.expires > now ? entry.prepared : undefined;
}

/** After a publish: latest URLs of this edition resolve again. */
export function forgetLatest(slug: string) {
  const s = store();
  s.latest.delete(slug);
  for (const [path, entry] of s.paths) if (entry.slug === slug && entry.expires !== Infinity) s.paths.delete(path);
}

type Encoding = "br" | "gzip" | "identity";

/** The best encoding the client accepts (q > 0): brotli, then gzip, then none. */
export function negotiateEncoding(acceptEncoding: string | null | undefined): Encoding {
  if (!acceptEncoding) return "identity";
  let br = false;
  let gzip = false;
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (q && Number(q.slice(2)) === 0) continue;
    if (name === "br") br = true;
    else if (name === "gzip" || name === "x-gzip") gzip = true;
    else if (name === "*") {
      br = true;
      gzip = true;
    }
  }
  return br ? "br" : gzip ? "gzip" : "identity";
}

export function etagOf(prepared: Prepared, encoding: Encoding): string {
  return encoding === "identity" ? `"${prepared.tag}"` : `"${prepared.tag}-${encoding === "br" ? "br" : "gz"}"`;
}

/** Whether If-None-Match names this export (any of its encodings: they are the same content). */
export function matches(ifNoneMatch: string | null | undefined, prepared: Prepared): boolean {
  if (!ifNoneMatch) return false;
  for (const raw of ifNoneMatch.split(",")) {
    const tag = raw.trim().replace(/^W\//, "");
    if (tag === "*") return true;
    const bare = tag.replace(/^"|"$/g, "").replace(/-(br|gz)$/, "");
    if (bare === prepared.tag) return true;
  }
  return false;
}

/** Status, headers and body for a request, as plain values (shared by Remix and the fast path). */
export function answer(
  prepared: Prepared,
  request: { method: string; acceptEncoding: string | null | undefined; ifNoneMatch: string | null | undefined },
): { status: 200 | 304; headers: Record<string, string>; body: Buffer | null } {
  const encoding = negotiateEncoding(request.acceptEncoding);
  if (matches(request.ifNoneMatch, prepared)) return { status: 304, headers: headersFor(prepared, encoding, 304), body: null };
  const body = bodyFor(prepared, encoding);
  return { status: 200, headers: headersFor(prepared, encoding, 200), body: request.method === "HEAD" ? null : body };
}

function bodyFor(prepared: Prepared, encoding: Encoding): Buffer {
  return encoding === "br" ? prepared.br : encoding === "gzip" ? prepared.gzip : prepared.identity;
}

function headersFor(prepared: Prepared, encoding: Encoding, status: 200 | 304): Record<string, string> {
  const headers: Record<string, string> = prepared.page
    ? { "Cache-Control": prepared.cacheControl, ETag: etagOf(prepared, encoding), Vary: "Accept-Encoding", "Content-Security-Policy": prepared.page.csp }
    : {
        "Cache-Control": prepared.cacheControl,
        ETag: etagOf(prepared, encoding),
        Vary: "Accept-Encoding",
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Expose-Headers": "ETag",
        // Data, not a page: the same policy whether Remix or the fast path answers.
        "Content-Security-Policy": NO_CONTENT_CSP,
      };
  if (status === 200) {
    headers["Content-Type"] = prepared.contentType;
    headers["Content-Length"] = String(bodyFor(prepared, encoding).length);
    if (encoding !== "identity") headers["Content-Encoding"] = encoding;
  }
  return headers;
}

export function exportResponse(prepared: Prepared, request: Request): Response {
  const { status, headers, body } = answer(prepared, {
    method: request.method,
    acceptEncoding: request.headers.get("Accept-Encoding"),
    ifNoneMatch: request.headers.get("If-None-Match"),
  });
  return new Response(body as unknown as BodyInit | null, { status, headers });
}

/**
 * The server's fast path (node.server.ts): a GET or HEAD of a public export path that the app
 * has already answered is served from the prepared bytes, before the framework. Anything else,
 * or a latest path older than LATEST_TTL_MS, returns false and goes through Remix as usual.
 */
export function serveCachedExport(
  req: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> },
  res: { writeHead(status: number, headers: string[]): unknown; end(body?: Buffer): unknown },
  security: { secure: boolean },
): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url ?? "";
  if (!url.startsWith("/programme/") || url.includes("?")) return false;
  const prepared = recallPath(url, Date.now());
  if (!prepared) return false;
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  };
  const encoding = negotiateRemembered(header("accept-encoding"));
  const status = matches(header("if-none-match"), prepared) ? 304 : 200;
  res.writeHead(status, rawHeadersFor(prepared, encoding, status, security.secure));
  res.end(status === 304 || req.method === "HEAD" ? undefined : bodyFor(prepared, encoding));
  return true;
}

// The fast path answers thousands of requests a second with the same few header lists and
// Accept-Encoding values: both are worked out once and kept.
const rawHeaderLists = new WeakMap<Prepared, Map<string, string[]>>();

/** Headers as node:http's flat [name, value, name, value…] list, with the header set every response carries. */
function rawHeadersFor(prepared: Prepared, encoding: Encoding, status: 200 | 304, secure: boolean): string[] {
  let lists = rawHeaderLists.get(prepared);
  if (!lists) rawHeaderLists.set(prepared, (lists = new Map()));
  const key = `${status} ${encoding} ${secure}`;
  let list = lists.get(key);
  if (!list) {
    const headers = headersFor(prepared, encoding, status);
    applySecurityHeaders(recordHeaders(headers), { csp: NO_CONTENT_CSP, secure });
    list = Object.entries(headers).flat();
    lists.set(key, list);
  }
  return list;
}

const negotiated = new Map<string, Encoding>();

function negotiateRemembered(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return "identity";
  let encoding = negotiated.get(acceptEncoding);
  if (encoding === undefined) {
    encoding = negotiateEncoding(acceptEncoding);
    if (negotiated.size >= 256) negotiated.clear();
    negotiated.set(acceptEncoding, encoding);
  }
  return encoding;
}
