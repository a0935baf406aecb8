import { and, count, countDistinct, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Queryable } from "~/db/client.server";
import { auditLog, organisers, sessions, speakers } from "~/db/schema";
import type { AuditRecord } from "~/domain/audit";

/** One audit entry as pages show it: who (by name), when, what, and the recorded before/after. */
export type AuditEntryView = {
  id: number;
  at: number;
  actorType: "organiser" | "speaker" | "system";
  /** The organiser's name or the speaker's public name; null for the system or a removed author. */
  authorName: string | null;
  authorUuid: string | null;
  entity: string;
  entityUuid: string | null;
  /** The speaker's public name or the session's title as it is now, when the entry is about one. */
  entityName: string | null;
  action: string;
  before: AuditRecord | null;
  after: AuditRecord | null;
};

export type AuditFilters = {
  entity?: string;
  /** An organiser's or a speaker's uuid, or "system". */
  author?: string;
  /** Half-open range of instants [from, to). */
  from?: number;
  to?: number;
};

export const AUDIT_PAGE_SIZE = 50;

/** Secrets never leave the audit log, whatever a caller recorded by mistake. */
const SECRET_KEY = /hash|token|password|secret/i;

function withoutSecrets(record: AuditRecord | null): AuditRecord | null {
  if (!record) return null;
  let clean: AuditRecord | null = null;
  for (const key of Object.keys(record)) {
    if (SECRET_KEY.test(key)) {
      clean ??= { ...record };
      delete clean[key];
    }
  }
  return clean ?? record;
}

// The entity an entry is about, looked up by uuid within the same edition.
const entitySpeaker = alias(speakers, "entity_speaker");
const entitySession = alias(sessions, "entity_session");

const entryColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorType: auditLog.actorType,
  organiserName: organisers.name,
  organiserUuid: organisers.uuid,
  speakerName: speakers.publicName,
  speakerUuid: speakers.uuid,
  entity: auditLog.entity,
  entityUuid: auditLog.entityUuid,
  entityName: sql<string | null>`coalesce(${entitySpeaker.publicName}, ${entitySession.titleFr}, ${entitySession.titleEn})`,
  action: auditLog.action,
  before: auditLog.before,
  after: auditLog.after,
};

type EntryRow = {
  id: number;
  at: number;
  actorType: AuditEntryView["actorType"];
  organiserName: string | null;
  organiserUuid: string | null;
  speakerName: string | null;
  speakerUuid: string | null;
  entity: string;
  entityUuid: string | null;
  entityName: string | null;
  action: string;
  before: AuditRecord | null;
  after: AuditRecord | null;
};

function toView(row: EntryRow): AuditEntryView {
  const author =
    row.actorType === "organiser"
      ? { name: row.organiserName, uuid: row.organiserUuid }
      : row.actorType === "speaker"
        ? { name: row.speakerName, uuid: row.speakerUuid }
        : { name: null, uuid: null };
  return {
    id: row.id,
    at: row.at,
    actorType: row.actorType,
    authorName: author.name,
    authorUuid: author.uuid,
    entity: row.entity,
    entityUuid: row.entityUuid,
    entityName: row.entityName,
    action: row.action,
    before: withoutSecrets(row.before),
    after: withoutSecrets(row.after),
  };
}

function conditions(editionId: number, filters: AuditFilters): SQL {
  const parts: (SQL | undefined)[] = [eq(auditLog.editionId, editionId)];
  if (filters.entity) parts.push(eq(auditLog.entity, filters.entity));
  if (filters.author === "system") parts.push(eq(auditLog.actorType, "system"));
  else if (filters.author) parts.push(or(eq(organisers.uuid, filters.author), eq(speakers.uuid, filters.author)));
  if (filters.from !== undefined) parts.push(gte(auditLog.at, filters.from));
  if (filters.to !== undefined) parts.push(lt(auditLog.at, filters.to));
  return and(...parts)!;
}

