// The full check: per-session rules, then pairwise rules by sweeping groups (room, person,
// theme, organisation) of sessions sorted once by start, with early exit.
import { lowPart, sortConflicts } from "./conflict";
import { R, VALID, buildModel, isOn, type Model } from "./model";
import { dailyLoad, orgPair, personPair, roomPair, sessionConflicts, themePair } from "./rules";
import type { Conflict, ProgrammeInput } from "./types";

/** Every conflict of the programme, in output order (see conflict.ts). */
export function checkProgramme(input: ProgrammeInput): Conflict[] {
  // Per-session rules run as the model reads each session (one pass over the sessions).
  const out: Conflict[] = [];
  const m = buildModel(input, (model, i) => sessionConflicts(model, i, out));
  return sortConflicts(pairConflicts(m, out));
}

/** Unsorted conflicts of a model. */
export function checkModel(m: Model): Conflict[] {
  const out: Conflict[] = [];
  for (let i = 0; i < m.n; i++) sessionConflicts(m, i, out);
  return pairConflicts(m, out);
}

/** Adds the conflicts between sessions (pairs, person-days) to `out`. */
function pairConflicts(m: Model, out: Conflict[]): Conflict[] {
  const order = validByStart(m);
  if (order.length < 2 && !isOn(m, R.SPEAKER_DAILY_LOAD)) return out;
  if (isOn(m, R.ROOM_OVERLAP)) {
    const groups = groupByIndex(order, m.rooms.length, m.room);
    sweep(m, groups, (a, b) => roomPair(m, a, b, out));
  }
  if (isOn(m, R.THEME_PARALLEL)) {
    const groups = groupByIndex(order, m.themeIndex.size, m.theme);
    sweep(m, groups, (a, b) => themePair(m, a, b, out));
  }
  if (isOn(m, R.ORGANISATION_PARALLEL) && m.orgIds.length > 0) {
    const groups = groupByOrganisation(m, order);
    // A pair sharing several organisations is found in each one's group: orgPair reports it
    // from the group of the lowest shared organisation only.
    sweepGroups(m, groups, (g, a, b) => orgPair(m, a, b, out, g));
  }
  const overlapOn = isOn(m, R.SPEAKER_OVERLAP);
  const changeoverOn = isOn(m, R.SPEAKER_CHANGEOVER);
  const loadOn = isOn(m, R.SPEAKER_DAILY_LOAD);
  if (overlapOn || changeoverOn || loadOn) {
    const groups = groupByPerson(m, order);
    const { offsets, items } = groups;
    for (let p = 0; p + 1 < offsets.length; p++) {
      const from = offsets[p];
      const to = offsets[p + 1];
      if (to - from < 2 && !(loadOn && to - from > m.dailyLimit)) continue;
      if (overlapOn || changeoverOn) {
        for (let x = from; x < to; x++) {
          const a = items[x];
          const limit = m.end[a] + (changeoverOn ? m.roomMaxWalkMs[m.room[a]] : 0);
          for (let y = x + 1; y < to && m.start[items[y]] < limit; y++) personPair(m, p, a, items[y], out);
        }
      }
      if (loadOn && to - from > m.dailyLimit) {
        // Sorted by start, so one local date's sessions are consecutive.
        let x = from;
        while (x < to) {
          const date = m.day[items[x]];
          let y = x + 1;
          while (y < to && m.day[items[y]] === date) y++;
          if (y - x > m.dailyLimit) dailyLoad(m, p, date, Array.from(items.subarray(x, y)), out);
          x = y;
        }
      }
    }
  }
  return out;
}

/** VALID sessions sorted by start (ties by index), sorted once with a native numeric sort when possible. */
export function validByStart(m: Model): Int32Array {
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < m.n; i++) {
    if (m.state[i] !== VALID) continue;
    count++;
    const s = m.start[i];
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const order = new Int32Array(count);
  const n = m.n;
  if (count > 0 && (max - min + 1) * n < Number.MAX_SAFE_INTEGER && Number.isInteger(min) && Number.isInteger(max)) {
    // Pack (start, index) into one float64 so the engine's typed-array sort does the work.
    const keys = new Float64Array(count);
    let k = 0;
    let integral = true;
    for (let i = 0; i < n; i++) {
      if (m.state[i] !== VALID) continue;
      const s = m.start[i];
      if (!Number.isInteger(s)) integral = false;
      keys[k++] = (s - min) * n + i;
    }
    if (integral) {
      keys.sort();
      for (let x = 0; x < count; x++) order[x] = lowPart(keys[x], n);
      return order;
    }
  }
  let k = 0;
  for (let i = 0; i < n; i++) if (m.state[i] === VALID) order[k++] = i;
  order.sort((a, b) => m.start[a] - m.start[b] || a - b);
  return order;
}

