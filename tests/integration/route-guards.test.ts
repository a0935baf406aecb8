// Generated from the build's own route list: a new route without a guard fails here.
import type { ServerBuild } from "@remix-run/node";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { request, SEED_EDITION, signIn } from "../helpers/app";

/** Routes anyone may call. Everything else is for signed-in organisers. */
const PUBLIC_ROUTES = new Set([
  "root",
  "routes/login",
  "routes/logout",
  "routes/locale",
  // Speaker side: guarded by the invitation link and the speaker cookie (tests/integration/invitations*.test.ts).
  "routes/invitation.$token",
  "routes/speaker",
  "routes/speaker.photo",
  // The public programme and its exports (tests/integration/publishing*.test.ts).
  "routes/programme.$editionSlug._index",
  "routes/programme.$editionSlug.v.$number",
  "routes/programme.$editionSlug.$",
  "routes/schemas.$name",
]);

const build = (await import(
  /* @vite-ignore */ pathToFileURL(path.resolve(import.meta.dirname, "..", "..", "build", "index.js")).href
)) as ServerBuild;

function urlOf(routeId: string): string {
  const segments: string[] = [];
  for (let route: (typeof build.routes)[string] | undefined = build.routes[routeId]; route; route = route.parentId ? build.routes[route.parentId] : undefined) {
    if (route.path) segments.unshift(route.path);
  }
  const url = `/${segments.join("/")}`
    .replace(/\/+/g, "/")
    .replace(":editionSlug", SEED_EDITION)
    .replace(/:(\w+)\??/g, "00000000-0000-4000-8000-000000000000")
    .replace(/\/\*$/, "/anything");
  return url;
}

const guarded = Object.values(build.routes).filter((route) => !PUBLIC_ROUTES.has(route.id));
const withLoader = guarded.filter((route) => route.module.loader);
const withAction = guarded.filter((route) => route.module.action);
const editionRoutes = withLoader.filter((route) => urlOf(route.id).includes(SEED_EDITION));

describe("every route checks its caller", () => {
  it("knows the app's routes", () => {
    expect(withLoader.length).toBeGreaterThan(2);
    expect(Object.keys(build.routes)).toEqual(expect.arrayContaining([...PUBLIC_ROUTES]));
  });

  it.each(withLoader.map((route) => [route.id, urlOf(route.id)]))("%s (GET %s) sends anonymous callers to login", async (_id, url) => {
    const response = await request(url);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login(\?|$)/);
  });

  it.each(withAction.map((route) => [route.id, urlOf(route.id)]))("%s (POST %s) sends anonymous callers to login", async (_id, url) => {
    const response = await request(url, { method: "POST", form: { intent: "anything" } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login(\?|$)/);
  });

  it.each(withAction.map((route) => [route.id, urlOf(route.id)]))("%s (POST %s) refuses a viewer's write", async (_id, url) => {
    const { cookie } = await signIn("viewer");
    const response = await request(url, { method: "POST", cookie, form: { intent: "anything" } });
    expect(response.status).toBe(403);
  });

  it.each(editionRoutes.map((route) => [route.id, urlOf(route.id)]))(
    "%s (GET %s) is not found for an organiser of another organisation",
    async (_id, url) => {
      const { cookie } = await signIn("editor", { organisation: "Uber" });
      const response = await request(url, { cookie });
      expect(response.status).toBe(404);
    },
  );
});
