import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceProvider } from "./components/nonce";
import { documentBody, takePageData } from "./server/document.server";
import { log } from "./server/log.server";

/** How long loader data may keep promises pending (none of ours do). */
export const streamTimeout = 5_000;

/**
 * Pages are rendered whole with `renderToString` (ADR 0007): no route suspends, so a streaming
 * renderer would send nothing before the whole page is rendered anyway, and it costs 1.5 times
 * as much for the board's 1 MB of markup.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const data = await takePageData(remixContext);
  const html = renderToString(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(documentBody(html, data, nonce), { headers: responseHeaders, status: responseStatusCode });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  // Aborted requests (the browser navigated away) are not errors.
  if (request.signal.aborted) return;
  // A page or file that does not exist (a 4xx answer, e.g. /favicon.ico) is not a server error.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  // Never log query strings; the path and the error go through the redaction (invitation tokens).
  const url = new URL(request.url);
  log.error(`[barouf] ${request.method} ${url.pathname}`, error);
}
