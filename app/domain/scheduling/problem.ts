// The scheduling problem both solvers share: which sessions may move, where each may go
// (its candidates, after the rules that hold wherever the others are), and the parts of the
// objective that depend on one placement alone.
import { DEFAULT_LEVELS, PLACEMENT_RULES, type Level, type ProgrammeInput, type RuleId, type SessionInput } from "~/domain/conflicts";
import { covers, firstOverlap, union } from "~/domain/conflicts/intervals";
import type { ScheduleOptions } from "./types";
import { WEIGHTS } from "./objective";

const MINUTE = 60_000;
/** Free times are tried every quarter of an hour inside the rooms' opening hours. */
export const STEP = 15 * MINUTE;

export interface Candidate {
  room: number;
  start: number;
  end: number;
  /** Starts at one of the room's slots. */
  grid: boolean;
}

export interface Problem {
  input: ProgrammeInput;
  /** The programme with every movable session unplaced: what the plan is measured against. */
  base: ProgrammeInput;
  levels: Record<RuleId, Level>;
  blocking: (rule: RuleId) => boolean;
  /** Indexes (into input.sessions) of the sessions the plan may place or move, in input order. */
  movable: number[];
  /** Where each movable session was, when it was placed. */
  original: Map<number, { room: number; start: number; end: number }>;
  roomIndex: Map<string, number>;
  personIndex: Map<string, number>;
  /** Known people of each session (indexes into input.people). */
  peopleOf: number[][];
  duration: Float64Array;
  day: { start: number; end: number } | null;
  /** Rooms' opening windows (or the edition's days), flat [s0, e0, …]. */
  windows: Float64Array[];
  open: Float64Array[];
  blocked: Float64Array[];
  availability: Float64Array[];
  slotStarts: Set<number>[];
  formats: Map<string, ProgrammeInput["formats"][number]>;
}

export function levelsOf(input: ProgrammeInput): Record<RuleId, Level> {
  return { ...DEFAULT_LEVELS, ...input.edition.levels };
}

const isPlaced = (s: SessionInput) => s.status !== "cancelled" && s.roomId !== null && s.start !== null && s.end !== null;

export function buildProblem(input: ProgrammeInput, options: ScheduleOptions): Problem {
  const levels = levelsOf(input);
  const blocking = (rule: RuleId) => levels[rule] === "block" || levels[rule] === "error";
  const roomIndex = new Map(input.rooms.map((r, i) => [r.id, i]));
  const personIndex = new Map(input.people.map((p, i) => [p.id, i]));
  const formats = new Map(input.formats.map((f) => [f.id, f]));
  const pinned = new Set(options.pinned ?? []);
  const day = options.day ? (input.edition.days.find((d) => d.date === options.day) ?? null) : null;
  if (options.day && !day) throw new RangeError(`${options.day} is not a day of the edition`);

  const requested = options.sessions ? new Set(options.sessions) : null;
  const movable: number[] = [];
  const original = new Map<number, { room: number; start: number; end: number }>();
  input.sessions.forEach((s, i) => {
    if (s.status === "cancelled" || pinned.has(s.id)) return;
    const placed = isPlaced(s) && roomIndex.has(s.roomId!) && s.end! > s.start!;
    if (placed) {
      if (!options.movePlaced) return;
      if (requested && !requested.has(s.id)) return;
      if (day && !(s.start! >= day.start && s.start! < day.end)) return;
      original.set(i, { room: roomIndex.get(s.roomId!)!, start: s.start!, end: s.end! });
      movable.push(i);
      return;
    }
    if (requested ? requested.has(s.id) : s.status === "accepted" || s.status === "scheduled") movable.push(i);
  });

  const duration = new Float64Array(input.sessions.length);
  input.sessions.forEach((s, i) => {
    const format = s.formatId ? formats.get(s.formatId) : undefined;
    const current = s.start !== null && s.end !== null && s.end > s.start ? s.end - s.start : NaN;
    if (format) {
      duration[i] = current >= format.minMinutes * MINUTE && current <= format.maxMinutes * MINUTE ? current : format.defaultMinutes * MINUTE;
    } else duration[i] = Number.isFinite(current) ? current : 60 * MINUTE;
  });

  const editionWindows = union(input.edition.days.map((d) => ({ start: d.start, end: d.end })));
  const open = input.rooms.map((r) => union(r.openingHours));
  const movableSet = new Set(movable);
  const base: ProgrammeInput = {
    ...input,
    sessions: input.sessions.map((s, i) => (movableSet.has(i) ? { ...s, roomId: null, start: null, end: null } : s)),
  };
  return {
    input,
    base,
    levels,
    blocking,
    movable,
    original,
    roomIndex,
    personIndex,
    peopleOf: input.sessions.map((s) => [...new Set(s.people.map((p) => personIndex.get(p.personId)).filter((p): p is number => p !== undefined))]),
    duration,
    day,
    windows: open.map((o) => (o.length > 0 ? o : editionWindows)),
    open,
    blocked: input.rooms.map((r) => union(r.blocked)),
    availability: input.people.map((p) => union(p.availability)),
    slotStarts: input.rooms.map((r) => new Set((r.slots ?? []).map((s) => s.start))),
    formats,
  };
}

