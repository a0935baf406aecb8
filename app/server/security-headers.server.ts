// The header set every response carries (SECURITY.md "Every response"), whoever writes it:
// Remix's answers, static files, the export fast path and the node listener's own refusals all
// go through applySecurityHeaders.

export type Mode = "production" | "development" | "test";

/** An HTTPS deployment (PUBLIC_ORIGIN https:): secure cookies and HSTS. */
export function isSecureOrigin(origin: string): boolean {
  return origin.startsWith("https:");
}

/** The policy of the app's pages: scripts and styles only from us or carrying this response's nonce. */
export function contentSecurityPolicy(nonce: string, mode: Mode): string {
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

/**
 * The policy of the public site's prepared pages (ADR 0020): built once and served to everyone,
 * so no nonce; they run no script at all. Styles: ours, and the page's one inline style by hash.
 */
export function publicPagePolicy(inlineStyleHash: string | null): string {
  return [
    "default-src 'none'",
    `style-src 'self'${inlineStyleHash ? ` 'sha256-${inlineStyleHash}'` : ""}`,
    "img-src 'self'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The embeddable programme's policy (/programme/<slug>/embed): the only page other sites may frame,
 * by `ancestors` (EMBED_FRAME_ANCESTORS, `*` by default). It runs no script but its own nonced one,
 * loads only our stylesheet, and sends nothing anywhere but its own filter form.
 */
export function embedContentSecurityPolicy(nonce: string, ancestors: string): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'self'",
    // Theme colour swatches.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'none'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `frame-ancestors ${ancestors}`,
  ].join("; ");
}

/** True when a response's own policy lets some other page frame it. */
export function allowsFraming(policy: string | null | undefined): boolean {
  const directive = (policy ?? "").split(";").map((d) => d.trim()).find((d) => /^frame-ancestors\s/i.test(d));
  return directive !== undefined && directive.replace(/^frame-ancestors\s+/i, "").trim() !== "'none'";
}

/** The policy of everything that is not a page (files, exports, refusals): nothing loads, runs or frames it. */
export const NO_CONTENT_CSP = "default-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export const HSTS = "max-age=63072000; includeSubDomains";

/** What headers are written to: a fetch `Headers`, or a node response through `nodeResponseHeaders`. */
export type HeaderTarget = { has(name: string): boolean; get(name: string): string | null; set(name: string, value: string): unknown };

/**
 * Adds the header set to a response. A header the response already carries is kept: a route's
 * own policy (the sandbox on photos, `no-referrer` on token pages) is never overwritten.
 * `csp` is the policy for responses without their own; HSTS is sent only on HTTPS deployments.
 * A response whose own policy lets others frame it (the embeddable programme) gets no
 * X-Frame-Options, which could only say DENY or SAMEORIGIN.
 */
export function applySecurityHeaders(target: HeaderTarget, options: { csp: string; secure: boolean }) {
  const set = (name: string, value: string) => {
    if (!target.has(name)) target.set(name, value);
  };
  set("Content-Security-Policy", options.csp);
  set("X-Content-Type-Options", "nosniff");
  if (!allowsFraming(target.get("Content-Security-Policy"))) set("X-Frame-Options", "DENY");
  set("Cross-Origin-Opener-Policy", "same-origin");
  set("Referrer-Policy", "strict-origin-when-cross-origin");
  if (options.secure) set("Strict-Transport-Security", HSTS);
}

/** A plain name → value record as a HeaderTarget (names compared without case, as in HTTP). */
export function recordHeaders(record: Record<string, string>): HeaderTarget {
  return {
    has: (name) => Object.keys(record).some((key) => key.toLowerCase() === name.toLowerCase()),
    get: (name) => Object.entries(record).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? null,
    set: (name, value) => (record[name] = value),
  };
}

/** A node:http response's pending headers as a HeaderTarget (set them before `writeHead(status)`). */
export function nodeResponseHeaders(res: {
  hasHeader(name: string): boolean;
  getHeader(name: string): number | string | string[] | undefined;
  setHeader(name: string, value: string): unknown;
}): HeaderTarget {
  return {
    has: (name) => res.hasHeader(name),
    get: (name) => {
      const value = res.getHeader(name);
      return value === undefined ? null : String(value);
    },
    set: (name, value) => res.setHeader(name, value),
  };
}
