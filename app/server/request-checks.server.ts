// Malformed requests get a 4xx answer here, before Remix: a body that is not a form, an unknown
// method, a broken multipart body or file name, a forwarded host that is not ours. Left to the
// framework, each of them ended in a 500 and a stack trace.

/** The methods the app answers; any other gets 405 with this list in Allow. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const ALLOWED = new Set<string>(ALLOWED_METHODS);
const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/** How much of a multipart body is looked at before Remix: all of it up to this size, else the first part headers. */
export const MULTIPART_PEEK = 256 * 1024;

export type Refusal = { status: number; text: string; headers?: Record<string, string> };

export function refuseMethod(method: string): Refusal | null {
  if (ALLOWED.has(method.toUpperCase())) return null;
  return { status: 405, text: "Method not allowed", headers: { Allow: ALLOWED_METHODS.join(", ") } };
}

/** The request target: origin-form (`/path`) only, never `//host`, `*` or absolute-form to another origin. */
export function refuseTarget(target: string, publicOrigin: string): Refusal | null {
  const bad: Refusal = { status: 400, text: "Bad request target" };
  if (target.startsWith("/")) return target.startsWith("//") || /[\\\u0000-\u0020\u007f]/.test(target) ? bad : null;
  try {
    // Absolute-form is only accepted for our own origin (a proxy may send it).
    return new URL(target).origin === publicOrigin ? null : bad;
  } catch {
    return bad;
  }
}

function mediaType(contentType: string): string {
  return contentType.split(";")[0]!.trim().toLowerCase();
}

/** The boundary parameter, unquoted, or null when missing or not what RFC 2046 allows. */
export function multipartBoundary(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2] ?? "";
  return /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/.test(boundary) ? boundary : null;
}

/** What can be decided from the headers alone. */
export function refuseHeaders(request: Request, publicOrigin: string): Refusal | null {
  const forwardedHost = request.headers.get("X-Forwarded-Host")?.split(",")[0]?.trim();
  if (forwardedHost && forwardedHost.toLowerCase() !== new URL(publicOrigin).host) {
    return { status: 403, text: "Forwarded host refused" };
  }
  if (!BODY_METHODS.has(request.method)) return null;
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!FORM_TYPES.has(mediaType(contentType))) return { status: 415, text: "Only form posts are accepted", headers: { Accept: [...FORM_TYPES].join(", ") } };
  if (mediaType(contentType) === "multipart/form-data" && !multipartBoundary(contentType)) {
    return { status: 400, text: "Bad multipart boundary" };
  }
  return null;
}

// A file name Remix's multipart parser reads right: quoted, without quotes, semicolons, backslashes or line breaks.
const FILE_NAME = /;\s*filename\*?=("[^"\\;\r\n]*"|[^\s;"\\]+)\s*(;|$)/i;

/**
 * Checks the part headers (and, when the whole body was seen, its closing delimiter) of a
 * multipart body's first bytes. `complete` says whether `head` is the whole body.
 */
export function refuseMultipart(head: Uint8Array, boundary: string, complete: boolean): Refusal | null {
  const bad: Refusal = { status: 400, text: "Malformed multipart body" };
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString("latin1");
  const delimiter = `--${boundary}`;
  let at = text.startsWith(delimiter) ? 0 : text.indexOf(`\r\n${delimiter}`);
  if (at === -1) return complete || text.length >= MULTIPART_PEEK ? bad : null;
  if (at > 0) at += 2;
  for (;;) {
    const after = at + delimiter.length;
    if (text.startsWith("--", after)) return null; // the closing delimiter
    if (after + 2 > text.length) return complete ? bad : null;
    if (!text.startsWith("\r\n", after)) return bad;
    const headersEnd = text.indexOf("\r\n\r\n", after + 2);
    if (headersEnd === -1) return complete ? bad : null;
    for (const line of text.slice(after + 2, headersEnd).split("\r\n")) {
      if (!/^content-disposition:/i.test(line)) continue;
      const names = line.match(/;\s*filename\*?=/gi) ?? [];
      if (names.length > 1 || (names.length === 1 && !FILE_NAME.test(line))) return { status: 400, text: "Bad file name" };
    }
    const next = text.indexOf(`\r\n${delimiter}`, headersEnd);
    if (next === -1) return complete ? bad : null;
    at = next + 2;
  }
}

/** Reads up to `max` bytes of a body; gives them and a stream of the whole body (the bytes read, then the rest). */
export async function peekBody(body: ReadableStream<Uint8Array>, max: number) {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < max) {
    const next = await reader.read();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    size += next.value.byteLength;
  }
  const head = Buffer.concat(chunks);
  const whole = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.byteLength > 0) controller.enqueue(new Uint8Array(head));
      if (done) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { head: new Uint8Array(head), complete: done, body: whole };
}
