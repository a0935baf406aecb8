// The names of the things audit entries refer to by uuid (the entry's own object, and the
// speakers, sessions and rooms its values point at), resolved for a whole page of entries
// with at most one query per kind of thing, whatever the number of entries.
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { formats, rooms, sessions, slotTemplates, speakers, themes } from "~/db/schema";
import type { AuditRecord } from "~/domain/audit";

type Kind = "speaker" | "session" | "room" | "theme" | "format" | "slot_template";

/** Which recorded fields hold the uuid of which kind of thing. */
const REFERENCES: Record<string, Kind> = {
  speaker: "speaker",
  session: "session",
  sessionUuid: "session",
  room: "room",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Entry = {
  entity: string;
  entityUuid: string | null;
  before: AuditRecord | null;
  after: AuditRecord | null;
};

function collect(entries: readonly Entry[]): Map<Kind, Set<string>> {
  const wanted = new Map<Kind, Set<string>>();
  const want = (kind: Kind, uuid: unknown) => {
    if (typeof uuid !== "string" || !UUID.test(uuid)) return;
    if (!wanted.has(kind)) wanted.set(kind, new Set());
    wanted.get(kind)!.add(uuid);
  };
  const visit = (record: unknown) => {
    if (Array.isArray(record)) return record.forEach(visit);
    if (typeof record !== "object" || record === null) return;
    for (const [field, value] of Object.entries(record)) {
      const kind = REFERENCES[field];
      if (kind) want(kind, value);
      if (typeof value === "object") visit(value);
    }
  };
  for (const entry of entries) {
    const own = entry.entity === "session_speaker" ? "session" : entry.entity;
    if (own in KIND_QUERIES) want(own as Kind, entry.entityUuid);
    visit(entry.before);
    visit(entry.after);
  }
  return wanted;
}

type Names = { uuid: string; name: string | null; nameEn?: string | null }[];

const KIND_QUERIES: Record<Kind, (db: Queryable, editionId: number, uuids: string[]) => Promise<Names>> = {
  speaker: (db, editionId, uuids) =>
    db
      .select({ uuid: speakers.uuid, name: speakers.publicName })
      .from(speakers)
      .where(and(eq(speakers.editionId, editionId), inArray(speakers.uuid, uuids)))
      .all(),
  session: (db, editionId, uuids) =>
    db
      .select({
        uuid: sessions.uuid,
        name: sessions.titleFr,
        nameEn: sessions.titleEn,
      })
      .from(sessions)
      .where(and(eq(sessions.editionId, editionId), inArray(sessions.uuid, uuids)))
      .all(),
  room: (db, editionId, uuids) =>
    db
      .select({ uuid: rooms.uuid, name: rooms.name })
      .from(rooms)
      .where(and(eq(rooms.editionId, editionId), inArray(rooms.uuid, uuids)))
      .all(),
  theme: (db, editionId, uuids) =>
    db
      .select({ uuid: themes.uuid, name: themes.nameFr, nameEn: themes.nameEn })
      .from(themes)
      .where(and(eq(themes.editionId, editionId), inArray(themes.uuid, uuids)))
      .all(),
  format: (db, editionId, uuids) =>
    db
      .select({
        uuid: formats.uuid,
        name: formats.nameFr,
        nameEn: formats.nameEn,
      })
      .from(formats)
      .where(and(eq(formats.editionId, editionId), inArray(formats.uuid, uuids)))
      .all(),
  slot_template: (db, editionId, uuids) =>
    db
      .select({ uuid: slotTemplates.uuid, name: slotTemplates.name })
      .from(slotTemplates)
      .where(and(eq(slotTemplates.editionId, editionId), inArray(slotTemplates.uuid, uuids)))
      .all(),
};

/**
 * uuid → name for everything the entries name by uuid, within the edition (a uuid of another
 * edition stays unresolved). Names in the interface's language where the thing has two.
 */
export async function resolveHistoryNames(
  db: Queryable,
  { editionId, entries, locale }: { editionId: number; entries: readonly Entry[]; locale: "fr" | "en" },
): Promise<Record<string, string>> {
  const wanted = collect(entries);
  const results = await Promise.all([...wanted].map(([kind, uuids]) => KIND_QUERIES[kind](db, editionId, [...uuids])));
  const names: Record<string, string> = {};
  for (const rows of results) {
    for (const row of rows) {
      const name = locale === "en" ? row.nameEn ?? row.name : row.name ?? row.nameEn;
      if (name) names[row.uuid] = name;
    }
  }
  return names;
}
