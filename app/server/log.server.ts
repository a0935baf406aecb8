import { inspect } from "node:util";

/**
 * The one way the server writes to its log: every line goes through `redactSecrets`, so an
 * invitation token never reaches a log file, whatever path, query or error message carries it.
 */

const REDACTED = "[redacted]";

const SECRET_PATTERNS: [RegExp, string][] = [
  // The link itself and its variants: /invitation/<token>, /invitation/<token>.data, URL-encoded inside another URL.
  [/(invitation(?:\/|%2f))[^/?#&\s"'<>`]+/gi, `$1${REDACTED}`],
  // Any token-like query parameter (token=, _token=, resetToken=…), raw or URL-encoded.
  [/(token(?:=|%3d))[^&#\s"'<>`]*/gi, `$1${REDACTED}`],
  // A webhook signing secret (Standard Webhooks format).
  [/whsec_[A-Za-z0-9+/=]+/g, `whsec_${REDACTED}`],
  // A bare 256-bit base64url token (43 characters), wherever it travels.
  [/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, REDACTED],
];

export function redactSecrets(text: string): string {
  let result = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

function redactArgument(value: unknown): string {
  if (typeof value === "string") return redactSecrets(value);
  // inspect() shows an error's stack, cause and properties: all of it is redacted.
  return redactSecrets(inspect(value, { depth: 4, breakLength: Infinity }));
}

export const log = {
  info: (...args: unknown[]) => console.log(...args.map(redactArgument)),
  warn: (...args: unknown[]) => console.warn(...args.map(redactArgument)),
  error: (...args: unknown[]) => console.error(...args.map(redactArgument)),
};
