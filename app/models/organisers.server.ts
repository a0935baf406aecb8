// Organiser accounts, always seen from one organisation: an admin manages the
// organisers of their own organisation and no one else's (another organisation's
// organiser is "not found"). Audit entries have no edition (editionId null).
import { and, asc, count, desc, eq, isNull, ne, type SQL } from "drizzle-orm";
import type { Database, Queryable } from "~/db/client.server";
import { organisers } from "~/db/schema";
import type { OrganiserRole } from "~/domain/vocabulary";
import { diffRecords } from "~/domain/audit";
import type { OrganiserEditValues } from "~/schemas/organisers";
import type { FieldErrors } from "~/utils/forms";
import { recordAudit, type Actor } from "./audit.server";
import { endAllLoginSessionsIn } from "./login-sessions.server";
import { updateVersioned } from "./versioning.server";

/** Accounts belong to no edition: their instants are shown in the festival's zone (Lille). */
export const ADMIN_TIME_ZONE = "Europe/Paris";

export const EMAIL_TAKEN = "organisers.emailTaken";
export const LAST_ADMIN = "organisers.lastAdmin";

/** The organisation an admin manages; null: the organisers who belong to none. */
function inOrganisation(organisationId: number | null): SQL {
  return organisationId === null ? isNull(organisers.organisationId) : eq(organisers.organisationId, organisationId);
}

/** What the administration pages show of an organiser: never the password hash. */
const publicColumns = {
  uuid: organisers.uuid,
  name: organisers.name,
  email: organisers.email,
  role: organisers.role,
  active: organisers.active,
  lastLoginAt: organisers.lastLoginAt,
  version: organisers.version,
};

export type OrganiserView = {
  uuid: string;
  name: string;
  email: string;
  role: OrganiserRole;
  active: boolean;
  lastLoginAt: number | null;
  version: number;
};

const auditFields = (row: { name: string; email: string; role: OrganiserRole; active: boolean }) => ({
  name: row.name,
  email: row.email,
  role: row.role,
  active: row.active,
});

/** The organisation's organisers, active ones first, by name: one query. */
export async function listOrganisers(db: Queryable, { organisationId }: { organisationId: number | null }): Promise<OrganiserView[]> {
  return db
    .select(publicColumns)
    .from(organisers)
    .where(inOrganisation(organisationId))
    .orderBy(desc(organisers.active), asc(organisers.name), asc(organisers.id))
    .all();
}

/** One organiser of the organisation, or undefined (another organisation's too). */
export async function getOrganiser(
  db: Queryable,
  { organisationId, uuid }: { organisationId: number | null; uuid: string },
): Promise<OrganiserView | undefined> {
  return db
    .select(publicColumns)
    .from(organisers)
    .where(and(inOrganisation(organisationId), eq(organisers.uuid, uuid)))
    .get();
}

async function emailTaken(tx: Queryable, email: string, exceptId?: number): Promise<boolean> {
  const where = exceptId === undefined ? eq(organisers.email, email) : and(eq(organisers.email, email), ne(organisers.id, exceptId));
  return (await tx.select({ id: organisers.id }).from(organisers).where(where).get()) !== undefined;
}

export type CreateOrganiserResult =
  | { ok: true; organiser: { id: number; uuid: string; name: string; email: string; role: OrganiserRole } }
  | { ok: false; errors: FieldErrors };

/**
 * Creates an organiser of the organisation. Hash the password before calling (scrypt is
 * slow on purpose: it must not hold the write lock). Emails are unique across organisations.
 */
export async function createOrganiser(
  db: Database,
  args: {
    organisationId: number | null;
    actor: Actor;
    values: { name: string; email: string; role: OrganiserRole };
    passwordHash: string;
  },
): Promise<CreateOrganiserResult> {
  return db.transaction((tx) => insertOrganiser(tx, args));
}

