// A plain, obviously-correct reference implementation of CONFLICTS.md: every rule checked
// pair by pair (O(n²)), local dates through time.ts, no indexes, no sweep. The engine must
// return exactly what this returns.
import { DEFAULT_LEVELS, RULES, fingerprintFor, type Conflict, type Interval, type Level, type ProgrammeInput, type RuleId, type SessionInput } from "~/domain/conflicts";
import { localDate } from "~/domain/time";

export type Plain = Omit<Conflict, "message">;

const SEVERITY: Level[] = ["block", "error", "warning", "info"];

/** The conflict without its message (not part of the comparison, and not built). */
export function plain(c: Conflict): Plain {
  const { rule, level, key, acknowledged, acknowledgementId, sessions, people, rooms, interval } = c;
  return { rule, level, key, acknowledged, acknowledgementId, sessions, people, rooms, interval };
}

export function orderOf(a: Plain, b: Plain): number {
  const la = SEVERITY.indexOf(a.level);
  const lb = SEVERITY.indexOf(b.level);
  if (la !== lb) return la - lb;
  const ra = RULES.indexOf(a.rule);
  const rb = RULES.indexOf(b.rule);
  if (ra !== rb) return ra - rb;
  const sa = a.interval ? a.interval.start : Infinity;
  const sb = b.interval ? b.interval.start : Infinity;
  if (sa !== sb) return sa < sb ? -1 : 1;
  // Then the sessions named, list against list (ids never hold U+0000, so joining keeps the order).
  const na = a.sessions.join("\u0000");
  const nb = b.sessions.join("\u0000");
  if (na !== nb) return na < nb ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

const uniqSorted = (xs: string[]) => [...new Set(xs)].sort();

function overlap(a: Interval, b: Interval) {
  return a.start < b.end && b.start < a.end;
}

/** Whether the union of windows covers [start, end): walk from start through windows containing the cursor. */
function covered(windows: Interval[], start: number, end: number): boolean {
  let t = start;
  while (t < end) {
    let next = -Infinity;
    for (const w of windows) if (w.start <= t && t < w.end && w.end > next) next = w.end;
    if (next === -Infinity) return false;
    t = next;
  }
  return true;
}

/** Merges overlapping or touching intervals. */
function merged(list: Interval[]): Interval[] {
  const sorted = list.filter((x) => x.end > x.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x.start <= last.end) last.end = Math.max(last.end, x.end);
    else out.push({ ...x });
  }
  return out;
}

