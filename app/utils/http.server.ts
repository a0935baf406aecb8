// The one way a loader, action or service answers "not found". Models never throw HTTP
// answers: they return null, and the route (or the service it calls) turns that into this.

/** Throws the 404 answer; reads as `row ?? notFound()` or `if (!row) notFound();`. */
export function notFound(headers?: HeadersInit): never {
  throw new Response("Not found", { status: 404, headers });
}
