import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { randomBytes } from "node:crypto";

export type RequestInfo = { clientAddress: string };
export type FetchHandler = (request: Request, info: RequestInfo) => Promise<Response>;

export type HandlerOptions = {
  build: ServerBuild;
  mode: "production" | "development" | "test";
  /** The configured public origin (PUBLIC_ORIGIN): the only origin writes are accepted from. */
  publicOrigin: string;
  /** HTTPS deployment: adds HSTS. */
  secure: boolean;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Request bodies over these sizes get 413 before any route reads them. */
export const BODY_LIMIT = 2 * 1024 * 1024;
export const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

export function bodyLimitFor(pathname: string): number {
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

export function contentSecurityPolicy(nonce: string, mode: HandlerOptions["mode"]): string {
  const connect = mode === "development" ? "'self' ws:" : "'self'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    // Session cards are placed with style attributes on the board.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers every response carries, unless the route set its own (Referrer-Policy on token pages). */
export function applySecurityHeaders(headers: Headers, nonce: string, options: Pick<HandlerOptions, "mode" | "secure">) {
  headers.set("Content-Security-Policy", contentSecurityPolicy(nonce, options.mode));
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  if (!headers.has("Referrer-Policy")) headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  if (options.secure) headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** The app as a fetch-style function: CSRF and size checks, Remix, then the security headers. */
export function createAppHandler(options: HandlerOptions): FetchHandler {
  const remix = createRequestHandler(options.build, options.mode);
  return async (request, info) => {
    const nonce = randomBytes(16).toString("base64");
    let response: Response;
    const length = Number(request.headers.get("Content-Length") ?? "0");
    if (length > bodyLimitFor(new URL(request.url).pathname)) {
      response = plain(413, "Payload too large");
    } else if (!isSameOriginWrite(request, options.publicOrigin)) {
      response = plain(403, "Cross-site request refused");
    } else {
      response = await remix(request, { cspNonce: nonce, clientAddress: info.clientAddress });
    }
    applySecurityHeaders(response.headers, nonce, options);
    return response;
  };
}