/** An action that wrote several entries (a template applied to 84 slots) is one line listing them. */
export type AuditGroupView = AuditEntryView & {
  /** How many entries the action wrote (matching the filters); `items` lists at most GROUP_ITEMS of them. */
  size: number;
  items: AuditEntryView[];
};

export const GROUP_ITEMS = 200;

// An entry's group: its action's id, or itself alone.
const groupKey = sql<string>`coalesce(${auditLog.actionId}, 'entry:' || ${auditLog.id})`;

/**
 * One page of an edition's audit log, newest first, one line per action (the entries an
 * action wrote together are grouped), with the total for the pager: three queries whatever
 * the page size, the groups' sizes or the log's length.
 */
export async function listAuditEntries(
  db: Queryable,
  {
    editionId,
    filters = {},
    page = 1,
    pageSize = AUDIT_PAGE_SIZE,
  }: { editionId: number; filters?: AuditFilters; page?: number; pageSize?: number },
): Promise<{ entries: AuditGroupView[]; total: number; page: number; pageCount: number }> {
  const where = conditions(editionId, filters);
  const current = Math.max(1, Math.floor(page));
  const [groups, totalRow] = await Promise.all([
    db
      .select({ key: groupKey, size: count() })
      .from(auditLog)
      .leftJoin(organisers, eq(organisers.id, auditLog.organiserId))
      .leftJoin(speakers, and(eq(speakers.id, auditLog.speakerId), eq(speakers.editionId, editionId)))
      .where(where)
      .groupBy(groupKey)
      .orderBy(desc(sql`max(${auditLog.at})`), desc(sql`max(${auditLog.id})`))
      .limit(pageSize)
      .offset((current - 1) * pageSize)
      .all(),
    db
      .select({ total: countDistinct(groupKey) })
      .from(auditLog)
      .leftJoin(organisers, eq(organisers.id, auditLog.organiserId))
      .leftJoin(speakers, and(eq(speakers.id, auditLog.speakerId), eq(speakers.editionId, editionId)))
      .where(where)
      .get(),
  ]);
  const singles = groups.filter((g) => g.key.startsWith("entry:")).map((g) => Number(g.key.slice("entry:".length)));
  const actions = groups.filter((g) => !g.key.startsWith("entry:")).map((g) => g.key);
  // A group's first GROUP_ITEMS entries only: a template applied to ten thousand slots stays one short page.
  const firstOfActions =
    actions.length === 0
      ? sql`0`
      : sql`${auditLog.id} in (select id from (select id, row_number() over (partition by action_id order by id) as rank from audit_log where edition_id = ${editionId} and action_id in (${sql.join(
          actions.map((a) => sql`${a}`),
          sql`, `,
        )})) where rank <= ${GROUP_ITEMS})`;
  // Run even for an empty page, so the count of queries never depends on the log.
  const rows = (await db
          .select({ ...entryColumns, actionId: auditLog.actionId })
          .from(auditLog)
          .leftJoin(organisers, eq(organisers.id, auditLog.organiserId))
          .leftJoin(speakers, and(eq(speakers.id, auditLog.speakerId), eq(speakers.editionId, editionId)))
          .leftJoin(entitySpeaker, and(eq(auditLog.entity, "speaker"), eq(entitySpeaker.uuid, auditLog.entityUuid), eq(entitySpeaker.editionId, editionId)))
          .leftJoin(entitySession, and(eq(auditLog.entity, "session"), eq(entitySession.uuid, auditLog.entityUuid), eq(entitySession.editionId, editionId)))
          .where(and(where, or(inArray(auditLog.id, singles), actions.length > 0 ? and(inArray(auditLog.actionId, actions), firstOfActions) : undefined)))
          .orderBy(auditLog.id)
          .all()) as (EntryRow & { actionId: string | null })[];
  const byKey = new Map<string, AuditEntryView[]>();
  for (const row of rows) {
    const key = row.actionId ?? `entry:${row.id}`;
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)!.push(toView(row));
  }
  const entries = groups.flatMap((group): AuditGroupView[] => {
    const items = byKey.get(group.key) ?? [];
    const head = items[items.length - 1];
    return head ? [{ ...head, size: group.size, items: group.size > 1 ? items : [] }] : [];
  });
  const total = totalRow?.total ?? 0;
  return { entries, total, page: current, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** One entity's history (a speaker, a session…), newest first, in one query. */
export async function listEntityHistory(
  db: Queryable,
  { editionId, entityUuid, limit = 200 }: { editionId: number; entityUuid: string; limit?: number },
): Promise<AuditEntryView[]> {
  const rows = await db
    .select(entryColumns)
    .from(auditLog)
    .leftJoin(organisers, eq(organisers.id, auditLog.organiserId))
    .leftJoin(speakers, and(eq(speakers.id, auditLog.speakerId), eq(speakers.editionId, editionId)))
    .leftJoin(entitySpeaker, and(eq(auditLog.entity, "speaker"), eq(entitySpeaker.uuid, auditLog.entityUuid), eq(entitySpeaker.editionId, editionId)))
    .leftJoin(entitySession, and(eq(auditLog.entity, "session"), eq(entitySession.uuid, auditLog.entityUuid), eq(entitySession.editionId, editionId)))
    .where(and(eq(auditLog.editionId, editionId), eq(auditLog.entityUuid, entityUuid)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .all();
  return (rows as EntryRow[]).map(toView);
}

/**
 * The history of something outside any edition (an organiser account, an organisation),
 * newest first, in one query. Only organisers act there.
 */
export async function listHistoryOutsideEditions(
  db: Queryable,
  { entity, entityUuid, limit = 200 }: { entity: string; entityUuid: string; limit?: number },
): Promise<AuditEntryView[]> {
  const rows = await db
    .select({
      ...entryColumns,
      speakerName: sql<string | null>`null`,
      speakerUuid: sql<string | null>`null`,
      entityName: sql<string | null>`null`,
    })
    .from(auditLog)
    .leftJoin(organisers, eq(organisers.id, auditLog.organiserId))
    .where(and(isNull(auditLog.editionId), eq(auditLog.entity, entity), eq(auditLog.entityUuid, entityUuid)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .all();
  return (rows as EntryRow[]).map(toView);
}

export type AuditAuthorOption = { uuid: string; name: string; kind: "organiser" | "speaker" };

/**
 * What the audit page's filters offer: the entities and the authors that appear in
 * this edition's log (two grouped queries, not one per entry).
 */
export async function listAuditFacets(
  db: Queryable,
  { editionId }: { editionId: number },
): Promise<{ entities: string[]; authors: AuditAuthorOption[]; hasSystem: boolean }> {
  const [entityRows, authorRows] = await Promise.all([
    db
      .selectDistinct({ entity: auditLog.entity })
      .from(auditLog)
      .where(eq(auditLog.editionId, editionId))
      .orderBy(auditLog.entity)
      .all(),
    db
      .selectDistinct({
        actorType: auditLog.actorType,
        organiserUuid: organisers.uuid,
        organiserName: organisers.name,
        speakerUuid: speakers.uuid,
        speakerName: speakers.publicName,
      })
      .from(auditLog)
      .leftJoin(organisers, eq(organisers.id, auditLog.organiserId))
      .leftJoin(speakers, and(eq(speakers.id, auditLog.speakerId), eq(speakers.editionId, editionId)))
      .where(eq(auditLog.editionId, editionId))
      .all(),
  ]);
  const authors: AuditAuthorOption[] = [];
  let hasSystem = false;
  for (const row of authorRows) {
    if (row.actorType === "system") hasSystem = true;
    else if (row.actorType === "organiser" && row.organiserUuid && row.organiserName) {
      authors.push({ uuid: row.organiserUuid, name: row.organiserName, kind: "organiser" });
    } else if (row.actorType === "speaker" && row.speakerUuid && row.speakerName) {
      authors.push({ uuid: row.speakerUuid, name: row.speakerName, kind: "speaker" });
    }
  }
  authors.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, "fr"));
  return { entities: entityRows.map((row) => row.entity), authors, hasSystem };
}
