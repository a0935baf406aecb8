// Conflict records: identity keys, acknowledgement fingerprints and the output order.
import { buildMessage, type MessageDetail } from "./messages";
import { ERROR, type Model } from "./model";
import { LEVELS, RULES, type Conflict, type Interval, type Level, type Localised, type ProgrammeInput, type SessionInput } from "./types";

/**
 * Builds a conflict. `sessions`, `people` and `rooms` must already be sorted and distinct.
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
  snapshot: SessionInput[],
  detail: MessageDetail | null,
  malformed = false,
): Conflict {
  let levelIdx = model.levelIndex[rule];
  if (malformed && levelIdx > ERROR) levelIdx = ERROR;
  let acknowledgementId: string | null = null;
  const acks = model.acks.size === 0 ? undefined : model.acks.get(key);
  if (acks) {
    const fingerprint = fingerprintOf(snapshot);
    for (const ack of acks) {
      if (ack.rule === RULES[rule] && ack.fingerprint === fingerprint) {
        acknowledgementId = ack.id;
        break;
      }
    }
  }
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
    // A getter, so the sentence is only built for conflicts someone reads; it then becomes a
    // plain data property (spread, JSON and structured clone all see a normal object).
    get message(): Localised {
      const value = buildMessage(model, rule, interval, snapshot, people, rooms, detail);
      Object.defineProperty(this, "message", { value, enumerable: true, writable: true, configurable: true });
      return value;
    },
  };
  return conflict;
}

/** Two ids in code-unit order. */
export function pair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** Sorted distinct strings (code-unit order), for small lists. */
export function sortedDistinct(values: string[]): string[] {
  if (values.length < 2) return values;
  values.sort();
  let w = 1;
  for (let r = 1; r < values.length; r++) if (values[r] !== values[w - 1]) values[w++] = values[r];
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
// interval's start (conflicts without an interval last), then key (code-unit order). Keys are
// unique, so the order is total and two runs give the same list.

const levelRank: Record<string, number> = Object.fromEntries(LEVELS.map((l, i) => [l, i]));
const ruleRank: Record<string, number> = Object.fromEntries(RULES.map((r, i) => [r, i]));

export function compareConflicts(a: Conflict, b: Conflict): number {
  const group = levelRank[a.level] * 32 + ruleRank[a.rule] - (levelRank[b.level] * 32 + ruleRank[b.rule]);
  if (group !== 0) return group;
  const sa = a.interval === null ? Infinity : a.interval.start;
  const sb = b.interval === null ? Infinity : b.interval.start;
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Sorts in output order. Buckets by level and rule first, so the comparator mostly sees numbers. */
export function sortConflicts(list: Conflict[]): Conflict[] {
  const buckets: Conflict[][] = [];
  for (const c of list) {
    const g = levelRank[c.level] * 32 + ruleRank[c.rule];
    (buckets[g] ??= []).push(c);
  }
  const out: Conflict[] = [];
  for (const bucket of buckets) {
    if (!bucket) continue;
    if (bucket.length > 1) bucket.sort(compareConflicts);
    for (const c of bucket) out.push(c);
  }
  return out;
}