function inDays(days: readonly { start: number; end: number }[], t: number): boolean {
  for (const d of days) if (t >= d.start && t < d.end) return true;
  return false;
}

export interface CandidateCensus {
  candidates: Candidate[];
  /** Rooms with the format's features (and enough seats when capacity is a hard rule). */
  rooms: number;
  /** Start times in those rooms, open and inside the edition (and the day). */
  open: number;
}

/** Whether room r suits session i whatever the time: the format's features, and seats when capacity is a hard rule. */
export function roomAdmits(p: Problem, i: number, r: number): boolean {
  const s = p.input.sessions[i];
  const room = p.input.rooms[r];
  const format = s.formatId ? p.formats.get(s.formatId) : undefined;
  if (p.blocking("ROOM_FEATURES") && format && format.requiredFeatures.some((f) => !room.features.includes(f))) return false;
  if (p.blocking("ROOM_CAPACITY") && room.capacity !== null && s.expectedAudience !== null && s.expectedAudience > room.capacity) return false;
  return true;
}

/**
 * The starts session i may take in room r, judged on the rules that do not depend on the
 * other sessions: opening hours, the edition's days (and the chosen day), blocked times and
 * the people's availability (when hard). `grid`: the room's slot starts; otherwise the free
 * times every quarter of an hour that are not slot starts (plus where the session was).
 * `census.open` counts the starts before availability is applied.
 */
export function startsIn(p: Problem, i: number, r: number, grid: boolean, census?: { open: number }): number[] {
  const d = p.duration[i];
  const days = p.day ? [p.day] : p.input.edition.days;
  const closedHard = p.blocking("ROOM_CLOSED") && p.open[r].length > 0;
  const blockedHard = p.blocking("ROOM_OVERLAP");
  const availability = p.blocking("SPEAKER_UNAVAILABLE") ? p.peopleOf[i].map((q) => p.availability[q]).filter((a) => a.length > 0) : [];
  const out: number[] = [];
  const consider = (t: number) => {
    const e = t + d;
    if (!inDays(days, t)) return;
    if (closedHard && !covers(p.open[r], t, e)) return;
    if (blockedHard && firstOverlap(p.blocked[r], t, e) >= 0) return;
    if (census) census.open++;
    for (const a of availability) if (!covers(a, t, e)) return;
    out.push(t);
  };
  const slots = p.slotStarts[r];
  if (grid) {
    for (const t of slots) consider(t);
    return out;
  }
  const w = p.windows[r];
  const before = p.original.get(i);
  let keptBefore = !before || before.room !== r || slots.has(before.start);
  for (let k = 0; k < w.length; k += 2) {
    for (let t = w[k]; t + d <= w[k + 1]; t += STEP) {
      if (slots.has(t)) continue;
      if (!keptBefore && t === before!.start) keptBefore = true;
      consider(t);
    }
  }
  if (!keptBefore) consider(before!.start);
  return out;
}

/** Every place and time session i may take (see roomAdmits and startsIn), with a census for the reasons. */
export function candidatesOf(p: Problem, i: number): CandidateCensus {
  const d = p.duration[i];
  const out: Candidate[] = [];
  const census = { open: 0 };
  let rooms = 0;
  for (let r = 0; r < p.input.rooms.length; r++) {
    if (!roomAdmits(p, i, r)) continue;
    rooms++;
    for (const grid of [true, false]) for (const t of startsIn(p, i, r, grid, census)) out.push({ room: r, start: t, end: t + d, grid });
  }
  return { candidates: out, rooms, open: census.open };
}

/** The part of the objective one placement decides alone: seats fitted to the audience, slot or free time, moved. */
export function unaryCost(p: Problem, i: number, c: { room: number; start: number; end: number; grid: boolean }): number {
  const s = p.input.sessions[i];
  const capacity = p.input.rooms[c.room].capacity;
  let cost = 0;
  if (capacity !== null && s.expectedAudience !== null && capacity > 0 && s.expectedAudience > 0) {
    cost += (WEIGHTS.fit * Math.abs(capacity - s.expectedAudience)) / Math.max(capacity, s.expectedAudience);
  }
  if (!c.grid && p.slotStarts[c.room].size > 0) cost += WEIGHTS.freeTime;
  const before = p.original.get(i);
  if (before && (before.room !== c.room || before.start !== c.start || before.end !== c.end)) cost += WEIGHTS.moved;
  return cost;
}

/** Whether a conflict's rule depends on where sessions are (the objective counts only these). */
export const placementRules = new Set<RuleId>(PLACEMENT_RULES);

/** The sessions a run may place or move, by id. */
export function scopeOf(input: ProgrammeInput, options: ScheduleOptions): string[] {
  return buildProblem(input, options).movable.map((i) => input.sessions[i].id);
}