/**
 * Counting sort of sessions into groups, keeping the order of `order` inside each group: one
 * group per session, `key[i]` (none when negative).
 */
export function groupByIndex(order: Int32Array, groupCount: number, key: Int32Array): Groups {
  const counts = new Int32Array(groupCount + 1);
  let total = 0;
  for (let x = 0; x < order.length; x++) {
    const g = key[order[x]];
    if (g < 0) continue;
    counts[g + 1]++;
    total++;
  }
  for (let g = 0; g < groupCount; g++) counts[g + 1] += counts[g];
  const items = new Int32Array(total);
  const cursor = counts.slice(0, groupCount);
  for (let x = 0; x < order.length; x++) {
    const i = order[x];
    const g = key[i];
    if (g >= 0) items[cursor[g]++] = i;
  }
  return { offsets: counts, items };
}

/** The same counting sort, one group per (distinct) person of each session. */
export function groupByPerson(m: Model, order: Int32Array): Groups {
  const { personStart: start, personCount: count, personItems: people } = m;
  const groupCount = m.personIds.length;
  const counts = new Int32Array(groupCount + 1);
  let total = 0;
  for (let x = 0; x < order.length; x++) {
    const i = order[x];
    const to = start[i] + count[i];
    for (let k = start[i]; k < to; k++) counts[people[k] + 1]++;
    total += count[i];
  }
  for (let g = 0; g < groupCount; g++) counts[g + 1] += counts[g];
  const items = new Int32Array(total);
  const cursor = counts.slice(0, groupCount);
  for (let x = 0; x < order.length; x++) {
    const i = order[x];
    const to = start[i] + count[i];
    for (let k = start[i]; k < to; k++) items[cursor[people[k]]++] = i;
  }
  return { offsets: counts, items };
}

/** The same counting sort, one group per distinct organisation of each session's people. */
export function groupByOrganisation(m: Model, order: Int32Array): Groups {
  const { personStart: start, personCount: count, personItems: people, personOrg } = m;
  const groupCount = m.orgIds.length;
  const orgOf = (p: number) => (p < personOrg.length ? personOrg[p] : -1);
  const counts = new Int32Array(groupCount + 1);
  let total = 0;
  for (let x = 0; x < order.length; x++) {
    const i = order[x];
    const to = start[i] + count[i];
    for (let k = start[i]; k < to; k++) {
      const o = orgOf(people[k]);
      if (o < 0 || seenBefore(people, start[i], k, o, orgOf)) continue;
      counts[o + 1]++;
      total++;
    }
  }
  for (let g = 0; g < groupCount; g++) counts[g + 1] += counts[g];
  const items = new Int32Array(total);
  const cursor = counts.slice(0, groupCount);
  for (let x = 0; x < order.length; x++) {
    const i = order[x];
    const to = start[i] + count[i];
    for (let k = start[i]; k < to; k++) {
      const o = orgOf(people[k]);
      if (o < 0 || seenBefore(people, start[i], k, o, orgOf)) continue;
      items[cursor[o]++] = i;
    }
  }
  return { offsets: counts, items };
}

/** Whether an earlier person of the same session (from `from` to `k`) has organisation o. */
function seenBefore(people: Int32Array, from: number, k: number, o: number, orgOf: (p: number) => number): boolean {
  for (let j = from; j < k; j++) if (orgOf(people[j]) === o) return true;
  return false;
}

export interface Groups {
  offsets: Int32Array; // group g holds items[offsets[g] .. offsets[g + 1])
  items: Int32Array; // session indexes, each group in `order`'s order
}

/** Calls `found` for every overlapping pair inside each group (sorted by start: stop at the first start past the end). */
function sweep(m: Model, groups: Groups, found: (a: number, b: number) => void): void {
  sweepGroups(m, groups, (_g, a, b) => found(a, b));
}

/** `sweep`, telling `found` the group of each pair. */
function sweepGroups(m: Model, groups: Groups, found: (g: number, a: number, b: number) => void): void {
  const { offsets, items } = groups;
  const start = m.start;
  const end = m.end;
  for (let g = 0; g + 1 < offsets.length; g++) {
    const to = offsets[g + 1];
    for (let x = offsets[g]; x < to; x++) {
      const a = items[x];
      const e = end[a];
      for (let y = x + 1; y < to && start[items[y]] < e; y++) found(g, a, items[y]);
    }
  }
}
