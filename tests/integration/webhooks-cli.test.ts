// `webhooks list|add|test|deliveries` and `publish` sending webhooks, on the command line.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db/client.server";
import { cli, freshDatabase } from "../helpers/cli";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";

const SLUG = "grand-barouf-2016";
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let failures = 0;
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk));
  req.on("end", () => {
    received.push({ headers: req.headers, body });
    if (failures > 0) {
      failures--;
      res.writeHead(503).end("busy");
    } else res.writeHead(200).end("ok");
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

afterAll(() => new Promise((resolve) => server.close(resolve)));

function verify(secret: string, index: number) {
  const r = received[index]!;
  return new Webhook(secret).verify(r.body, {
    "webhook-id": String(r.headers["webhook-id"]),
    "webhook-timestamp": String(r.headers["webhook-timestamp"]),
    "webhook-signature": String(r.headers["webhook-signature"]),
  }) as { type: string; data: { version: { number: number } } };
}

describe("webhooks on the command line", () => {
  it("adds, lists, tests, publishes and shows the deliveries", { timeout: 180_000 }, async () => {
    const database = freshDatabase();
    const allowed = { database, env: { WEBHOOKS_ALLOW_PRIVATE: "1" } };

    const refused = await cli(["webhooks", "add", "--edition", SLUG, "--url", url], { database, env: { WEBHOOKS_ALLOW_PRIVATE: "0" } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Refused: the URL leads to a private, local or reserved address");
    const scheme = await cli(["webhooks", "add", "--edition", SLUG, "--url", "file:///etc/passwd"], allowed);
    expect(scheme.stderr).toContain("the URL must start with http:// or https://");

    const added = await cli(["webhooks", "add", "--edition", SLUG, "--url", url, "--description", "Site partenaire"], allowed);
    expect(added.code).toBe(0);
    const id = /Added endpoint ([0-9a-f-]{36})/.exec(added.stdout)![1]!;
    const secret = /Secret: (whsec_\S+)/.exec(added.stdout)![1]!;

    const list = await cli(["webhooks", "list", "--edition", SLUG], allowed);
    expect(list.stdout).toBe(`${id}  active  ${url}  [version.published]  Site partenaire\n`);

    const test = await cli(["webhooks", "test", "--edition", SLUG, "--endpoint", id], allowed);
    expect(test.code).toBe(0);
    expect(test.stdout).toMatch(/^Test event delivered: HTTP 200 in \d+ ms\n$/);
    expect(verify(secret, 0).type).toBe("webhook.test");

    const db = await openDatabase(`file:${database}`);
    await acknowledgeBlockingConflicts(db, 1);
    db.$client.close();
    failures = 1;
    const published = await cli(["publish", "--edition", SLUG], allowed);
    expect(published.code).toBe(0);
    expect(published.stdout).toContain("Webhooks: 1 queued, 0 delivered, 1 to be retried by the server.");
    expect(verify(secret, 1).data.version.number).toBe(1);

    const deliveries = await cli(["webhooks", "deliveries", "--edition", SLUG], allowed);
    const lines = deliveries.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^[0-9a-f-]{36} {2}version\.published {2}queued {2}http:\/\/127\.0\.0\.1:\d+\/hook {2}created \S+ {2}next attempt \S+$/);
    expect(lines[1]).toMatch(/^ {2}attempt 1 {2}\S+ {2}503 {2}\d+ ms {2}busy$/);
    expect(lines[2]).toMatch(/webhook\.test {2}delivered/);
    expect(lines[3]).toMatch(/^ {2}attempt 1 {2}\S+ {2}200 {2}\d+ ms {2}ok$/);

    const unknown = await cli(["webhooks", "test", "--edition", SLUG, "--endpoint", crypto.randomUUID()], allowed);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("has no endpoint");
    const bad = await cli(["webhooks", "frobnicate", "--edition", SLUG], allowed);
    expect(bad.stderr).toContain('Unknown command "webhooks frobnicate"');
  });
});
