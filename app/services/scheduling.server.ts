// Auto-scheduling on an edition's stored programme: load, plan with the pure engine
// (app/domain/scheduling), and apply a plan as one change.
import { and, eq } from "drizzle-orm";
import type { Database, Queryable } from "~/db/client.server";
import { sessions } from "~/db/schema";
import type { Conflict } from "~/domain/conflicts";
import type { Evaluation, Plan, ScheduleOptions } from "~/domain/scheduling";
import { loadProgramme, type LoadedProgramme } from "./programme.server";
import { solveSchedule } from "./scheduling-solve.server";
import { applyBoardChange } from "./board/change.server";
import type { Locale } from "~/i18n";
import { programmeStamp } from "./programme-cache.server";

export type ScheduleRequest = {
  editionId: number;
  day?: string | null;
  /** Only these sessions (uuids); default: every accepted, unscheduled session. */
  sessions?: readonly string[];
  movePlaced?: boolean;
  seed?: number;
  /** Seconds the solver may spend (the plan found by then is returned). */
  timeLimit?: number;
};

export type PlannedSchedule = {
  plan: Plan;
  evaluation: Evaluation;
  /** Conflicts of the programme before the plan, for the "left by level" comparison. */
  before: Conflict[];
  programme: LoadedProgramme;
  /** The programme's state the plan was made on: applying is refused once it changed. */
  stamp: string;
  options: ScheduleOptions;
  /** Which solver's plan this is: the exact model's when it found a better one in the time left. */
  solver: "fast" | "exact";
};


export class ScheduleDayError extends Error {}

export { EXACT_MAX_SESSIONS, solveSchedule } from "./scheduling-solve.server";

/** Plans the placement of the edition's accepted, unscheduled sessions (and, when allowed, moves placed ones). */
export async function planSchedule(db: Queryable, request: ScheduleRequest): Promise<PlannedSchedule> {
  const { programme, stamp, options } = await loadSchedule(db, request);
  return { ...(await solveSchedule(programme.input, options, request.timeLimit ?? 10)), programme, stamp, options };
}

/** What a plan is made from: the programme, its stamp and the options (no clock yet). */
export async function loadSchedule(db: Queryable, request: ScheduleRequest) {
  const [programme, pinnedRows, stamp] = await Promise.all([
    loadProgramme(db, { editionId: request.editionId }),
    db
      .select({ uuid: sessions.uuid })
      .from(sessions)
      .where(and(eq(sessions.editionId, request.editionId), eq(sessions.pinned, true)))
      .all(),
    programmeStamp(db, request.editionId),
  ]);
  if (request.day && !programme.input.edition.days.some((d) => d.date === request.day)) {
    throw new ScheduleDayError(`${request.day} is not a day of this edition`);
  }
  const options: ScheduleOptions = {
    day: request.day ?? null,
    ...(request.sessions ? { sessions: request.sessions } : {}),
    movePlaced: request.movePlaced ?? false,
    pinned: pinnedRows.map((r) => r.uuid),
    seed: request.seed ?? 1,
  };
  return { programme, stamp, options };
}

export type ApplyOutcome =
  | { ok: true; change: string; placed: number; moved: number; reconfirm: number }
  | { ok: false; reason: "stale" | "blocked" | "invalid" | "empty"; message: string };

/**
 * Applies a plan as one change, through the board's change pipeline (services/board/change.server.ts):
 * every placement, one audit entry listing them, and the speakers who had confirmed a session it
 * places or moves asked to confirm again (like any move on the board). Refused when the programme
 * changed since the plan was made, or when the plan would now add a block or error conflict.
 */
export async function applySchedule(
  db: Database,
  { planned, organiser = null, locale = "en", now = Date.now() }: { planned: PlannedSchedule; organiser?: { id: number } | null; locale?: Locale; now?: number },
): Promise<ApplyOutcome> {
  const { plan, programme } = planned;
  if (plan.placements.length === 0) return { ok: false, reason: "empty", message: "The plan places no session." };
  const placements = plan.placements.map((p) => ({ session: p.sessionId, version: programme.sessionMeta.get(p.sessionId)!.version, room: p.roomId, start: p.start, end: p.end }));
  const sessionsById = new Map(programme.input.sessions.map((s) => [s.id, s]));
  // The stamp is the plan's: a change after it was read is refused, whenever it happened.
  const outcome = await applyBoardChange(db, { editionId: programme.editionId, organiser, locale, now, change: { kind: "schedule", placements, stamp: planned.stamp, seen: now } });
  if (!outcome.ok) return { ok: false, reason: outcome.reason, message: outcome.message };
  const moved = plan.placements.filter((p) => p.from).length;
  const reconfirm = plan.placements.reduce((n, p) => n + sessionsById.get(p.sessionId)!.people.filter((x) => x.confirmation === "confirmed").length, 0);
  return { ok: true, change: outcome.change, placed: plan.placements.length - moved, moved, reconfirm };
}
