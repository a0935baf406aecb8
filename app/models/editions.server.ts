import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { editionOrganisations, editions, rooms, sessions, speakers, type SessionStatus } from "~/db/schema";
import type { CurrentOrganiser } from "~/services/auth.server";

export type EditionSummary = {
  id: number;
  uuid: string;
  slug: string;
  title: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  venue: string;
  mainLanguage: "fr" | "en";
};

const summaryColumns = {
  id: editions.id,
  uuid: editions.uuid,
  slug: editions.slug,
  title: editions.title,
  startDate: editions.startDate,
  endDate: editions.endDate,
  timeZone: editions.timeZone,
  venue: editions.venue,
  mainLanguage: editions.mainLanguage,
};

/** Admins reach every edition; other organisers the editions their organisation runs. */
function accessibleBy(organiser: Pick<CurrentOrganiser, "role" | "organisationId">) {
  if (organiser.role === "admin") return sql`1 = 1`;
  if (organiser.organisationId === null) return sql`1 = 0`;
  return sql`exists (select 1 from ${editionOrganisations} where ${editionOrganisations.editionId} = ${editions.id} and ${editionOrganisations.organisationId} = ${organiser.organisationId})`;
}

export async function findEditionForOrganiser(
  db: Queryable,
  { slug, organiser }: { slug: string; organiser: Pick<CurrentOrganiser, "role" | "organisationId"> },
): Promise<EditionSummary | undefined> {
  return db
    .select(summaryColumns)
    .from(editions)
    .where(and(eq(editions.slug, slug), accessibleBy(organiser)))
    .get();
}

export async function listEditionsForOrganiser(
  db: Queryable,
  { organiser }: { organiser: Pick<CurrentOrganiser, "role" | "organisationId"> },
): Promise<Pick<EditionSummary, "slug" | "title" | "startDate">[]> {
  return db
    .select({ slug: editions.slug, title: editions.title, startDate: editions.startDate })
    .from(editions)
    .where(accessibleBy(organiser))
    .orderBy(desc(editions.startDate), asc(editions.title))
    .all();
}

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
