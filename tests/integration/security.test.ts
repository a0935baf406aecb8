import { describe, expect, it } from "vitest";
import { BODY_LIMIT } from "~/server/handler.server";
import { app, ORIGIN, request, SEED_EDITION, signIn } from "../helpers/app";

describe("cross-site requests", () => {
  it("answers 404 for a missing page or file without logging a server error", async () => {
    // tests/setup/console.ts fails this test on any console.error.
    for (const path of ["/favicon.ico", "/no-such-page"]) {
      const response = await request(path);
      expect(response.status).toBe(404);
      await response.text();
    }
  });

  it("refuses a POST from another origin", async () => {
    const response = await request("/login", {
      form: { email: "admin@barouf.example", password: "whatever-password" },
      headers: { Origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
  });

  it.each([
    ["Origin", { Origin: "http://evil.example" }],
    ["Referer", { Referer: "http://evil.example/login" }],
  ])("refuses a POST whose Host and %s agree with each other but not with PUBLIC_ORIGIN", async (_name, extra) => {
    // The request target and Host are the client's choice: only the configured origin counts.
    const handle = await app();
    const response = await handle(
      new Request("http://evil.example/login", {
        method: "POST",
        headers: { Host: "evil.example", "Content-Type": "application/x-www-form-urlencoded", ...extra },
        body: new URLSearchParams({ email: "admin@barouf.example", password: "whatever-password" }).toString(),
      }),
      { clientAddress: "203.0.113.70" },
    );
    expect(response.status).toBe(403);
  });

  it("refuses a POST that Sec-Fetch-Site marks cross-site", async () => {
    const response = await request("/logout", { method: "POST", headers: { Origin: ORIGIN, "Sec-Fetch-Site": "cross-site" } });
    expect(response.status).toBe(403);
  });

  it("refuses a POST with neither Origin nor Referer", async () => {
    const response = await request("/locale", { form: { locale: "en" }, headers: { Origin: "" } });
    expect(response.status).toBe(403);
  });

  it("accepts a same-origin POST identified by its Referer", async () => {
    const response = await request("/locale", { form: { locale: "en", redirectTo: "/login" }, headers: { Origin: "", Referer: `${ORIGIN}/login` } });
    expect(response.status).toBe(302);
  });

  it("keeps a viewer's session from being used cross-site", async () => {
    const { cookie } = await signIn("admin");
    const response = await request("/logout", { method: "POST", cookie, headers: { Origin: "https://evil.example" } });
    expect(response.status).toBe(403);
    expect((await request(`/editions/${SEED_EDITION}`, { cookie })).status).toBe(200);
  });
});

describe("security headers", () => {
  it("sends a CSP whose per-request nonce is on every inline script", async () => {
    const first = await request("/login");
    const second = await request("/login");
    const csp = first.headers.get("Content-Security-Policy")!;
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(second.headers.get("Content-Security-Policy")).not.toContain(nonce);
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    expect(first.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(first.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(first.headers.get("X-Frame-Options")).toBe("DENY");
    // HSTS only over HTTPS deployments.
    expect(first.headers.get("Strict-Transport-Security")).toBeNull();
  });

  it("puts the headers on redirects and errors too", async () => {
    const redirect = await request(`/editions/${SEED_EDITION}`);
    expect(redirect.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
    const { cookie } = await signIn("admin");
    const missing = await request("/editions/no-such-edition", { cookie });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(await missing.text()).toContain("Cette page n’existe pas");
  });
});

describe("request size", () => {
  it("answers 413 to a body over the limit", async () => {
    const response = await request("/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(BODY_LIMIT + 1) },
      body: "x".repeat(BODY_LIMIT + 1),
    });
    expect(response.status).toBe(413);
  });
});

describe("loader data", () => {
  it("never sends password hashes or session ids to the page", async () => {
    const { cookie } = await signIn("admin");
    const html = await (await request(`/editions/${SEED_EDITION}`, { cookie })).text();
    expect(html).not.toMatch(/scrypt\$/);
    expect(html).not.toMatch(/passwordHash|idHash/);
    expect(html).not.toContain("@example.org");
  });
});
