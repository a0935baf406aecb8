// Slot templates and slots. A template is a day's grid of local times ("09:30"–"10:30");
// applying it to rooms × days gives UTC intervals in the edition's zone. Pure: the zone,
// the existing slots and the rooms' hours come in as arguments.
import { covers, union } from "./conflicts/intervals";
import { isHHMM, localDate, localInterval, LocalTimeError, localTime, MAX_OVERNIGHT_MINUTES, parseHHMM, resolveLocalInterval } from "./time";

export type TemplateTime = { start: string; end: string };
export type Interval = { start: number; end: number };

/** A slot is at most this long: a longer one is almost always a typo (10:30–09:30). */
export const MAX_SLOT_MINUTES = MAX_OVERNIGHT_MINUTES;
const DAY_MINUTES = 1440;

export type TimeProblemCode = "invalidTime" | "sameTime" | "tooLong" | "overlap" | "nonexistent";
export type TimeProblem = { field: "start" | "end"; code: TimeProblemCode };

/**
 * A row's minutes from its day's midnight. An end at or before the start is on the next
 * day (22:00–01:00 crosses midnight), so `end` may exceed 1440.
 */
export function rowMinutes(row: TemplateTime): Interval {
  const start = parseHHMM(row.start);
  let end = parseHHMM(row.end);
  if (end <= start) end += DAY_MINUTES;
  return { start, end };
}

/** What is wrong with one row on its own: not HH:MM, start = end, or longer than MAX_SLOT_MINUTES. */
export function rowProblem(row: TemplateTime): TimeProblem | null {
  if (!isHHMM(row.start)) return { field: "start", code: "invalidTime" };
  if (!isHHMM(row.end)) return { field: "end", code: "invalidTime" };
  if (row.start === row.end) return { field: "end", code: "sameTime" };
  const { start, end } = rowMinutes(row);
  if (end - start > MAX_SLOT_MINUTES) return { field: "end", code: "tooLong" };
  return null;
}

/**
 * Every problem of a template's rows, by row index: each row checked alone, then rows that
 * overlap an earlier one (half-open: 10:30 ending one row and starting the next is fine).
 * Rows are compared on one day's line, a row past midnight against the next day's early rows too.
 */
export function templateProblems(rows: readonly TemplateTime[]): Map<number, TimeProblem> {
  const problems = new Map<number, TimeProblem>();
  const valid: { index: number; start: number; end: number }[] = [];
  rows.forEach((row, index) => {
    const problem = rowProblem(row);
    if (problem) problems.set(index, problem);
    else valid.push({ index, ...rowMinutes(row) });
  });
  // Each row also stands for its copy on the next day, so 23:00–01:00 clashes with 00:30–02:00.
  const line = valid.flatMap((r) => [r, { index: r.index, start: r.start + DAY_MINUTES, end: r.end + DAY_MINUTES }]);
  line.sort((a, b) => a.start - b.start || a.index - b.index);
  let reach = -Infinity;
  let reachIndex = -1;
  for (const row of line) {
    if (row.start < reach && row.index !== reachIndex) {
      const later = Math.max(row.index, reachIndex);
      if (!problems.has(later)) problems.set(later, { field: "start", code: "overlap" });
    }
    if (row.end > reach) {
      reach = row.end;
      reachIndex = row.index;
    }
  }
  return problems;
}

/** Rows in the order of the day (by start), as a template stores them. */
export function sortTimes(rows: readonly TemplateTime[]): TemplateTime[] {
  return [...rows].sort((a, b) => parseHHMM(a.start) - parseHHMM(b.start) || parseHHMM(a.end) - parseHHMM(b.end));
}

/** A row on a local date → UTC instants by time.ts's one rule; null when a time does not exist that day (DST). */
export function rowInterval(date: string, row: TemplateTime, timeZone: string): Interval | null {
  const result = slotInterval(date, row, timeZone);
  return isTimeProblem(result) ? null : result;
}

/**
 * One slot's local times on its date → instants, with the same rules as a template row
 * (12 hours at most, even on one day), or the problem to show on the field (a skipped local
 * time on a DST day included).
 */
export function slotInterval(date: string, row: TemplateTime, timeZone: string): Interval | TimeProblem {
  const problem = rowProblem(row);
  if (problem) return problem;
  const result = resolveLocalInterval({ date, start: row.start, end: row.end }, timeZone, { limitMinutes: MAX_SLOT_MINUTES });
  if (result.ok) return { start: result.start, end: result.end };
  const { field, code } = result.problem;
  return { field: field === "start" ? "start" : "end", code: code === "nonexistent" ? "nonexistent" : code === "sameTime" ? "sameTime" : code === "tooLong" ? "tooLong" : "invalidTime" };
}

export function isTimeProblem(value: Interval | TimeProblem): value is TimeProblem {
  return "code" in value;
}

/** The first interval of `others` that [start, end) overlaps (half-open), if any. */
export function firstClash<T extends Interval>(others: readonly T[], interval: Interval): T | undefined {
  return others.find((other) => other.start < interval.end && interval.start < other.end);
}

