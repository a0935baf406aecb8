// The solvers' run on a loaded programme (no database): the command line and the board's
// worker thread (services/board/auto-schedule.worker.ts) both call it.
import type { ProgrammeInput } from "~/domain/conflicts";
import { evaluatePlan, scheduleExact, scheduleFast, scopeOf, type Evaluation, type Plan, type ScheduleOptions } from "~/domain/scheduling";
import { loadLpSolver } from "./highs.server";

/** Up to this many sessions in scope, the exact model (HiGHS) also runs in the time left, and the better plan wins. */
export const EXACT_MAX_SESSIONS = 25;

/**
 * The share of the time limit kept for what follows the search: the plan's reasons and its
 * evaluation by the full check (2.4 s at F10 on a loaded machine), between 0.3 s and 10 s.
 */
export function reserveOf(timeLimit: number): number {
  return Math.min(10, Math.max(0.3, timeLimit * 0.1));
}

/** The best plan the solvers find within `timeLimit` seconds (the final evaluation included), and its evaluation by the conflict engine. */
export async function solveSchedule(
  input: ProgrammeInput,
  baseOptions: ScheduleOptions,
  timeLimit: number,
): Promise<{ plan: Plan; evaluation: Evaluation; before: Evaluation["before"]; solver: "fast" | "exact" }> {
  const deadline = performance.now() + (timeLimit - reserveOf(timeLimit)) * 1000;
  const options: ScheduleOptions = { ...baseOptions, outOfTime: () => performance.now() > deadline };
  let plan = scheduleFast(input, options);
  let solver: "fast" | "exact" = "fast";
  if (deadline - performance.now() > 500 && scopeOf(input, options).length <= EXACT_MAX_SESSIONS) {
    // Building the model counts against the limit: HiGHS gets the seconds left once it is built.
    const exact = scheduleExact(input, options, await loadLpSolver(), () => (deadline - performance.now()) / 1000, plan);
    if (exact && exact.plan.objective < plan.objective - 1e-9) {
      plan = exact.plan;
      solver = "exact";
    }
  }
  const evaluation = evaluatePlan(input, options, plan);
  return { plan, evaluation, before: evaluation.before, solver };
}

