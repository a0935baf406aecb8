// Placement suggestions for one session: candidate (room, start) pairs, cheap filters first,
// then an exact check of the best candidates with the same code as the incremental checker.
import type { CheckerState } from "./state";
import { covers, firstOverlap } from "./intervals";
import { ERROR, MINUTE, R, VALID, availabilityOf, localDayOf, personsOf } from "./model";
import { inEdition } from "./rules";
import type { Conflict, RuleId, Suggestion } from "./types";

/**
 * Rules whose outcome depends on where and when a session is placed. A suggestion leaves the
 * session with no block or error conflict of these rules; the others (declined or unconfirmed
 * people, roles, public information, an unknown person) do not change with the placement.
 */
export const PLACEMENT_RULES: readonly RuleId[] = Object.freeze([
  "ROOM_OVERLAP",
  "SPEAKER_OVERLAP",
  "SPEAKER_CHANGEOVER",
  "SPEAKER_UNAVAILABLE",
  "SPEAKER_DAILY_LOAD",
  "ROOM_CLOSED",
  "ROOM_CAPACITY",
  "ROOM_FEATURES",
  "FORMAT_DURATION",
  "OUTSIDE_EDITION",
  "THEME_PARALLEL",
  "ORGANISATION_PARALLEL",
] as const);

const placementRules = new Set<string>(PLACEMENT_RULES);

/** Whether a conflict (naming the session) rules out a placement. */
export function blocksPlacement(c: Conflict, knownPeople: ReadonlySet<string> | null = null): boolean {
  if (c.level !== "block" && c.level !== "error") return false;
  if (!placementRules.has(c.rule)) return false;
  // An unknown person is reported as SPEAKER_UNAVAILABLE wherever the session goes.
  if (c.rule === "SPEAKER_UNAVAILABLE" && knownPeople && c.people.some((p) => !knownPeople.has(p))) return false;
  return true;
}

const STEP = 15 * MINUTE;
const TIER = 1_000_000; // minutes; larger than any time distance inside an edition

/**
 * Up to k placements, least change first: cost = tier × 1,000,000 + minutes from the current
 * start, tier 0 same room and day, 1 same room other day, 2 other room same day, 3 other room
 * other day. An unplaced session has tier 0 everywhere and its cost counts from the edition's
 * first instant. Ties: room order, then start.
 */
export function suggestPlacements(state: CheckerState, i: number, k: number): Suggestion[] {
  const m = state.m;
  const s = m.sessions[i];
  if (s.status === "cancelled" || k <= 0 || m.days.length === 0) return [];
  const isBlocking = (rule: number) => m.levelIndex[rule] <= ERROR;

  // Duration: the current one when the format allows it, else the format's default (60 min without a format).
  const f = m.format[i];
  const format = f >= 0 ? m.input.formats[f] : null;
  const current = m.state[i] === VALID ? m.end[i] - m.start[i] : NaN;
  let duration = 60 * MINUTE;
  if (format) {
    duration =
      current >= format.minMinutes * MINUTE && current <= format.maxMinutes * MINUTE ? current : format.defaultMinutes * MINUTE;
  } else if (current > 0) duration = current;

  const curRoom = m.room[i];
  const curStart = Number.isFinite(m.start[i]) ? m.start[i] : null;
  const curDay = curStart === null ? null : localDayOf(m, curStart);
  const origin = m.days[0].start;

  // Other sessions of the same people, for a cheap overlap filter.
  const busy: number[] = [];
  if (isBlocking(R.SPEAKER_OVERLAP)) {
    for (const p of personsOf(m, i)) {
      const members = state.personMembers[p];
      if (members) for (const j of members) if (j !== i) busy.push(m.start[j], m.end[j]);
    }
  }
  const availability = isBlocking(R.SPEAKER_UNAVAILABLE)
    ? personsOf(m, i).map((p) => availabilityOf(m, p)).filter((a) => a.length > 0)
    : [];

  type Candidate = { room: number; start: number; cost: number };
  const candidates: Candidate[] = [];
  for (let r = 0; r < m.rooms.length; r++) {
    const room = m.rooms[r];
    if (format && format.requiredFeatures.some((x) => !m.roomFeatures[r].has(x))) continue;
    if (isBlocking(R.ROOM_CAPACITY) && room.capacity !== null && s.expectedAudience !== null && s.expectedAudience > room.capacity) {
      continue;
    }
    // The room's other sessions, sorted by start, for a binary-searched overlap filter.
    const others = [...state.roomMembers[r]].filter((j) => j !== i).sort((a, b) => m.start[a] - m.start[b]);
    const otherStarts = Float64Array.from(others, (j) => m.start[j]);
    let otherMaxLength = 0;
    for (const j of others) otherMaxLength = Math.max(otherMaxLength, m.end[j] - m.start[j]);
    const roomFree = (t: number, e: number): boolean => {
      if (!isBlocking(R.ROOM_OVERLAP)) return true;
      if (firstOverlap(m.roomBlocked[r], t, e) >= 0) return false;
      // Sessions starting in [t - longest, e) are the only ones that can overlap.
      let lo = 0;
      let hi = otherStarts.length;
      const from = t - otherMaxLength;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (otherStarts[mid] <= from) lo = mid + 1;
        else hi = mid;
      }
      for (let x = lo; x < others.length && otherStarts[x] < e; x++) if (m.end[others[x]] > t) return false;
      return true;
    };
    const consider = (t: number) => {
      const e = t + duration;
      if (!inEdition(m, t)) return;
      const open = m.roomOpen[r];
      if (open.length > 0 && !covers(open, t, e)) return;
      if (!roomFree(t, e)) return;
      for (let x = 0; x < busy.length; x += 2) if (busy[x] < e && t < busy[x + 1]) return;
      for (const a of availability) if (!covers(a, t, e)) return;
      let cost: number;
      if (curStart === null) cost = Math.round((t - origin) / MINUTE);
      else {
        const sameDay = localDayOf(m, t) === curDay;
        const tier = r === curRoom ? (sameDay ? 0 : 1) : sameDay ? 2 : 3;
        cost = tier * TIER + Math.round(Math.abs(t - curStart) / MINUTE);
      }
      candidates.push({ room: r, start: t, cost });
    };
    if (room.slots && room.slots.length > 0) {
      for (const slot of room.slots) consider(slot.start);
    } else {
      const open = m.roomOpen[r];
      const windows: number[] = open.length > 0 ? Array.from(open) : m.days.flatMap((d) => [d.start, d.end]);
      for (let w = 0; w < windows.length; w += 2) {
        for (let t = windows[w]; t + duration <= windows[w + 1]; t += STEP) consider(t);
      }
    }
  }
  candidates.sort((a, b) => a.cost - b.cost || a.room - b.room || a.start - b.start);

  // Exact check, best first: place the session there and look at every conflict naming it.
  const known = new Set(m.input.people.map((p) => p.id));
  const result: Suggestion[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (result.length >= k) break;
    const roomId = m.rooms[c.room].id;
    const tag = `${roomId}|${c.start}`;
    if (seen.has(tag)) continue;
    seen.add(tag);
    const change = { kind: "move", sessionId: s.id, roomId, start: c.start, end: c.start + duration } as const;
    const { after } = state.run(change, false);
    let ok = true;
    for (const conflict of after.values()) {
      if (conflict.sessions.includes(s.id) && blocksPlacement(conflict, known)) {
        ok = false;
        break;
      }
    }
    if (ok) result.push({ roomId, start: c.start, end: c.start + duration, cost: c.cost });
  }
  return result;
}
