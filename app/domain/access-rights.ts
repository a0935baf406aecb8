// The rights a request may need, and the refusal that names the missing one. The guards
// (services/access.server.ts) send it as a 403's JSON body; the error boundary reads it back
// so an organiser is told which right their role lacks, not just "forbidden".

/** What a request needs: reading, changing, or administering (deleting sessions, creating editions, organisers). */
export const NEEDS = ["read", "write", "admin"] as const;
export type Need = (typeof NEEDS)[number];

/** Where the right was asked: on the edition in the address, or in the organiser's organisation. */
export type RefusalScope = "edition" | "organisation";

export type Refusal = { right: Need; where: RefusalScope };

/** A 403's body as the guards write it, or null for any other body. */
export function refusalOf(body: unknown): Refusal | null {
  if (typeof body !== "object" || body === null) return null;
  const { right, where } = body as Record<string, unknown>;
  if (typeof right !== "string" || !(NEEDS as readonly string[]).includes(right)) return null;
  if (where !== "edition" && where !== "organisation") return null;
  return { right: right as Need, where };
}
