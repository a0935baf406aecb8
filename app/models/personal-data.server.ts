// Erasing a speaker's personal data, as the data map (app/domain/personal-data.ts) says:
// shared by retention (services/retention.server.ts), an erasure request and a deletion.
import { and, eq, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import type { Database, Queryable } from "~/db/handles";
import { auditLog, availabilityWindows, emails, invitations, speakers } from "~/db/schema";
import { AUDIT_FIELDS, ERASABLE_SPEAKER_COLUMNS, withholdValues, WITHHELD_AFTER_RETENTION, WITHHELD_AT_RECORDING } from "~/domain/personal-data";
import { refreshSpeakerSearch } from "./search-text.server";
import { eraseSpeakerAnswers } from "./session-speakers.server";

const PEOPLE_ENTITIES = Object.keys(AUDIT_FIELDS);

/** What an erasure removed, counted (an audit entry records these, never the values). */
export type ErasureCounts = { availabilityWindows: number; invitations: number; emails: number; auditEntries: number };

/** The erased value of each private or sensitive column: its default when it has one, else null. */
const ERASED: Partial<Record<(typeof ERASABLE_SPEAKER_COLUMNS)[number], unknown>> = { preferredLocale: "fr", searchText: "" };
const erasedSpeakerValues = Object.fromEntries(ERASABLE_SPEAKER_COLUMNS.map((column) => [column, ERASED[column] ?? null]));

/** Whether a speaker row still holds anything private or sensitive (SQL). */
export const holdsPrivateData = or(...ERASABLE_SPEAKER_COLUMNS.filter((c) => !(c in ERASED)).map((c) => isNotNull(speakers[c])));

/** The audit entries of the edition that still hold private values, with those values withheld. */
export async function auditEntriesToWithhold(db: Queryable, where: SQL | undefined) {
  const rows = await db
    .select({ id: auditLog.id, entity: auditLog.entity, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(where, inArray(auditLog.entity, PEOPLE_ENTITIES)))
    .all();
  return rows.flatMap((row) => {
    const before = withholdValues(row.entity, row.before, "before", WITHHELD_AFTER_RETENTION);
    const after = withholdValues(row.entity, row.after, "after", WITHHELD_AFTER_RETENTION);
    return before === row.before && after === row.after ? [] : [{ id: row.id, before, after }];
  });
}

export async function writeWithheld(tx: Queryable, entries: { id: number; before: unknown; after: unknown }[]) {
  for (const entry of entries) {
    await tx
      .update(auditLog)
      .set({ before: entry.before as Record<string, unknown> | null, after: entry.after as Record<string, unknown> | null })
      .where(eq(auditLog.id, entry.id));
  }
}

/**
 * Erases the private and sensitive data of these speakers of one edition, in the caller's
 * transaction: their private columns, availability, answers' free text, invitations, the
 * messages sent to them, and the private values of every audit entry about them.
 */
export async function eraseSpeakers(tx: Queryable, { editionId, speakerIds }: { editionId: number; speakerIds: number[] }): Promise<ErasureCounts & { speakerUuids: string[] }> {
  if (speakerIds.length === 0) return { availabilityWindows: 0, invitations: 0, emails: 0, auditEntries: 0, speakerUuids: [] };
  const scope = and(eq(speakers.editionId, editionId), inArray(speakers.id, speakerIds));
  const rows = await tx.select({ id: speakers.id, uuid: speakers.uuid, email: speakers.email }).from(speakers).where(scope).all();
  const addresses = rows.flatMap((r) => (r.email ? [r.email] : []));
  const ids = rows.map((r) => r.id);
  const uuids = rows.map((r) => r.uuid);
  if (ids.length === 0) return { availabilityWindows: 0, invitations: 0, emails: 0, auditEntries: 0, speakerUuids: [] };
  // A new version: a form read before the erasure cannot save the erased values back.
  await tx.update(speakers).set({ ...erasedSpeakerValues, version: sql`${speakers.version} + 1` }).where(scope);
  await refreshSpeakerSearch(tx, ids);
  const windows = await tx.delete(availabilityWindows).where(inArray(availabilityWindows.speakerId, ids)).returning({ id: availabilityWindows.id });
  await eraseSpeakerAnswers(tx, { speakerIds: ids });
  const invites = await tx.delete(invitations).where(and(eq(invitations.editionId, editionId), inArray(invitations.speakerId, ids))).returning({ id: invitations.id });
  const mails = await tx.delete(emails).where(and(eq(emails.editionId, editionId), or(inArray(emails.speakerId, ids), inArray(emails.to, addresses)))).returning({ id: emails.id });
  const audit = await auditEntriesToWithhold(
    tx,
    and(eq(auditLog.editionId, editionId), or(inArray(auditLog.entityUuid, uuids), inArray(auditLog.speakerId, ids))),
  );
  await writeWithheld(tx, audit);
  return { availabilityWindows: windows.length, invitations: invites.length, emails: mails.length, auditEntries: audit.length, speakerUuids: uuids };
}

/**
 * Erased values must not survive in the file's free space or in the write-ahead log: rebuild
 * the database and fold the log back into it (both are no-ops for a libSQL server's own storage).
 */
export async function compactDatabase(db: Database): Promise<void> {
  await db.$client.execute("VACUUM");
  await db.$client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
}


/**
 * Brings an audit log written before the data map up to it (once, at start-up): sensitive
 * values leave every entry, and every value of a speaker deleted since goes with them.
 * Returns how many entries changed.
 */
export async function withholdRecordedValues(tx: Queryable): Promise<number> {
  const rows = await tx
    .select({ id: auditLog.id, entity: auditLog.entity, entityUuid: auditLog.entityUuid, action: auditLog.action, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(inArray(auditLog.entity, PEOPLE_ENTITIES))
    .all();
  const deleted = new Set(rows.filter((r) => r.entity === "speaker" && r.action === "delete" && r.entityUuid).map((r) => r.entityUuid));
  const changed = rows.flatMap((row) => {
    const classes = row.entityUuid && deleted.has(row.entityUuid) ? WITHHELD_AFTER_RETENTION : WITHHELD_AT_RECORDING;
    const before = withholdValues(row.entity, row.before, "before", classes);
    const after = withholdValues(row.entity, row.after, "after", classes);
    return before === row.before && after === row.after ? [] : [{ id: row.id, before, after }];
  });
  await writeWithheld(tx, changed);
  return changed.length;
}
