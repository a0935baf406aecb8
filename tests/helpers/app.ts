// The real Remix build behind the real request handler (CSRF, headers, size limits),
// called in-process with fetch-style requests.
import type { ServerBuild } from "@remix-run/node";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { getDb, queryCounter as ownQueryCounter, type Database } from "~/db/client.server";
import { organisations } from "~/db/schema";
import type { OrganiserRole } from "~/domain/vocabulary";
import { eq } from "drizzle-orm";
import { createAppHandler, type FetchHandler } from "~/server/handler.server";
import type { serveCachedExport } from "~/services/export-cache.server";
import { createEdition, createOrganiser } from "../../seed/factories";

export const ORIGIN = "http://barouf.test";
export const SEED_EDITION = "grand-barouf-2016";

/**
 * The server bundle (build/index.js, app/server/main.ts): the Remix build plus what tests read
 * from the module graph that serves their requests. The test's own imports of app modules are
 * another graph: state the app keeps (caches, counters) is read from here.
 */
export type ServerBundle = ServerBuild & {
  queryCounter: { count: number };
  serveCachedExport: typeof serveCachedExport;
};

let bundle: ServerBundle | null = null;

export async function serverBundle(): Promise<ServerBundle> {
  const buildPath = pathToFileURL(path.resolve(import.meta.dirname, "..", "..", "build", "index.js")).href;
  bundle ??= (await import(/* @vite-ignore */ buildPath)) as ServerBundle;
  return bundle;
}

/** Statements sent by the app (the bundle) and by the test's own modules (factories, direct model calls). */
export const queryCounter = {
  get count(): number {
    return ownQueryCounter.count + (bundle?.queryCounter.count ?? 0);
  },
};

let handler: FetchHandler | null = null;

export async function app(): Promise<FetchHandler> {
  if (handler) return handler;
  handler = createAppHandler({ build: await serverBundle(), mode: "test", publicOrigin: ORIGIN });
  return handler;
}

export async function db(): Promise<Database> {
  return getDb();
}

/** A request to the app; non-GET requests come from our own origin unless told otherwise. */
export async function request(
  pathname: string,
  init: { method?: string; cookie?: string; form?: Record<string, string>; headers?: Record<string, string>; body?: BodyInit; clientAddress?: string } = {},
): Promise<Response> {
  const method = init.method ?? (init.form ? "POST" : "GET");
  const headers = new Headers(init.headers);
  headers.set("Host", new URL(ORIGIN).host);
  if (init.cookie) headers.set("Cookie", init.cookie);
  if (method !== "GET" && method !== "HEAD" && !headers.has("Origin") && !init.headers?.["Origin"]) headers.set("Origin", ORIGIN);
  let body = init.body;
  if (init.form) {
    body = new URLSearchParams(init.form).toString();
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  // A browser posts an empty form as urlencoded too; other bodies say their type.
  if (method !== "GET" && method !== "HEAD" && !headers.has("Content-Type") && (body === undefined || typeof body === "string")) headers.set("Content-Type", "application/x-www-form-urlencoded");
  const handle = await app();
  // duplex: a body may be a stream (the node listener hands the app streamed bodies too).
  return handle(new Request(new URL(pathname, ORIGIN), { method, headers, body, redirect: "manual", duplex: "half" } as RequestInit), {
    clientAddress: init.clientAddress ?? "203.0.113.7",
  });
}

/** The `name=value` part of the response's Set-Cookie headers, ready to send back. */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .join("; ");
}

export const PASSWORD = "correct horse battery";

/** The id of a seed organisation; `signIn` puts its organisers in OuiShare unless told otherwise. */
export async function organisationIdOf(name = "OuiShare") {
  const row = await (await db()).select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).get();
  if (!row) throw new Error(`No organisation named ${name}`);
  return row.id;
}

/** A fresh edition run by OuiShare, so the organisers `signIn` creates reach it. */
export async function ownEdition(values: Parameters<typeof createEdition>[1] = {}) {
  return createEdition(await db(), { organisationIds: [await organisationIdOf()], ...values });
}

/** Creates an organiser of the seed edition's organisations with this role, signs in, returns the cookie. */
export async function signIn(role: OrganiserRole, options: { organisation?: string; email?: string } = {}) {
  const database = await db();
  const organisation = await database
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, options.organisation ?? "OuiShare"))
    .get();
  const organiser = await createOrganiser(database, {
    role,
    organisationId: organisation?.id ?? null,
    email: options.email,
    password: PASSWORD,
  });
  const response = await request("/login", { form: { email: organiser.email, password: PASSWORD } });
  if (response.status !== 302) throw new Error(`Sign-in failed with ${response.status}`);
  return { organiser, cookie: cookiesOf(response) };
}
