// An admin's organisation and the editions it runs with its partners: the rows of
// edition_organisations that say which organisations' organisers may work on which
// edition (the access rule, services/access.server.ts). An admin acts only on editions
// their own organisation reaches; any other edition is "not found".
import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import type { Database, Queryable } from "~/db/client.server";
import { editionOrganisations, editions, organisations, organisers } from "~/db/schema";
import { diffRecords } from "~/domain/audit";
import { searchTextOf } from "~/domain/search";
import type { FieldErrors } from "~/utils/forms";
import { recordAudit, type Actor } from "./audit.server";
import { updateVersioned } from "./versioning.server";
import { reachedBy } from "~/models/editions.server";

/**
 * A partner organisation co-runs events: it has organisers' accounts or runs (or was opened)
 * an edition. Every other organisation is only a speaker's employer, company or collective,
 * and is never offered where access is given.
 */
export const isPartnerOrganisation = sql`(exists (select 1 from ${organisers} where ${organisers.organisationId} = ${organisations.id})
  or exists (select 1 from ${editionOrganisations} where ${editionOrganisations.organisationId} = ${organisations.id}))`;

export const NAME_TAKEN = "organisations.nameTaken";
export const REVOKE_OWN = "organisations.revokeOwn";

export type OrganisationView = { uuid: string; name: string; version: number };
export type RunningEdition = {
  uuid: string;
  slug: string;
  title: string;
  startDate: string;
  /** Every organisation that runs it, ours included. */
  organisations: { uuid: string; name: string; own: boolean }[];
};

/** The organisation's name (the organisers page's title), or null for organisers of none. */
export async function getOrganisationName(db: Queryable, { organisationId }: { organisationId: number | null }) {
  if (organisationId === null) return null;
  return (await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId)).get()) ?? null;
}

/**
 * What the organisations page shows, in three queries whatever the number of editions,
 * partners or organisations: our organisation, the editions it runs with everyone who
 * runs them, and the partner organisations that could be given access (never a speaker's
 * organisation that co-runs nothing).
 */
export async function getOrganisationOverview(
  db: Queryable,
  { organisationId }: { organisationId: number },
): Promise<{ organisation: OrganisationView; editions: RunningEdition[]; organisations: { uuid: string; name: string }[] } | null> {
  const [organisation, rows, all] = await Promise.all([
    db
      .select({ uuid: organisations.uuid, name: organisations.name, version: organisations.version })
      .from(organisations)
      .where(eq(organisations.id, organisationId))
      .get(),
    db
      .select({
        uuid: editions.uuid,
        slug: editions.slug,
        title: editions.title,
        startDate: editions.startDate,
        organisationId: organisations.id,
        organisationUuid: organisations.uuid,
        organisationName: organisations.name,
      })
      .from(editions)
      .innerJoin(editionOrganisations, eq(editionOrganisations.editionId, editions.id))
      .innerJoin(organisations, eq(organisations.id, editionOrganisations.organisationId))
      .where(reachedBy({ organisationId }))
      .orderBy(desc(editions.startDate), asc(editions.title), asc(editions.id), asc(organisations.name))
      .all(),
    db
      .select({ uuid: organisations.uuid, name: organisations.name })
      .from(organisations)
      .where(isPartnerOrganisation)
      .orderBy(sql`${organisations.name} collate nocase`)
      .all(),
  ]);
  if (!organisation) return null;
  const byEdition = new Map<string, RunningEdition>();
  for (const row of rows) {
    let edition = byEdition.get(row.uuid);
    if (!edition) {
      edition = { uuid: row.uuid, slug: row.slug, title: row.title, startDate: row.startDate, organisations: [] };
      byEdition.set(row.uuid, edition);
    }
    edition.organisations.push({ uuid: row.organisationUuid, name: row.organisationName, own: row.organisationId === organisationId });
  }
  return { organisation, editions: [...byEdition.values()], organisations: all };
}

export type OrganisationChangeResult = { ok: true } | { ok: false; errors: FieldErrors };

