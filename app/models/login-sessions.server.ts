// Organisers' login sessions as rows; signing in and reading the cookie live in services/auth.server.ts.
import { eq } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { loginSessions } from "~/db/schema";

/** Ends every login session of an organiser (deactivation, role change, password change). */
export async function endAllLoginSessionsIn(db: Queryable, organiserId: number): Promise<void> {
  await db.delete(loginSessions).where(eq(loginSessions.organiserId, organiserId));
}
