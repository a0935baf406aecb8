// The solvers' run on a loaded programme (no database): the command line and the board's
// worker thread (services/board/auto-schedule.worker.ts) both call it.
import type { ProgrammeInput } from "~/domain/conflicts";
import { evaluatePlan, scheduleExact, scheduleFast, scopeOf, type Evaluation, type Plan, type ScheduleOptions } from "~/domain/scheduling";
import { loadLpSolver } from "./highs.server";

/** Up to this many sessions in scope, the exact model (HiGHS) also runs in the time left, and the better plan wins. */
export const EXACT_MAX_SESSIONS = 25;

/** The best plan the solvers find within `timeLimit` seconds, and its evaluation by the conflict engine. */
export async function solveSchedule(
  input: ProgrammeInput,
  baseOptions: ScheduleOptions,
  timeLimit: number,
): Promise<{ plan: Plan; evaluation: Evaluation; before: Evaluation["before"]; solver: "fast" | "exact" }> {
  const deadline = performance.now() + timeLimit * 1000;
  const options: ScheduleOptions = { ...baseOptions, outOfTime: () => performance.now() > deadline };
  let plan = scheduleFast(input, options);
  let solver: "fast" | "exact" = "fast";
  const left = (deadline - performance.now()) / 1000;
  if (left > 0.5 && scopeOf(input, options).length <= EXACT_MAX_SESSIONS) {
    const exact = scheduleExact(input, options, await loadLpSolver(), left, plan);
    if (exact && exact.plan.objective < plan.objective - 1e-9) {
      plan = exact.plan;
      solver = "exact";
    }
  }
  const evaluation = evaluatePlan(input, options, plan);
  return { plan, evaluation, before: evaluation.before, solver };
}

