// The fast solver: constructive placement (most constrained session first, best of its
// feasible places), then local search (relocate a session; place an unplaced one by moving the
// one session in its way). Every change it keeps or weighs goes through the conflict engine's
// incremental checker, so a placement never adds a `block` or `error` conflict.
import { firstOverlap, union } from "~/domain/conflicts/intervals";
import { checkProgramme, createChecker, type Change, type Checker, type Conflict } from "~/domain/conflicts";
import { WEIGHTS, conflictTerm, conflictWeight, round, totalOf } from "./objective";
import { buildProblem, candidatesOf, placementRules, roomAdmits, startsIn, unaryCost, type Candidate, type Problem } from "./problem";
import { reasonMessage } from "./reasons";
import type { ObjectiveTerms, Plan, PlannedPlacement, ProgrammeInput, ScheduleOptions, Unplaced, UnplacedReason } from "./types";

/** A small seeded generator (mulberry32): the same seed gives the same plan. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Place = { room: number; start: number; end: number };
type Group = { room: number; grid: boolean; cost: number; starts: number[] | null; offset: number };

/** How many feasible places the constructive step weighs with the checker before choosing. */
const WEIGH = 8;
/** How many checker previews one placement may spend before the session is declared unplaceable. */
const PREVIEW_BUDGET = 400;

export class Search {
  readonly p: Problem;
  readonly checker: Checker;
  readonly rand: () => number;
  /** Current placement of every session (null: unplaced). */
  readonly at: (Place | null)[];
  readonly roomSessions: Set<number>[];
  readonly personSessions: Set<number>[];
  readonly candidates = new Map<number, Candidate[]>();
  readonly groups = new Map<number, Group[]>();
  readonly census = new Map<number, { rooms: number; open: number }>();
  /** Sessions that keep a block or error conflict wherever they go. */
  readonly standing = new Map<number, Conflict>();
  /** The last blocking conflict met while trying to place a session. */
  readonly lastRefusal = new Map<number, Conflict>();
  conflictWeight = 0;
  readonly baseWeight: number;

  constructor(input: ProgrammeInput, options: ScheduleOptions) {
    this.p = buildProblem(input, options);
    const p = this.p;
    this.rand = prng(options.seed ?? 1);
    this.checker = createChecker(input);
    const baseConflicts = checkProgramme(p.base);
    this.baseWeight = conflictTerm([], baseConflicts, placementRules);
    for (const c of this.checker.conflicts()) this.conflictWeight += conflictWeight(c, placementRules);
    this.at = input.sessions.map((s) =>
      s.status !== "cancelled" && s.roomId !== null && s.start !== null && s.end !== null && p.roomIndex.has(s.roomId) && s.end > s.start
        ? { room: p.roomIndex.get(s.roomId)!, start: s.start, end: s.end }
        : null,
    );
    this.roomSessions = input.rooms.map(() => new Set());
    this.personSessions = input.people.map(() => new Set());
    this.at.forEach((a, i) => a && this.join(i, a));
    // Block and error conflicts that follow a session wherever it goes (declined people, roles, unknown people).
    const movable = new Set(p.movable.map((i) => input.sessions[i].id));
    for (const c of baseConflicts) {
      if ((c.level !== "block" && c.level !== "error") || c.acknowledged || c.sessions.length !== 1 || !movable.has(c.sessions[0])) continue;
      const placementDependent = placementRules.has(c.rule) && !(c.rule === "SPEAKER_UNAVAILABLE" && c.people.some((id) => !p.personIndex.has(id)));
      if (placementDependent) continue;
      const i = p.movable.find((k) => input.sessions[k].id === c.sessions[0])!;
      if (!this.standing.has(i)) this.standing.set(i, c);
    }
  }

  private join(i: number, a: Place): void {
    this.roomSessions[a.room].add(i);
    for (const q of this.p.peopleOf[i]) this.personSessions[q].add(i);
  }

  private leave(i: number, a: Place): void {
    this.roomSessions[a.room].delete(i);
    for (const q of this.p.peopleOf[i]) this.personSessions[q].delete(i);
  }

  /** Every candidate of session i (used for unplaced sessions: ejection and reasons). */
  candidatesFor(i: number): Candidate[] {
    let list = this.candidates.get(i);
    if (!list) {
      const census = candidatesOf(this.p, i);
      list = census.candidates;
      this.candidates.set(i, list);
      this.census.set(i, { rooms: census.rooms, open: census.open });
    }
    return list;
  }

