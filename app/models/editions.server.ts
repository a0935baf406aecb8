import { count, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { editionOrganisations, editions, rooms, sessions, speakers } from "~/db/schema";
import type { EditionIdentity } from "~/domain/exports/snapshot";
import type { SessionStatus } from "~/domain/vocabulary";

export type EditionSummary = EditionIdentity & { id: number };

/** The columns of an EditionIdentity: every read of an edition's name, dates, zone and venue selects these. */
export const editionIdentityColumns = {
  uuid: editions.uuid,
  slug: editions.slug,
  title: editions.title,
  startDate: editions.startDate,
  endDate: editions.endDate,
  timeZone: editions.timeZone,
  venue: editions.venue,
  mainLanguage: editions.mainLanguage,
};

/** The columns of an EditionSummary (services/access.server.ts finds editions with them). */
export const editionSummaryColumns = { id: editions.id, ...editionIdentityColumns };

export type DashboardFigures = {
  speakers: number;
  rooms: number;
  sessions: number;
  byStatus: Record<SessionStatus, number>;
  scheduled: number;
  unscheduled: number;
  hasSampleData: boolean;
};

/**
 * The edition's figures, in three aggregate queries whatever its size.
 * "Scheduled" means placed: not cancelled, with a room, a start and an end.
 */
export async function getDashboardFigures(db: Queryable, { editionId }: { editionId: number }): Promise<DashboardFigures> {
  const placed = sql<number>`sum(case when ${sessions.status} != 'cancelled' and ${sessions.roomId} is not null and ${sessions.startsAt} is not null and ${sessions.endsAt} is not null then 1 else 0 end)`;
  const [statusRows, speakerRow, roomRow] = await Promise.all([
    db
      .select({ status: sessions.status, total: count(), placed, sample: sql<number>`max(${sessions.isSample})` })
      .from(sessions)
      .where(eq(sessions.editionId, editionId))
      .groupBy(sessions.status)
      .all(),
    db
      .select({ total: count(), sample: sql<number>`coalesce(max(${speakers.isSample}), 0)` })
      .from(speakers)
      .where(eq(speakers.editionId, editionId))
      .get(),
    db.select({ total: count() }).from(rooms).where(eq(rooms.editionId, editionId)).get(),
  ]);
  const byStatus: Record<SessionStatus, number> = { draft: 0, accepted: 0, scheduled: 0, cancelled: 0 };
  let total = 0;
  let scheduled = 0;
  let sample = speakerRow?.sample ?? 0;
  for (const row of statusRows) {
    byStatus[row.status] = row.total;
    total += row.total;
    scheduled += Number(row.placed ?? 0);
    sample = Math.max(sample, Number(row.sample ?? 0));
  }
  const active = total - byStatus.cancelled;
  return {
    speakers: speakerRow?.total ?? 0,
    rooms: roomRow?.total ?? 0,
    sessions: total,
    byStatus,
    scheduled,
    unscheduled: active - scheduled,
    hasSampleData: sample > 0,
  };
}

/**
 * The SQL condition "the organisation reaches this edition" over an edition id column
 * (editions.id by default). Models that scope to the editions an organisation runs use it too.
 */
export function reachedBy({ organisationId }: { organisationId: number | null }, editionId: SQLWrapper = editions.id): SQL {
  if (organisationId === null) return sql`0`;
  return sql`exists (select 1 from ${editionOrganisations} where ${editionOrganisations.editionId} = ${editionId} and ${editionOrganisations.organisationId} = ${organisationId})`;
}
