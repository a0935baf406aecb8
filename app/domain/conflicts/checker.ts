// Incremental checking. Every conflict names the sessions it depends on (pairs name both
// sessions; a daily load names all of the person's sessions that day), so a change to a set of
// sessions C can only alter (1) the conflicts naming a session of C and (2) the daily loads of
// C's people on C's days, before and after. preview() recomputes exactly that scope from the
// checker's indexes (same room, same people, same theme, same organisations) and diffs it.
import { sortConflicts } from "./conflict";
import { CheckerState } from "./state";
import { suggestPlacements } from "./suggestions";
import type { Checker, Conflict, ProgrammeInput } from "./types";

function same(a: Conflict, b: Conflict): boolean {
  return a.level === b.level && a.acknowledged === b.acknowledged;
}

/** A checker over one programme: indexes built once, then each change costs what it touches. */
export function createChecker(input: ProgrammeInput): Checker {
  const state = new CheckerState(input);
  return {
    conflicts: () => state.conflicts(),
    preview(change) {
      const { before, after } = state.run(change, false);
      const appeared: Conflict[] = [];
      const disappeared: Conflict[] = [];
      for (const [key, c] of after) {
        const old = before.get(key);
        if (!old || !same(old, c)) appeared.push(c);
      }
      for (const [key, c] of before) {
        const now = after.get(key);
        if (!now || !same(now, c)) disappeared.push(c);
      }
      return { appeared: sortConflicts(appeared), disappeared: sortConflicts(disappeared) };
    },
    apply(change) {
      const { before, after } = state.run(change, true);
      for (const c of before.values()) state.remove(c);
      for (const c of after.values()) state.add(c);
    },
    suggest(sessionId, k = 5) {
      return suggestPlacements(state, state.indexOf(sessionId), k);
    },
  };
}
