// Auto-scheduling on an edition's stored programme: load, plan with the pure engine
// (app/domain/scheduling), and apply a plan as one change.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database, Queryable } from "~/db/client.server";
import { sessions } from "~/db/schema";
import type { Conflict, ProgrammeInput } from "~/domain/conflicts";
import { evaluatePlan, scheduleExact, scheduleFast, scopeOf, type Evaluation, type Plan, type ScheduleOptions } from "~/domain/scheduling";
import { recordAudit, type Actor } from "~/models/audit.server";
import { updateVersioned } from "~/models/versioning.server";
import { loadProgramme, type LoadedProgramme } from "./programme.server";
import { loadLpSolver } from "./highs.server";
import { programmeStamp } from "./programme-cache.server";
import { markMustReconfirm, type PlacementBefore } from "./reconfirmation.server";

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

/** Up to this many sessions in scope, the exact model (HiGHS) also runs in the time left, and the better plan wins. */
export const EXACT_MAX_SESSIONS = 25;

export class ScheduleDayError extends Error {}

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

/** The best plan the solvers find within `timeLimit` seconds, and its evaluation by the conflict engine. */
export async function solveSchedule(
  input: ProgrammeInput,
  baseOptions: ScheduleOptions,
  timeLimit: number,
): Promise<Pick<PlannedSchedule, "plan" | "evaluation" | "before" | "solver">> {
  const deadline = performance.now() + timeLimit * 1000;
  const options: ScheduleOptions = { ...baseOptions, outOfTime: () => performance.now() > deadline };
  let plan = scheduleFast(input, options);
  let solver: PlannedSchedule["solver"] = "fast";
  const left = (deadline - performance.now()) / 1000;
  if (left > 0.5 && scopeOf(input, options).length <= EXACT_MAX_SESSIONS) {
    const exact = scheduleExact(input, options, await loadLpSolver(), left);
    if (exact && exact.plan.objective < plan.objective - 1e-9) {
      plan = exact.plan;
      solver = "exact";
    }
  }
  const evaluation = evaluatePlan(input, options, plan);
  return { plan, evaluation, before: evaluation.before, solver };
}

export type ApplyOutcome =
  | { ok: true; change: string; placed: number; moved: number; reconfirm: number }
  | { ok: false; reason: "stale" | "conflict" | "empty"; message: string };

/**
 * Applies a plan as one change, in one transaction: every placement, one audit entry listing
 * them, and the speakers who had confirmed a session that moved asked to confirm again (like
 * any move on the board). Refused when the programme changed since the plan was made, or when
 * the plan would now add a block or error conflict.
 */
export async function applySchedule(
  db: Database,
  { planned, actor, now = Date.now() }: { planned: PlannedSchedule; actor: Actor; now?: number },
): Promise<ApplyOutcome> {
  const { plan, programme } = planned;
  if (plan.placements.length === 0) return { ok: false, reason: "empty", message: "The plan places no session." };
  return db.transaction(async (tx) => {
    const editionId = programme.editionId;
    if ((await programmeStamp(tx, editionId)) !== planned.stamp) {
      return { ok: false as const, reason: "stale" as const, message: "The programme changed since the plan was made; plan again." };
    }
    if (planned.evaluation.added.length > 0) {
      return { ok: false as const, reason: "conflict" as const, message: planned.evaluation.added[0]!.message.en };
    }
    const change = randomUUID();
    const rooms = new Map(programme.input.rooms.map((r) => [r.id, r.name]));
    const before: PlacementBefore[] = [];
    const moved: number[] = [];
    for (const p of plan.placements) {
      const meta = programme.sessionMeta.get(p.sessionId)!;
      await updateVersioned(tx, sessions, and(eq(sessions.id, meta.id), eq(sessions.editionId, editionId)), meta.version, {
        roomId: programme.ids.room.get(p.roomId)!,
        startsAt: p.start,
        endsAt: p.end,
        status: "scheduled",
      });
      if (p.from) {
        moved.push(meta.id);
        before.push({ sessionId: meta.id, startsAt: p.from.start, endsAt: p.from.end, roomId: programme.ids.room.get(p.from.roomId) ?? null });
      }
    }
    await recordAudit(tx, {
      editionId,
      actor,
      entity: "schedule",
      entityUuid: change,
      action: "place",
      after: {
        change,
        objective: plan.objective,
        placements: plan.placements.map((p) => ({
          session: p.sessionId,
          slug: programme.sessionMeta.get(p.sessionId)!.slug,
          room: p.roomId,
          roomName: rooms.get(p.roomId) ?? null,
          startsAt: p.start,
          endsAt: p.end,
          from: p.from ? { room: p.from.roomId, startsAt: p.from.start, endsAt: p.from.end } : null,
        })),
      },
      at: now,
    });
    const lapsed = await markMustReconfirm(tx, { editionId, sessionIds: moved, actor, now, before });
    return { ok: true as const, change, placed: plan.placements.length - moved.length, moved: moved.length, reconfirm: lapsed.length };
  });
}
