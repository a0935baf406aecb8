// Generated from the build's route list: every action route, signed in as an admin and
// anonymously, gets a corpus of malformed requests. None may end in a 5xx or a stack trace.
import { createServer, type Server } from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createNodeListener } from "~/server/node.server";
import { app, ORIGIN, signIn } from "../helpers/app";
import { rawRequest } from "../helpers/raw-http";
import { build, routeUrl } from "../helpers/routes";

type Malformed = { method?: string; headers?: Record<string, string>; body?: string; path?: (url: string) => string; expect: number[] };

const B = "----barouf-fuzz";
const part = (disposition: string, content = "x") => `--${B}\r\nContent-Disposition: form-data; ${disposition}\r\n\r\n${content}\r\n`;
const multipart = (body: string, boundary = B) => ({ headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, body });

const CORPUS: Record<string, Malformed> = {
  json: { headers: { "Content-Type": "application/json" }, body: '{"intent":"delete"}', expect: [415] },
  "json to .data": { headers: { "Content-Type": "application/json" }, body: "{}", path: (url) => `${url.replace(/\/$/, "") || "/_root"}.data`, expect: [415] },
  "text/plain": { headers: { "Content-Type": "text/plain" }, body: "intent=delete", expect: [415] },
  xml: { headers: { "Content-Type": "application/xml" }, body: "<a/>", expect: [415] },
  "no content type, a body": { headers: { "Content-Type": "" }, body: "intent=delete", expect: [415] },
  "no content type, no body": { headers: { "Content-Type": "" }, expect: [415] },
  "multipart/mixed": { headers: { "Content-Type": `multipart/mixed; boundary=${B}` }, body: part('name="a"') + `--${B}--\r\n`, expect: [415] },
  "multipart without boundary": { headers: { "Content-Type": "multipart/form-data" }, body: part('name="a"'), expect: [400] },
  "multipart with an empty boundary": { headers: { "Content-Type": "multipart/form-data; boundary=" }, body: "--\r\n", expect: [400] },
  "multipart with a bad boundary": { ...multipart(part('name="a"'), "x".repeat(80)), expect: [400] },
  "multipart truncated": { ...multipart(part('name="a"').slice(0, 30)), expect: [400] },
  "multipart without its closing delimiter": { ...multipart(part('name="intent"', "delete")), expect: [400] },
  "multipart of garbage": { ...multipart("garbage\r\n\r\nmore garbage"), expect: [400] },
  "file name with ;": { ...multipart(part('name="file"; filename="a;b.json"') + `--${B}--\r\n`), expect: [400] },
  "file name with a quote": { ...multipart(part('name="file"; filename="a"b.json"') + `--${B}--\r\n`), expect: [400] },
  "file name with CR": { ...multipart(part('name="file"; filename="a\rb.json"') + `--${B}--\r\n`), expect: [400] },
  "file name with a backslash": { ...multipart(part('name="file"; filename="a\\"b.json"') + `--${B}--\r\n`), expect: [400] },
  "two file names": { ...multipart(part('name="file"; filename="a.json"; filename="b.json"') + `--${B}--\r\n`), expect: [400] },
  "X-Forwarded-Host not ours": { headers: { "X-Forwarded-Host": "evil.example", "Content-Type": "application/x-www-form-urlencoded" }, body: "a=b", expect: [403] },
  "Origin not ours": { headers: { Origin: "http://evil.example", "Content-Type": "application/x-www-form-urlencoded" }, body: "a=b", expect: [403] },
  PROPFIND: { method: "PROPFIND", expect: [405] },
  "broken percent-encoding": { headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "intent=%zz&%&=%E0%A4%A", expect: [] },
  "unknown charset": { headers: { "Content-Type": "application/x-www-form-urlencoded; charset=bogus" }, body: "intent=x", expect: [] },
};

const actionRoutes = Object.values(build.routes).filter((route) => route.module.action);