  /**
   * Session i's places grouped by room and grid/free time, cheapest group first (the cost of
   * the placement alone; ties broken by the seed). A group's starts are listed when first needed,
   * beginning at a seeded offset so that equal places spread over the day.
   */
  groupsOf(i: number): Group[] {
    let groups = this.groups.get(i);
    if (!groups) {
      const { p } = this;
      groups = [];
      const d = p.duration[i];
      for (let r = 0; r < p.input.rooms.length; r++) {
        if (!roomAdmits(p, i, r)) continue;
        for (const grid of [true, false]) {
          if (grid && p.slotStarts[r].size === 0) continue;
          const probe = { room: r, start: NaN, end: NaN, grid };
          const o = p.original.get(i);
          // The moved penalty is judged per start later; here the group's cost is the room's fit and the grid.
          const cost = unaryCost(p, i, o && o.room === r ? { ...probe, start: o.start, end: o.start + d } : probe) + this.rand() * 1e-3;
          groups.push({ room: r, grid, cost, starts: null, offset: this.rand() });
        }
      }
      groups.sort((x, y) => x.cost - y.cost);
      this.groups.set(i, groups);
    }
    return groups;
  }

  startsOf(i: number, g: Group): number[] {
    if (!g.starts) {
      const list = startsIn(this.p, i, g.room, g.grid);
      const k = Math.floor(g.offset * list.length);
      g.starts = [...list.slice(k), ...list.slice(0, k)];
    }
    return g.starts;
  }

  /** The sessions (other than i) in the way of i at c, by room and people overlap when those rules are hard. */
  blockers(i: number, c: Place, out: Set<number>): void {
    const { p } = this;
    if (p.blocking("ROOM_OVERLAP")) {
      for (const j of this.roomSessions[c.room]) {
        const a = this.at[j]!;
        if (j !== i && a.start < c.end && c.start < a.end) out.add(j);
      }
    }
    if (p.blocking("SPEAKER_OVERLAP")) {
      for (const q of p.peopleOf[i]) {
        for (const j of this.personSessions[q]) {
          const a = this.at[j]!;
          if (j !== i && a.start < c.end && c.start < a.end) out.add(j);
        }
      }
    }
  }

  isFree(i: number, c: Place): boolean {
    const { p } = this;
    if (p.blocking("ROOM_OVERLAP")) {
      for (const j of this.roomSessions[c.room]) {
        const a = this.at[j]!;
        if (j !== i && a.start < c.end && c.start < a.end) return false;
      }
    }
    if (p.blocking("SPEAKER_OVERLAP")) {
      for (const q of p.peopleOf[i]) {
        for (const j of this.personSessions[q]) {
          const a = this.at[j]!;
          if (j !== i && a.start < c.end && c.start < a.end) return false;
        }
      }
    }
    return true;
  }

  private changeTo(i: number, c: Place | null): Change {
    const id = this.p.input.sessions[i].id;
    if (!c) return { kind: "unschedule", sessionId: id };
    return { kind: this.at[i] ? "move" : "place", sessionId: id, roomId: this.p.input.rooms[c.room].id, start: c.start, end: c.end };
  }

  /** The objective's change if session i went to c (null: unplaced), or null when that adds a block or error conflict. */
  weigh(i: number, c: Candidate | null): number | null {
    const { appeared, disappeared } = this.checker.preview(this.changeTo(i, c));
    let delta = 0;
    for (const x of appeared) {
      if ((x.level === "block" || x.level === "error") && c) {
        this.lastRefusal.set(i, x);
        return null;
      }
      delta += conflictWeight(x, placementRules);
    }
    for (const x of disappeared) delta -= conflictWeight(x, placementRules);
    const now = this.at[i];
    if (now) delta -= unaryCost(this.p, i, { ...now, grid: this.p.slotStarts[now.room].has(now.start) }) - WEIGHTS.unplaced;
    if (c) delta += unaryCost(this.p, i, c) - WEIGHTS.unplaced;
    return delta;
  }

  /** Commits session i to c (null: unplaced), through the checker. */
  commit(i: number, c: Place | null): void {
    const change = this.changeTo(i, c);
    const { appeared, disappeared } = this.checker.preview(change);
    for (const x of appeared) this.conflictWeight += conflictWeight(x, placementRules);
    for (const x of disappeared) this.conflictWeight -= conflictWeight(x, placementRules);
    this.checker.apply(change);
    const now = this.at[i];
    if (now) this.leave(i, now);
    this.at[i] = c ? { room: c.room, start: c.start, end: c.end } : null;
    if (c) this.join(i, c);
  }

