// Conflict records: identity keys, acknowledgement fingerprints and the output order.
import { LazyMessage, snapshotList, type MessageDetail } from "./messages";
import { ERROR, type Model } from "./model";
import { LEVELS, RULES, type Conflict, type Interval, type Level, type ProgrammeInput, type SessionInput } from "./types";

/**
 * Builds a conflict. `sessions`, `people` and `rooms` must already be sorted and distinct.
 * What the organiser saw of the sessions (the snapshot, for the message and acknowledgements)
 * is `first` and `second`: one session and null, two sessions in the order of `sessions`, or a
 * list and null (no array per conflict for the thousands of pairs).
 * `malformed` raises the level to at least "error" (bad data is never hidden by a level).
 */
export function makeConflict(
  model: Model,
  rule: number,
  key: string,
  sessions: string[],
  people: string[],
  rooms: string[],
  interval: Interval | null,
  first: SessionInput | readonly SessionInput[],
  second: SessionInput | null,
  detail: MessageDetail | null,
  malformed = false,
): Conflict {
  let levelIdx = model.levelIndex[rule];
  if (malformed && levelIdx > ERROR) levelIdx = ERROR;
  let acknowledgementId: string | null = null;
  const acks = model.acks.size === 0 ? undefined : model.acks.get(key);
  if (acks) {
    const fingerprint = fingerprintOf(snapshotList(first, second));
    for (const ack of acks) {
      if (ack.rule === RULES[rule] && ack.fingerprint === fingerprint) {
        acknowledgementId = ack.id;
        break;
      }
    }
  }
  const message = new LazyMessage(model, first, second, detail);
  const conflict: Conflict = {
    rule: RULES[rule],
    level: LEVELS[levelIdx] as Exclude<Level, "off">,
    key,
    acknowledged: acknowledgementId !== null,
    acknowledgementId,
    sessions,
    people,
    rooms,
    interval,
    message,
  };
  message.bind(conflict);
  return conflict;
}

/** The empty id list, shared by every conflict that names no one (frozen: never mutated). */
export const NO_IDS = Object.freeze([]) as unknown as string[];

/** The index packed in `key = high * n + index` (exact integers): `key % n` without the slow float modulo. */
export function lowPart(key: number, n: number): number {
  return key - Math.floor(key / n) * n;
}

/** Sorted distinct strings (code-unit order), for small lists; sorts in place. */
export function sortedDistinct(values: string[]): string[] {
  const n = values.length;
  if (n < 2) return values;
  if (n === 2) {
    const [a, b] = values;
    if (a === b) values.length = 1;
    else if (b < a) {
      values[0] = b;
      values[1] = a;
    }
    return values;
  }
  values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let w = 1;
  for (let r = 1; r < n; r++) if (values[r] !== values[w - 1]) values[w++] = values[r];
  values.length = w;
  return values;
}

// ---------------------------------------------------------------------------------------------
// Acknowledgement fingerprints: a hash of what the organiser saw when acknowledging — each named
// session's room, start, end and people with their roles. Any change to those makes the stored
// fingerprint stale, so the acknowledgement lapses by itself.

function sessionPrint(s: SessionInput): string {
  const people = s.people.map((p) => `${p.personId}:${p.role}`).sort();
  return `${s.id}@${s.roomId ?? ""}@${s.start ?? ""}@${s.end ?? ""}@${people.join(",")}`;
}

export function fingerprintOf(sessions: readonly SessionInput[]): string {
  const parts = sessions.map(sessionPrint).sort();
  return `v1-${hash53(parts.join(";"))}`;
}

/** Fingerprint of the sessions a conflict names, read from a programme (what the database stores). */
export function fingerprintFor(input: ProgrammeInput, conflict: Pick<Conflict, "sessions">): string {
  const wanted = new Set(conflict.sessions);
  const found = input.sessions.filter((s) => wanted.has(s.id));
  return fingerprintOf(found);
}

