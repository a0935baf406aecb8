// An organisation's notices (privacy notice, accessibility statement) and its retention
// period: what its admins edit on /admin/organisations/notices. Null texts are the defaults.
import { asc, eq, sql } from "drizzle-orm";
import type { Database, Queryable } from "~/db/client.server";
import { editionOrganisations, organisations } from "~/db/schema";
import { diffRecords } from "~/domain/audit";
import type { AccessibilityConformity } from "~/domain/vocabulary";
import { recordAudit, type Actor } from "./audit.server";
import { updateVersioned } from "./versioning.server";

const noticeColumns = {
  uuid: organisations.uuid,
  name: organisations.name,
  version: organisations.version,
  retentionMonths: organisations.retentionMonths,
  noticeContact: organisations.noticeContact,
  accessibilityConformity: organisations.accessibilityConformity,
  privacyNoticeFr: organisations.privacyNoticeFr,
  privacyNoticeEn: organisations.privacyNoticeEn,
  accessibilityStatementFr: organisations.accessibilityStatementFr,
  accessibilityStatementEn: organisations.accessibilityStatementEn,
};

export type OrganisationNotices = {
  uuid: string;
  name: string;
  version: number;
  retentionMonths: number;
  noticeContact: string | null;
  accessibilityConformity: AccessibilityConformity;
  privacyNoticeFr: string | null;
  privacyNoticeEn: string | null;
  accessibilityStatementFr: string | null;
  accessibilityStatementEn: string | null;
};

export type NoticesInput = Omit<OrganisationNotices, "uuid" | "name" | "version">;

export async function getOrganisationNotices(db: Queryable, { organisationId }: { organisationId: number }): Promise<OrganisationNotices | null> {
  return (await db.select(noticeColumns).from(organisations).where(eq(organisations.id, organisationId)).get()) ?? null;
}

/**
 * The organisation whose notices an edition shows: the first that ran it (partners given
 * access later come after it). Null for an edition no organisation runs.
 */
export async function editionNoticeOrganisation(db: Queryable, { editionId }: { editionId: number }): Promise<OrganisationNotices | null> {
  return (
    (await db
      .select(noticeColumns)
      .from(editionOrganisations)
      .innerJoin(organisations, eq(organisations.id, editionOrganisations.organisationId))
      .where(eq(editionOrganisations.editionId, editionId))
      .orderBy(asc(sql`${editionOrganisations}.rowid`))
      .limit(1)
      .get()) ?? null
  );
}

/** Saves the notices and the retention read at `version` (stale: StaleVersionError); audited. */
export async function updateOrganisationNotices(
  db: Database,
  args: { organisationId: number; version: number; actor: Actor; input: NoticesInput },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const where = eq(organisations.id, args.organisationId);
    const before = await tx.select(noticeColumns).from(organisations).where(where).get();
    if (!before) return false;
    const after = await updateVersioned(tx, organisations, where, args.version, args.input);
    if (!after) return false;
    const { uuid: _u, name: _n, version: _v, ...was } = before;
    const diff = diffRecords(was, args.input);
    if (diff) await recordAudit(tx, { editionId: null, actor: args.actor, entity: "organisation", entityUuid: before.uuid, action: "update", ...diff });
    return true;
  });
}
