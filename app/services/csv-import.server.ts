// CSV import of speakers, or of sessions with their people: plan (validate every row
// against the edition), then apply all of it in one write transaction or nothing.
// The apply runs in chunks and yields to the event loop between them (libSQL runs local
// statements synchronously), so other requests are served while a large file goes in,
// and the page follows its progress.
import { and, eq, gte, inArray, isNotNull, lt } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Database, Queryable } from "~/db/client.server";
import { auditLog, csvImportJobs, formats, organisations, sessions, speakers, themes } from "~/db/schema";
import { addSessionSpeakers } from "~/models/session-speakers.server";
import {
  normaliseHeader,
  planSessionImport,
  planSpeakerImport,
  type ImportPlan,
  type Mapping,
  type SessionPlanRow,
} from "~/domain/csv-import";
import { searchTextOf } from "~/domain/search";
import type { ImportKind, SpeakerRow } from "~/schemas/csv-import";
import { organiserActor, recordAudit, type Actor } from "~/models/audit.server";
import { log } from "~/server/log.server";
import { refreshSessionSearch } from "~/models/search-text.server";

export type AnyPlan = ImportPlan<SpeakerRow> | ImportPlan<SessionPlanRow>;

/** Reads what the plan needs from the edition: a constant number of queries (1 for speakers, 4 for sessions). */
export async function planImport(
  db: Queryable,
  { editionId, kind, rows, mapping }: { editionId: number; kind: ImportKind; rows: string[][]; mapping: Mapping },
): Promise<AnyPlan> {
  if (kind === "speakers") {
    return planSpeakerImport(rows, mapping, { existingEmails: await existingEmails(db, editionId) });
  }
  const [formatRows, themeRows, speakerRows, sessionRows] = await Promise.all([
    db.select({ id: formats.id, slug: formats.slug, nameFr: formats.nameFr, nameEn: formats.nameEn }).from(formats).where(eq(formats.editionId, editionId)).all(),
    db.select({ id: themes.id, slug: themes.slug, nameFr: themes.nameFr, nameEn: themes.nameEn }).from(themes).where(eq(themes.editionId, editionId)).all(),
    db
      .select({ id: speakers.id, email: speakers.email })
      .from(speakers)
      .where(and(eq(speakers.editionId, editionId), isNotNull(speakers.email)))
      .all(),
    db.select({ slug: sessions.slug }).from(sessions).where(eq(sessions.editionId, editionId)).all(),
  ]);
  const byNames = (list: { id: number; slug: string; nameFr: string; nameEn: string }[]) => {
    const map = new Map<string, number>();
    for (const item of list) for (const name of [item.slug, item.nameFr, item.nameEn]) map.set(normaliseHeader(name), item.id);
    return map;
  };
  return planSessionImport(rows, mapping, {
    formats: byNames(formatRows),
    themes: byNames(themeRows),
    speakersByEmail: new Map(speakerRows.map((row) => [row.email!.toLowerCase(), row.id])),
    existingSlugs: new Set(sessionRows.map((row) => row.slug)),
  });
}

async function existingEmails(db: Queryable, editionId: number): Promise<Set<string>> {
  const rows = await db
    .select({ email: speakers.email })
    .from(speakers)
    .where(and(eq(speakers.editionId, editionId), isNotNull(speakers.email)))
    .all();
  return new Set(rows.map((row) => row.email!.toLowerCase()));
}

/** Rows written per statement; between chunks the import gives the event loop back. */
export const IMPORT_CHUNK = 250;

const yieldToOthers = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export type ImportResult = { created: number; skipped: number };

/**
 * Writes a plan without errors, all in one write transaction: the edition's emails or
 * slugs are read again inside it (what appeared since the preview is skipped as a
 * duplicate), then rows go in by chunks, each with its audit entries, and one audit
 * entry records the import itself. Throws (and writes nothing) if anything fails.
 */
