// A plan judged from scratch by the conflict engine's full check, independently of the
// solvers' own bookkeeping: what the tests, the bench and the command line report.
import { checkProgramme, type Conflict, type ProgrammeInput } from "~/domain/conflicts";
import { WEIGHTS, addedSevere, conflictTerm, round, totalOf, withPlacements } from "./objective";
import { buildProblem, placementRules } from "./problem";
import type { ObjectiveTerms, Plan, ScheduleOptions } from "./types";

export interface Evaluation {
  terms: ObjectiveTerms;
  objective: number;
  /** Every conflict of the programme before the plan. */
  before: Conflict[];
  /** Every conflict of the programme with the plan applied. */
  conflicts: Conflict[];
  /** Block and error conflicts the plan added (none for a valid plan). */
  added: Conflict[];
}

export function evaluatePlan(input: ProgrammeInput, options: ScheduleOptions, plan: Pick<Plan, "placements">): Evaluation {
  const p = buildProblem(input, options);
  const before = checkProgramme(input);
  const after = checkProgramme(withPlacements(input, plan.placements));
  const base = checkProgramme(p.base);
  const byId = new Map(plan.placements.map((x) => [x.sessionId, x]));
  const terms: ObjectiveTerms = { unplaced: 0, conflicts: round(conflictTerm(base, after, placementRules)), fit: 0, freeTime: 0, moved: 0 };
  for (const i of p.movable) {
    const s = input.sessions[i];
    const o = p.original.get(i);
    const planned = byId.get(s.id);
    const at = planned
      ? { room: p.roomIndex.get(planned.roomId)!, start: planned.start }
      : o
        ? { room: o.room, start: o.start }
        : null;
    if (!at) {
      terms.unplaced += WEIGHTS.unplaced;
      continue;
    }
    const capacity = input.rooms[at.room].capacity;
    if (capacity !== null && s.expectedAudience !== null && capacity > 0 && s.expectedAudience > 0) {
      terms.fit += (WEIGHTS.fit * Math.abs(capacity - s.expectedAudience)) / Math.max(capacity, s.expectedAudience);
    }
    if (p.slotStarts[at.room].size > 0 && !p.slotStarts[at.room].has(at.start)) terms.freeTime += WEIGHTS.freeTime;
    if (o && planned) terms.moved += WEIGHTS.moved;
  }
  terms.fit = round(terms.fit);
  return { terms, objective: totalOf(terms), before, conflicts: after, added: addedSevere(before, after) };
}