  /** The best feasible place for session i among its free candidates (weighing up to WEIGH of them), or null. */
  bestPlace(i: number, exclude?: Place): Candidate | null {
    const d = this.p.duration[i];
    let best: Candidate | null = null;
    let bestDelta = Infinity;
    let feasible = 0;
    let previews = 0;
    const peopleBusy = this.p.blocking("SPEAKER_OVERLAP") ? this.busyOf(i, this.p.peopleOf[i].flatMap((q) => [...this.personSessions[q]])) : [];
    for (const g of this.groupsOf(i)) {
      if (feasible >= WEIGH || previews >= PREVIEW_BUDGET) break;
      const roomBusy = this.p.blocking("ROOM_OVERLAP") ? this.busyOf(i, this.roomSessions[g.room]) : [];
      const busy = union([...roomBusy, ...peopleBusy]);
      for (const t of this.startsOf(i, g)) {
        if (feasible >= WEIGH || previews >= PREVIEW_BUDGET) break;
        if (exclude && g.room === exclude.room && t === exclude.start) continue;
        if (firstOverlap(busy, t, t + d) >= 0) continue;
        const c = { room: g.room, start: t, end: t + d, grid: g.grid };
        previews++;
        const delta = this.weigh(i, c);
        if (delta === null) continue;
        feasible++;
        if (delta < bestDelta) {
          bestDelta = delta;
          best = c;
        }
      }
    }
    return best;
  }

  /** The intervals of the sessions (other than i) among `sessions`. */
  private busyOf(i: number, sessions: Iterable<number>): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    for (const j of sessions) if (j !== i) out.push(this.at[j]!);
    return out;
  }

  placedCount(): number {
    let n = 0;
    for (const i of this.p.movable) if (this.at[i]) n++;
    return n;
  }

  terms(): ObjectiveTerms {
    const { p } = this;
    let fit = 0;
    let freeTime = 0;
    let moved = 0;
    let unplaced = 0;
    for (const i of p.movable) {
      const a = this.at[i];
      if (!a) {
        unplaced += WEIGHTS.unplaced;
        continue;
      }
      const s = p.input.sessions[i];
      const capacity = p.input.rooms[a.room].capacity;
      if (capacity !== null && s.expectedAudience !== null && capacity > 0 && s.expectedAudience > 0) {
        fit += (WEIGHTS.fit * Math.abs(capacity - s.expectedAudience)) / Math.max(capacity, s.expectedAudience);
      }
      if (p.slotStarts[a.room].size > 0 && !p.slotStarts[a.room].has(a.start)) freeTime += WEIGHTS.freeTime;
      const o = p.original.get(i);
      if (o && (o.room !== a.room || o.start !== a.start || o.end !== a.end)) moved += WEIGHTS.moved;
    }
    return { unplaced, conflicts: round(this.conflictWeight - this.baseWeight), fit: round(fit), freeTime, moved };
  }

  objective(): number {
    return totalOf(this.terms());
  }

  /** Why session i has no place: the first rule, in the order a person would look, that leaves nothing. */
  reasonFor(i: number): UnplacedReason {
    const { p } = this;
    const s = p.input.sessions[i];
    const standing = this.standing.get(i);
    if (standing) return { kind: "standing", rule: standing.rule, message: standing.message };
    const list = this.candidatesFor(i);
    const census = this.census.get(i)!;
    const format = s.formatId ? p.input.formats.find((f) => f.id === s.formatId) : undefined;
    const features = p.blocking("ROOM_FEATURES") ? [...(format?.requiredFeatures ?? [])] : [];
    const people = p.peopleOf[i].length;
    if (census.rooms === 0) {
      return { kind: "noRoom", features, audience: p.blocking("ROOM_CAPACITY") ? s.expectedAudience : null };
    }
    if (census.open === 0) return { kind: "closed", features };
    if (list.length === 0) return { kind: "unavailable", features, people };
    const refusal = this.lastRefusal.get(i);
    if (list.some((c) => this.isFree(i, c)) && refusal) return { kind: "conflict", rule: refusal.rule, message: refusal.message };
    return { kind: "busy", features, people };
  }
}

/** Constructive placement: sessions with the fewest places first, then the most people, then the longest. */
export function construct(search: Search): void {
  const { p } = search;
  const todo = p.movable.filter((i) => !search.at[i] && !search.standing.has(i));
  const key = new Map(todo.map((i) => [i, constraintOf(p, i)]));
  todo.sort(
    (a, b) => key.get(a)! - key.get(b)! || p.peopleOf[b].length - p.peopleOf[a].length || p.duration[b] - p.duration[a] || a - b,
  );
  for (const i of todo) {
    const c = search.bestPlace(i);
    if (c) search.commit(i, c);
  }
}

/** How free a session is, cheaply: open hours of the rooms that suit it × the share of the edition its least available person has. */
function constraintOf(p: Problem, i: number): number {
  const days = p.day ? [p.day] : p.input.edition.days;
  const within = (flat: Float64Array) => {
    let covered = 0;
    for (let k = 0; k < flat.length; k += 2) for (const d of days) covered += Math.max(0, Math.min(flat[k + 1], d.end) - Math.max(flat[k], d.start));
    return covered;
  };
  let hours = 0;
  for (let r = 0; r < p.input.rooms.length; r++) if (roomAdmits(p, i, r)) hours += within(p.windows[r]);
  let total = 0;
  for (const d of days) total += d.end - d.start;
  let share = 1;
  for (const q of p.peopleOf[i]) {
    if (p.availability[q].length > 0) share = Math.min(share, total > 0 ? within(p.availability[q]) / total : 0);
  }
  return hours * share;
}