export async function applyImport(
  db: Database,
  {
    editionId,
    kind,
    plan,
    actor,
    fileName,
    onProgress = () => {},
    now = Date.now(),
  }: {
    editionId: number;
    kind: ImportKind;
    plan: AnyPlan;
    actor: Actor;
    fileName: string;
    onProgress?: (done: number) => void;
    now?: number;
  },
): Promise<ImportResult> {
  if (plan.errors.length > 0) throw new Error("A plan with errors is never applied");
  return db.transaction(async (tx) => {
    const result =
      kind === "speakers"
        ? await writeSpeakers(tx, { editionId, plan: plan as ImportPlan<SpeakerRow>, actor, now, onProgress })
        : await writeSessions(tx, { editionId, plan: plan as ImportPlan<SessionPlanRow>, actor, now, onProgress });
    await recordAudit(tx, {
      editionId,
      actor,
      entity: kind === "speakers" ? "speaker" : "session",
      entityUuid: null,
      action: "import",
      after: { file: fileName, kind, count: plan.total, created: result.created, skipped: result.skipped },
      at: now,
    });
    return result;
  });
}

function auditRows(editionId: number, actor: Actor, entity: string, now: number, created: { uuid: string; after: Record<string, unknown> }[]) {
  return created.map(({ uuid, after }) => ({
    editionId,
    at: now,
    actorType: actor.type,
    organiserId: actor.type === "organiser" ? actor.organiserId : null,
    speakerId: actor.type === "speaker" ? actor.speakerId : null,
    entity,
    entityUuid: uuid,
    action: "import",
    before: null,
    after,
  }));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function writeSpeakers(
  tx: Queryable,
  { editionId, plan, actor, now, onProgress }: { editionId: number; plan: ImportPlan<SpeakerRow>; actor: Actor; now: number; onProgress: (done: number) => void },
): Promise<ImportResult> {
  const taken = await existingEmails(tx, editionId);
  const rows = plan.valid.filter(({ value }) => !value.email || !taken.has(value.email));
  const skipped = plan.duplicates.length + (plan.valid.length - rows.length);
  // Organisations are shared by name across editions: reuse, or create the missing ones at once.
  const names = [...new Set(rows.map(({ value }) => value.organisation).filter((name): name is string => name !== null))];
  const organisationIds = new Map<string, number>();
  for (const part of chunks(names, 500)) {
    const found = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.name, part)).all();
    for (const row of found) organisationIds.set(row.name, row.id);
    const missing = part.filter((name) => !organisationIds.has(name));
    if (missing.length > 0) {
      const created = await tx.insert(organisations).values(missing.map((name) => ({ name, searchText: searchTextOf([name]) }))).returning({ id: organisations.id, name: organisations.name });
      for (const row of created) organisationIds.set(row.name, row.id);
    }
  }
  let done = 0;
  for (const part of chunks(rows, IMPORT_CHUNK)) {
    const values = part.map(({ value }) => {
      const { organisation, ...fields } = value;
      return {
        ...fields,
        uuid: randomUUID(),
        editionId,
        organisationId: organisation ? organisationIds.get(organisation)! : null,
        searchText: searchTextOf([fields.publicName, fields.email]),
        consentsUpdatedAt: fields.consentRecording || fields.consentPhotos || fields.consentPublishBio ? now : null,
        createdAt: now,
        updatedAt: now,
      };
    });
    await tx.insert(speakers).values(values);
    await tx.insert(auditLog).values(
      auditRows(
        editionId,
        actor,
        "speaker",
        now,
        part.map(({ value }, i) => ({ uuid: values[i]!.uuid, after: value as Record<string, unknown> })),
      ),
    );
    done += part.length;
    onProgress(done);
    await yieldToOthers();
  }
  return { created: rows.length, skipped };
}

