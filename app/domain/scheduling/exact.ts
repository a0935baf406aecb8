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
import { createChecker, type Conflict } from "~/domain/conflicts";
import { Search, planOf } from "./fast";
import { WEIGHTS, conflictWeight } from "./objective";
import { buildProblem, candidatesOf, placementRules, unaryCost, type Candidate } from "./problem";
import type { Plan, ProgrammeInput, ScheduleOptions } from "./types";

export interface LpResult {
  Status: string;
  ObjectiveValue?: number;
  Columns: Record<string, { Primal: number }>;
}
/** Solves a CPLEX LP-format model (the `highs` package's `solve`). */
export type LpSolver = (lp: string, options: { time_limit: number; mip_rel_gap?: number }) => LpResult;

export interface ExactResult {
  plan: Plan;
  /** `optimal`: proven; `feasible`: the best found when the time ran out. */
  status: "optimal" | "feasible";
  /** The model's size, for the bench's notes. */
  variables: number;
}

const levelWeight = (level: string) => (level === "warning" ? WEIGHTS.warning : level === "info" ? WEIGHTS.info : 0);
const num = (x: number) => (Math.round(x * 1e6) / 1e6).toString();

export function scheduleExact(input: ProgrammeInput, options: ScheduleOptions, solve: LpSolver, timeLimitSeconds: number): ExactResult | null {
  const p = buildProblem(input, options);
  const search = new Search(input, { ...options, effort: 0 });
  const checker = createChecker(p.base);
  const lvl = p.levels;
  const movable = p.movable.filter((i) => !search.standing.has(i));

  // Candidates that add no block or error conflict against the sessions that stay put, with their unary cost.
  const cands = new Map<number, { c: Candidate; cost: number }[]>();
  for (const i of movable) {
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

  const objective: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const bounds: string[] = [];
  const x = (i: number, k: number) => `x${i}_${k}`;
  for (const i of movable) {
    const list = cands.get(i)!;
    list.forEach(({ cost }, k) => {
      binaries.push(x(i, k));
      if (cost !== 0) objective.push(`${num(cost)} ${x(i, k)}`);
    });
    objective.push(`${WEIGHTS.unplaced} u${i}`);
    rows.push(`${list.map((_, k) => `${x(i, k)} + `).join("")}u${i} = 1`);
    bounds.push(`0 <= u${i} <= 1`);
  }

  /** "x.. + x.." for session i's candidates running at instant t (and satisfying `when`). */
  const running = (i: number, t: number, when: (c: Candidate) => boolean = () => true) =>
    cands
      .get(i)!
      .map(({ c }, k) => (c.start <= t && t < c.end && when(c) ? x(i, k) : null))
      .filter((v): v is string => v !== null);

  // One session at a time per room and per person: a clique at every candidate start.
  if (p.blocking("ROOM_OVERLAP")) {
    for (let r = 0; r < input.rooms.length; r++) {
      const starts = new Set<number>();
      for (const i of movable) for (const { c } of cands.get(i)!) if (c.room === r) starts.add(c.start);
      for (const t of starts) {
        const terms = movable.flatMap((i) => running(i, t, (c) => c.room === r));
        if (terms.length > 1) rows.push(`${terms.join(" + ")} <= 1`);
      }
    }
  }
  const sessionsOf = new Map<number, number[]>();
  for (const i of movable) for (const q of p.peopleOf[i]) sessionsOf.set(q, [...(sessionsOf.get(q) ?? []), i]);
  if (p.blocking("SPEAKER_OVERLAP")) {
    for (const list of sessionsOf.values()) {
      if (list.length < 2) continue;
      const starts = new Set<number>();
      for (const i of list) for (const { c } of cands.get(i)!) starts.add(c.start);
      for (const t of starts) {
        const terms = list.flatMap((i) => running(i, t));
        if (terms.length > 1) rows.push(`${terms.join(" + ")} <= 1`);
      }
    }
  }

  // Pairs of movable sessions: parallel themes and organisations (overlap), changeovers (shared people).
  const orgsOf = (i: number) => p.peopleOf[i].map((q) => input.people[q].organisationId).filter((o): o is string => o !== null);
  let pairCount = 0;
  const overlapPair = (i: number, j: number, weight: number, hard: boolean) => {
    const y = `y${pairCount++}`;
    if (hard) bounds.push(`${y} = 0`);
    else {
      bounds.push(`0 <= ${y} <= 1`);
      objective.push(`${num(weight)} ${y}`);
    }
    const starts = new Set<number>();
    for (const k of [i, j]) for (const { c } of cands.get(k)!) starts.add(c.start);
    for (const t of starts) {
      const a = running(i, t);
      const b = running(j, t);
      if (a.length > 0 && b.length > 0) rows.push(`${y} - ${[...a, ...b].join(" - ")} >= -1`);
    }
  };
  const themeLevel = lvl.THEME_PARALLEL;
  const orgLevel = lvl.ORGANISATION_PARALLEL;
  for (let a = 0; a < movable.length; a++) {
    const i = movable[a];
    for (let b = a + 1; b < movable.length; b++) {
      const j = movable[b];
      const si = input.sessions[i];
      const sj = input.sessions[j];
      if (themeLevel !== "off" && si.themeId !== null && si.themeId === sj.themeId) {
        overlapPair(i, j, levelWeight(themeLevel), p.blocking("THEME_PARALLEL"));
      }
      if (orgLevel !== "off") {
        const oi = orgsOf(i);
        const oj = orgsOf(j);
        let shared = 0;
        for (const o of oi) for (const o2 of oj) if (o === o2) shared++;
        if (shared > 0) overlapPair(i, j, levelWeight(orgLevel), p.blocking("ORGANISATION_PARALLEL"));
      }
      const people = p.peopleOf[i].filter((q) => p.peopleOf[j].includes(q));
      if (people.length > 0 && lvl.SPEAKER_CHANGEOVER !== "off") {
        const y = `y${pairCount++}`;
        if (p.blocking("SPEAKER_CHANGEOVER")) bounds.push(`${y} = 0`);
        else {
          bounds.push(`0 <= ${y} <= 1`);
          objective.push(`${num(levelWeight(lvl.SPEAKER_CHANGEOVER) * people.length)} ${y}`);
        }
        const cj = cands.get(j)!;
        cands.get(i)!.forEach(({ c }, k) => {
          const d = cj
            .map(({ c: e }, m) => {
              if (e.room === c.room || (c.start < e.end && e.start < c.end)) return null;
              const [first, second] = c.end <= e.start ? [c, e] : [e, c];
              const walk = (input.rooms[first.room].walkingMinutes[input.rooms[second.room].id] ?? input.edition.changeoverMinutes) * 60_000;
              return second.start - first.end < walk ? x(j, m) : null;
            })
            .filter((v): v is string => v !== null);
          if (d.length > 0) rows.push(`${y} - ${x(i, k)} - ${d.join(" - ")} >= -1`);
        });
      }
    }
  }

  // Daily loads: a person's sessions starting on one local day, beyond the edition's limit.
  if (lvl.SPEAKER_DAILY_LOAD !== "off") {
    const limit = input.edition.dailySessionLimit;
    const dayOf = (t: number) => input.edition.days.findIndex((d) => t >= d.start && t < d.end);
    for (const [q, list] of sessionsOf) {
      for (let d = 0; d < input.edition.days.length; d++) {
        const fixed = p.base.sessions.filter(
          (s, k) => s.roomId !== null && s.start !== null && s.status !== "cancelled" && p.peopleOf[k].includes(q) && dayOf(s.start) === d,
        ).length;
        if (fixed > limit) continue;
        const terms = list.flatMap((i) => cands.get(i)!.map(({ c }, k) => (dayOf(c.start) === d ? x(i, k) : null)).filter((v): v is string => v !== null));
        if (fixed + list.length <= limit || terms.length === 0) continue;
        if (p.blocking("SPEAKER_DAILY_LOAD")) rows.push(`${terms.join(" + ")} <= ${limit - fixed}`);
        else {
          const v = `v${q}_${d}`;
          binaries.push(v);
          objective.push(`${levelWeight(lvl.SPEAKER_DAILY_LOAD)} ${v}`);
          rows.push(`${terms.join(" + ")} - ${list.length} ${v} <= ${limit - fixed}`);
        }
      }
    }
  }

  if (movable.length === 0) return { plan: planOf(search), status: "optimal", variables: 0 };
  const lp = [
    "Minimize",
    ` obj: ${objective.length > 0 ? objective.join(" + ") : "0 u" + movable[0]}`,
    "Subject To",
    ...rows.map((row, k) => ` c${k}: ${row}`),
    "Bounds",
    ...bounds.map((b) => ` ${b}`),
    "Binaries",
    ...binaries.map((b) => ` ${b}`),
    "End",
  ].join("\n");
  const result = solve(lp, { time_limit: timeLimitSeconds, mip_rel_gap: 0 });
  if (result.Status !== "Optimal" && !(result.Status === "Time limit reached" && result.ObjectiveValue !== undefined && Number.isFinite(result.ObjectiveValue))) {
    return null;
  }
  // Commit the model's placements through the checker (in input order), then report like the fast solver.
  for (const i of movable) if (search.at[i]) search.commit(i, null);
  for (const i of movable) {
    const k = cands.get(i)!.findIndex((_, m) => (result.Columns[x(i, m)]?.Primal ?? 0) > 0.5);
    const target = k >= 0 ? cands.get(i)![k]!.c : null;
    if (target && search.weigh(i, target) !== null) search.commit(i, target);
  }
  return { plan: planOf(search), status: result.Status === "Optimal" ? "optimal" : "feasible", variables: binaries.length + movable.length + pairCount };
}