/** Local search: relocations that lower the objective, and placing an unplaced session by moving the one in its way. */
export function improve(search: Search, options: ScheduleOptions): void {
  const { p, rand } = search;
  const movable = p.movable.filter((i) => !search.standing.has(i));
  if (movable.length === 0) return;
  // First, every session the construction left out gets one ejection attempt, in order.
  for (const u of movable) if (!search.at[u] && options.outOfTime?.() !== true) eject(search, u);
  const budget = (options.effort ?? 20) * movable.length;
  for (let step = 0; step < budget; step++) {
    if (options.outOfTime?.() === true) return;
    const unplaced = movable.filter((i) => !search.at[i]);
    if (unplaced.length > 0 && step % 2 === 0) {
      const u = unplaced[Math.floor(rand() * unplaced.length)];
      eject(search, u);
      continue;
    }
    const i = movable[Math.floor(rand() * movable.length)];
    const now = search.at[i];
    if (!now) continue;
    relocate(search, i);
  }
}

/** Tries a dozen random free places for session i and keeps the best one that lowers the objective. */
function relocate(search: Search, i: number): void {
  const groups = search.groupsOf(i);
  const now = search.at[i]!;
  const d = search.p.duration[i];
  let best: Candidate | null = null;
  let bestDelta = -1e-9;
  for (let k = 0; k < 12 && groups.length > 0; k++) {
    const g = groups[Math.floor(search.rand() * groups.length)];
    const starts = search.startsOf(i, g);
    if (starts.length === 0) continue;
    const t = starts[Math.floor(search.rand() * starts.length)];
    const c = { room: g.room, start: t, end: t + d, grid: g.grid };
    if ((c.room === now.room && c.start === now.start) || !search.isFree(i, c)) continue;
    const delta = search.weigh(i, c);
    if (delta !== null && delta < bestDelta) {
      bestDelta = delta;
      best = c;
    }
  }
  if (best) search.commit(i, best);
}

/** Places unplaced session u where one or two movable sessions are in the way, if they find other places. */
function eject(search: Search, u: number): void {
  const { p } = search;
  const movable = new Set(p.movable);
  const list = search.candidatesFor(u);
  const start = Math.floor(search.rand() * Math.max(1, list.length));
  let tries = 0;
  for (let k = 0; k < list.length && tries < 20; k++) {
    const c = list[(start + k) % list.length];
    const inWay = new Set<number>();
    search.blockers(u, c, inWay);
    if (inWay.size === 0 || inWay.size > 2) continue;
    const others = [...inWay];
    if (others.some((v) => !movable.has(v) || search.standing.has(v))) continue;
    tries++;
    const before = search.objective();
    const back = others.map((v) => search.at[v]!);
    for (const v of others) search.commit(v, null);
    if (search.weigh(u, c) !== null) {
      search.commit(u, c);
      others.forEach((v, m) => {
        const other = search.bestPlace(v, back[m]);
        if (other) search.commit(v, other);
      });
      if (search.objective() < before - 1e-9) return;
      // Worse: put them all back as they were.
      for (const v of others) if (search.at[v]) search.commit(v, null);
      search.commit(u, null);
    }
    others.forEach((v, m) => search.commit(v, back[m]));
  }
}

export function planOf(search: Search): Plan {
  const { p } = search;
  const placements: PlannedPlacement[] = [];
  const unplaced: Unplaced[] = [];
  for (const i of p.movable) {
    const s = p.input.sessions[i];
    const a = search.at[i];
    const o = p.original.get(i);
    if (a) {
      if (o && o.room === a.room && o.start === a.start && o.end === a.end) continue;
      placements.push({
        sessionId: s.id,
        roomId: p.input.rooms[a.room].id,
        start: a.start,
        end: a.end,
        from: o ? { roomId: p.input.rooms[o.room].id, start: o.start, end: o.end } : null,
      });
    } else {
      const reason = search.reasonFor(i);
      unplaced.push({ sessionId: s.id, reason, message: reasonMessage(reason) });
    }
  }
  const terms = search.terms();
  return { placements, unplaced, objective: totalOf(terms), terms };
}

/** The fast solver: a plan for the sessions in scope, deterministic for a seed. */
export function scheduleFast(input: ProgrammeInput, options: ScheduleOptions = {}): Plan {
  const search = new Search(input, options);
  construct(search);
  improve(search, options);
  return planOf(search);
}
