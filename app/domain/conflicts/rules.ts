// The rules. Each conflict is produced by one of a few evaluators shared by the full check and
// the incremental checker: per session (a session alone), per pair (two sessions; optionally
// through one person) and per person-day (daily load). Only candidate enumeration differs:
// the full check sweeps sessions sorted once by start; the checker looks in its indexes.
import { NO_IDS, makeConflict, sortedDistinct } from "./conflict";
import { covers, firstOverlap } from "./intervals";
import type { MessageDetail } from "./messages";
import {
  MALFORMED,
  UNPLACED,
  MINUTE,
  R,
  VALID,
  BIO_BLANK,
  PUBLIC_NAME_BLANK,
  availabilityOf,
  isBlank,
  isOn,
  walkMs,
  type Model,
} from "./model";
import { RULES, type Conflict, type Interval, type Role, type SessionInput } from "./types";

function intervalOf(m: Model, i: number): Interval | null {
  const start = m.start[i];
  const end = m.end[i];
  return Number.isFinite(start) && Number.isFinite(end) && end > start ? { start, end } : null;
}

/** A fresh interval for each reported conflict of a VALID session (null otherwise), allocated only when reported. */
function validInterval(m: Model, i: number): Interval | null {
  return m.state[i] === VALID ? { start: m.start[i], end: m.end[i] } : null;
}

export function orgOf(m: Model, p: number): number {
  return p < m.knownPeople ? m.personOrg[p] : -1;
}

const roomIdsOf = (s: SessionInput): string[] => (s.roomId === null ? [] : [s.roomId]);

