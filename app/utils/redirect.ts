const BASE = "http://barouf.invalid";

/** Characters that some browsers or proxies read as a slash or backslash (fraction slash, division slash, fullwidth…). */
// eslint-disable-next-line no-control-regex
const REFUSED = /[\u0000-\u001f\u007f-\u009f\\\u2044\u2215\u2216\u2571\u2572\u29f5\u29f8\u29f9\ufe68\uff0f\uff3c\u3001\u3002\u200b-\u200f\u2028\u2029\u2060\ufeff]/;

/** Decodes the percent-encodings of dots, slashes and backslashes (also double-encoded), so the check sees what a server would. */
function decodeSeparators(path: string): string {
  let previous: string;
  let current = path;
  do {
    previous = current;
    current = current.replace(/%25(2e|2f|5c)/gi, "%$1").replace(/%2e/gi, ".").replace(/%2f/gi, "/").replace(/%5c/gi, "\\");
  } while (current !== previous);
  return current;
}

/**
 * A same-origin path to go to after login or a switch, or the fallback.
 * Normalises first (percent-encoded dots and slashes, dot segments), then checks, so
 * `/.//host` or `/%2e%2e//host` cannot come out as a protocol-relative `//host`.
 * Refuses absolute URLs, backslashes, control characters and whitespace, slash look-alikes.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048) return fallback;
  if (REFUSED.test(to) || REFUSED.test(to.normalize("NFKC"))) return fallback;
  const cut = to.search(/[?#]/);
  const rawPath = cut === -1 ? to : to.slice(0, cut);
  const rest = cut === -1 ? "" : to.slice(cut);
  const path = decodeSeparators(rawPath);
  if (REFUSED.test(path) || !path.startsWith("/") || path.startsWith("//")) return fallback;
  try {
    const url = new URL(path + rest, BASE);
    if (url.origin !== BASE || url.pathname.startsWith("//")) return fallback;
    const result = url.pathname + url.search + url.hash;
    // What we hand out must itself pass unchanged: no second reading turns it into `//host`.
    return result.startsWith("/") && !result.startsWith("//") ? result : fallback;
  } catch {
    return fallback;
  }
}
