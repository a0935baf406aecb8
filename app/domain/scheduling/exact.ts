// The exact model: the same objective as a mixed-integer program, for instances small enough,
// solved by an injected solver (HiGHS through the `highs` package in the services and the
// bench; the domain imports no solver). Its plan goes through the same checker as the fast
// solver's before it is returned, so it never adds a block or error conflict either.
//
// Variables: x[s,c] = session s at candidate c (its feasible places, as the fast solver sees
// them); u[s] = s unplaced. Hard: each session once or unplaced; one session at a time per
// room and per person (a clique at every candidate start); hard changeovers, parallel themes
// and organisations and daily loads when their level is block or error. Soft terms: the
// unary part of each placement (fit, free time, moved, and every conflict it makes with the
// sessions that stay put, read from the checker), y[s,t] for a pair conflict between two
// movable sessions (theme, organisation, changeover), v[p,d] for a daily load.
//
// r[s,t] (continuous, = the sum of s's candidates running at instant t, one per distinct sum)
// stands for those sums in the person cliques and the parallel pairs: y ≥ r[s,t] + r[s',t] − 1
// has 3 terms where the sums had 30 or more (random-90: 3.0 M nonzeros → 0.74 M). A changeover
// row sums the partner's candidates in two windows the same way (see below), and w[g,t] bound
// the parallel pairs of a theme or organisation from below (cuts: valid for every plan, they
// only tighten the relaxation).
//
// The model goes to the solver as arrays (a MipModel: columns, a sparse matrix by rows, row
// bounds; see mip.ts), not as text: nothing to write or parse. What the solver does outside its
// own clock (taking the arrays and the start, late checks of its clock in presolve) is taken
// from the time it is given (reserveSeconds), and with less than a second left it is not called.
// See docs/decisions/0030-exact-model-size-and-time.md.
import { createChecker, type Conflict } from "~/domain/conflicts";
import { Search, planOf, scheduleFast } from "./fast";
import { MipBuilder, type MipModel } from "./mip";
import { WEIGHTS, conflictWeight } from "./objective";
import { buildProblem, candidatesOf, placementRules, unaryCost, type Candidate } from "./problem";
import type { Plan, ProgrammeInput, ScheduleOptions } from "./types";

export interface LpResult {
  Status: "Optimal" | "Time limit reached" | (string & {});
  ObjectiveValue?: number;
  /** The best lower bound the solver proved (a MIP's dual bound), when it reports one. */
  DualBound?: number;
  /** Every column's value, in the model's column order, when the solver has a feasible solution. */
  values?: ArrayLike<number>;
}
/**
 * Solves a MipModel. `start`: a value for every column, a feasible plan the solver starts from
 * (its MIP start), so that it returns at least as good a plan.
 */
export type LpSolver = (model: MipModel, options: { time_limit: number; mip_rel_gap?: number; start?: ArrayLike<number> }) => LpResult;

export interface ExactResult {
  plan: Plan;
  /** `optimal`: proven; `feasible`: the best found when the time ran out. */
  status: "optimal" | "feasible";
  /** The model's size, for the bench's notes. */
  variables: number;
  rows: number;
  nonzeros: number;
  /** The objective no plan can beat, as far as the solver proved (equals the plan's when optimal). */
  bound: number | null;
}

/**
 * The seconds to keep, out of the time given, for what the solver does outside its
 * `time_limit`: copying the arrays in and taking the starting solution before its clock
 * starts (HiGHS: 0.3 s per million nonzeros on the shared 2-core machine when quiet), its
 * late clock checks and answer (0.2 s over its limit at most, 60–120 sessions and the seed),
 * and committing its plan through the checker: 0.6 s in all at random-120 (0.92 M nonzeros).
 * Twice that, for a loaded machine. See ADR 0030.
 */
export function reserveSeconds(nonzeros: number): number {
  return 0.5 + (0.8 * nonzeros) / 1e6;
}
/** Below this many seconds left for the solve itself, the exact model is not given to the solver (no plan, as when the time ran out). */
const MIN_SOLVE_SECONDS = 1;

const levelWeight = (level: string) => (level === "warning" ? WEIGHTS.warning : level === "info" ? WEIGHTS.info : 0);

/** One row of a pair variable: y ≥ Σ plus − Σ minus − 1. */
interface PairRow {
  plus: number[];
  minus: number[];
}

/**
 * The exact model. `start` (default: the fast solver's plan for the same options) is given to
 * the solver as its starting solution, so the result is never worse than it. `timeLimit`: the
 * solver's seconds, or a function giving the seconds left, read once the model is built (so
 * that building it counts against the organiser's time limit); `options.outOfTime` stops the
 * building (null: no plan in time).
 */
