import { createReadStream, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { bodyLimitFor, type FetchHandler } from "./handler.server";
import { log } from "./log.server";
import { refuseMethod, refuseTarget } from "./request-checks.server";
import { applySecurityHeaders, isSecureOrigin, NO_CONTENT_CSP, nodeResponseHeaders } from "./security-headers.server";

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/**
 * The request body as a web stream, read from the socket as the app reads it and never
 * buffered whole (import files are up to 32 MB). Past `limit` bytes, `onTooLarge` runs (it
 * answers 413 and aborts the request, so the app's read fails quietly) and the stream errors.
 * What the app leaves unread is drained after its answer, still counted against the limit,
 * so a keep-alive connection can carry the next request.
 */
function streamBody(req: IncomingMessage, limit: number, onTooLarge: () => void): { body: ReadableStream<Uint8Array>; drain: () => void } {
  let size = 0;
  let open = true;
  let stream!: ReadableStreamDefaultController<Uint8Array>;
  const stop = (error?: Error) => {
    if (!open) return;
    open = false;
    if (error) stream.error(error);
    else stream.close();
  };
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        stream = controller;
        req.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) {
            req.pause();
            if (open) {
              onTooLarge();
              stop(new Error("Request body too large"));
            } else {
              // Draining after the answer: the client keeps sending past the limit.
              req.socket.destroy();
            }
            return;
          }
          if (!open) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on("end", () => stop());
        req.on("error", (error) => stop(error));
        req.on("close", () => {
          if (!req.complete) stop(new Error("Request aborted"));
        });
        req.pause();
      },
      pull() {
        req.resume();
      },
      cancel() {
        open = false;
        if (size <= limit) req.resume();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
  return {
    body,
    drain: () => {
      open = false;
      if (!req.complete && size <= limit) req.resume();
    },
  };
}

/** What the listener's own answers need to know to carry the header set. */
export type RawSecurity = { secure: boolean };

/** Writes the head of an answer the listener makes itself (not Remix's), with the header set. */
function writeHead(res: ServerResponse, status: number, headers: Record<string, string | number>, security: RawSecurity) {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  applySecurityHeaders(nodeResponseHeaders(res), { csp: NO_CONTENT_CSP, secure: security.secure });
  res.writeHead(status);
}

/** Serves public/ (fingerprinted /build/ files forever, the rest for an hour); false if no such file. */
function serveStatic(req: IncomingMessage, res: ServerResponse, publicDir: string, pathname: string, security: RawSecurity): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const file = path.resolve(publicDir, `.${decoded}`);
  if (!file.startsWith(publicDir + path.sep)) return false;
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return false;
  }
  if (!stat.isFile()) return false;
  const immutable = decoded.startsWith("/build/");
  writeHead(
    res,
    200,
    {
      "Content-Type": CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": stat.size,
      "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "public, max-age=3600",
    },
    security,
  );
  if (req.method === "HEAD") res.end();
  else createReadStream(file).pipe(res);
  return true;
}

function answerPlain(res: ServerResponse, status: number, text: string, headers: Record<string, string>, security: RawSecurity) {
  writeHead(res, status, { "Content-Type": "text/plain; charset=utf-8", ...headers }, security);
  res.end(text);
}

/** Adapts the fetch-style app to node:http, with static files from public/. */
export function createNodeListener(
  handler: FetchHandler,
  options: {
    publicDir: string;
    trustProxy: boolean;
    /** PUBLIC_ORIGIN: the origin of every request the app sees, whatever Host said; https adds HSTS. */
    publicOrigin: string;
    /** Answers from memory before the framework when it can (the public exports), with the header set; false to go on. */
    fastPath?: (req: IncomingMessage, res: ServerResponse, security: RawSecurity) => boolean;
  },
) {
  const publicDir = path.resolve(options.publicDir);
  const security: RawSecurity = { secure: isSecureOrigin(options.publicOrigin) };
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      // Methods fetch's Request refuses (TRACE, CONNECT…) and targets like `//host` or `*` never reach the app.
      const refusal = refuseMethod(req.method ?? "") ?? refuseTarget(req.url ?? "", options.publicOrigin);
      if (refusal) {
        answerPlain(res, refusal.status, refusal.text, refusal.headers ?? {}, security);
        return;
      }
      if (options.fastPath?.(req, res, security)) return;
      const target = new URL(req.url ?? "/", options.publicOrigin);
      const url = new URL(target.pathname + target.search, options.publicOrigin);
      if (serveStatic(req, res, publicDir, url.pathname, security)) return;

      const forwarded = options.trustProxy ? String(req.headers["x-forwarded-for"] ?? "").split(",")[0]?.trim() : "";
      const clientAddress = forwarded || req.socket.remoteAddress || "unknown";
      const controller = new AbortController();
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
      }
      let body: ReadableStream<Uint8Array> | undefined;
      let tooLarge = false;
      if (req.method !== "GET" && req.method !== "HEAD") {
        const streamed = streamBody(req, bodyLimitFor(url.pathname), () => {
          tooLarge = true;
          controller.abort();
          if (res.headersSent) res.end();
          else answerPlain(res, 413, "Payload too large", { Connection: "close" }, security);
        });
        body = streamed.body;
        res.on("finish", streamed.drain);
      }
      const request = new Request(url, { method: req.method, headers, body, signal: controller.signal, duplex: "half" } as RequestInit);
      const response = await handler(request, { clientAddress });
      // Already answered 413 while the body was read.
      if (tooLarge) return;

      const outHeaders: Record<string, string | string[]> = {};
      response.headers.forEach((value, name) => {
        if (name !== "set-cookie") outHeaders[name] = value;
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) outHeaders["set-cookie"] = cookies;
      if (response.statusText) res.writeHead(response.status, response.statusText, outHeaders);
      else res.writeHead(response.status, outHeaders);
      if (!response.body || req.method === "HEAD") {
        res.end();
        return;
      }
      Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
    } catch (error) {
      log.error("[barouf] request failed", error);
      if (res.headersSent) res.end();
      else answerPlain(res, 500, "Internal Server Error", {}, security);
    }
  };
}
