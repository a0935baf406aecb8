import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { applySecurityHeaders, contentSecurityPolicy, isSecureOrigin, type Mode } from "./security-headers.server";
import { MULTIPART_PEEK, multipartBoundary, peekBody, refuseHeaders, refuseMethod, refuseMultipart, type Refusal } from "./request-checks.server";

export type RequestInfo = { clientAddress: string };
export type FetchHandler = (request: Request, info: RequestInfo) => Promise<Response>;

export type HandlerOptions = {
  build: ServerBuild;
  mode: Mode;
  /** The configured public origin (PUBLIC_ORIGIN): the only origin writes are accepted from; https adds HSTS. */
  publicOrigin: string;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Request bodies over these sizes get 413 before any route reads them. */
export const BODY_LIMIT = 2 * 1024 * 1024;
export const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

/** A photo straight from a phone (PHOTO_MAX_BYTES) and its form around it. */
export const PHOTO_BODY_LIMIT = 10 * 1024 * 1024 + 64 * 1024;

/** Where photos are uploaded: the speaker's page, and the organisers' photo of a speaker. */
const PHOTO_UPLOADS = /^\/speaker(\.data)?$|^\/editions\/[^/]+\/speaker-photos\/[^/]+$/;

export function bodyLimitFor(pathname: string): number {
  if (PHOTO_UPLOADS.test(pathname)) return PHOTO_BODY_LIMIT;
  return /\/import(\/|\.data$|$)/.test(pathname) ? IMPORT_BODY_LIMIT : BODY_LIMIT;
}

/**
 * Cross-site form posts are refused: every non-GET must come from our own origin,
 * as the browser says in Origin (or, failing that, Referer). A request with
 * neither is refused too: browsers always send one of them on a form post.
 * Only the configured origin counts, never `Host` or the request target, which the client chooses.
 */
export function isSameOriginWrite(request: Request, publicOrigin: string): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  if (request.headers.get("Sec-Fetch-Site") === "cross-site") return false;
  const origin = request.headers.get("Origin");
  if (origin && origin !== "null") return origin === publicOrigin;
  const referer = request.headers.get("Referer");
  if (!referer) return false;
  try {
    return new URL(referer).origin === publicOrigin;
  } catch {
    return false;
  }
}

function plain(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...headers } });
}

function refused(refusal: Refusal): Response {
  return plain(refusal.status, refusal.text, refusal.headers);
}

/**
 * The request Remix sees: our origin in its URL and Host (the client chose the ones it sent, and
 * Remix compares Origin with Host), and a multipart body checked before any route parses it.
 */
async function forRemix(request: Request, publicOrigin: string): Promise<Request | Refusal> {
  const url = new URL(request.url);
  const headers = new Headers(request.headers);
  headers.set("Host", new URL(publicOrigin).host);
  headers.delete("X-Forwarded-Host");
  let body: ReadableStream<Uint8Array> | null = request.body;
  const boundary = multipartBoundary(request.headers.get("Content-Type") ?? "");
  if (boundary && (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    // Small bodies are seen whole (a truncated one is refused); large imports stream on after their first part headers.
    const limit = bodyLimitFor(url.pathname);
    const peeked = await peekBody(body ?? new Response("").body!, limit === BODY_LIMIT ? BODY_LIMIT + 1 : MULTIPART_PEEK);
    const refusal = refuseMultipart(peeked.head, boundary, peeked.complete);
    if (refusal) return refusal;
    body = peeked.body;
  }
  return new Request(new URL(url.pathname + url.search, publicOrigin), {
    method: request.method,
    headers,
    body,
    signal: request.signal,
    duplex: "half",
  } as RequestInit);
}

/** The app as a fetch-style function: method, size, CSRF and body checks, Remix, then the security headers. */
export function createAppHandler(options: HandlerOptions): FetchHandler {
  const remix = createRequestHandler(options.build, options.mode);
  const secure = isSecureOrigin(options.publicOrigin);
  return async (request, info) => {
    const nonce = randomBytes(16).toString("base64");
    let response: Response;
    const length = Number(request.headers.get("Content-Length") ?? "0");
    const early = refuseMethod(request.method);
    if (early) {
      response = refused(early);
    } else if (length > bodyLimitFor(new URL(request.url).pathname)) {
      response = plain(413, "Payload too large");
    } else if (!isSameOriginWrite(request, options.publicOrigin)) {
      response = plain(403, "Cross-site request refused");
    } else {
      const headerRefusal = refuseHeaders(request, options.publicOrigin);
      const checked = headerRefusal ?? (await forRemix(request, options.publicOrigin));
      response = checked instanceof Request ? await remix(checked, { cspNonce: nonce, clientAddress: info.clientAddress }) : refused(checked);
    }
    applySecurityHeaders(response.headers, { csp: contentSecurityPolicy(nonce, options.mode), secure });
    return response;
  };
}
