// Applies a read programme: one write transaction creates the new edition with its
// rooms, themes, formats, speakers and sessions. Rows go in batches with a pause
// between them (libSQL's local statements run synchronously), so the server keeps
// answering other requests and the caller can report progress. Conflicts in the
// imported data are written as they are; the engine reports them afterwards.
import { inArray, like, or, eq, sql } from "drizzle-orm";
import type { Database, Tx } from "~/db/client.server";
import {
  editionOrganisations,
  editions,
  formats,
  roomOpeningHours,
  rooms,
  sessions,
  speakers,
  themes,
} from "~/db/schema";
import type { Conflict } from "~/domain/conflicts";
import { searchTextOf } from "~/domain/search";
import {
  RESERVED_EDITION_SLUGS,
  type ImportChange,
  type ImportCounts,
  type ImportedProgramme,
  type ScheduleFormat,
} from "~/domain/import";
import { recordAudit, type Actor } from "~/models/audit.server";
import { addSessionSpeakers } from "~/models/session-speakers.server";
import { uuidv5 } from "./ids.server";
import { checkEdition } from "./conflicts.server";

export type ImportStage = "edition" | "rooms" | "themes" | "formats" | "speakers" | "sessions" | "people" | "check" | "done";
export type ImportProgress = { stage: ImportStage; done: number; total: number };

export type ConflictSummary = {
  total: number;
  byLevel: Partial<Record<Conflict["level"], number>>;
  byRule: Partial<Record<Conflict["rule"], number>>;
};

export type ImportResult = {
  editionId: number;
  slug: string;
  title: string;
  format: ScheduleFormat;
  counts: ImportCounts;
  /** The reader's changes and those the database made necessary (a taken slug or UUID). */
  changes: ImportChange[];
  conflicts: ConflictSummary;
};

/** Rows per INSERT statement; a pause follows each one. */
export const IMPORT_BATCH_SIZE = 200;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The first free slug among `wanted`, `wanted-2`, `wanted-3`…, read inside the write transaction. */
async function freeEditionSlug(tx: Tx, wanted: string): Promise<string> {
  const taken = new Set(
    (await tx.select({ slug: editions.slug }).from(editions).where(or(eq(editions.slug, wanted), like(editions.slug, `${wanted}-%`))).all()).map((r) => r.slug),
  );
  for (const slug of RESERVED_EDITION_SLUGS) taken.add(slug);
  let slug = wanted;
  for (let n = 2; taken.has(slug); n++) slug = `${wanted}-${n}`;
  return slug;
}

/** Which of these UUIDs some row already uses (one query, whatever their number). */
async function takenUuids(tx: Tx, table: typeof sessions | typeof speakers, candidates: string[]): Promise<Set<string>> {
  if (candidates.length === 0) return new Set();
  const rows = await tx
    .select({ uuid: table.uuid })
    .from(table)
    .where(inArray(table.uuid, sql`(select value from json_each(${JSON.stringify(candidates)}))`))
    .all();
  return new Set(rows.map((r) => r.uuid));
}

