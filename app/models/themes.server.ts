import { and, asc, count, eq, max, sql } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { sessions, themes } from "~/db/schema";
import type { ThemeValues } from "~/schemas/themes";
import { diffRecords } from "~/domain/audit";
import { recordAudit, type Actor } from "./audit.server";
import { uniqueSlug, type DeleteResult } from "./structure-helpers.server";
import { updateVersioned } from "./versioning.server";

const auditFields = (row: { slug: string; nameFr: string; nameEn: string; colour: string }) => ({
  slug: row.slug,
  nameFr: row.nameFr,
  nameEn: row.nameEn,
  colour: row.colour,
});

/** The edition's themes in order, each with the number of sessions using it (one query). */
export async function listThemes(db: Database, { editionId }: { editionId: number }) {
  return db
    .select({
      uuid: themes.uuid,
      nameFr: themes.nameFr,
      nameEn: themes.nameEn,
      colour: themes.colour,
      // The outer table is named by hand: drizzle writes it unqualified here, which SQLite reads as the subquery's own id.
      sessions: sql<number>`(select count(*) from ${sessions} where ${sessions.themeId} = "themes"."id")`,
    })
    .from(themes)
    .where(eq(themes.editionId, editionId))
    .orderBy(asc(themes.position), asc(themes.id))
    .all();
}

export async function getTheme(db: Database, { editionId, uuid }: { editionId: number; uuid: string }) {
  return db
    .select({ uuid: themes.uuid, nameFr: themes.nameFr, nameEn: themes.nameEn, colour: themes.colour, version: themes.version })
    .from(themes)
    .where(and(eq(themes.editionId, editionId), eq(themes.uuid, uuid)))
    .get();
}

/** The form's view of a theme (for the stale-save comparison). */
export function themeFormValues(row: { nameFr: string; nameEn: string; colour: string }) {
  return { nameFr: row.nameFr, nameEn: row.nameEn, colour: row.colour };
}

export async function createTheme(db: Database, { editionId, actor, values }: { editionId: number; actor: Actor; values: ThemeValues }) {
  return db.transaction(async (tx) => {
    const slug = await uniqueSlug(tx, themes, { editionId, name: values.nameFr });
    const last = await tx.select({ position: max(themes.position) }).from(themes).where(eq(themes.editionId, editionId)).get();
    const row = await tx
      .insert(themes)
      .values({ editionId, slug, ...values, position: (last?.position ?? -1) + 1 })
      .returning()
      .get();
    await recordAudit(tx, { editionId, actor, entity: "theme", entityUuid: row.uuid, action: "create", after: auditFields(row) });
    return row;
  });
}

/** Saves a theme read at `version`; throws StaleVersionError when someone saved in between. */
export async function updateTheme(
  db: Database,
  { editionId, uuid, version, actor, values }: { editionId: number; uuid: string; version: number; actor: Actor; values: ThemeValues },
) {
  return db.transaction(async (tx) => {
    const where = and(eq(themes.editionId, editionId), eq(themes.uuid, uuid));
    const before = await tx.select().from(themes).where(where).get();
    if (!before) return null;
    const after = await updateVersioned(tx, themes, where, version, values);
    if (!after) return null;
    const diff = diffRecords(auditFields(before), auditFields(after));
    if (diff) await recordAudit(tx, { editionId, actor, entity: "theme", entityUuid: uuid, action: "update", ...diff });
    return after;
  });
}

/** Deletes a theme unless sessions still use it. */
export async function deleteTheme(db: Database, { editionId, uuid, actor }: { editionId: number; uuid: string; actor: Actor }): Promise<DeleteResult | null> {
  return db.transaction(async (tx) => {
    const row = await tx.select().from(themes).where(and(eq(themes.editionId, editionId), eq(themes.uuid, uuid))).get();
    if (!row) return null;
    const used = await tx.select({ n: count() }).from(sessions).where(eq(sessions.themeId, row.id)).get();
    if (used && used.n > 0) return { ok: false, reason: "in_use", sessions: used.n };
    await tx.delete(themes).where(eq(themes.id, row.id));
    await recordAudit(tx, { editionId, actor, entity: "theme", entityUuid: uuid, action: "delete", before: auditFields(row) });
    return { ok: true };
  });
}
