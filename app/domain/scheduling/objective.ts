// The one objective both solvers minimise (lower is better), and its independent evaluation.
//
//   1000 × sessions left unplaced
// +   10 × each `warning` and 1 × each `info` conflict of a placement rule that the plan adds
//          (the programme with the plan, against the programme with every movable session
//          unplaced): changeovers, daily loads, themes and organisations in parallel tracks,
//          capacity, and any placement rule an edition lowered to warning or info
// +    4 × |seats − expected audience| / max(seats, audience) per placed session (fit)
// +    2 × sessions at a free time in a room that has a slot grid
// +   20 × sessions that were placed and moved (only when moving is allowed)
//
// `block` and `error` conflicts are not weighed: a plan never adds one.
import type { Conflict, ProgrammeInput } from "~/domain/conflicts";
import type { ObjectiveTerms, PlannedPlacement } from "./types";

export const WEIGHTS = Object.freeze({ unplaced: 1000, warning: 10, info: 1, fit: 4, freeTime: 2, moved: 20 });

/** A conflict's weight in the objective (0 for rules that do not depend on placement, block and error). */
export function conflictWeight(c: Conflict, placementRules: ReadonlySet<string>): number {
  if (!placementRules.has(c.rule)) return 0;
  return c.level === "warning" ? WEIGHTS.warning : c.level === "info" ? WEIGHTS.info : 0;
}

export function totalOf(terms: ObjectiveTerms): number {
  return round(terms.unplaced + terms.conflicts + terms.fit + terms.freeTime + terms.moved);
}

export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** The programme with a plan's placements (the sessions take status `scheduled`). */
export function withPlacements(input: ProgrammeInput, placements: readonly PlannedPlacement[]): ProgrammeInput {
  const byId = new Map(placements.map((p) => [p.sessionId, p]));
  return {
    ...input,
    sessions: input.sessions.map((s) => {
      const p = byId.get(s.id);
      return p ? { ...s, roomId: p.roomId, start: p.start, end: p.end, status: "scheduled" as const } : s;
    }),
  };
}

/** Block and error conflicts of `after` whose key was not at that level (or was acknowledged) in `before`: what a plan added. */
export function addedSevere(before: readonly Conflict[], after: readonly Conflict[]): Conflict[] {
  const old = new Map(before.map((c) => [c.key, c]));
  return after.filter((c) => {
    if (c.level !== "block" && c.level !== "error") return false;
    const o = old.get(c.key);
    return !o || o.level !== c.level || (o.acknowledged && !c.acknowledged);
  });
}

export function conflictTerm(base: readonly Conflict[], after: readonly Conflict[], placementRules: ReadonlySet<string>): number {
  let w = 0;
  for (const c of after) w += conflictWeight(c, placementRules);
  for (const c of base) w -= conflictWeight(c, placementRules);
  return w;
}