export type PlanStatus = "create" | "duplicate" | "overlap" | "nonexistent";

export type PlannedSlot<R> = {
  room: R;
  date: string;
  time: TemplateTime;
  /** Absent when a time does not exist on that date (the clocks skip it). */
  start?: number;
  end?: number;
  status: PlanStatus;
  /** The existing slot it repeats or overlaps. */
  clash?: Interval;
  /** Created, but not inside the room's opening hours that day. */
  outsideHours: boolean;
};

export type PlanCounts = Record<PlanStatus, number> & { outsideHours: number };

/** A plan as a page shows it: rooms by uuid and name, local times, the clash in local time. */
export type PlanRow = {
  room: string;
  roomName: string;
  date: string;
  start: string;
  end: string;
  status: PlanStatus;
  outsideHours: boolean;
  clash: string | null;
};

export type Plan = {
  template: { uuid: string; name: string; version: number };
  rooms: string[];
  dates: string[];
  counts: PlanCounts;
  rows: PlanRow[];
};

/**
 * Expands a template over rooms × dates in the zone, then sorts each candidate out:
 * `create`, or skipped as a `duplicate` (the same interval already in that room), an
 * `overlap` (it overlaps an existing slot, or one created earlier in this run) or
 * `nonexistent` (a DST change skips one of its times that day). A slot to create outside
 * the room's opening hours is flagged, not refused; a room without hours is always open.
 */
export function planTemplate<R extends string | number>(args: {
  times: readonly TemplateTime[];
  rooms: readonly R[];
  dates: readonly string[];
  timeZone: string;
  existing: readonly (Interval & { room: R })[];
  openingHours: readonly { room: R; date: string; opens: string; closes: string }[];
}): { slots: PlannedSlot<R>[]; counts: PlanCounts } {
  const taken = new Map<R, Interval[]>();
  for (const slot of args.existing) pushTo(taken, slot.room, { start: slot.start, end: slot.end });
  const open = new Map<R, Interval[]>();
  for (const hours of args.openingHours) {
    // Opening hours are not slots: a day of them may be longer than a slot (time.ts localInterval).
    try {
      pushTo(open, hours.room, localInterval(hours.date, hours.opens, hours.closes, args.timeZone));
    } catch (error) {
      if (!(error instanceof LocalTimeError)) throw error;
    }
  }
  const openUnion = new Map([...open].map(([room, intervals]) => [room, union(intervals)]));
  const dates = [...new Set(args.dates)].sort();
  const times = sortTimes(args.times);
  const slots: PlannedSlot<R>[] = [];
  const counts: PlanCounts = { create: 0, duplicate: 0, overlap: 0, nonexistent: 0, outsideHours: 0 };
  for (const room of new Set(args.rooms)) {
    const inRoom = taken.get(room) ?? [];
    const hours = openUnion.get(room);
    for (const date of dates) {
      for (const time of times) {
        const interval = rowInterval(date, time, args.timeZone);
        let planned: PlannedSlot<R>;
        if (!interval) planned = { room, date, time, status: "nonexistent", outsideHours: false };
        else {
          const clash = firstClash(inRoom, interval);
          const status: PlanStatus = !clash ? "create" : clash.start === interval.start && clash.end === interval.end ? "duplicate" : "overlap";
          const outsideHours = status === "create" && hours !== undefined && !covers(hours, interval.start, interval.end);
          planned = { room, date, time, ...interval, status, outsideHours, ...(clash ? { clash: { start: clash.start, end: clash.end } } : {}) };
          if (status === "create") inRoom.push(interval);
          if (outsideHours) counts.outsideHours++;
        }
        counts[planned.status]++;
        slots.push(planned);
      }
    }
    taken.set(room, inRoom);
  }
  return { slots, counts };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export type DaySlots<S> = { date: string; rooms: { uuid: string; name: string; slots: (S & { start: string; end: string; nextDay: boolean })[] }[] };

/**
 * Slots by local day (the date of their start, ADR 0003) then by room in the rooms' order,
 * with local times; a room without slots that day is left out of it.
 */
export function slotsByDay<S extends { room: string; startsAt: number; endsAt: number }>(
  slots: readonly S[],
  rooms: readonly { uuid: string; name: string }[],
  timeZone: string,
): DaySlots<S>[] {
  const byDay = new Map<string, Map<string, DaySlots<S>["rooms"][number]["slots"]>>();
  for (const slot of [...slots].sort((a, b) => a.startsAt - b.startsAt)) {
    const date = localDate(slot.startsAt, timeZone);
    const day = byDay.get(date) ?? new Map();
    byDay.set(date, day);
    const list = day.get(slot.room) ?? [];
    day.set(slot.room, list);
    list.push({ ...slot, start: localTime(slot.startsAt, timeZone), end: localTime(slot.endsAt, timeZone), nextDay: localDate(slot.endsAt - 1, timeZone) !== date });
  }
  return [...byDay.keys()].sort().map((date) => {
    const day = byDay.get(date)!;
    return { date, rooms: rooms.filter((room) => day.has(room.uuid)).map((room) => ({ ...room, slots: day.get(room.uuid)! })) };
  });
}
