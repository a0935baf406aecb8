// The build's own route list, for tests generated from it (a new route is covered by itself).
import type { ServerBuild } from "@remix-run/node";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { SEED_EDITION } from "./app";

export const build = (await import(
  /* @vite-ignore */ pathToFileURL(path.resolve(import.meta.dirname, "..", "..", "build", "index.js")).href
)) as ServerBuild;

const MADE_UP_UUID = "00000000-0000-4000-8000-000000000000";

/**
 * A value for every route parameter of the app: the seed edition, made-up ids (nothing has them),
 * version 1, a link token that does not exist, a schema's name, an export file for the splat.
 * Tests that need real ids pass their own values over these.
 */
export const ROUTE_PARAMS: Readonly<Record<string, string>> = {
  editionSlug: SEED_EDITION,
  number: "1",
  token: "A".repeat(43),
  name: "barouf-programme-1.json",
  sessionId: MADE_UP_UUID,
  speakerId: MADE_UP_UUID,
  formatId: MADE_UP_UUID,
  themeId: MADE_UP_UUID,
  roomId: MADE_UP_UUID,
  organiserId: MADE_UP_UUID,
  "*": "programme.json",
};

/** A URL that reaches the route, its parameters taken from `params`; a parameter without a value fails. */
export function routeUrl(routeId: string, params: Readonly<Record<string, string>> = ROUTE_PARAMS): string {
  const segments: string[] = [];
  for (let route: (typeof build.routes)[string] | undefined = build.routes[routeId]; route; route = route.parentId ? build.routes[route.parentId] : undefined) {
    if (route.path) segments.unshift(route.path);
  }
  const value = (name: string) => {
    if (!(name in params)) throw new Error(`No test value for the route parameter ${name === "*" ? "*" : `:${name}`}`);
    return params[name]!;
  };
  return `/${segments.join("/")}`
    .replace(/\/+/g, "/")
    .replace(/:(\w+)\??/g, (_match, name: string) => value(name))
    .replace(/\/\*$/, () => `/${value("*")}`);
}
