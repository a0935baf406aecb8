import { eq } from "drizzle-orm";
import { migrateDatabase, type Database } from "~/db/client.server";
import { appMeta, organisations, organisers } from "~/db/schema";
import { seedDatabase, type SeedResult } from "../../seed";
import { generatePassword, hashPassword, verifyPassword } from "./password.server";
import { sweepUploads } from "./import-uploads.server";

export const FIRST_ADMIN_EMAIL = "admin@barouf.example";
const SEEDED_KEY = "seeded_at";

export type AdminResult = { email: string; created: boolean; generatedPassword: string | null };

/**
 * The first admin, admin@barouf.example. Its password is BAROUF_ADMIN_PASSWORD when
 * set (re-applied at each start, so the variable stays the truth), otherwise one is
 * generated at creation and returned once to be printed.
 */
export async function ensureFirstAdmin(db: Database, { password }: { password?: string }): Promise<AdminResult> {
  const existing = await db
    .select({ id: organisers.id, passwordHash: organisers.passwordHash })
    .from(organisers)
    .where(eq(organisers.email, FIRST_ADMIN_EMAIL))
    .get();
  if (existing) {
    if (password && !(await verifyPassword(password, existing.passwordHash))) {
      await db
        .update(organisers)
        .set({ passwordHash: await hashPassword(password), updatedAt: Date.now() })
        .where(eq(organisers.id, existing.id));
    }
    return { email: FIRST_ADMIN_EMAIL, created: false, generatedPassword: null };
  }
  const generatedPassword = password ? null : generatePassword();
  const mel = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, "Métropole Européenne de Lille"))
    .get();
  await db.insert(organisers).values({
    email: FIRST_ADMIN_EMAIL,
    name: "Admin Barouf",
    role: "admin",
    organisationId: mel?.id ?? null,
    passwordHash: await hashPassword(password ?? generatedPassword!),
  });
  return { email: FIRST_ADMIN_EMAIL, created: true, generatedPassword };
}

/** Migrates; seeds the 2016 edition the first time this database is started; ensures the first admin. */
export async function prepareDatabase(
  db: Database,
  options: { adminPassword?: string },
): Promise<{ seed: SeedResult | null; admin: AdminResult }> {
  await migrateDatabase(db);
  let seed: SeedResult | null = null;
  const seeded = await db.select().from(appMeta).where(eq(appMeta.key, SEEDED_KEY)).get();
  if (!seeded) {
    seed = await seedDatabase(db);
    await db.insert(appMeta).values({ key: SEEDED_KEY, value: new Date().toISOString() }).onConflictDoNothing();
  }
  const admin = await ensureFirstAdmin(db, { password: options.adminPassword });
  // Uploads left pending by an earlier run (their bytes are in the database).
  await sweepUploads(db);
  return { seed, admin };
}