/** Every conflict that concerns one session alone (per-session rules and blocked times). */
export function sessionConflicts(m: Model, i: number, out: Conflict[]): void {
  const s = m.sessions[i];
  if (s.status === "cancelled") return;
  const state = m.state[i];
  const id = s.id;
  const roomIdx = m.room[i];

  if (state === UNPLACED && (s.status === "accepted" || s.status === "scheduled") && isOn(m, R.UNSCHEDULED)) {
    out.push(makeConflict(m, R.UNSCHEDULED, `UNSCHEDULED|${id}`, [id], NO_IDS, roomIdsOf(s), null, s, null, null));
  }

  // Malformed placements: reported whatever the rule's level, at least as errors.
  if (state === MALFORMED) {
    if (roomIdx < 0) {
      out.push(
        makeConflict(m, R.ROOM_CLOSED, `ROOM_CLOSED|${id}`, [id], NO_IDS, roomIdsOf(s), intervalOf(m, i), s, null,
          { kind: "unknownRoom", room: s.roomId! }, true),
      );
    }
    if (!(m.end[i] > m.start[i])) {
      out.push(
        makeConflict(m, R.FORMAT_DURATION, `FORMAT_DURATION|${id}`, [id], NO_IDS, roomIdsOf(s), null, s, null,
          { kind: "invalidTimes" }, true),
      );
    }
  }

  // People entries: unknown, declined, unconfirmed, unavailable.
  const items = m.personItems;
  const pFrom = m.personStart[i];
  const pTo = pFrom + m.personCount[i];
  if (pTo > pFrom) {
    const declinedOn = isOn(m, R.SPEAKER_DECLINED);
    const unconfirmedOn = state === VALID && isOn(m, R.SPEAKER_UNCONFIRMED);
    const unavailableOn = state === VALID && isOn(m, R.SPEAKER_UNAVAILABLE);
    const allConfirmed = m.confirmed[i] === 1;
    for (let k = pFrom; k < pTo; k++) {
      const p = items[k];
      if (p >= m.knownPeople) {
        const pid = m.personIds[p];
        out.push(
          makeConflict(m, R.SPEAKER_UNAVAILABLE, `SPEAKER_UNAVAILABLE|${id}|${pid}`, [id], [pid], roomIdsOf(s), validInterval(m, i), s, null,
            { kind: "unknownPerson", person: pid }, true),
        );
        continue;
      }
      if (!allConfirmed && (declinedOn || unconfirmedOn)) {
        const pid = m.personIds[p];
        let declined = false;
        let unconfirmed: string | null = null;
        for (const entry of s.people) {
          if (entry.personId !== pid) continue;
          if (entry.confirmation === "declined") declined = true;
          else if (entry.confirmation !== "confirmed" && unconfirmed !== "must_reconfirm") unconfirmed = entry.confirmation;
        }
        if (declined && declinedOn) {
          out.push(makeConflict(m, R.SPEAKER_DECLINED, `SPEAKER_DECLINED|${id}|${pid}`, [id], [pid], roomIdsOf(s), validInterval(m, i),
            s, null, { kind: "person", person: pid }));
        }
        if (unconfirmed !== null && unconfirmedOn) {
          out.push(makeConflict(m, R.SPEAKER_UNCONFIRMED, `SPEAKER_UNCONFIRMED|${id}|${pid}`, [id], [pid], roomIdsOf(s),
            validInterval(m, i), s, null, { kind: "person", person: pid, confirmation: unconfirmed }));
        }
      }
      if (unavailableOn) {
        const avail = availabilityOf(m, p);
        if (avail.length > 0 && !covers(avail, m.start[i], m.end[i])) {
          const pid = m.personIds[p];
          out.push(makeConflict(m, R.SPEAKER_UNAVAILABLE, `SPEAKER_UNAVAILABLE|${id}|${pid}`, [id], [pid], roomIdsOf(s),
            validInterval(m, i), s, null, { kind: "person", person: pid }));
        }
      }
    }
  }

  // Format: roles (any live session), then placement-dependent checks.
  const f = m.format[i];
  if (f === -2) {
    out.push(makeConflict(m, R.FORMAT_ROLES, `FORMAT_ROLES|${id}`, [id], NO_IDS, roomIdsOf(s), validInterval(m, i), s, null,
      { kind: "unknownFormat", format: s.formatId! }, true));
  } else if (f >= 0 && isOn(m, R.FORMAT_ROLES)) {
    const format = m.input.formats[f];
    // A format that lists no roles (an imported type, say) says nothing about who takes part: no role rule.
    if (format.roles.length > 0 && !rolesMatch(format.roles, s)) {
      const people = sortedDistinct(s.people.map((e) => e.personId));
      out.push(makeConflict(m, R.FORMAT_ROLES, `FORMAT_ROLES|${id}`, [id], people, roomIdsOf(s), validInterval(m, i), s, null,
        { kind: "roles", format: format.name, mismatches: roleMismatches(format.roles, s) }));
    }
  }

  if (state !== VALID) return;
  const start = m.start[i];
  const end = m.end[i];
  const room = m.rooms[roomIdx];

  if (isOn(m, R.ROOM_OVERLAP)) {
    const blocked = m.roomBlocked[roomIdx];
    if (blocked.length > 0) {
      for (let b = firstOverlap(blocked, start, end); b >= 0 && 2 * b < blocked.length && blocked[2 * b] < end; b++) {
        const bs = blocked[2 * b];
        const be = blocked[2 * b + 1];
        out.push(
          makeConflict(m, R.ROOM_OVERLAP, `ROOM_OVERLAP|${id}|blocked:${room.id}:${bs}-${be}`, [id], NO_IDS, roomIdsOf(s),
            { start: Math.max(start, bs), end: Math.min(end, be) }, s, null,
            { kind: "blocked", blocked: { start: bs, end: be } }),
        );
      }
    }
  }
  if (isOn(m, R.ROOM_CLOSED)) {
    const open = m.roomOpen[roomIdx];
    if (open.length > 0 && !covers(open, start, end)) {
      out.push(makeConflict(m, R.ROOM_CLOSED, `ROOM_CLOSED|${id}`, [id], NO_IDS, roomIdsOf(s), validInterval(m, i), s, null, null));
    }
  }
  if (isOn(m, R.ROOM_CAPACITY) && room.capacity !== null && s.expectedAudience !== null && s.expectedAudience > room.capacity) {
    out.push(makeConflict(m, R.ROOM_CAPACITY, `ROOM_CAPACITY|${id}`, [id], NO_IDS, roomIdsOf(s), validInterval(m, i), s, null,
      { kind: "capacity", audience: s.expectedAudience, capacity: room.capacity }));
  }
  if (f >= 0) {
    const format = m.input.formats[f];
    if (isOn(m, R.ROOM_FEATURES) && format.requiredFeatures.length > 0) {
      const features = m.roomFeatures[roomIdx];
      let missing: string[] | null = null;
      for (const x of format.requiredFeatures) if (!features.has(x)) (missing ??= []).push(x);
      if (missing !== null) {
        out.push(makeConflict(m, R.ROOM_FEATURES, `ROOM_FEATURES|${id}`, [id], NO_IDS, roomIdsOf(s), validInterval(m, i), s, null,
          { kind: "features", missing: sortedDistinct(missing) }));
      }
    }
    if (isOn(m, R.FORMAT_DURATION)) {
      const duration = end - start;
      if (duration < format.minMinutes * MINUTE || duration > format.maxMinutes * MINUTE) {
        out.push(makeConflict(m, R.FORMAT_DURATION, `FORMAT_DURATION|${id}`, [id], NO_IDS, roomIdsOf(s), validInterval(m, i), s, null,
          { kind: "duration", minutes: Math.round(duration / MINUTE), min: format.minMinutes, max: format.maxMinutes,
            format: format.name }));
      }
    }
  }
  if (isOn(m, R.OUTSIDE_EDITION) && !inEdition(m, start)) {
    out.push(makeConflict(m, R.OUTSIDE_EDITION, `OUTSIDE_EDITION|${id}`, [id], NO_IDS, roomIdsOf(s), validInterval(m, i), s, null, null));
  }
  if (s.isPublic && isOn(m, R.PUBLIC_INFO_MISSING)) {
    const main = m.mainLanguage;
    const title = isBlank(s.title[main]);
    const abstract = isBlank(s.abstract[main]);
    let lacking: { person: string; publicName: boolean; bio: boolean }[] | null = null;
    for (let k = pFrom; k < pTo; k++) {
      const p = items[k];
      if (p >= m.knownPeople) continue; // reported as SPEAKER_UNAVAILABLE (unknown person)
      const flags = m.personPublic[p];
      if (flags === 0) continue;
      (lacking ??= []).push({ person: m.personIds[p], publicName: (flags & PUBLIC_NAME_BLANK) !== 0, bio: (flags & BIO_BLANK) !== 0 });
    }
    if (title || abstract || lacking !== null) {
      const list = lacking ?? [];
      list.sort((a, b) => (a.person < b.person ? -1 : a.person > b.person ? 1 : 0));
      out.push(makeConflict(m, R.PUBLIC_INFO_MISSING, `PUBLIC_INFO_MISSING|${id}`, [id], list.map((x) => x.person),
        roomIdsOf(s), validInterval(m, i), s, null, { kind: "publicInfo", title, abstract, lacking: list }));
    }
  }
}

