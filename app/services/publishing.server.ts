// Publishing: freeze the public programme into a numbered, immutable version, with its changelog.
import type { Database, Queryable } from "~/db/client.server";
import type { Conflict } from "~/domain/conflicts";
import { buildSnapshot, diffProgrammes, type Changes, type PublicProgramme } from "~/domain/exports";
import { recordAudit, type Actor } from "~/models/audit.server";
import {
  findVersion,
  listVersions,
  insertVersion,
  latestVersionNumber,
  loadPublicSource,
  markFirstPublished,
} from "~/models/programme-versions.server";
import { checkEdition } from "./conflicts.server";
import { forgetLatest } from "./export-cache.server";
import { queueVersionPublished, startWebhookWorker } from "./webhooks.server";
import { notFound } from "~/utils/http.server";

/** Conflicts that stop publishing: error or block, not acknowledged. */
export function blockingConflicts(conflicts: Conflict[]): Conflict[] {
  return conflicts.filter((c) => (c.level === "error" || c.level === "block") && !c.acknowledged);
}

export type BlockingConflict = { rule: string; level: string; key: string; message: { fr: string; en: string } };

export type PublishResult =
  | { ok: true; number: number; changes: Changes; webhooks: number }
  | { ok: false; blocking: BlockingConflict[] };

/** The latest published snapshot, or null. */
export async function latestProgramme(db: Queryable, { editionId }: { editionId: number }): Promise<PublicProgramme | null> {
  const number = await latestVersionNumber(db, { editionId });
  if (number === null) return null;
  return (await findVersion(db, { editionId, number }))?.programme ?? null;
}

/** The current draft as it would be published now (version number null). */
export async function draftProgramme(db: Queryable, { editionId }: { editionId: number }): Promise<PublicProgramme> {
  const [source, previous] = await Promise.all([loadPublicSource(db, { editionId }), latestProgramme(db, { editionId })]);
  if (!source) notFound();
  return buildSnapshot(source, { number: null, publishedAt: null, previous });
}

/**
 * Publishes the edition's programme as the next version, in one write transaction: refused
 * (nothing written) while unacknowledged error or block conflicts remain.
 */
export async function publishProgramme(
  db: Database,
  { editionId, slug, actor, note, now }: { editionId: number; slug: string; actor: Actor; note: string | null; now: number },
): Promise<PublishResult> {
  const result = await db.transaction(async (tx): Promise<PublishResult> => {
    const blocking = blockingConflicts((await checkEdition(tx, { editionId })).conflicts);
    if (blocking.length > 0) {
      return {
        ok: false,
        blocking: blocking.map((c) => ({ rule: c.rule, level: c.level, key: c.key, message: { fr: c.message.fr, en: c.message.en } })),
      };
    }
    const [source, previousNumber] = await Promise.all([loadPublicSource(tx, { editionId }), latestVersionNumber(tx, { editionId })]);
    const previous = previousNumber === null ? null : ((await findVersion(tx, { editionId, number: previousNumber }))?.programme ?? null);
    const number = (previousNumber ?? 0) + 1;
    const programme = buildSnapshot(source ?? notFound(), { number, publishedAt: now, previous });
    const changes = diffProgrammes(previous, programme);
    await insertVersion(tx, {
      editionId,
      number,
      publishedAt: now,
      publishedBy: actor.type === "organiser" ? actor.organiserId : null,
      note,
      stored: { programme, changes },
    });
    await markFirstPublished(tx, { editionId, number, uuids: changes.added.map((s) => s.id) });
    // The receivers hear of the version exactly when it exists: queued in this transaction.
    const webhooks = await queueVersionPublished(tx, { editionId, programme, changes, now });
    await recordAudit(tx, {
      editionId,
      actor,
      entity: "programme_version",
      entityUuid: null,
      action: "publish",
      after: {
        number,
        note,
        sessions: programme.sessions.length,
        added: changes.added.length,
        cancelled: changes.cancelled.length,
        moved: changes.moved.length,
        renamed: changes.renamed.length,
        peopleChanged: changes.peopleChanged.length,
      },
      at: now,
    });
    return { ok: true, number, changes, webhooks: webhooks.length };
  });
  if (result.ok) {
    forgetLatest(slug);
    // Sent after the commit; retries come from the worker's timer.
    if (result.webhooks > 0) void startWebhookWorker();
  }
  return result;
}

/** What the versions page shows: versions with their changelogs, the pending changes, what blocks. */
export async function versionsOverview(db: Queryable, { editionId }: { editionId: number }) {
  const [versions, source, { conflicts }] = await Promise.all([
    listVersions(db, { editionId }),
    loadPublicSource(db, { editionId }),
    checkEdition(db, { editionId }),
  ]);
  const latest = versions[0] ? ((await findVersion(db, { editionId, number: versions[0].number }))?.programme ?? null) : null;
  const draft = buildSnapshot(source ?? notFound(), { number: null, publishedAt: null, previous: latest });
  const blocking = blockingConflicts(conflicts).map((c) => ({ rule: c.rule, level: c.level, key: c.key, message: { fr: c.message.fr, en: c.message.en } }));
  return { versions, pending: diffProgrammes(latest, draft), blocking, nextNumber: (versions[0]?.number ?? 0) + 1 };
}

/** One version for the organisers' page: its record, changelog and public export paths. */
export async function versionDetail(db: Queryable, { editionId, slug, number }: { editionId: number; slug: string; number: number }) {
  const version = await findVersion(db, { editionId, number });
  if (!version) return null;
  const base = `/programme/${encodeURIComponent(slug)}/v/${number}/`;
  return {
    number: version.number,
    publishedAt: version.publishedAt,
    publishedBy: version.publishedBy,
    note: version.note,
    changes: version.changes,
    sessionCount: version.programme.sessions.length,
    publicPage: base,
    exports: ["programme.json", "schedule.json", "schedule.xml", "programme.ics", "programme.csv", "changes.json"].map((file) => `${base}${file}`),
  };
}

/** The changes between any two versions (`from` 0: against nothing). Null when one does not exist. */
export async function compareVersions(db: Queryable, { editionId, from, to }: { editionId: number; from: number; to: number }) {
  const [before, after] = await Promise.all([
    from === 0 ? Promise.resolve(null) : findVersion(db, { editionId, number: from }),
    findVersion(db, { editionId, number: to }),
  ]);
  if (!after || (from !== 0 && !before)) return null;
  return diffProgrammes(before?.programme ?? null, after.programme);
}
