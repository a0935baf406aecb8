// Retention and erasure of speakers' personal data (RGPD art. 5-1-e and 17). What is erased
// is decided by the data map (app/domain/personal-data.ts): private and sensitive columns of
// the speakers, their availability, their answers' free text, the edition's invitations and
// outbox, and the private values of the audit log. Public names, organisations and published
// versions stay as the festival's archive.
import { and, count, eq, gt, inArray, or, sql } from "drizzle-orm";
import { getDb, type Database, type Queryable } from "~/db/client.server";
import { auditLog, availabilityWindows, editionOrganisations, editions, emails, invitations, organisations, speakers } from "~/db/schema";
import { editionRetentionMonths, personKey, purgeDueAt } from "~/domain/retention";
import { recordAudit, type Actor } from "~/models/audit.server";
import { auditEntriesToWithhold, compactDatabase, eraseSpeakers, holdsPrivateData, writeWithheld } from "~/models/personal-data.server";
import { log } from "~/server/log.server";
import { notFound } from "~/utils/http.server";

export type PurgeCounts = { speakers: number; availabilityWindows: number; invitations: number; emails: number; auditEntries: number };

export type EditionRetention = {
  editionId: number;
  slug: string;
  title: string;
  retentionMonths: number;
  /** When the edition's personal data is (or was) due for erasure. */
  dueAt: number;
  due: boolean;
  purgedAt: number | null;
  /** What a purge would remove now. */
  pending: PurgeCounts;
};

type EditionRow = { id: number; slug: string; title: string; endDate: string; timeZone: string; personalDataPurgedAt: number | null };

const editionColumns = {
  id: editions.id,
  slug: editions.slug,
  title: editions.title,
  endDate: editions.endDate,
  timeZone: editions.timeZone,
  personalDataPurgedAt: editions.personalDataPurgedAt,
};

/** The retention that applies to each edition (the shortest of its organisations'). */
export async function retentionMonthsOf(db: Queryable, editionIds: number[]): Promise<Map<number, number>> {
  const rows = editionIds.length
    ? await db
        .select({ editionId: editionOrganisations.editionId, months: organisations.retentionMonths })
        .from(editionOrganisations)
        .innerJoin(organisations, eq(organisations.id, editionOrganisations.organisationId))
        .where(inArray(editionOrganisations.editionId, editionIds))
        .all()
    : [];
  const byEdition = new Map<number, number[]>();
  for (const row of rows) byEdition.set(row.editionId, [...(byEdition.get(row.editionId) ?? []), row.months]);
  return new Map(editionIds.map((id) => [id, editionRetentionMonths(byEdition.get(id) ?? [])]));
}

/**
 * The edition's speakers whose data retention erases: those who take part in no later edition
 * (recognised by email, or by name when they have none) and still hold private data.
 */
async function speakersToErase(db: Queryable, edition: EditionRow): Promise<number[]> {
  const [own, later] = await Promise.all([
    db
      .select({ id: speakers.id, email: speakers.email, publicName: speakers.publicName })
      .from(speakers)
      .where(and(eq(speakers.editionId, edition.id), or(holdsPrivateData, sql`exists (select 1 from ${availabilityWindows} where ${availabilityWindows.speakerId} = ${speakers.id})`)))
      .all(),
    db
      .select({ email: speakers.email, publicName: speakers.publicName })
      .from(speakers)
      .innerJoin(editions, eq(editions.id, speakers.editionId))
      .where(gt(editions.startDate, edition.endDate))
      .all(),
  ]);
  const continuing = new Set(later.map(personKey));
  return own.filter((s) => !continuing.has(personKey(s))).map((s) => s.id);
}

async function pendingCounts(db: Queryable, edition: EditionRow): Promise<PurgeCounts & { speakerIds: number[] }> {
  const speakerIds = await speakersToErase(db, edition);
  const [windows, invitationRow, emailRow, audit] = await Promise.all([
    speakerIds.length ? db.select({ n: count() }).from(availabilityWindows).where(inArray(availabilityWindows.speakerId, speakerIds)).get() : { n: 0 },
    db.select({ n: count() }).from(invitations).where(eq(invitations.editionId, edition.id)).get(),
    db.select({ n: count() }).from(emails).where(eq(emails.editionId, edition.id)).get(),
    auditEntriesToWithhold(db, eq(auditLog.editionId, edition.id)),
  ]);
  return {
    speakerIds,
    speakers: speakerIds.length,
    availabilityWindows: windows?.n ?? 0,
    invitations: invitationRow?.n ?? 0,
    emails: emailRow?.n ?? 0,
    auditEntries: audit.length,
  };
}

