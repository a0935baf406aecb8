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
  /** Sessions the construction did not reach before the time ran out. */
  readonly untried = new Set<number>();
  /** The last blocking conflict met while trying to place a session. */
  readonly lastRefusal = new Map<number, Conflict>();
  conflictWeight = 0;
  /** Checker previews spent so far (weighing, finding who is in the way, committing): the polish's budget is counted in them. */
  previews = 0;
  readonly baseWeight: number;
  /** The unary part of the objective (fit, free time, moved, 1000 per unplaced movable session), kept as sessions change. */
  unaryTotal = 0;
  /** Every commit since the search began (session, place before), so that a compound move can be undone. */
  readonly journal: { i: number; before: Place | null }[] = [];
  readonly indexOf = new Map<string, number>();
  readonly isMovable: Uint8Array;

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
    input.sessions.forEach((s, i) => this.indexOf.set(s.id, i));
    this.isMovable = new Uint8Array(input.sessions.length);
    for (const i of p.movable) {
      this.isMovable[i] = 1;
      this.unaryTotal += this.unaryOf(i, this.at[i]);
    }
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
    this.previews++;
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

  /** Session i's unary part of the objective at a (null: unplaced). */
  unaryOf(i: number, a: Place | null): number {
    if (!a) return WEIGHTS.unplaced;
    return unaryCost(this.p, i, { ...a, grid: this.p.slotStarts[a.room].has(a.start) });
  }

  /** Commits session i to c (null: unplaced), through the checker. */
  commit(i: number, c: Place | null): void {
    this.journal.push({ i, before: this.at[i] });
    if (this.isMovable[i]) this.unaryTotal += this.unaryOf(i, c) - this.unaryOf(i, this.at[i]);
    const change = this.changeTo(i, c);
    this.previews++;
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

  /** The objective, kept incrementally (equal to objective() up to rounding; both counted from the same parts). */
  current(): number {
    return this.conflictWeight - this.baseWeight + this.unaryTotal;
  }

  /** Undoes every commit after the journal's length `mark`, newest first. */
  undo(mark: number): void {
    while (this.journal.length > mark) {
      const { i, before } = this.journal.pop()!;
      this.commit(i, before);
      this.journal.pop();
    }
  }

  /**
   * The sessions in the way of session i at c: the others named by the block and error
   * conflicts the checker says that placement would add. Null when one of those conflicts
   * names i alone (nothing to move would free that place).
   */
  inTheWay(i: number, c: Place): number[] | null {
    const id = this.p.input.sessions[i].id;
    this.previews++;
    const { appeared } = this.checker.preview(this.changeTo(i, c));
    const out = new Set<number>();
    for (const x of appeared) {
      if (x.level !== "block" && x.level !== "error") continue;
      let other = false;
      for (const sid of x.sessions) {
        if (sid === id) continue;
        other = true;
        out.add(this.indexOf.get(sid)!);
      }
      if (!other) return null;
    }
    return [...out];
  }

  /** Why session i has no place: the first rule, in the order a person would look, that leaves nothing. */
  reasonFor(i: number): UnplacedReason {
    const { p } = this;
    const s = p.input.sessions[i];
    const standing = this.standing.get(i);
    if (standing) return { kind: "standing", rule: standing.rule, message: standing.message };
    if (this.untried.has(i)) return { kind: "untried" };
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
export function construct(search: Search, first: readonly number[] = [], outOfTime: () => boolean = () => false): boolean {
  const { p } = search;
  const todo = p.movable.filter((i) => !search.at[i] && !search.standing.has(i));
  const key = new Map(todo.map((i) => [i, constraintOf(p, i)]));
  const rank = new Map(first.map((i, k) => [i, k - first.length]));
  todo.sort(
    (a, b) =>
      (rank.get(a) ?? 0) - (rank.get(b) ?? 0) ||
      key.get(a)! - key.get(b)! ||
      p.peopleOf[b].length - p.peopleOf[a].length ||
      p.duration[b] - p.duration[a] ||
      a - b,
  );
  for (const [k, i] of todo.entries()) {
    if (outOfTime()) {
      for (const j of todo.slice(k)) search.untried.add(j);
      return false;
    }
    const c = search.bestPlace(i);
    if (c) search.commit(i, c);
  }
  return true;
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

/** Annealing steps per movable session when the options give no effort (types.ts: ScheduleOptions.effort). */
export const DEFAULT_EFFORT = 200;

/**
 * Local search, deterministic for the seed: first every unplaced session gets an ejection
 * chain (see eject); then `effort × sessions` steps of simulated annealing over relocations
 * (a session to another of its places), swaps (two sessions of one duration exchange places)
 * and ejections, every move judged by the checker's preview; the best plan met is kept.
 */
export function improve(search: Search, options: ScheduleOptions): void {
  const { p, rand } = search;
  const movable = p.movable.filter((i) => !search.standing.has(i));
  if (movable.length === 0) return;
  const outOfTime = () => options.outOfTime?.() === true;
  // Again while a pass places someone (a session placed late may free the way for one tried before it), with
  // shorter chains after the first pass.
  for (let pass = 0, progress = true; progress && pass < 3 && !outOfTime(); pass++) {
    progress = false;
    for (const u of movable) {
      if (!search.at[u] && !outOfTime() && (eject(search, u, pass === 0 ? 3 : 1, outOfTime) || repack(search, u, outOfTime))) progress = true;
    }
  }
  const budget = (options.effort ?? DEFAULT_EFFORT) * movable.length;
  if (budget === 0) return;
  let best = search.current();
  let bestAt = search.at.slice();
  const bestMark = () => {
    best = search.current();
    bestAt = search.at.slice();
  };
  // Temperatures from 2 (a changeover's fifth) down to 0.02, geometric over the steps.
  const t0 = 2;
  const t1 = 0.02;
  for (let step = 0; step < budget; step++) {
    if (step % 64 === 0 && outOfTime()) break;
    const temperature = t0 * Math.pow(t1 / t0, step / budget);
    const accept = (delta: number) => delta < 1e-9 || rand() < Math.exp(-delta / temperature);
    // Once per round of steps, the sessions still unplaced get another ejection chain (the places around them changed).
    if (step > 0 && step % (movable.length * 20) === 0) {
      for (const u of movable) if (!search.at[u] && !outOfTime()) eject(search, u, 1, outOfTime) || repack(search, u, outOfTime);
      if (search.current() < best - 1e-9) bestMark();
    }
    const i = movable[Math.floor(rand() * movable.length)];
    const before = search.current();
    const mark = search.journal.length;
    if (!search.at[i]) {
      continue;
    } else if (rand() < 0.5) {
      const c = randomPlace(search, i);
      if (!c || !search.isFree(i, c)) continue;
      const delta = search.weigh(i, c);
      if (delta === null || !accept(delta)) continue;
      search.commit(i, c);
    } else {
      const j = movable[Math.floor(rand() * movable.length)];
      const a = search.at[i];
      const b = search.at[j];
      if (j === i || !b || p.duration[i] !== p.duration[j] || (a!.room === b.room && a!.start === b.start)) continue;
      search.commit(i, null);
      search.commit(j, null);
      if (search.weigh(i, { ...b, grid: false }) === null) {
        search.undo(mark);
        continue;
      }
      search.commit(i, b);
      if (search.weigh(j, { ...a!, grid: false }) === null) {
        search.undo(mark);
        continue;
      }
      search.commit(j, a);
      if (!accept(search.current() - before)) search.undo(mark);
    }
    if (search.current() < best - 1e-9) bestMark();
  }
  // Back to the best plan met: unplace what differs, then place it as it was.
  const differs = movable.filter((i) => {
    const a = search.at[i];
    const b = bestAt[i];
    return a !== b && (!a || !b || a.room !== b.room || a.start !== b.start || a.end !== b.end);
  });
  for (const i of differs) if (search.at[i]) search.commit(i, null);
  for (const i of differs) if (bestAt[i]) search.commit(i, bestAt[i]);
  search.journal.length = 0;
  const limit = search.previews + (options.effort ?? DEFAULT_EFFORT) * POLISH_PREVIEWS;
  polish(search, movable, () => outOfTime() || search.previews > limit);
}

/** Passes of polish over every session at most (each pass ends early when nothing improved). */
const POLISH_PASSES = 8;
/** The polish's budget: this many checker previews per unit of effort (50,000 at the default effort), whatever the size. */
const POLISH_PREVIEWS = 250;

/**
 * Descent to a local optimum, after the annealing: each session tries every one of its
 * places; a free one is taken when the objective drops, and one where one or two movable
 * sessions are in the way is taken when they find places of their own and the whole drops.
 * In input order, pass after pass, until a pass improves nothing (or the time is spent).
 */
function polish(search: Search, movable: readonly number[], outOfTime: () => boolean): void {
  for (let pass = 0; pass < POLISH_PASSES; pass++) {
    let improved = false;
    for (const i of movable) {
      if (outOfTime()) return;
      const now = search.at[i];
      if (!now) continue;
      for (const [k, c] of search.candidatesFor(i).entries()) {
        if ((k & 31) === 31 && outOfTime()) return;
        const at = search.at[i]!;
        if (c.room === at.room && c.start === at.start) continue;
        if (search.isFree(i, c)) {
          const delta = search.weigh(i, c);
          if (delta !== null && delta < -1e-9) {
            search.commit(i, c);
            improved = true;
          }
          continue;
        }
        const inWay = search.inTheWay(i, c);
        if (!inWay || inWay.length === 0 || inWay.length > 2) continue;
        if (inWay.some((v) => !search.isMovable[v] || search.standing.has(v) || !search.at[v])) continue;
        const before = search.current();
        const mark = search.journal.length;
        const back = inWay.map((v) => search.at[v]!);
        for (const v of inWay) search.commit(v, null);
        if (search.weigh(i, c) === null) {
          search.undo(mark);
          continue;
        }
        search.commit(i, c);
        let ok = true;
        inWay.forEach((v, m) => {
          const other = ok ? search.bestPlace(v, back[m]) : null;
          if (other) search.commit(v, other);
          else ok = false;
        });
        if (ok && search.current() < before - 1e-9) improved = true;
        else search.undo(mark);
      }
    }
    // Nothing moved one or two at a time: a room's day packed again around each session.
    if (!improved) for (const i of movable) if (!outOfTime() && repack(search, i, outOfTime)) improved = true;
    search.journal.length = 0;
    if (!improved) return;
  }
}

/** One of session i's places, at random (a random room and grid/free time, then a random start). */
function randomPlace(search: Search, i: number): Candidate | null {
  const groups = search.groupsOf(i);
  if (groups.length === 0) return null;
  const g = groups[Math.floor(search.rand() * groups.length)];
  const starts = search.startsOf(i, g);
  if (starts.length === 0) return null;
  const t = starts[Math.floor(search.rand() * starts.length)];
  const now = search.at[i];
  if (now && now.room === g.room && now.start === t) return null;
  return { room: g.room, start: t, end: t + search.p.duration[i], grid: g.grid };
}

/**
 * An ejection chain for unplaced session u: at a place where at most three movable sessions
 * are in its way (the sessions the checker's blocking conflicts name), take them out, place
 * u, and place each of them again (its best place, or by a shorter chain of its own, `depth`
 * levels deep). Kept only when the objective drops; otherwise everything is undone.
 */
function eject(search: Search, u: number, depth: number, outOfTime: () => boolean): boolean {
  const list = search.candidatesFor(u);
  if (list.length === 0) return false;
  // Every place with the sessions in its way, fewest first (ties in a seeded order).
  const first = Math.floor(search.rand() * list.length);
  const options: { c: Candidate; inWay: number[]; order: number }[] = [];
  for (let k = 0; k < list.length; k++) {
    if (k % 32 === 0 && outOfTime()) return false;
    const c = list[(first + k) % list.length];
    const inWay = search.inTheWay(u, c);
    if (inWay === null) continue;
    if (inWay.length === 0) {
      // Free now (the places around it changed since): take it if it helps.
      const delta = search.weigh(u, c);
      if (delta !== null && delta < -1e-9) {
        search.commit(u, c);
        return true;
      }
      continue;
    }
    if (inWay.length > 4 || inWay.some((v) => !search.isMovable[v] || search.standing.has(v) || !search.at[v])) continue;
    options.push({ c, inWay, order: k });
  }
  options.sort((a, b) => a.inWay.length - b.inWay.length || a.order - b.order);
  for (const { c, inWay } of options.slice(0, depth > 1 ? 40 : 12)) {
    if (outOfTime()) return false;
    const before = search.current();
    const mark = search.journal.length;
    const back = inWay.map((v) => search.at[v]!);
    for (const v of inWay) search.commit(v, null);
    if (search.weigh(u, c) === null) {
      search.undo(mark);
      continue;
    }
    search.commit(u, c);
    inWay.forEach((v, m) => {
      const other = search.bestPlace(v, back[m]);
      if (other) search.commit(v, other);
      else if (depth > 1) eject(search, v, depth - 1, outOfTime);
    });
    if (search.current() < before - 1e-9) return true;
    search.undo(mark);
  }
  return false;
}

/** Most sessions a repack takes out of one room's day (beyond that, ejection chains are the move). */
const REPACK_MAX = 16;
/** Orders a repack tries: by deadline, by release, then seeded shuffles. */
const REPACK_ORDERS = 6;

/**
 * A room's day packed again, for an unplaced session u that ejection chains could not place
 * (a room whose free time is there but scattered): the movable sessions of that room on one
 * day of u's places are taken out, then u and they are put back one by one at the earliest
 * start each may take in the room (the checker judging every placement), in a few orders;
 * a session that no longer fits the room takes its best place elsewhere. Kept when the
 * objective drops (u placed, nobody left out); otherwise everything is undone.
 */
export function repack(search: Search, u: number, outOfTime: () => boolean): boolean {
  const { p } = search;
  const list = search.candidatesFor(u);
  const days = p.day ? [p.day] : p.input.edition.days;
  const tried = new Set<string>();
  for (const c of list) {
    const day = days.find((d) => c.start >= d.start && c.start < d.end);
    const key = `${c.room}|${day?.start}`;
    if (!day || tried.has(key)) continue;
    tried.add(key);
    // The movable sessions of the room that day (the others stay where they are).
    const inRoom = [...search.roomSessions[c.room]].filter((v) => {
      const a = search.at[v]!;
      return v !== u && search.isMovable[v] && !search.standing.has(v) && a.start < day.end && a.end > day.start;
    });
    if (inRoom.length === 0 || inRoom.length > REPACK_MAX) continue;
    const group = [u, ...inRoom].sort((a, b) => a - b);
    // Their people's other movable sessions that day, in other rooms: out too, then back at their best place.
    const aside = new Set<number>();
    for (const v of group) {
      for (const q of p.peopleOf[v]) {
        for (const w of search.personSessions[q]) {
          const a = search.at[w]!;
          if (w !== u && a.room !== c.room && search.isMovable[w] && !search.standing.has(w) && a.start < day.end && a.end > day.start) aside.add(w);
        }
      }
    }
    if (aside.size > REPACK_MAX) continue;
    const others = [...aside].sort((a, b) => search.candidatesFor(a).length - search.candidatesFor(b).length || a - b);
    // Each session's starts in this room on this day, earliest first.
    const starts = new Map(group.map((v) => [v, (v === u ? list : search.candidatesFor(v)).filter((x) => x.room === c.room && x.start >= day.start && x.start < day.end).sort((x, y) => x.start - y.start)]));
    if (starts.get(u)!.length === 0) continue;
    const release = (v: number) => starts.get(v)![0]?.start ?? Infinity;
    const deadline = (v: number) => starts.get(v)!.at(-1)?.end ?? Infinity;
    const orders = [
      [...group].sort((a, b) => deadline(a) - deadline(b) || release(a) - release(b) || p.duration[b] - p.duration[a] || a - b),
      [...group].sort((a, b) => release(a) - release(b) || deadline(a) - deadline(b) || p.duration[b] - p.duration[a] || a - b),
    ];
    for (let k = orders.length; k < REPACK_ORDERS; k++) {
      const o = [...group];
      for (let m = o.length - 1; m > 0; m--) {
        const n = Math.floor(search.rand() * (m + 1));
        [o[m], o[n]] = [o[n], o[m]];
      }
      orders.push(o);
    }
    for (const order of orders) for (const earliest of [true, false]) {
      if (outOfTime()) return false;
      const before = search.current();
      const mark = search.journal.length;
      for (const v of [...inRoom, ...others, u]) if (search.at[v]) search.commit(v, null);
      let ok = true;
      for (const v of [...order, ...others]) {
        let placed = false;
        // The earliest start the room allows (packing), or its cheapest.
        let pick: Candidate | null = null;
        let pickDelta = Infinity;
        for (const x of starts.get(v) ?? []) {
          if (!search.isFree(v, x)) continue;
          const delta = search.weigh(v, x);
          if (delta === null || delta >= pickDelta) continue;
          pick = x;
          pickDelta = delta;
          if (earliest) break;
        }
        if (pick) {
          search.commit(v, pick);
          placed = true;
        }
        if (!placed && v !== u) {
          const other = search.bestPlace(v);
          if (other) {
            search.commit(v, other);
            placed = true;
          }
        }
        if (!placed) {
          ok = false;
          break;
        }
      }
      if (ok && search.current() < before - 1e-9) return true;
      search.undo(mark);
    }
  }
  return false;
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
/** Rounds of "squeaky wheel" reconstruction while sessions stay unplaced: those left out go first next time. */
const ROUNDS = 6;

/** The fast solver: a plan for the sessions in scope, deterministic for a seed. */
export function scheduleFast(input: ProgrammeInput, options: ScheduleOptions = {}): Plan {
  const outOfTime = () => options.outOfTime?.() === true;
  const placeAll = (first: number[], keepPartial: boolean) => {
    const search = new Search(input, options);
    if (!construct(search, first, outOfTime) && !keepPartial) return null;
    improve(search, { ...options, effort: 0 });
    return search;
  };
  // The first construction's plan is kept even when the time runs out during it (the sessions it did not reach are
  // left unplaced, saying so); later rounds are dropped when the time runs out.
  let best = placeAll([], true)!;
  let order: number[] = [];
  for (let round = 0; round < ROUNDS && !outOfTime(); round++) {
    const left = best.p.movable.filter((i) => !best.at[i] && !best.standing.has(i) && best.candidatesFor(i).length > 0);
    if (left.length === 0) break;
    order = [...left, ...order.filter((i) => !left.includes(i))];
    const next = placeAll(order, false);
    if (next && next.current() < best.current() - 1e-9) best = next;
  }
  if (options.movePlaced) {
    // The plan that keeps placed sessions where they are is a start too: moving must do at least as well.
    const still = scheduleFast(input, { ...options, movePlaced: false });
    const replay = new Search(input, options);
    for (const pl of still.placements) {
      replay.commit(replay.indexOf.get(pl.sessionId)!, { room: replay.p.roomIndex.get(pl.roomId)!, start: pl.start, end: pl.end });
    }
    if (replay.current() < best.current() - 1e-9) best = replay;
  }
  improve(best, options);
  return planOf(best);
}
