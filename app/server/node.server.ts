import { createReadStream, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { bodyLimitFor, type FetchHandler } from "./handler.server";
import { log } from "./log.server";
import { refuseMethod, refuseTarget, type Refusal } from "./request-checks.server";

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

class TooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Serves public/ (fingerprinted /build/ files forever, the rest for an hour); false if no such file. */
function serveStatic(req: IncomingMessage, res: ServerResponse, publicDir: string, pathname: string): boolean {
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
  res.writeHead(200, {
    "Content-Type": CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": stat.size,
    "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "public, max-age=3600",
    "X-Content-Type-Options": "nosniff",
  });
  if (req.method === "HEAD") res.end();
  else createReadStream(file).pipe(res);
  return true;
}

function refuse(res: ServerResponse, refusal: Refusal) {
  res.writeHead(refusal.status, { "Content-Type": "text/plain; charset=utf-8", ...refusal.headers });
  res.end(refusal.text);
}

/** Adapts the fetch-style app to node:http, with static files from public/. */
export function createNodeListener(
  handler: FetchHandler,
  options: {
    publicDir: string;
    trustProxy: boolean;
    /** PUBLIC_ORIGIN: the origin of every request the app sees, whatever Host said. */
    publicOrigin: string;
    /** Answers from memory before the framework when it can (the public exports); false to go on. */
    fastPath?: (req: IncomingMessage, res: ServerResponse) => boolean;
  },
) {
  const publicDir = path.resolve(options.publicDir);
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      // Methods fetch's Request refuses (TRACE, CONNECT…) and targets like `//host` or `*` never reach the app.
      const refusal = refuseMethod(req.method ?? "") ?? refuseTarget(req.url ?? "", options.publicOrigin);
      if (refusal) {
        refuse(res, refusal);
        return;
      }
      if (options.fastPath?.(req, res)) return;
      const target = new URL(req.url ?? "/", options.publicOrigin);
      const url = new URL(target.pathname + target.search, options.publicOrigin);
      if (serveStatic(req, res, publicDir, url.pathname)) return;

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
      let body: Buffer | undefined;
      if (req.method !== "GET" && req.method !== "HEAD") {
        try {
          body = await readBody(req, bodyLimitFor(url.pathname));
        } catch (error) {
          if (!(error instanceof TooLarge)) throw error;
          res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
          res.end("Payload too large");
          return;
        }
      }
      const request = new Request(url, { method: req.method, headers, body: body ? new Uint8Array(body) : undefined, signal: controller.signal });
      const response = await handler(request, { clientAddress });

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
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Internal Server Error");
    }
  };
}
