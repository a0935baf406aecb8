// The build's own route list, for tests generated from it (a new route is covered by itself).
import type { ServerBuild } from "@remix-run/node";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { SEED_EDITION } from "./app";

export const build = (await import(
  /* @vite-ignore */ pathToFileURL(path.resolve(import.meta.dirname, "..", "..", "build", "index.js")).href
)) as ServerBuild;

/** A URL that reaches the route: the seed edition's slug, a made-up UUID for other params. */
export function routeUrl(routeId: string): string {
  const segments: string[] = [];
  for (let route: (typeof build.routes)[string] | undefined = build.routes[routeId]; route; route = route.parentId ? build.routes[route.parentId] : undefined) {
    if (route.path) segments.unshift(route.path);
  }
  return `/${segments.join("/")}`
    .replace(/\/+/g, "/")
    .replace(":editionSlug", SEED_EDITION)
    .replace(/:(\w+)\??/g, "00000000-0000-4000-8000-000000000000")
    .replace(/\/\*$/, "/anything");
}