/** Whether every role's count lies in the format's range and no unlisted role is used. */
function rolesMatch(roles: readonly { role: Role; min: number; max: number }[], s: SessionInput): boolean {
  const people = s.people;
  for (const r of roles) {
    let count = 0;
    for (let k = 0; k < people.length; k++) if (people[k].role === r.role) count++;
    if (count < r.min || count > r.max) return false;
  }
  outer: for (let k = 0; k < people.length; k++) {
    for (const r of roles) if (r.role === people[k].role) continue outer;
    return false;
  }
  return true;
}

/** A session is inside the edition when its start lies in one of the edition's days (its end may pass midnight). */
export function inEdition(m: Model, start: number): boolean {
  const days = m.days;
  let lo = 0;
  let hi = days.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (start < days[mid].start) hi = mid - 1;
    else if (start >= days[mid].end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Per role: entries counted (every entry, whatever its confirmation) against the format's min–max; a role the format does not list allows 0 (when it lists any). */
export function roleMismatches(
  roles: readonly { role: Role; min: number; max: number }[],
  s: SessionInput,
): { role: Role; count: number; min: number; max: number }[] {
  const counts = new Map<Role, number>();
  for (const entry of s.people) counts.set(entry.role, (counts.get(entry.role) ?? 0) + 1);
  const out: { role: Role; count: number; min: number; max: number }[] = [];
  for (const r of roles) {
    const count = counts.get(r.role) ?? 0;
    counts.delete(r.role);
    if (count < r.min || count > r.max) out.push({ role: r.role, count, min: r.min, max: r.max });
  }
  for (const [role, count] of counts) out.push({ role, count, min: 0, max: 0 });
  return out.sort((a, b) => (a.role < b.role ? -1 : a.role > b.role ? 1 : 0));
}

function pairRooms(m: Model, a: number, b: number): string[] {
  const ra = m.rooms[m.room[a]].id;
  const rb = m.rooms[m.room[b]].id;
  return ra === rb ? [ra] : ra < rb ? [ra, rb] : [rb, ra];
}

/**
 * A conflict between sessions a and b, keyed `RULE|first,second` + `suffix` with the two ids in
 * code-unit order (the sessions it names, and the snapshot, in the same order).
 */
function pairConflict(
  m: Model,
  rule: number,
  a: number,
  b: number,
  suffix: string,
  people: string[],
  rooms: string[],
  interval: Interval,
  detail: MessageDetail | null,
): Conflict {
  let first = m.sessions[a];
  let second = m.sessions[b];
  if (second.id < first.id) {
    const t = first;
    first = second;
    second = t;
  }
  return makeConflict(m, rule, `${RULES[rule]}|${first.id},${second.id}${suffix}`, [first.id, second.id], people, rooms,
    interval, first, second, detail);
}

function intersection(m: Model, a: number, b: number): Interval {
  return { start: Math.max(m.start[a], m.start[b]), end: Math.min(m.end[a], m.end[b]) };
}

/** Two VALID sessions in the same room that overlap. */
export function roomPair(m: Model, a: number, b: number, out: Conflict[]): void {
  out.push(pairConflict(m, R.ROOM_OVERLAP, a, b, "", NO_IDS, [m.rooms[m.room[a]].id], intersection(m, a, b), null));
}

/** Two VALID sessions of person p: overlap, or a changeover shorter than the walk between their rooms. */
export function personPair(m: Model, p: number, a: number, b: number, out: Conflict[]): void {
  const sa = m.start[a], ea = m.end[a], sb = m.start[b], eb = m.end[b];
  if (sa < eb && sb < ea) {
    if (!isOn(m, R.SPEAKER_OVERLAP)) return;
    const pid = m.personIds[p];
    out.push(pairConflict(m, R.SPEAKER_OVERLAP, a, b, `|${pid}`, [pid], pairRooms(m, a, b), intersection(m, a, b), null));
    return;
  }
  if (!isOn(m, R.SPEAKER_CHANGEOVER)) return;
  const [x, y] = ea <= sb ? [a, b] : [b, a];
  const rx = m.room[x];
  const ry = m.room[y];
  if (rx === ry) return;
  const gap = m.start[y] - m.end[x];
  const walk = walkMs(m, rx, ry);
  if (gap >= walk) return;
  const pid = m.personIds[p];
  out.push(pairConflict(m, R.SPEAKER_CHANGEOVER, a, b, `|${pid}`, [pid], pairRooms(m, a, b), { start: m.end[x], end: m.start[y] },
    { kind: "changeover", person: pid, gapMs: gap, walkMs: walk, from: m.end[x], to: m.start[y] }));
}

/** Two overlapping VALID sessions of the same theme. */
export function themePair(m: Model, a: number, b: number, out: Conflict[]): void {
  out.push(pairConflict(m, R.THEME_PARALLEL, a, b, "", NO_IDS, pairRooms(m, a, b), intersection(m, a, b), null));
}

/**
 * Two overlapping VALID sessions; reported when their people share an organisation. `onlyFor`
 * (an organisation index) reports the pair only when it is the lowest organisation they share.
 */
export function orgPair(m: Model, a: number, b: number, out: Conflict[], onlyFor = -1): void {
  const items = m.personItems;
  const aFrom = m.personStart[a];
  const aTo = aFrom + m.personCount[a];
  const bFrom = m.personStart[b];
  const bTo = bFrom + m.personCount[b];
  // Count first, then fill an array of the exact size (thousands of pairs at F10).
  let shared = 0;
  let lowest = -1;
  for (let x = aFrom; x < aTo; x++) {
    const ox = orgOf(m, items[x]);
    if (ox < 0) continue;
    for (let y = bFrom; y < bTo; y++) {
      if (orgOf(m, items[y]) === ox) {
        shared++;
        if (lowest < 0 || ox < lowest) lowest = ox;
      }
    }
  }
  if (shared === 0 || (onlyFor >= 0 && onlyFor !== lowest)) return;
  const people = new Array<string>(2 * shared);
  let w = 0;
  for (let x = aFrom; x < aTo; x++) {
    const ox = orgOf(m, items[x]);
    if (ox < 0) continue;
    for (let y = bFrom; y < bTo; y++) {
      if (orgOf(m, items[y]) === ox) {
        people[w++] = m.personIds[items[x]];
        people[w++] = m.personIds[items[y]];
      }
    }
  }
  out.push(pairConflict(m, R.ORGANISATION_PARALLEL, a, b, "", sortedDistinct(people), pairRooms(m, a, b), intersection(m, a, b), null));
}

/** Person p has `sessions` (VALID, distinct, all starting on local date `date`): too many? */
export function dailyLoad(m: Model, p: number, date: string, sessions: number[], out: Conflict[]): void {
  if (sessions.length <= m.dailyLimit) return;
  const pid = m.personIds[p];
  const snap = sessions.map((i) => m.sessions[i]).sort((a, b) => (a.id < b.id ? -1 : 1));
  let start = Infinity;
  let end = -Infinity;
  const rooms: string[] = [];
  for (const i of sessions) {
    if (m.start[i] < start) start = m.start[i];
    if (m.end[i] > end) end = m.end[i];
    rooms.push(m.rooms[m.room[i]].id);
  }
  out.push(makeConflict(m, R.SPEAKER_DAILY_LOAD, `SPEAKER_DAILY_LOAD|${pid}|${date}`, snap.map((s) => s.id), [pid],
    sortedDistinct(rooms), { start, end }, snap, null, { kind: "load", person: pid, date, limit: m.dailyLimit }));
}

export type { MessageDetail };
