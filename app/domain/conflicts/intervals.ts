// Half-open interval helpers over flat Float64Arrays [s0, e0, s1, e1, …], sorted and disjoint.
import type { Interval } from "./types";

export const EMPTY = new Float64Array(0);

/** [a, b) and [c, d) overlap: touching ([10:00, 10:30) then [10:30, 11:00)) does not. */
export function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}

/**
 * The union of intervals as a flat, sorted array of disjoint intervals. Touching intervals
 * merge ([9, 12) ∪ [12, 18) = [9, 18)), so a session may span two adjacent windows.
 * Empty or inverted intervals contribute nothing.
 */
export function union(intervals: readonly Interval[] | undefined): Float64Array {
  if (!intervals || intervals.length === 0) return EMPTY;
  let sorted = true;
  for (let i = 0; i < intervals.length; i++) {
    const iv = intervals[i];
    if (!(iv.end > iv.start)) sorted = false;
    else if (i > 0 && iv.start <= intervals[i - 1].end) sorted = false;
  }
  if (sorted) {
    const out = new Float64Array(intervals.length * 2);
    for (let i = 0; i < intervals.length; i++) {
      out[2 * i] = intervals[i].start;
      out[2 * i + 1] = intervals[i].end;
    }
    return out;
  }
  const list = intervals.filter((iv) => iv.end > iv.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const flat: number[] = [];
  for (const iv of list) {
    const last = flat.length - 1;
    if (last > 0 && iv.start <= flat[last]) {
      if (iv.end > flat[last]) flat[last] = iv.end;
    } else flat.push(iv.start, iv.end);
  }
  return Float64Array.from(flat);
}

/** Whether [start, end) lies inside one interval of the union (binary search). */
export function covers(flat: Float64Array, start: number, end: number): boolean {
  let lo = 0;
  let hi = (flat.length >> 1) - 1;
  // Last interval whose start <= start.
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (flat[2 * mid] <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && end <= flat[2 * found + 1];
}

/** Index of the first interval of the union that overlaps [start, end), or -1. */
export function firstOverlap(flat: Float64Array, start: number, end: number): number {
  let lo = 0;
  let hi = (flat.length >> 1) - 1;
  let first = flat.length >> 1;
  // First interval whose end > start.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (flat[2 * mid + 1] > start) {
      first = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return first < flat.length >> 1 && flat[2 * first] < end ? first : -1;
}