export function oracle(input: ProgrammeInput): Plain[] {
  const { edition } = input;
  const level = (rule: RuleId): Level => edition.levels[rule] ?? DEFAULT_LEVELS[rule];
  const out: Plain[] = [];
  const emit = (rule: RuleId, key: string, sessions: string[], people: string[], rooms: string[], interval: Interval | null, malformed = false) => {
    let l = level(rule);
    if (malformed && (l === "off" || l === "warning" || l === "info")) l = "error";
    if (l === "off") return;
    let acknowledgementId: string | null = null;
    for (const ack of input.acknowledgements) {
      if (ack.rule === rule && ack.key === key && ack.fingerprint === fingerprintFor(input, { sessions })) {
        acknowledgementId = ack.id;
        break;
      }
    }
    out.push({ rule, level: l as Exclude<Level, "off">, key, acknowledged: acknowledgementId !== null, acknowledgementId, sessions, people, rooms, interval });
  };
  const room = (id: string | null) => input.rooms.find((r) => r.id === id);
  const format = (id: string | null) => input.formats.find((f) => f.id === id);
  const person = (id: string) => input.people.find((p) => p.id === id);
  const live = (s: SessionInput) => s.status !== "cancelled";
  const placed = (s: SessionInput) => live(s) && s.roomId !== null && s.start !== null && s.end !== null;
  const valid = (s: SessionInput) =>
    placed(s) && room(s.roomId) !== undefined && Number.isFinite(s.start) && Number.isFinite(s.end) && s.end! > s.start!;
  const iv = (s: SessionInput): Interval => ({ start: s.start!, end: s.end! });
  const personIds = (s: SessionInput) => [...new Set(s.people.map((p) => p.personId))];
  const main = edition.mainLanguage;
  const blank = (x: string | null | undefined) => !x || x.trim() === "";

  for (const s of input.sessions) {
    if (!live(s)) continue;
    const rooms = s.roomId === null ? [] : [s.roomId];
    const sIv = valid(s) ? iv(s) : null;
    if ((s.status === "accepted" || s.status === "scheduled") && !placed(s)) {
      emit("UNSCHEDULED", `UNSCHEDULED|${s.id}`, [s.id], [], rooms, null);
    }
    if (placed(s) && !room(s.roomId)) {
      const ok = Number.isFinite(s.start) && Number.isFinite(s.end) && s.end! > s.start!;
      emit("ROOM_CLOSED", `ROOM_CLOSED|${s.id}`, [s.id], [], rooms, ok ? iv(s) : null, true);
    }
    if (placed(s) && !(s.end! > s.start!)) {
      emit("FORMAT_DURATION", `FORMAT_DURATION|${s.id}`, [s.id], [], rooms, null, true);
    }
    for (const pid of personIds(s)) {
      const p = person(pid);
      const entries = s.people.filter((e) => e.personId === pid);
      if (!p) {
        emit("SPEAKER_UNAVAILABLE", `SPEAKER_UNAVAILABLE|${s.id}|${pid}`, [s.id], [pid], rooms, sIv, true);
        continue;
      }
      if (entries.some((e) => e.confirmation === "declined")) {
        emit("SPEAKER_DECLINED", `SPEAKER_DECLINED|${s.id}|${pid}`, [s.id], [pid], rooms, sIv);
      }
      if (valid(s) && entries.some((e) => e.confirmation === "pending" || e.confirmation === "must_reconfirm")) {
        emit("SPEAKER_UNCONFIRMED", `SPEAKER_UNCONFIRMED|${s.id}|${pid}`, [s.id], [pid], rooms, sIv);
      }
      if (valid(s) && p.availability.length > 0 && !covered(p.availability, s.start!, s.end!)) {
        emit("SPEAKER_UNAVAILABLE", `SPEAKER_UNAVAILABLE|${s.id}|${pid}`, [s.id], [pid], rooms, sIv);
      }
    }
    if (s.formatId !== null) {
      const f = format(s.formatId);
      if (!f) emit("FORMAT_ROLES", `FORMAT_ROLES|${s.id}`, [s.id], [], rooms, sIv, true);
      else if (f.roles.length > 0) {
        const roles = new Set([...f.roles.map((r) => r.role), ...s.people.map((e) => e.role)]);
        let bad = false;
        for (const role of roles) {
          const count = s.people.filter((e) => e.role === role).length;
          const spec = f.roles.find((r) => r.role === role) ?? { min: 0, max: 0 };
          if (count < spec.min || count > spec.max) bad = true;
        }
        if (bad) emit("FORMAT_ROLES", `FORMAT_ROLES|${s.id}`, [s.id], uniqSorted(s.people.map((e) => e.personId)), rooms, sIv);
      }
    }
    if (!valid(s)) continue;
    const r = room(s.roomId)!;
    for (const b of merged(r.blocked ?? [])) {
      if (overlap(b, iv(s))) {
        emit("ROOM_OVERLAP", `ROOM_OVERLAP|${s.id}|blocked:${r.id}:${b.start}-${b.end}`, [s.id], [], rooms,
          { start: Math.max(s.start!, b.start), end: Math.min(s.end!, b.end) });
      }
    }
    if (r.openingHours.length > 0 && !covered(r.openingHours, s.start!, s.end!)) {
      emit("ROOM_CLOSED", `ROOM_CLOSED|${s.id}`, [s.id], [], rooms, sIv);
    }
    if (r.capacity !== null && s.expectedAudience !== null && s.expectedAudience > r.capacity) {
      emit("ROOM_CAPACITY", `ROOM_CAPACITY|${s.id}`, [s.id], [], rooms, sIv);
    }
    const f = format(s.formatId);
    if (f && f.requiredFeatures.some((x) => !r.features.includes(x))) {
      emit("ROOM_FEATURES", `ROOM_FEATURES|${s.id}`, [s.id], [], rooms, sIv);
    }
    if (f && (s.end! - s.start! < f.minMinutes * 60_000 || s.end! - s.start! > f.maxMinutes * 60_000)) {
      emit("FORMAT_DURATION", `FORMAT_DURATION|${s.id}`, [s.id], [], rooms, sIv);
    }
    if (!edition.days.some((d) => d.start <= s.start! && s.start! < d.end)) {
      emit("OUTSIDE_EDITION", `OUTSIDE_EDITION|${s.id}`, [s.id], [], rooms, sIv);
    }
    if (s.isPublic) {
      const lacking = personIds(s)
        .map(person)
        .filter((p) => p && (blank(p.publicName) || blank(p.bio[main])))
        .map((p) => p!.id);
      if (blank(s.title[main]) || blank(s.abstract[main]) || lacking.length > 0) {
        emit("PUBLIC_INFO_MISSING", `PUBLIC_INFO_MISSING|${s.id}`, [s.id], uniqSorted(lacking), rooms, sIv);
      }
    }
  }

  const placedSessions = input.sessions.filter(valid);
  for (let x = 0; x < placedSessions.length; x++) {
    for (let y = x + 1; y < placedSessions.length; y++) {
      const a = placedSessions[x];
      const b = placedSessions[y];
      const ids = [a.id, b.id].sort();
      const key = ids.join(",");
      const rooms = uniqSorted([a.roomId!, b.roomId!]);
      const both = { start: Math.max(a.start!, b.start!), end: Math.min(a.end!, b.end!) };
      const overlapping = overlap(iv(a), iv(b));
      if (overlapping && a.roomId === b.roomId) emit("ROOM_OVERLAP", `ROOM_OVERLAP|${key}`, ids, [], [a.roomId!], both);
      if (overlapping && a.themeId !== null && a.themeId === b.themeId) emit("THEME_PARALLEL", `THEME_PARALLEL|${key}`, ids, [], rooms, both);
      if (overlapping) {
        const orgsOf = (s: SessionInput) => new Set(personIds(s).map((id) => person(id)?.organisationId ?? null).filter((o) => o !== null));
        const oa = orgsOf(a);
        const ob = orgsOf(b);
        const shared = [...oa].filter((o) => ob.has(o));
        if (shared.length > 0) {
          const people = [...personIds(a), ...personIds(b)].filter((id) => shared.includes(person(id)?.organisationId ?? "\u0000"));
          emit("ORGANISATION_PARALLEL", `ORGANISATION_PARALLEL|${key}`, ids, uniqSorted(people), rooms, both);
        }
      }
      for (const pid of personIds(a).filter((id) => personIds(b).includes(id))) {
        if (overlapping) {
          emit("SPEAKER_OVERLAP", `SPEAKER_OVERLAP|${key}|${pid}`, ids, [pid], rooms, both);
          continue;
        }
        const [first, second] = a.end! <= b.start! ? [a, b] : [b, a];
        if (first.roomId === second.roomId) continue;
        const walk = room(first.roomId)!.walkingMinutes[second.roomId!] ?? edition.changeoverMinutes;
        if (second.start! - first.end! < walk * 60_000) {
          emit("SPEAKER_CHANGEOVER", `SPEAKER_CHANGEOVER|${key}|${pid}`, ids, [pid], rooms, { start: first.end!, end: second.start! });
        }
      }
    }
  }

  const allPeople = uniqSorted(placedSessions.flatMap(personIds));
  for (const pid of allPeople) {
    const byDay = new Map<string, SessionInput[]>();
    for (const s of placedSessions) {
      if (!personIds(s).includes(pid)) continue;
      const date = localDate(s.start!, edition.timeZone);
      byDay.set(date, [...(byDay.get(date) ?? []), s]);
    }
    for (const [date, list] of byDay) {
      if (list.length <= edition.dailySessionLimit) continue;
      emit("SPEAKER_DAILY_LOAD", `SPEAKER_DAILY_LOAD|${pid}|${date}`, uniqSorted(list.map((s) => s.id)), [pid],
        uniqSorted(list.map((s) => s.roomId!)),
        { start: Math.min(...list.map((s) => s.start!)), end: Math.max(...list.map((s) => s.end!)) });
    }
  }
  return out.sort(orderOf);
}
