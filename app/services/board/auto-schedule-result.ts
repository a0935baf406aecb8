// What a solver run sends back from its worker: plain data (the engine's conflicts build their
// messages on first read, so they are copied out here).
import type { Conflict, Level, Localised } from "~/domain/conflicts";
import type { Plan } from "~/domain/scheduling";

export type LeftConflict = { key: string; rule: string; level: Exclude<Level, "off">; sessions: string[]; message: Localised };
export type SolverResult = { plan: Plan; solver: "fast" | "exact"; added: number; conflicts: LeftConflict[] };

/** The open conflicts of the programme with the plan that concern a session it places. */
export function leftConflicts(after: readonly Conflict[], plan: Pick<Plan, "placements">): LeftConflict[] {
  const placed = new Set(plan.placements.map((p) => p.sessionId));
  return after
    .filter((c) => !c.acknowledged && c.sessions.some((s) => placed.has(s)))
    .map((c) => ({ key: c.key, rule: c.rule, level: c.level, sessions: c.sessions, message: { fr: c.message.fr, en: c.message.en } }));
}

/** A proposal as its checkbox posts it (app/schemas/auto-schedule.ts reads it back). */
export function proposalValue(p: { session: string; version: number; room: string; start: number; end: number }): string {
  return [p.session, p.version, p.room, p.start, p.end].join("|");
}
