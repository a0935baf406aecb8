// The one access rule (SECURITY.md "Roles act inside an organisation", ADR 0002 as amended,
// ADR 0012). An organiser reaches an edition when their organisation runs it or has been
// granted access to it (a row of edition_organisations: the data model does not tell the two
// apart, and a grant carries no rights of its own), and acts there with their own role.
// An organiser without organisation reaches no edition. Being an admin widens the rights
// inside the editions one reaches, never which editions one reaches.
import type { Params } from "@remix-run/react";
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb, type Queryable } from "~/db/client.server";
import { editions } from "~/db/schema";
import type { OrganiserRole } from "~/domain/vocabulary";
import { editionSummaryColumns, reachedBy, type EditionSummary } from "~/models/editions.server";
import { requireOrganiser, type CurrentOrganiser } from "./auth.server";
import { notFound } from "~/utils/http.server";
import type { Need, Refusal, RefusalScope } from "~/domain/access-rights";

export type { Need } from "~/domain/access-rights";

const RIGHTS: Record<OrganiserRole, readonly Need[]> = {
  admin: ["read", "write", "admin"],
  editor: ["read", "write"],
  viewer: ["read"],
};

type Caller = Pick<CurrentOrganiser, "role" | "organisationId">;

/** Whether the organiser's role allows this, wherever they act (an edition they reach, their organisation). */
export function may(organiser: Pick<CurrentOrganiser, "role">, need: Need): boolean {
  return RIGHTS[organiser.role].includes(need);
}

export function canWrite(organiser: Pick<CurrentOrganiser, "role">): boolean {
  return may(organiser, "write");
}

/** The edition with this slug if the organiser reaches it. */
export async function findReachableEdition(db: Queryable, { slug, organiser }: { slug: string; organiser: Caller }): Promise<EditionSummary | undefined> {
  return db
    .select(editionSummaryColumns)
    .from(editions)
    .where(and(eq(editions.slug, slug), reachedBy(organiser)))
    .get();
}

/** The editions the organiser reaches, most recent first (the editions list and the switcher). */
export async function listReachableEditions(
  db: Queryable,
  { organiser }: { organiser: Caller },
): Promise<Pick<EditionSummary, "slug" | "title" | "startDate">[]> {
  return db
    .select({ slug: editions.slug, title: editions.title, startDate: editions.startDate })
    .from(editions)
    .where(reachedBy(organiser))
    .orderBy(desc(editions.startDate), asc(editions.title))
    .all();
}

/**
 * The refusal of a right the caller's role lacks: its body names the right (and whether it
 * is asked on an edition), which the error boundary tells the organiser (refusalOf, app/domain/access-rights.ts).
 */
const forbidden = (need: Need, where: RefusalScope) => Response.json({ right: need, where } satisfies Refusal, { status: 403 });

/**
 * The one-line guard of every edition page and resource: who is calling (anonymous: the
 * login page), is the edition in the URL one they reach (404 otherwise, whatever their
 * role, so other editions' existence does not leak), may their role do this (403).
 */
export async function requireEdition(
  request: Request,
  params: Params,
  need: Need = "read",
): Promise<{ organiser: CurrentOrganiser; edition: EditionSummary }> {
  const organiser = await requireOrganiser(request);
  const slug = params.editionSlug;
  if (!slug) notFound();
  const edition = await findReachableEdition(await getDb(), { slug, organiser });
  if (!edition) notFound();
  if (!may(organiser, need)) throw forbidden(need, "edition");
  return { organiser, edition };
}

/** Guard outside editions: signed in, and the role allows this (403 otherwise). */
export async function requireRole(request: Request, need: Need): Promise<CurrentOrganiser> {
  const organiser = await requireOrganiser(request);
  if (!may(organiser, need)) throw forbidden(need, "organisation");
  return organiser;
}

/** Whether the organiser may start an edition (new, copy, import): it will be run by their organisation. */
export function canStartEditions(organiser: Caller, need: Need): organiser is Caller & { organisationId: number } {
  return organiser.organisationId !== null && may(organiser, need);
}

/**
 * Guard of new editions and imports: the role allows it and the organiser has an
 * organisation to run the edition (without one they could never reach it): 403 otherwise.
 */
export async function requireEditionStarter(request: Request, need: Need): Promise<CurrentOrganiser & { organisationId: number }> {
  const organiser = await requireRole(request, need);
  if (!canStartEditions(organiser, need)) throw forbidden(need, "organisation");
  return organiser;
}
