// The solvers' run on a loaded programme (no database): the command line and the board's
// worker thread (services/board/auto-schedule.worker.ts) both call it.
import type { ProgrammeInput } from "~/domain/conflicts";
import { DEFAULT_EFFORT, evaluatePlan, scheduleExact, scheduleFast, scopeOf, type Evaluation, type Plan, type ScheduleOptions } from "~/domain/scheduling";
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

/** A further run is given the time left divided by this margin (its time is estimated from the previous run's, per unit of effort). */
const TIME_MARGIN = 1.25;

/**
 * The fast solver, given the time up to `deadline` (a `now()` instant, milliseconds): a first
 * run at the options' effort, then a run whose effort fills the time left, as long as that is
 * at least twice the first effort (a longer annealing finds better plans: on the unscheduled
 * seed 76.2 at effort 200 in 1.3 s, 65.5 at 600 in 3.4 s, 60.7 at 2000 in 10 s; one long run
 * does better than several short ones). The best plan wins. Each run is deterministic for its
 * seed and effort; the efforts depend on how fast the machine ran the first run, so the same
 * seed gives the same plan when the machine is as fast.
 */
export function scheduleFastWithin(input: ProgrammeInput, options: ScheduleOptions, deadline: number, now: () => number = () => performance.now()): Plan {
  const outOfTime = () => now() > deadline || options.outOfTime?.() === true;
  const first = options.effort ?? DEFAULT_EFFORT;
  let plan: Plan | null = null;
  for (let effort = first; ; ) {
    const started = now();
    const next = scheduleFast(input, { ...options, effort, outOfTime });
    // At least a millisecond (a tick) a run, so that the estimate is never zero.
    const perEffort = Math.max(1, now() - started) / effort;
    if (!plan || next.objective < plan.objective - 1e-9) plan = next;
    effort = Math.floor((deadline - now()) / TIME_MARGIN / perEffort);
    if (outOfTime() || !(effort >= 2 * first)) return plan;
  }
}

/** The best plan the solvers find within `timeLimit` seconds (the final evaluation included), and its evaluation by the conflict engine. */
export async function solveSchedule(
  input: ProgrammeInput,
  baseOptions: ScheduleOptions,
  timeLimit: number,
): Promise<{ plan: Plan; evaluation: Evaluation; before: Evaluation["before"]; solver: "fast" | "exact" }> {
  const deadline = performance.now() + (timeLimit - reserveOf(timeLimit)) * 1000;
  const options: ScheduleOptions = { ...baseOptions, outOfTime: () => performance.now() > deadline };
  let solver: "fast" | "exact" = "fast";
  // Small enough: one fast run, then HiGHS in the time left (it proves most such instances);
  // otherwise the fast solver's runs take the whole time.
  const small = scopeOf(input, options).length <= EXACT_MAX_SESSIONS;
  let plan = small ? scheduleFast(input, options) : scheduleFastWithin(input, options, deadline);
  if (small && deadline - performance.now() > 500) {
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