/** Where an edition stands: its retention, when it is due, and what a purge would remove. */
export async function editionRetention(db: Queryable, { editionId, now }: { editionId: number; now: number }): Promise<EditionRetention> {
  const edition = await db.select(editionColumns).from(editions).where(eq(editions.id, editionId)).get();
  if (!edition) notFound();
  const months = (await retentionMonthsOf(db, [edition.id])).get(edition.id)!;
  const dueAt = purgeDueAt(edition, months);
  const { speakerIds: _ids, ...pending } = await pendingCounts(db, edition);
  return { editionId: edition.id, slug: edition.slug, title: edition.title, retentionMonths: months, dueAt, due: dueAt <= now, purgedAt: edition.personalDataPurgedAt, pending };
}

/**
 * Retention's erasure of one edition, in one write transaction: the speakers who take part in
 * no later edition lose their private and sensitive data; every invitation and stored message
 * of the edition goes; the edition's audit log keeps no private value. Audited with counts only.
 * A dry run reports the same counts and changes nothing.
 */
export async function purgeEdition(
  db: Database,
  { editionId, now, actor, dryRun = false }: { editionId: number; now: number; actor: Actor; dryRun?: boolean },
): Promise<PurgeCounts> {
  const counts = await db.transaction(async (tx) => {
    const edition = await tx.select(editionColumns).from(editions).where(eq(editions.id, editionId)).get();
    if (!edition) notFound();
    const pending = await pendingCounts(tx, edition);
    const { speakerIds, ...counts } = pending;
    if (dryRun) return counts;
    await eraseSpeakers(tx, { editionId, speakerIds });
    await tx.delete(invitations).where(eq(invitations.editionId, editionId));
    await tx.delete(emails).where(eq(emails.editionId, editionId));
    await writeWithheld(tx, await auditEntriesToWithhold(tx, eq(auditLog.editionId, editionId)));
    const removed = Object.values(counts).some((n) => n > 0);
    if (removed || edition.personalDataPurgedAt === null) await tx.update(editions).set({ personalDataPurgedAt: now }).where(eq(editions.id, editionId));
    if (removed) await recordAudit(tx, { editionId, actor, entity: "edition", entityUuid: null, action: "purge", after: { ...counts }, at: now });
    return counts;
  });
  if (!dryRun && Object.values(counts).some((n) => n > 0)) await compactDatabase(db);
  return counts;
}

/** Every edition past its retention, purged (or, dry, what would be). */
export async function purgeDueEditions(
  db: Database,
  { now, actor = { type: "system" }, dryRun = false }: { now: number; actor?: Actor; dryRun?: boolean },
): Promise<(EditionRetention & { purged: PurgeCounts })[]> {
  const all = await db.select({ id: editions.id }).from(editions).all();
  const out: (EditionRetention & { purged: PurgeCounts })[] = [];
  for (const { id } of all) {
    const state = await editionRetention(db, { editionId: id, now });
    if (!state.due) continue;
    out.push({ ...state, purged: await purgeEdition(db, { editionId: id, now, actor, dryRun }) });
  }
  return out;
}

const DAY_MS = 24 * 60 * 60 * 1000;
let worker: NodeJS.Timeout | null = null;

/** Runs the purge of due editions soon after start, then once a day. The timer does not keep the process alive. */
export function startRetentionWorker(): void {
  if (worker) return;
  const tick = async () => {
    try {
      const done = await purgeDueEditions(await getDb(), { now: Date.now() });
      for (const edition of done) {
        const { purged } = edition;
        if (Object.values(purged).some((n) => n > 0)) log.info(`Retention: purged the personal data of ${edition.slug}: ${JSON.stringify(purged)}`);
      }
    } catch (error) {
      log.error("Retention purge failed:", error);
    }
  };
  worker = setInterval(() => void tick(), DAY_MS);
  worker.unref();
  setTimeout(() => void tick(), 5_000).unref();
}
