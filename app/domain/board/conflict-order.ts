// How the board lists and counts the day's conflicts. Pure.
//
// Rule: a conflict is "to handle" when it is not acknowledged and its level is block, error or
// warning. Information items are never to handle: they are listed apart, folded, with their own
// count. The list puts every open conflict before every acknowledged one, each part by level
// (block, error, warning, info).
import { LEVELS } from "~/domain/conflicts";

type Listed = { level: (typeof LEVELS)[number]; acknowledged: boolean };

/** Open conflicts first, then by level (block, error, warning, info); stable otherwise. */
export function orderConflicts<T extends Listed>(conflicts: readonly T[]): T[] {
  return [...conflicts].sort((a, b) => Number(a.acknowledged) - Number(b.acknowledged) || LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
}

/** The counts the board's conflict title shows: to handle, out of every non-information conflict. */
export function conflictCounts(conflicts: readonly Listed[]): { open: number; count: number; infos: number } {
  let open = 0;
  let count = 0;
  let infos = 0;
  for (const c of conflicts) {
    if (c.level === "info") infos++;
    else {
      count++;
      if (!c.acknowledged) open++;
    }
  }
  return { open, count, infos };
}