async function writeSessions(
  tx: Queryable,
  { editionId, plan, actor, now, onProgress }: { editionId: number; plan: ImportPlan<SessionPlanRow>; actor: Actor; now: number; onProgress: (done: number) => void },
): Promise<ImportResult> {
  const takenRows = await tx.select({ slug: sessions.slug }).from(sessions).where(eq(sessions.editionId, editionId)).all();
  const taken = new Set(takenRows.map((row) => row.slug));
  const rows = plan.valid.filter(({ value }) => !taken.has(value.slug));
  const skipped = plan.duplicates.length + (plan.valid.length - rows.length);
  let done = 0;
  for (const part of chunks(rows, IMPORT_CHUNK)) {
    const values = part.map(({ value }) => {
      const { people: _people, ...fields } = value;
      return { ...fields, uuid: randomUUID(), editionId, createdAt: now, updatedAt: now };
    });
    const inserted = await tx.insert(sessions).values(values).returning({ id: sessions.id, uuid: sessions.uuid });
    const idOf = new Map(inserted.map((row) => [row.uuid, row.id]));
    const people = part.flatMap(({ value }, i) =>
      value.people.map((person, position) => ({
        sessionId: idOf.get(values[i]!.uuid)!,
        speakerId: person.speakerId,
        role: person.role,
        position,
      })),
    );
    await addSessionSpeakers(tx, people);
    await refreshSessionSearch(tx, inserted.map((row) => row.id));
    await tx.insert(auditLog).values(
      auditRows(
        editionId,
        actor,
        "session",
        now,
        part.map(({ value }, i) => ({ uuid: values[i]!.uuid, after: value as unknown as Record<string, unknown> })),
      ),
    );
    done += part.length;
    onProgress(done);
    await yieldToOthers();
  }
  return { created: rows.length, skipped };
}

// ── Import jobs: the apply runs after the request that started it answered ──────────

export type ImportJob = {
  id: string;
  editionId: number;
  kind: ImportKind;
  fileName: string;
  total: number;
  /** Rows in so far: exact on the server applying it, 0 elsewhere until the job is done. */
  done: number;
  state: "running" | "done" | "failed";
  result: ImportResult | null;
};

/** A job's row is forgotten an hour after it started; a job "running" that long died with its server. */
const JOB_TTL_MS = 60 * 60_000;

/** How far the jobs this server applies have gone (the rows go in as one transaction: no one else can see them). */
const progressOf = new Map<string, number>();

/**
 * Starts applying a checked plan and returns at once with the job's id; the job is a row, so
 * the page following it may be served by any app server. The transaction either commits
 * everything or nothing.
 */
export async function startImportJob(
  db: Database,
  {
    editionId,
    organiser,
    kind,
    fileName,
    plan,
  }: { editionId: number; organiser: { id: number }; kind: ImportKind; fileName: string; plan: AnyPlan },
): Promise<{ id: string }> {
  const now = Date.now();
  const id = randomUUID();
  await db.batch([
    db.delete(csvImportJobs).where(lt(csvImportJobs.startedAt, now - JOB_TTL_MS)),
    db.insert(csvImportJobs).values({ id, editionId, organiserId: organiser.id, kind, fileName, total: plan.valid.length, startedAt: now }),
  ]);
  progressOf.set(id, 0);
  applyImport(db, {
    editionId,
    kind,
    plan,
    actor: organiserActor(organiser),
    fileName,
    now,
    onProgress: (done) => progressOf.set(id, done),
  })
    .then(
      (result) => db.update(csvImportJobs).set({ state: "done", created: result.created, skipped: result.skipped }).where(eq(csvImportJobs.id, id)),
      async (error: unknown) => {
        log.error("CSV import failed, nothing was written:", error);
        await db.update(csvImportJobs).set({ state: "failed" }).where(eq(csvImportJobs.id, id));
      },
    )
    .catch((error: unknown) => log.error("CSV import: its outcome could not be recorded:", error))
    .finally(() => progressOf.delete(id));
  return { id };
}

/** A job of this edition, or null (another edition's job id leads nowhere). */
export async function findImportJob(db: Queryable, { id, editionId }: { id: string; editionId: number }, now = Date.now()): Promise<ImportJob | null> {
  const row = await db
    .select()
    .from(csvImportJobs)
    .where(and(eq(csvImportJobs.id, id), eq(csvImportJobs.editionId, editionId), gte(csvImportJobs.startedAt, now - JOB_TTL_MS)))
    .get();
  if (!row) return null;
  const abandoned = row.state === "running" && !progressOf.has(id) && now - row.startedAt > JOB_TTL_MS / 2;
  const state = abandoned ? "failed" : row.state;
  return {
    id: row.id,
    editionId: row.editionId,
    kind: row.kind,
    fileName: row.fileName,
    total: row.total,
    done: state === "done" ? row.total : state === "running" ? (progressOf.get(id) ?? 0) : 0,
    state,
    result: state === "done" ? { created: row.created ?? 0, skipped: row.skipped ?? 0 } : null,
  };
}