/** Renames our organisation read at `version`; names are unique (speakers' organisations too). */
export async function renameOrganisation(
  db: Database,
  args: { organisationId: number; version: number; actor: Actor; name: string },
): Promise<OrganisationChangeResult | null> {
  return db.transaction(async (tx): Promise<OrganisationChangeResult | null> => {
    const where = eq(organisations.id, args.organisationId);
    const before = await tx.select().from(organisations).where(where).get();
    if (!before) return null;
    const taken = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.name, args.name), ne(organisations.id, args.organisationId)))
      .get();
    if (taken) return { ok: false, errors: { name: NAME_TAKEN } };
    const after = await updateVersioned(tx, organisations, where, args.version, { name: args.name, searchText: searchTextOf([args.name]) });
    if (!after) return null;
    const diff = diffRecords({ name: before.name }, { name: after.name });
    if (diff) await recordAudit(tx, { editionId: null, actor: args.actor, entity: "organisation", entityUuid: before.uuid, action: "update", ...diff });
    return { ok: true };
  });
}

/** One of the editions our organisation runs, by uuid; null for any other edition. */
export async function runningEdition(tx: Queryable, { organisationId, editionUuid }: { organisationId: number; editionUuid: string }) {
  const edition = await tx
    .select({ id: editions.id, slug: editions.slug, title: editions.title })
    .from(editions)
    .where(and(eq(editions.uuid, editionUuid), reachedBy({ organisationId })))
    .get();
  return edition ?? null;
}

/**
 * Lets another organisation's organisers work on an edition ours runs (a partner
 * co-organising it). Granting again changes nothing. Audited in the edition's log.
 */
export async function grantEditionAccess(
  db: Database,
  args: { organisationId: number; actor: Actor; editionUuid: string; organisationUuid: string },
): Promise<OrganisationChangeResult | null> {
  return db.transaction(async (tx): Promise<OrganisationChangeResult | null> => {
    const edition = await runningEdition(tx, args);
    if (!edition) return null;
    const partner = await tx.select({ id: organisations.id, uuid: organisations.uuid, name: organisations.name }).from(organisations).where(eq(organisations.uuid, args.organisationUuid)).get();
    if (!partner) return { ok: false, errors: { organisation: "structure.unknownChoice" } };
    await insertEditionAccess(tx, { edition, partner, actor: args.actor });
    return { ok: true };
  });
}

/** Opens the edition to the organisation inside the caller's transaction; audited when it was not open yet. */
export async function insertEditionAccess(
  tx: Queryable,
  { edition, partner, actor }: { edition: { id: number; title: string }; partner: { id: number; uuid: string; name: string }; actor: Actor },
): Promise<void> {
  const inserted = await tx
    .insert(editionOrganisations)
    .values({ editionId: edition.id, organisationId: partner.id })
    .onConflictDoNothing()
    .returning({ organisationId: editionOrganisations.organisationId });
  if (inserted.length === 0) return;
  await recordAudit(tx, {
    editionId: edition.id,
    actor,
    entity: "organisation",
    entityUuid: partner.uuid,
    action: "grant_access",
    after: { organisation: partner.name, edition: edition.title },
  });
}

/**
 * Withdraws a partner organisation's access to an edition ours runs; its editors and
 * viewers no longer reach it (from their next request). Our own access is not ours to drop.
 */
export async function revokeEditionAccess(
  db: Database,
  args: { organisationId: number; actor: Actor; editionUuid: string; organisationUuid: string },
): Promise<OrganisationChangeResult | null> {
  return db.transaction(async (tx): Promise<OrganisationChangeResult | null> => {
    const edition = await runningEdition(tx, args);
    if (!edition) return null;
    const partner = await tx.select({ id: organisations.id, uuid: organisations.uuid, name: organisations.name }).from(organisations).where(eq(organisations.uuid, args.organisationUuid)).get();
    if (!partner) return null;
    if (partner.id === args.organisationId) return { ok: false, errors: { _form: REVOKE_OWN } };
    const deleted = await tx
      .delete(editionOrganisations)
      .where(and(eq(editionOrganisations.editionId, edition.id), eq(editionOrganisations.organisationId, partner.id)))
      .returning({ organisationId: editionOrganisations.organisationId });
    if (deleted.length > 0) {
      await recordAudit(tx, {
        editionId: edition.id,
        actor: args.actor,
        entity: "organisation",
        entityUuid: partner.uuid,
        action: "revoke_access",
        before: { organisation: partner.name, edition: edition.title },
      });
    }
    return { ok: true };
  });
}
