// Partner organisations seen from an admin's organisation: those that co-run events (they have
// organisers' accounts or run an edition), and the accounts an admin opens for their staff on
// one of the editions the admin's organisation runs (OuiShare and POP on the MEL's edition).
import { and, asc, count, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database, Queryable } from "~/db/client.server";
import { editionOrganisations, editions, organisations, organisers } from "~/db/schema";
import { searchTextOf } from "~/domain/search";
import type { PartnerRole } from "~/domain/vocabulary";
import type { FieldErrors } from "~/utils/forms";
import type { Actor } from "./audit.server";
import { reachedBy } from "./editions.server";
import { insertEditionAccess, isPartnerOrganisation, runningEdition } from "./organisations.server";
import { insertOrganiser } from "./organisers.server";

export const OWN_ORGANISATION = "partners.ownOrganisation";

export type PartnerView = { uuid: string; name: string; accounts: number; editions: string[] };

/**
 * The partners page: the editions our organisation runs (where an account can be opened) and
 * every partner organisation but ours, with its number of accounts and the editions of ours it
 * works on. Three queries whatever their numbers.
 */
export async function getPartnersOverview(db: Queryable, { organisationId }: { organisationId: number }) {
  const [running, partners, accounts] = await Promise.all([
    db
      .select({ uuid: editions.uuid, title: editions.title, id: editions.id })
      .from(editions)
      .where(reachedBy({ organisationId }))
      .orderBy(sql`${editions.startDate} desc`, asc(editions.title))
      .all(),
    db
      .select({ id: organisations.id, uuid: organisations.uuid, name: organisations.name })
      .from(organisations)
      .where(and(isPartnerOrganisation, ne(organisations.id, organisationId)))
      .orderBy(sql`${organisations.name} collate nocase`)
      .all(),
    db.select({ organisationId: organisers.organisationId, n: count() }).from(organisers).groupBy(organisers.organisationId).all(),
  ]);
  const access =
    running.length === 0
      ? []
      : await db
          .select({ organisationId: editionOrganisations.organisationId, editionId: editionOrganisations.editionId })
          .from(editionOrganisations)
          .where(inArray(editionOrganisations.editionId, running.map((e) => e.id)))
          .all();
  const titleOf = new Map(running.map((e) => [e.id, e.title]));
  const countOf = new Map(accounts.map((a) => [a.organisationId, a.n]));
  const views: PartnerView[] = partners.map((p) => ({
    uuid: p.uuid,
    name: p.name,
    accounts: countOf.get(p.id) ?? 0,
    editions: access.filter((a) => a.organisationId === p.id).map((a) => titleOf.get(a.editionId)!),
  }));
  return { editions: running.map(({ uuid, title }) => ({ uuid, title })), partners: views };
}

export type PartnerOrganiserResult =
  | { ok: true; organiser: { uuid: string; name: string; email: string }; organisation: string; edition: string }
  | { ok: false; errors: FieldErrors };

/**
 * One transaction: the partner organisation (an existing partner, or a new one by name; a
 * speaker's organisation of that name becomes a partner), the edition opened to it, and the
 * account. Null when the edition is not one our organisation runs (404).
 */
export async function createPartnerOrganiser(
  db: Database,
  args: {
    organisationId: number;
    actor: Actor;
    editionUuid: string;
    partner: { uuid: string } | { name: string };
    values: { name: string; email: string; role: PartnerRole };
    passwordHash: string;
  },
): Promise<PartnerOrganiserResult | null> {
  try {
    return await db.transaction((tx) => openPartnerAccount(tx, args));
  } catch (error) {
    if (error instanceof Refused) return { ok: false, errors: error.errors };
    throw error;
  }
}

/** Thrown inside the transaction so that a new organisation is not kept for a refused account. */
class Refused extends Error {
  constructor(readonly errors: FieldErrors) {
    super("partner account refused");
  }
}

async function openPartnerAccount(tx: Queryable, args: Parameters<typeof createPartnerOrganiser>[1]): Promise<PartnerOrganiserResult | null> {
  const edition = await runningEdition(tx, { organisationId: args.organisationId, editionUuid: args.editionUuid });
  if (!edition) return null;
  const partner = await partnerFor(tx, args.partner);
  if (!partner) return { ok: false, errors: { organisation: "structure.unknownChoice" } };
  if (partner.id === args.organisationId) return { ok: false, errors: { organisation: OWN_ORGANISATION, newOrganisation: OWN_ORGANISATION } };
  const created = await insertOrganiser(tx, { organisationId: partner.id, actor: args.actor, values: args.values, passwordHash: args.passwordHash });
  if (!created.ok) throw new Refused(created.errors);
  await insertEditionAccess(tx, { edition, partner, actor: args.actor });
  const { uuid, name, email } = created.organiser;
  return { ok: true, organiser: { uuid, name, email }, organisation: partner.name, edition: edition.title };
}

async function partnerFor(tx: Queryable, partner: { uuid: string } | { name: string }) {
  const columns = { id: organisations.id, uuid: organisations.uuid, name: organisations.name };
  if ("uuid" in partner) {
    return tx.select(columns).from(organisations).where(and(eq(organisations.uuid, partner.uuid), isPartnerOrganisation)).get();
  }
  const existing = await tx.select(columns).from(organisations).where(eq(organisations.name, partner.name)).get();
  if (existing) return existing;
  return tx.insert(organisations).values({ name: partner.name, kind: "other", searchText: searchTextOf([partner.name]) }).returning(columns).get();
}