export function scheduleExact(
  input: ProgrammeInput,
  options: ScheduleOptions,
  solve: LpSolver,
  timeLimit: number | (() => number),
  start?: Pick<Plan, "placements">,
): ExactResult | null {
  const built = buildExactModel(input, options, start);
  if (built === null) return null;
  const { model, search, movable, xs, startValues } = built;
  const size = { variables: model.numCols, rows: model.numRows, nonzeros: model.matrix.indices.length };
  if (movable.length === 0) return { plan: planOf(search), status: "optimal", ...size, bound: search.objective() };

  const seconds = (typeof timeLimit === "number" ? timeLimit : timeLimit()) - reserveSeconds(size.nonzeros);
  if (seconds < MIN_SOLVE_SECONDS || options.outOfTime?.() === true) return null;
  const result = solve(model, { time_limit: seconds, mip_rel_gap: 0, start: startValues });
  const values = result.values;
  if (!values || (result.Status !== "Optimal" && !(result.Status === "Time limit reached" && Number.isFinite(result.ObjectiveValue)))) return null;
  // Commit the model's placements through the checker (in input order), then report like the fast solver.
  for (const i of movable) if (search.at[i]) search.commit(i, null);
  for (const i of movable) {
    const chosen = xs.get(i)!.find(({ col }) => values[col]! > 0.5);
    if (chosen && search.weigh(i, chosen.c) !== null) search.commit(i, chosen.c);
  }
  const plan = planOf(search);
  const optimal = result.Status === "Optimal";
  return { plan, status: optimal ? "optimal" : "feasible", ...size, bound: optimal ? plan.objective : (result.DualBound ?? null) };
}

/**
 * The exact model as arrays, with every column valued at the starting plan (`start`, default:
 * the fast solver's). Null when `options.outOfTime` says the time ran out while building it.
 */
