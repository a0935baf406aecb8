// The HTML document of a page: the rendered app, then the page's data for the browser.
import type { EntryContext } from "@remix-run/node";

const DOCTYPE = Buffer.from("<!DOCTYPE html>");

const SCRIPT_ESCAPES: Record<string, string> = { "&": "\\u0026", "<": "\\u003c", ">": "\\u003e", "\u2028": "\\u2028", "\u2029": "\\u2029" };

/** A JSON text made safe inside an inline `<script>` (no `</script>`, `<!--` or line separators). */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[&<>\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c]!);
}

/**
 * Takes the page's serialised loader data (Remix single fetch's turbo-stream) out of the entry
 * context and reads it whole. Remix would otherwise render it through a suspending component,
 * which only a streaming renderer can wait for.
 */
export async function takePageData(context: EntryContext): Promise<string | null> {
  const stream = context.serverHandoffStream;
  if (!stream) return null;
  context.serverHandoffStream = undefined;
  return new Response(stream).text();
}

/**
 * The response body: doctype, the rendered `<html>` element, then one script handing the data to
 * the stream Remix's `<Scripts>` opened in the browser (`window.__remixContext.streamController`),
 * which the client reads before it hydrates.
 */
export function documentBody(html: string, data: string | null, nonce: string): Uint8Array<ArrayBuffer> {
  const parts = [DOCTYPE, Buffer.from(html)];
  if (data !== null) {
    const controller = "window.__remixContext.streamController";
    parts.push(Buffer.from(`<script nonce="${nonce}">${controller}.enqueue(${scriptSafeJson(data)});${controller}.close();</script>`));
  }
  // Encoded piece by piece: joining the strings first would copy the whole page once more.
  const body = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.length;
  }
  return body;
}
