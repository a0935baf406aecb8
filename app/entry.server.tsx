import { PassThrough, Transform, type TransformCallback } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./components/nonce";
import { log } from "./server/log.server";

/** How long loader data may keep promises pending (none of ours do); the render is aborted a second later. */
export const streamTimeout = 5_000;

/**
 * Remix's documented streaming entry (ADR 0025): browsers get the page from the shell on, bots
 * (and crawlers that do not run scripts) once everything is ready. The request's CSP nonce goes
 * to React's and Remix's inline scripts through their `nonce` options, and to our own components
 * through NonceProvider.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      const trimmed = body.pipe(new WholeCharacters());
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      resolve(new Response(createReadableStreamFromReadable(trimmed), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
      body.on("close", () => clearTimeout(timer));
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        ...(waitForAll ? { onAllReady: ready } : { onShellReady: ready }),
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors while rendering the shell reject and are logged by Remix (handleError below).
          if (shellRendered) logError(request, error);
        },
      },
    );
    const timer = setTimeout(abort, streamTimeout + 1_000);
  });
}

/**
 * React 18.3's node renderer writes its 2 KB buffers whole, and when a character of two to four
 * bytes did not fit at a buffer's end the bytes left over are zeros: NUL characters in the page
 * ("�" in tooltips). Fixed in React 19 (react#26228, react#31134). Our text never holds NUL (ADR
 * 0014 refuses control characters, JSON escapes them), so zeros ending a chunk are those.
 */
class WholeCharacters extends Transform {
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    let end = chunk.length;
    while (end > 0 && end > chunk.length - 3 && chunk[end - 1] === 0) end--;
    callback(null, end === chunk.length ? chunk : chunk.subarray(0, end));
  }
}

function logError(request: Request, error: unknown) {
  // Never log query strings; the path and the error go through the redaction (invitation tokens).
  const url = new URL(request.url);
  log.error(`[barouf] ${request.method} ${url.pathname}`, error);
}

export function handleError(error: unknown, { request }: { request: Request }) {
  // Aborted requests (the browser navigated away) are not errors.
  if (request.signal.aborted) return;
  // A page or file that does not exist (a 4xx answer, e.g. /favicon.ico) is not a server error.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  logError(request, error);
}