/** createOrganiser's insert inside the caller's transaction (a partner's account is made with its organisation's access). */
export async function insertOrganiser(tx: Queryable, args: Parameters<typeof createOrganiser>[1]): Promise<CreateOrganiserResult> {
  if (await emailTaken(tx, args.values.email)) return { ok: false, errors: { email: EMAIL_TAKEN } };
  const row = await tx
    .insert(organisers)
    .values({ ...args.values, organisationId: args.organisationId, passwordHash: args.passwordHash })
    .returning()
    .get();
  await recordAudit(tx, { editionId: null, actor: args.actor, entity: "organiser", entityUuid: row.uuid, action: "create", after: auditFields(row) });
  return { ok: true, organiser: { id: row.id, uuid: row.uuid, name: row.name, email: row.email, role: row.role } };
}

/** Would this change leave the organisation without an active admin? */
async function isLastActiveAdmin(tx: Queryable, row: { id: number; organisationId: number | null; role: OrganiserRole; active: boolean }) {
  if (row.role !== "admin" || !row.active) return false;
  const others = await tx
    .select({ n: count() })
    .from(organisers)
    .where(and(inOrganisation(row.organisationId), eq(organisers.role, "admin"), eq(organisers.active, true), ne(organisers.id, row.id)))
    .get();
  return (others?.n ?? 0) === 0;
}

export type OrganiserChangeResult = { ok: true; endedSessions: boolean } | { ok: false; errors: FieldErrors };

/**
 * Saves an organiser's name, email and role read at `version`; throws StaleVersionError
 * when someone saved in between. A role change ends their login sessions (ADR 0002); the
 * organisation's last active admin keeps the admin role.
 */
export async function updateOrganiser(
  db: Database,
  args: { organisationId: number | null; uuid: string; version: number; actor: Actor; values: OrganiserEditValues },
): Promise<OrganiserChangeResult | null> {
  return db.transaction(async (tx): Promise<OrganiserChangeResult | null> => {
    const where = and(inOrganisation(args.organisationId), eq(organisers.uuid, args.uuid));
    const before = await tx.select().from(organisers).where(where).get();
    if (!before) return null;
    if (args.values.email !== before.email && (await emailTaken(tx, args.values.email, before.id))) {
      return { ok: false, errors: { email: EMAIL_TAKEN } };
    }
    if (args.values.role !== "admin" && before.version === args.version && (await isLastActiveAdmin(tx, before))) {
      return { ok: false, errors: { role: LAST_ADMIN } };
    }
    const after = await updateVersioned(tx, organisers, where, args.version, args.values);
    if (!after) return null;
    const diff = diffRecords(auditFields(before), auditFields(after));
    if (diff) await recordAudit(tx, { editionId: null, actor: args.actor, entity: "organiser", entityUuid: args.uuid, action: "update", ...diff });
    const endedSessions = after.role !== before.role;
    if (endedSessions) await endAllLoginSessionsIn(tx, before.id);
    return { ok: true, endedSessions };
  });
}

/**
 * Deactivates (every login session ends at once, signing in is refused) or reactivates
 * an organiser read at `version`. The organisation's last active admin stays active.
 */
export async function setOrganiserActive(
  db: Database,
  args: { organisationId: number | null; uuid: string; version: number; actor: Actor; active: boolean },
): Promise<OrganiserChangeResult | null> {
  return db.transaction(async (tx): Promise<OrganiserChangeResult | null> => {
    const where = and(inOrganisation(args.organisationId), eq(organisers.uuid, args.uuid));
    const before = await tx.select().from(organisers).where(where).get();
    if (!before) return null;
    if (!args.active && before.version === args.version && (await isLastActiveAdmin(tx, before))) {
      return { ok: false, errors: { _form: LAST_ADMIN } };
    }
    const after = await updateVersioned(tx, organisers, where, args.version, { active: args.active });
    if (!after) return null;
    const diff = diffRecords(auditFields(before), auditFields(after));
    if (diff) await recordAudit(tx, { editionId: null, actor: args.actor, entity: "organiser", entityUuid: args.uuid, action: "update", ...diff });
    if (!args.active) await endAllLoginSessionsIn(tx, before.id);
    return { ok: true, endedSessions: !args.active };
  });
}