export async function applyImport(
  db: Database,
  {
    programme,
    changes: readChanges,
    actor,
    organisationId,
    fileName,
    onProgress,
    batchSize = IMPORT_BATCH_SIZE,
  }: {
    programme: ImportedProgramme;
    changes: readonly ImportChange[];
    actor: Actor;
    /** The importer's organisation, which then runs the new edition (null from the CLI without --organisation: then nobody reaches it until an organisation is given access). */
    organisationId: number | null;
    fileName: string;
    onProgress?: (progress: ImportProgress) => void;
    batchSize?: number;
  },
): Promise<ImportResult> {
  const changes = [...readChanges];
  const p = programme;
  const hours = p.days.filter((d) => d.opens !== null && d.closes !== null);
  const peopleRows = p.sessions.reduce((n, s) => n + s.people.length, 0);
  const total = 1 + p.rooms.length + p.themes.length + p.formats.length + p.persons.length + p.sessions.length + peopleRows;
  let done = 0;
  const progress = async (stage: ImportStage, rows: number) => {
    done += rows;
    onProgress?.({ stage, done, total });
    await pause();
  };

  const written = await db.transaction(async (tx) => {
    // The edition, under a free slug.
    const slug = await freeEditionSlug(tx, p.edition.slug);
    if (slug !== p.edition.slug) changes.push({ kind: "edition.slugTaken", subject: p.edition.title, from: p.edition.slug, to: slug });
    const edition = await tx
      .insert(editions)
      .values({
        slug,
        title: p.edition.title,
        startDate: p.edition.startDate,
        endDate: p.edition.endDate,
        timeZone: p.edition.timeZone,
        venue: p.edition.venue,
        mainLanguage: p.edition.mainLanguage,
      })
      .returning({ id: editions.id, uuid: editions.uuid })
      .get();
    if (organisationId !== null) await tx.insert(editionOrganisations).values({ editionId: edition.id, organisationId });
    await progress("edition", 1);

    // Rooms and their opening hours on the file's days.
    const roomIds = new Map<string, number>();
    for (const batch of chunks(p.rooms, batchSize)) {
      const base = roomIds.size;
      const rows = await tx
        .insert(rooms)
        .values(batch.map((room, i) => ({ editionId: edition.id, name: room.name, capacity: room.capacity, position: base + i })))
        .returning({ id: rooms.id, name: rooms.name })
        .all();
      for (const row of rows) roomIds.set(row.name, row.id);
      await progress("rooms", batch.length);
    }
    const hourRows = [...roomIds.values()].flatMap((roomId) => hours.map((d) => ({ roomId, date: d.date, opens: d.opens!, closes: d.closes! })));
    for (const batch of chunks(hourRows, batchSize * 2)) await tx.insert(roomOpeningHours).values(batch);

    const themeIds = new Map<string, number>();
    for (const batch of chunks(p.themes, batchSize)) {
      const base = themeIds.size;
      const rows = await tx
        .insert(themes)
        .values(batch.map((t, i) => ({ editionId: edition.id, slug: t.slug, nameFr: t.name, nameEn: t.name, colour: t.colour, position: base + i })))
        .returning({ id: themes.id, slug: themes.slug })
        .all();
      for (const row of rows) themeIds.set(row.slug, row.id);
      await progress("themes", batch.length);
    }

    const formatIds = new Map<string, number>();
    for (const batch of chunks(p.formats, batchSize)) {
      const base = formatIds.size;
      const rows = await tx
        .insert(formats)
        .values(
          batch.map((f, i) => ({
            editionId: edition.id,
            slug: f.slug,
            nameFr: f.name,
            nameEn: f.name,
            defaultMinutes: f.defaultMinutes,
            minMinutes: f.minMinutes,
            maxMinutes: f.maxMinutes,
            position: base + i,
          })),
        )
        .returning({ id: formats.id, slug: formats.slug })
        .all();
      for (const row of rows) formatIds.set(row.slug, row.id);
      await progress("formats", batch.length);
    }

    // Speakers keep their source guid as UUID unless another row already has it.
    const takenSpeakers = await takenUuids(tx, speakers, p.persons.flatMap((x) => (x.guid ? [x.guid] : [])));
    const speakerUuids = p.persons.map((person) => {
      if (person.guid && !takenSpeakers.has(person.guid)) return person.guid;
      const derived = uuidv5(`import:${slug}:person:${person.sourceKey}`);
      if (person.guid) changes.push({ kind: "person.guidTaken", subject: person.name, from: person.guid, to: derived });
      return derived;
    });
    const speakerIds: number[] = [];
    for (const batch of chunks(p.persons, batchSize)) {
      const rows = await tx
        .insert(speakers)
        .values(
          batch.map((person) => ({
            editionId: edition.id,
            uuid: speakerUuids[person.index]!,
            publicName: person.name,
            searchText: searchTextOf([person.name]),
            bioFr: p.edition.mainLanguage === "fr" ? person.bio : null,
            bioEn: p.edition.mainLanguage === "en" ? person.bio : null,
            languages: person.languages.length ? person.languages : [p.edition.mainLanguage],
            preferredLocale: p.edition.mainLanguage,
          })),
        )
        .returning({ id: speakers.id, uuid: speakers.uuid })
        .all();
      const byUuid = new Map(rows.map((r) => [r.uuid, r.id]));
      for (const person of batch) speakerIds[person.index] = byUuid.get(speakerUuids[person.index]!)!;
      await progress("speakers", batch.length);
    }

    // Sessions keep the source event's guid as UUID when it is one and is free.
    const takenSessions = await takenUuids(tx, sessions, p.sessions.flatMap((s) => (s.guid ? [s.guid] : [])));
    const sessionUuids = p.sessions.map((session) => {
      if (session.guid && !takenSessions.has(session.guid)) return session.guid;
      const derived = uuidv5(`import:${slug}:session:${session.sourceKey}`);
      if (session.guid) changes.push({ kind: "session.guidTaken", subject: session.title, from: session.guid, to: derived });
      return derived;
    });
    const sessionIds: number[] = [];
    let offset = 0;
    for (const batch of chunks(p.sessions, batchSize)) {
      const first = offset;
      const rows = await tx
        .insert(sessions)
        .values(
          batch.map((s, i) => ({
            editionId: edition.id,
            uuid: sessionUuids[first + i]!,
            slug: s.slug,
            titleFr: s.language === "fr" ? s.title : null,
            titleEn: s.language === "en" ? s.title : null,
            abstractFr: s.language === "fr" ? s.abstract : null,
            abstractEn: s.language === "en" ? s.abstract : null,
            language: s.language,
            formatId: s.format === null ? null : (formatIds.get(s.format) ?? null),
            themeId: s.theme === null ? null : (themeIds.get(s.theme) ?? null),
            roomId: s.room === null ? null : (roomIds.get(s.room) ?? null),
            startsAt: s.start,
            endsAt: s.end,
            status: s.start !== null && s.end !== null && s.room !== null ? ("scheduled" as const) : ("accepted" as const),
            isPublic: true,
            // The same text refreshSessionSearch would write: the title, then the people's names.
            searchText: searchTextOf([s.title, ...s.people.map((person) => p.persons[person.person]?.name)]),
          })),
        )
        .returning({ id: sessions.id, uuid: sessions.uuid })
        .all();
      const byUuid = new Map(rows.map((r) => [r.uuid, r.id]));
      batch.forEach((_, i) => (sessionIds[first + i] = byUuid.get(sessionUuids[first + i]!)!));
      offset += batch.length;
      await progress("sessions", batch.length);
    }

    const links = p.sessions.flatMap((s, i) =>
      s.people.map((person, position) => ({ sessionId: sessionIds[i]!, speakerId: speakerIds[person.person]!, role: person.role, position })),
    );
    for (const batch of chunks(links, batchSize)) {
      await addSessionSpeakers(tx, batch);
      await progress("people", batch.length);
    }

    const counts: ImportCounts = {
      days: p.days.length,
      rooms: p.rooms.length,
      themes: p.themes.length,
      formats: p.formats.length,
      speakers: p.persons.length,
      sessions: p.sessions.length,
    };
    await recordAudit(tx, {
      editionId: edition.id,
      actor,
      entity: "edition",
      entityUuid: edition.uuid,
      action: "import",
      after: { slug, title: p.edition.title, file: fileName, format: p.format, ...counts, changes: changes.length },
    });
    return { editionId: edition.id, slug, counts };
  });

  onProgress?.({ stage: "check", done, total });
  const { conflicts: found } = await checkEdition(db, { editionId: written.editionId });
  const conflicts: ConflictSummary = { total: 0, byLevel: {}, byRule: {} };
  for (const conflict of found) {
    conflicts.total++;
    conflicts.byLevel[conflict.level] = (conflicts.byLevel[conflict.level] ?? 0) + 1;
    conflicts.byRule[conflict.rule] = (conflicts.byRule[conflict.rule] ?? 0) + 1;
  }
  onProgress?.({ stage: "done", done: total, total });
  return { ...written, title: p.edition.title, format: p.format, changes, conflicts };
}