/** cyrb53: a fast 53-bit string hash, as 14 hex digits. Not cryptographic; it only detects change. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, "0");
}

// ---------------------------------------------------------------------------------------------
// Output order: level (block, error, warning, info), then rule (catalogue order), then the
// interval's start (conflicts without an interval last), then the sessions named (ids in
// code-unit order, list against list), then key (code-unit order). Keys are unique, so the order
// is total and two runs give the same list. The sessions come before the key because their ids
// are the input's own strings: a key is built by concatenation, and comparing it first makes
// the engine flatten it (thousands of runtime calls and copies at F10, for nothing).

const levelRank: Record<string, number> = Object.fromEntries(LEVELS.map((l, i) => [l, i]));
const ruleRank: Record<string, number> = Object.fromEntries(RULES.map((r, i) => [r, i]));

export function compareConflicts(a: Conflict, b: Conflict): number {
  const group = levelRank[a.level] * 32 + ruleRank[a.rule] - (levelRank[b.level] * 32 + ruleRank[b.rule]);
  if (group !== 0) return group;
  const sa = a.interval === null ? Infinity : a.interval.start;
  const sb = b.interval === null ? Infinity : b.interval.start;
  if (sa !== sb) return sa < sb ? -1 : 1;
  return compareTies(a, b);
}

/** The order of two conflicts of the same level, rule and start: sessions named, then key. */
function compareTies(a: Conflict, b: Conflict): number {
  const x = a.sessions;
  const y = b.sessions;
  const common = x.length < y.length ? x.length : y.length;
  for (let k = 0; k < common; k++) if (x[k] !== y[k]) return x[k] < y[k] ? -1 : 1;
  if (x.length !== y.length) return x.length - y.length;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Sorts in output order: buckets by level and rule, then a numeric sort by start, then the ties (compareTies). */
export function sortConflicts(list: Conflict[]): Conflict[] {
  const buckets: Conflict[][] = [];
  for (const c of list) {
    const g = levelRank[c.level] * 32 + ruleRank[c.rule];
    (buckets[g] ??= []).push(c);
  }
  const out = new Array<Conflict>(list.length);
  let w = 0;
  for (const bucket of buckets) {
    if (!bucket) continue;
    for (const c of sortBucket(bucket)) out[w++] = c;
  }
  return out;
}

function sortBucket(bucket: Conflict[]): Conflict[] {
  const n = bucket.length;
  if (n < 2) return bucket;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (const c of bucket) {
    if (c.interval === null) continue;
    const s = c.interval.start;
    if (s < min) min = s;
    if (s > max) max = s;
    if (!Number.isInteger(s)) integral = false;
  }
  let sorted: Conflict[];
  if (integral && (min === Infinity || (max - min + 2) * n < Number.MAX_SAFE_INTEGER)) {
    // (start rank, index) packed in one float64: a native typed-array sort, no comparator calls.
    const keys = new Float64Array(n);
    const none = min === Infinity ? 0 : max - min + 1; // no interval: after every start
    for (let i = 0; i < n; i++) {
      const iv = bucket[i].interval;
      keys[i] = (iv === null ? none : iv.start - min) * n + i;
    }
    keys.sort();
    sorted = new Array<Conflict>(n);
    for (let i = 0; i < n; i++) sorted[i] = bucket[lowPart(keys[i], n)];
  } else sorted = bucket.slice().sort(compareConflicts);
  // Equal starts: by the sessions named, then key.
  const startOf = (c: Conflict) => (c.interval === null ? Infinity : c.interval.start);
  for (let x = 0; x < n; ) {
    const s = startOf(sorted[x]);
    let y = x + 1;
    while (y < n && startOf(sorted[y]) === s) y++;
    if (y - x > 1) {
      if (y - x <= 16) {
        // Short runs (the usual case: sessions start on the same grid times): insertion sort in place.
        for (let k = x + 1; k < y; k++) {
          const c = sorted[k];
          let j = k - 1;
          while (j >= x && compareTies(sorted[j], c) > 0) {
            sorted[j + 1] = sorted[j];
            j--;
          }
          sorted[j + 1] = c;
        }
      } else {
        const run = sorted.slice(x, y).sort(compareTies);
        for (let k = 0; k < run.length; k++) sorted[x + k] = run[k];
      }
    }
    x = y;
  }
  return sorted;
}