export function buildExactModel(input: ProgrammeInput, options: ScheduleOptions, start?: Pick<Plan, "placements">) {
  const p = buildProblem(input, options);
  const search = new Search(input, { ...options, effort: 0 });
  const checker = createChecker(p.base);
  const lvl = p.levels;
  const movable = p.movable.filter((i) => !search.standing.has(i));

  // Candidates that add no block or error conflict against the sessions that stay put, with their unary cost.
  const cands = new Map<number, { c: Candidate; cost: number }[]>();
  const outOfTime = () => options.outOfTime?.() === true;
  for (const i of movable) {
    if (outOfTime()) return null;
    const id = input.sessions[i].id;
    const list: { c: Candidate; cost: number }[] = [];
    for (const c of candidatesOf(p, i).candidates) {
      const { appeared, disappeared } = checker.preview({ kind: "place", sessionId: id, roomId: input.rooms[c.room].id, start: c.start, end: c.end });
      if (appeared.some((x) => x.level === "block" || x.level === "error")) continue;
      const w = (xs: Conflict[]) => xs.reduce((sum, x) => sum + (x.rule === "SPEAKER_DAILY_LOAD" ? 0 : conflictWeight(x, placementRules)), 0);
      list.push({ c, cost: unaryCost(p, i, c) + w(appeared) - w(disappeared) });
    }
    cands.set(i, list);
  }

  const mip = new MipBuilder();
  /** Session i's candidates with their columns x[i,k]; u[i] its unplaced column. */
  const xs = new Map<number, { c: Candidate; col: number }[]>();
  const unplaced = new Map<number, number>();
  for (const i of movable) {
    const cols = cands.get(i)!.map(({ c, cost }, k) => ({ c, col: mip.col(`x${i}_${k}`, { cost, integer: true }) }));
    const u = mip.col(`u${i}`, { cost: WEIGHTS.unplaced });
    xs.set(i, cols);
    unplaced.set(i, u);
    for (const { col } of cols) mip.add(col);
    mip.add(u);
    mip.endRow(1, 1);
  }
  const x = (i: number, k: number) => xs.get(i)![k]!.col;

  // The instants where something may start, and for each session the candidates running at each of them.
  const points = [...new Set(movable.flatMap((i) => cands.get(i)!.map(({ c }) => c.start)))].sort((a, b) => a - b);
  const firstPoint = (t: number) => {
    let lo = 0;
    let hi = points.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (points[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** runAt.get(i).get(t): session i's candidates (columns) running at instant t. */
  const runAt = new Map<number, Map<number, number[]>>();
  /** Per room, the candidates running at each instant, and the instants where one of them starts. */
  const roomAt = input.rooms.map(() => new Map<number, number[]>());
  const roomStarts = input.rooms.map(() => new Set<number>());
  const startsOf = new Map<number, Set<number>>();
  for (const i of movable) {
    const at = new Map<number, number[]>();
    const own = new Set<number>();
    cands.get(i)!.forEach(({ c }, k) => {
      own.add(c.start);
      roomStarts[c.room].add(c.start);
      for (let m = firstPoint(c.start); m < points.length && points[m] < c.end; m++) {
        const t = points[m];
        const list = at.get(t);
        if (list) list.push(x(i, k));
        else at.set(t, [x(i, k)]);
        const r = roomAt[c.room].get(t);
        if (r) r.push(x(i, k));
        else roomAt[c.room].set(t, [x(i, k)]);
      }
    });
    runAt.set(i, at);
    startsOf.set(i, own);
  }

  /** One row Σ ≤ 1 per distinct clique: the terms running at each start (intervals overlap iff one starts while the other runs). */
  const cliques = (starts: Iterable<number>, termsAt: (t: number) => number[] | undefined) => {
    const seen = new Set<string>();
    for (const t of starts) {
      const terms = termsAt(t);
      if (!terms || terms.length < 2) continue;
      const key = terms.join(" ");
      if (seen.has(key)) continue;
      seen.add(key);
      mip.addAll(terms).endRow(-Infinity, 1);
    }
  };
  // One session at a time per room and per person.
  if (p.blocking("ROOM_OVERLAP")) input.rooms.forEach((_, r) => cliques(roomStarts[r], (t) => roomAt[r].get(t)));
  const sessionsOf = new Map<number, number[]>();
  for (const i of movable) for (const q of p.peopleOf[i]) sessionsOf.set(q, [...(sessionsOf.get(q) ?? []), i]);
  // r[i,t] = Σ of session i's candidates running at instant t (continuous, defined by an
  // equality row, one per distinct set): the person cliques and the overlap pairs read it
  // instead of repeating the candidates in each of their rows.
  const running = new Map<string, number>();
  /** The terms each r column stands for (to value it in the starting solution). */
  const runningTerms: { col: number; terms: number[] }[] = [];
  const runningOf = (i: number, t: number): number | null => {
    const terms = runAt.get(i)!.get(t);
    return terms ? sumOf(terms) : null;
  };
  /** A column equal to the sum of these candidates (of one session, so at most 1): itself for one. */
  const sumOf = (terms: number[]): number => {
    if (terms.length === 1) return terms[0]!;
    const key = terms.join(" ");
    const known = running.get(key);
    if (known !== undefined) return known;
    const r = mip.col(`r${runningTerms.length}`);
    running.set(key, r);
    runningTerms.push({ col: r, terms });
    mip.add(r).addAll(terms, -1).endRow(0, 0);
    return r;
  };
  if (p.blocking("SPEAKER_OVERLAP")) {
    for (const list of sessionsOf.values()) {
      if (list.length < 2) continue;
      const starts = new Set<number>();
      for (const i of list) for (const t of startsOf.get(i)!) starts.add(t);
      cliques(starts, (t) => {
        const there = list.filter((i) => runAt.get(i)!.has(t));
        return there.length < 2 ? undefined : there.map((i) => runningOf(i, t)!);
      });
    }
  }

  // Pairs of movable sessions: parallel themes and organisations (overlap), changeovers (shared people).
  const walkBetween = (a: number, b: number) => (input.rooms[a].walkingMinutes[input.rooms[b].id] ?? input.edition.changeoverMinutes) * 60_000;
  let longestWalk = 0;
  for (let a = 0; a < input.rooms.length; a++) for (let b = 0; b < input.rooms.length; b++) if (a !== b) longestWalk = Math.max(longestWalk, walkBetween(a, b));
  /** Each pair column y ≥ Σ(row) − 1 for each of its rows (a pair conflict), with its rows kept to value a start. */
  const pairs: { col: number; rows: PairRow[] }[] = [];
  const pairVar = (rowsOf: PairRow[], weight: number, hard: boolean): number | null => {
    if (rowsOf.length === 0) return null;
    const y = mip.col(`y${pairs.length}`, hard ? { upper: 0 } : { cost: weight });
    pairs.push({ col: y, rows: rowsOf });
    for (const { plus, minus } of rowsOf) mip.add(y).addAll(plus, -1).addAll(minus, 1).endRow(-1, Infinity);
    return y;
  };
  const overlapPair = (i: number, j: number, weight: number, hard: boolean) => {
    const rowsOf: PairRow[] = [];
    const seen = new Set<string>();
    for (const t of new Set([...startsOf.get(i)!, ...startsOf.get(j)!])) {
      if (!runAt.get(i)!.has(t) || !runAt.get(j)!.has(t)) continue;
      const ra = runningOf(i, t)!;
      const rb = runningOf(j, t)!;
      if (seen.has(`${ra} ${rb}`)) continue;
      seen.add(`${ra} ${rb}`);
      rowsOf.push({ plus: [ra, rb], minus: [] });
    }
    return pairVar(rowsOf, weight, hard);
  };
  /** The soft parallel pairs of each theme and organisation, for the cuts below. */
  const groups = new Map<string, { members: Set<number>; ys: number[] }>();
  const grouped = (key: string, i: number, j: number, y: number | null) => {
    if (y === null) return;
    const g = groups.get(key) ?? { members: new Set<number>(), ys: [] };
    g.members.add(i).add(j);
    g.ys.push(y);
    groups.set(key, g);
  };
  const orgsOf = (i: number) => p.peopleOf[i].map((q) => input.people[q].organisationId).filter((o): o is string => o !== null);
  const themeLevel = lvl.THEME_PARALLEL;
  const orgLevel = lvl.ORGANISATION_PARALLEL;
  for (let a = 0; a < movable.length; a++) {
    const i = movable[a];
    for (let b = a + 1; b < movable.length; b++) {
      const j = movable[b];
      const si = input.sessions[i];
      const sj = input.sessions[j];
      if (themeLevel !== "off" && si.themeId !== null && si.themeId === sj.themeId) {
        const y = overlapPair(i, j, levelWeight(themeLevel), p.blocking("THEME_PARALLEL"));
        if (!p.blocking("THEME_PARALLEL")) grouped(`t${si.themeId}`, i, j, y);
      }
      if (orgLevel !== "off") {
        const oi = orgsOf(i);
        const oj = orgsOf(j);
        const shared = [...new Set(oi.filter((o) => oj.includes(o)))];
        if (shared.length > 0) {
          const y = overlapPair(i, j, levelWeight(orgLevel), p.blocking("ORGANISATION_PARALLEL"));
          if (!p.blocking("ORGANISATION_PARALLEL")) for (const o of shared) grouped(`o${o}`, i, j, y);
        }
      }
      const people = p.peopleOf[i].filter((q) => p.peopleOf[j].includes(q));
      if (people.length > 0 && lvl.SPEAKER_CHANGEOVER !== "off") {
        // A changeover conflict per shared person when i at k and j at m are too close in two
        // rooms. j's candidates too close to k are those starting in [k's end, + the longest
        // walk) or ending in (k's start − the longest walk, k's start], less the ones in k's room
        // or with a shorter walk: the two windows' sums are columns shared by every candidate
        // of i with the same end (or start) and every partner of j, the few exceptions subtracted.
        const cj = cands.get(j)!;
        const rowsOf: PairRow[] = [];
        cands.get(i)!.forEach(({ c }, k) => {
          const after: number[] = [];
          const before: number[] = [];
          const near: number[] = [];
          const far: number[] = [];
          cj.forEach(({ c: e }, m) => {
            const isAfter = e.start >= c.end && e.start < c.end + longestWalk;
            const isBefore = e.end <= c.start && e.end > c.start - longestWalk;
            if (!isAfter && !isBefore) return;
            (isAfter ? after : before).push(x(j, m));
            const [first, second] = isAfter ? [c, e] : [e, c];
            const close = e.room !== c.room && second.start - first.end < walkBetween(first.room, second.room);
            (close ? near : far).push(x(j, m));
          });
          if (near.length === 0) return;
          if (far.length + 2 >= near.length) rowsOf.push({ plus: [x(i, k), ...near], minus: [] });
          else rowsOf.push({ plus: [x(i, k), ...[after, before].filter((w) => w.length > 0).map(sumOf)], minus: far });
        });
        pairVar(rowsOf, levelWeight(lvl.SPEAKER_CHANGEOVER) * people.length, p.blocking("SPEAKER_CHANGEOVER"));
      }
    }
  }

  // Cuts for the parallel pairs of a group (a theme, an organisation), valid for every plan:
  // when n of its sessions run at an instant, C(n,2) ≥ m·n − m(m+1)/2 (every m) of its pairs are
  // in parallel; no session runs at two instants its longest duration apart, so the pairs in
  // parallel at such instants are distinct and add up. w[g,t] ≥ those bounds at t, and the
  // group's pairs ≥ the sum of w over each chain of such instants. Without them the relaxation
  // spreads every session thinly over time and values each pair at 0.
  const spreads: { col: number; terms: number[]; ms: number }[] = [];
  for (const g of groups.values()) {
    if (g.ys.length < 2) continue;
    const members = [...g.members];
    const longest = Math.max(...members.map((i) => p.duration[i]));
    const w = new Map<number, number | null>();
    const wAt = (t: number) => {
      if (w.has(t)) return w.get(t)!;
      const there = members.filter((i) => runAt.get(i)!.has(t));
      const ms = Math.min(3, there.length - 1);
      const col = ms >= 1 ? mip.col(`w${spreads.length}`, { upper: Infinity }) : null;
      if (col !== null) {
        const terms = there.map((i) => runningOf(i, t)!);
        spreads.push({ col, terms, ms });
        for (let m = 1; m <= ms; m++) mip.add(col).addAll(terms, -m).endRow(-(m * (m + 1)) / 2, Infinity);
      }
      w.set(t, col);
      return col;
    };
    const chains = new Set<string>();
    for (let k = 0; k < points.length && points[k] < points[0]! + longest; k++) {
      const chain: number[] = [];
      for (let m = k; m < points.length; m = firstPoint(points[m] + longest)) {
        const col = wAt(points[m]);
        if (col !== null) chain.push(col);
      }
      if (chain.length === 0 || chains.has(chain.join(" "))) continue;
      chains.add(chain.join(" "));
      mip.addAll(g.ys).addAll(chain, -1).endRow(0, Infinity);
    }
  }

  // Daily loads: a person's sessions starting on one local day, beyond the edition's limit.
  const loads: { col: number; terms: number[]; rhs: number }[] = [];
  if (lvl.SPEAKER_DAILY_LOAD !== "off") {
    const limit = input.edition.dailySessionLimit;
    const dayOf = (t: number) => input.edition.days.findIndex((d) => t >= d.start && t < d.end);
    for (const [q, list] of sessionsOf) {
      for (let d = 0; d < input.edition.days.length; d++) {
        const fixed = p.base.sessions.filter(
          (s, k) => s.roomId !== null && s.start !== null && s.status !== "cancelled" && p.peopleOf[k].includes(q) && dayOf(s.start) === d,
        ).length;
        if (fixed > limit) continue;
        const terms = list.flatMap((i) => xs.get(i)!.filter(({ c }) => dayOf(c.start) === d).map(({ col }) => col));
        if (fixed + list.length <= limit || terms.length === 0) continue;
        if (p.blocking("SPEAKER_DAILY_LOAD")) mip.addAll(terms).endRow(-Infinity, limit - fixed);
        else {
          const v = mip.col(`v${q}_${d}`, { cost: levelWeight(lvl.SPEAKER_DAILY_LOAD), integer: true });
          mip.addAll(terms).add(v, -list.length).endRow(-Infinity, limit - fixed);
          loads.push({ col: v, terms, rhs: limit - fixed });
        }
      }
    }
  }
  const model = mip.build();

  // The starting solution: the given plan (or the fast solver's), every column valued.
  const startValues = new Float64Array(model.numCols);
  if (movable.length > 0) {
    const startPlan = start ?? scheduleFast(input, options);
    const startAt = new Map(startPlan.placements.map((pl) => [pl.sessionId, pl]));
    for (const i of movable) {
      const pl = startAt.get(input.sessions[i].id);
      const o = p.original.get(i);
      const target = pl ? { room: p.roomIndex.get(pl.roomId), start: pl.start } : o ? { room: o.room, start: o.start } : null;
      const chosen = target ? xs.get(i)!.find(({ c }) => c.room === target.room && c.start === target.start) : undefined;
      if (chosen) startValues[chosen.col] = 1;
      else startValues[unplaced.get(i)!] = 1;
    }
    const sum = (terms: number[]) => terms.reduce((acc, t) => acc + startValues[t]!, 0);
    for (const r of runningTerms) startValues[r.col] = sum(r.terms);
    for (const y of pairs) startValues[y.col] = y.rows.some((row) => sum(row.plus) - sum(row.minus) >= 2) ? 1 : 0;
    for (const { col, terms, ms } of spreads) {
      const n = sum(terms);
      startValues[col] = Math.max(0, ...Array.from({ length: ms }, (_, m) => (m + 1) * n - ((m + 1) * (m + 2)) / 2));
    }
    for (const v of loads) startValues[v.col] = sum(v.terms) > v.rhs ? 1 : 0;
  }
  return { model, search, movable, xs, startValues };
}
