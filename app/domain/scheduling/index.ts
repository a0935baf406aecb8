// Auto-scheduling (issue 15): pure, deterministic for a seed. See docs/decisions/0018-auto-scheduling.md.
export * from "./types";
export { WEIGHTS, withPlacements } from "./objective";
export { evaluatePlan, type Evaluation } from "./evaluate";
export { scheduleFast, prng, DEFAULT_EFFORT } from "./fast";
export { reasonMessage } from "./reasons";
export { scheduleExact, buildExactModel, type ExactResult, type LpSolver, type LpResult } from "./exact";
export { objectiveOf, type MipModel } from "./mip";
export { scopeOf } from "./problem";