let admin: { cookie: string };
beforeAll(async () => {
  admin = await signIn("admin");
}, 60_000);

/** Runs `run` with every console level captured (none of it may be an error or a stack). */
async function captured(run: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  for (const level of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((arg) => (arg instanceof Error ? String(arg.stack) : String(arg))).join(" "));
    });
  }
  await run();
  return lines.join("\n");
}

async function send(url: string, malformed: Malformed, cookie: string | undefined): Promise<Response> {
  const handle = await app();
  const headers = new Headers({ Host: new URL(ORIGIN).host, Origin: ORIGIN });
  if (cookie) headers.set("Cookie", cookie);
  for (const [name, value] of Object.entries(malformed.headers ?? {})) {
    if (value === "") headers.delete(name);
    else headers.set(name, value);
  }
  const path = malformed.path ? malformed.path(url) : url;
  return handle(new Request(new URL(path, ORIGIN), { method: malformed.method ?? "POST", headers, body: malformed.body, redirect: "manual" }), {
    clientAddress: "203.0.113.99",
  });
}

describe("malformed requests to every action route", () => {
  it("knows the app's action routes and a corpus of at least 15 kinds", () => {
    expect(actionRoutes.length).toBeGreaterThan(10);
    expect(Object.keys(CORPUS).length).toBeGreaterThanOrEqual(15);
  });

  it.each(actionRoutes.flatMap((route) => ["admin", "anonymous"].map((who) => [route.id, who, routeUrl(route.id)] as const)))(
    "%s (%s): no 5xx, no stack trace",
    async (_id, who, url) => {
      const statuses: Record<string, number> = {};
      const printed = await captured(async () => {
        for (const [kind, malformed] of Object.entries(CORPUS)) {
          const response = await send(url, malformed, who === "admin" ? admin.cookie : undefined);
          await response.arrayBuffer();
          statuses[kind] = response.status;
        }
      });
      for (const [kind, status] of Object.entries(statuses)) {
        expect(status, kind).toBeLessThan(500);
        const expected = CORPUS[kind]!.expect;
        if (expected.length > 0) expect(expected, kind).toContain(status);
      }
      expect(printed).not.toMatch(/Error:|\n\s+at /);
    },
  );
});

describe("request targets and methods at the node listener", () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    const handler = await app();
    server = createServer(createNodeListener(handler, { publicOrigin: ORIGIN, publicDir: "public", trustProxy: false }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends a raw request line (fetch and node:http's client would normalise it). */
  const raw = (line: string) => rawRequest(port, `${line}\r\nHost: barouf.test`);

  it.each([
    ["GET //evil.example/x HTTP/1.1", 400],
    ["GET //evil.example HTTP/1.1", 400],
    ["GET http://evil.example/login HTTP/1.1", 400],
    ["OPTIONS * HTTP/1.1", 400],
    ["GET login HTTP/1.1", 400],
    ["TRACE / HTTP/1.1", 405],
    // Node's own parser refuses methods it does not know (400) before any listener runs.
    ["TRACK / HTTP/1.1", 400],
    ["PROPFIND / HTTP/1.1", 405],
    ["GET http://barouf.test/login HTTP/1.1", 200],
    ["GET /login HTTP/1.1", 200],
  ])("%s → %i", async (line, status) => {
    const printed = await captured(async () => {
      const response = await raw(line);
      expect(response.status).toBe(status);
      if (status === 405) expect(response.headers.get("allow")).toMatch(/^GET, HEAD, POST/);
    });
    expect(printed).not.toMatch(/Error:|\n\s+at /);
  });

  it("closes a CONNECT without an answer (node:http hands it to a 'connect' listener, which the app has none of)", async () => {
    const response = await raw("CONNECT barouf.test:443 HTTP/1.1");
    expect(Number.isNaN(response.status) || response.status < 500).toBe(true);
  });
});
