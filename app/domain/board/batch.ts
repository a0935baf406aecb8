// A change that moves several sessions at once (an auto-scheduling plan, or its undo), or a bulk
// change of the sessions list, judged by the conflict engine's full check: the incremental
// checker previews one change at a time.
import { checkProgramme, type Conflict, type ProgrammeInput } from "~/domain/conflicts";
import type { Placement } from "./plan";

/** The programme with these sessions at these placements. */
export function withTargets(input: ProgrammeInput, targets: ReadonlyMap<string, Placement>): ProgrammeInput {
  return {
    ...input,
    sessions: input.sessions.map((s) => {
      const t = targets.get(s.id);
      return t ? { ...s, roomId: t.roomId, start: t.start, end: t.end, status: t.status } : s;
    }),
  };
}

/** Conflicts the change makes appear, or raises (a new key, another level, no longer acknowledged). */
export function appearedWith(input: ProgrammeInput, targets: ReadonlyMap<string, Placement>): Conflict[] {
  return appearedAfter(input, withTargets(input, targets));
}

/** Conflicts of `next` that `input` did not have, or had at another level or acknowledged (any change of the sessions). */
export function appearedAfter(input: ProgrammeInput, next: ProgrammeInput): Conflict[] {
  const before = new Map(checkProgramme(input).map((c) => [c.key, c]));
  return checkProgramme(next).filter((c) => {
    const old = before.get(c.key);
    return !old || old.level !== c.level || (old.acknowledged && !c.acknowledged);
  });
}
