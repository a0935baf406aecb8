// Auto-scheduling's contract: the programme as the conflict engine reads it, what to place,
// and the plan that comes back. Instants are epoch milliseconds (UTC), intervals half-open.
import type { Localised, ProgrammeInput, RuleId } from "~/domain/conflicts";

export interface ScheduleOptions {
  /** Sessions to place; default: every accepted or scheduled session that has no placement. */
  sessions?: readonly string[];
  /** Only this local day of the edition (YYYY-MM-DD): candidates start on it, and with `movePlaced` only its sessions move. */
  day?: string | null;
  /** Placed sessions (of the day, when one is given) may move; pinned ones never do. */
  movePlaced?: boolean;
  /** Sessions an organiser pinned: they never move. */
  pinned?: readonly string[];
  /** Same seed, same input → same plan (when the run ends before its time limit). */
  seed?: number;
  /** Local search stops at this many moves per movable session (default 200). */
  effort?: number;
  /** Stops the local search early: true when the time allowed is spent. The domain reads no clock. */
  outOfTime?: () => boolean;
}

/** One placement the plan proposes. `from` is set when the session was placed before (a move). */
export interface PlannedPlacement {
  sessionId: string;
  roomId: string;
  start: number;
  end: number;
  from: { roomId: string; start: number; end: number } | null;
}

export type UnplacedReason =
  | { kind: "standing"; rule: RuleId; message: Localised }
  | { kind: "noRoom"; features: string[]; audience: number | null }
  | { kind: "closed"; features: string[] }
  | { kind: "unavailable"; features: string[]; people: number }
  | { kind: "busy"; features: string[]; people: number }
  | { kind: "conflict"; rule: RuleId; message: Localised }
  /** The time allowed ran out before the solver reached this session. */
  | { kind: "untried" };

export interface Unplaced {
  sessionId: string;
  reason: UnplacedReason;
  message: Localised;
}

/** The objective's terms (see objective.ts); lower is better. */
export interface ObjectiveTerms {
  unplaced: number;
  conflicts: number;
  fit: number;
  freeTime: number;
  moved: number;
}

export interface Plan {
  placements: PlannedPlacement[];
  unplaced: Unplaced[];
  objective: number;
  terms: ObjectiveTerms;
}

export type { ProgrammeInput };
