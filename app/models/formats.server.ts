import { and, asc, count, eq, max, sql } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { formats, sessions, SESSION_ROLES, type FormatRole, type RoomFeature } from "~/db/schema";
import { diffRecords } from "~/domain/audit";
import type { FormatValues } from "~/schemas/formats";
import { recordAudit, type Actor } from "./audit.server";
import { uniqueSlug, type DeleteResult } from "./structure-helpers.server";
import { updateVersioned } from "./versioning.server";

type FormatRow = {
  slug: string;
  nameFr: string;
  nameEn: string;
  defaultMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  roles: FormatRole[];
  requiredFeatures: RoomFeature[];
};

const auditFields = (row: FormatRow) => ({
  slug: row.slug,
  nameFr: row.nameFr,
  nameEn: row.nameEn,
  defaultMinutes: row.defaultMinutes,
  minMinutes: row.minMinutes,
  maxMinutes: row.maxMinutes,
  roles: row.roles,
  requiredFeatures: row.requiredFeatures,
});

const columns = {
  uuid: formats.uuid,
  nameFr: formats.nameFr,
  nameEn: formats.nameEn,
  defaultMinutes: formats.defaultMinutes,
  minMinutes: formats.minMinutes,
  maxMinutes: formats.maxMinutes,
  roles: formats.roles,
  requiredFeatures: formats.requiredFeatures,
};

/** The edition's formats in order, each with the number of sessions using it (one query). */
export async function listFormats(db: Database, { editionId }: { editionId: number }) {
  return db
    // The outer table is named by hand: drizzle writes it unqualified here, which SQLite reads as the subquery's own id.
    .select({ ...columns, sessions: sql<number>`(select count(*) from ${sessions} where ${sessions.formatId} = "formats"."id")` })
    .from(formats)
    .where(eq(formats.editionId, editionId))
    .orderBy(asc(formats.position), asc(formats.id))
    .all();
}

export async function getFormat(db: Database, { editionId, uuid }: { editionId: number; uuid: string }) {
  return db
    .select({ ...columns, version: formats.version })
    .from(formats)
    .where(and(eq(formats.editionId, editionId), eq(formats.uuid, uuid)))
    .get();
}

/** The format form's values: every role with its bounds, blank when the format does not use it. */
export function formatFormValues(row: Omit<FormatRow, "slug">) {
  return {
    nameFr: row.nameFr,
    nameEn: row.nameEn,
    defaultMinutes: String(row.defaultMinutes),
    minMinutes: String(row.minMinutes),
    maxMinutes: String(row.maxMinutes),
    roles: Object.fromEntries(
      SESSION_ROLES.map((role) => {
        const bounds = row.roles.find((r) => r.role === role);
        return [role, { min: bounds ? String(bounds.min) : "", max: bounds ? String(bounds.max) : "" }];
      }),
    ),
    requiredFeatures: row.requiredFeatures,
  };
}

export async function createFormat(db: Database, { editionId, actor, values }: { editionId: number; actor: Actor; values: FormatValues }) {
  return db.transaction(async (tx) => {
    const slug = await uniqueSlug(tx, formats, { editionId, name: values.nameFr });
    const last = await tx.select({ position: max(formats.position) }).from(formats).where(eq(formats.editionId, editionId)).get();
    const row = await tx
      .insert(formats)
      .values({ editionId, slug, ...values, position: (last?.position ?? -1) + 1 })
      .returning()
      .get();
    await recordAudit(tx, { editionId, actor, entity: "format", entityUuid: row.uuid, action: "create", after: auditFields(row) });
    return row;
  });
}

/** Saves a format read at `version`; throws StaleVersionError when someone saved in between. */
export async function updateFormat(
  db: Database,
  { editionId, uuid, version, actor, values }: { editionId: number; uuid: string; version: number; actor: Actor; values: FormatValues },
) {
  return db.transaction(async (tx) => {
    const where = and(eq(formats.editionId, editionId), eq(formats.uuid, uuid));
    const before = await tx.select().from(formats).where(where).get();
    if (!before) return null;
    const after = await updateVersioned(tx, formats, where, version, values);
    if (!after) return null;
    const diff = diffRecords(auditFields(before), auditFields(after));
    if (diff) await recordAudit(tx, { editionId, actor, entity: "format", entityUuid: uuid, action: "update", ...diff });
    return after;
  });
}

/** Deletes a format unless sessions still use it. */
export async function deleteFormat(db: Database, { editionId, uuid, actor }: { editionId: number; uuid: string; actor: Actor }): Promise<DeleteResult | null> {
  return db.transaction(async (tx) => {
    const row = await tx.select().from(formats).where(and(eq(formats.editionId, editionId), eq(formats.uuid, uuid))).get();
    if (!row) return null;
    const used = await tx.select({ n: count() }).from(sessions).where(eq(sessions.formatId, row.id)).get();
    if (used && used.n > 0) return { ok: false, reason: "in_use", sessions: used.n };
    await tx.delete(formats).where(eq(formats.id, row.id));
    await recordAudit(tx, { editionId, actor, entity: "format", entityUuid: uuid, action: "delete", before: auditFields(row) });
    return { ok: true };
  });
}
