// Availability windows: stored as UTC instants, entered and shown as local rows
// ("on this day, from HH:MM to HH:MM") in the edition's time zone. Pure: the zone
// comes in as an argument.
import { addDays, localDate, localTime, localToEpoch, resolveLocalInterval, toIsoWithOffset } from "./time";

export type Window = { startsAt: number; endsAt: number };
export type LocalRow = { date: string; start: string; end: string };

/** "00:00" as an end means the midnight that ends the day. */
export const END_OF_DAY = "00:00";

export type RowProblem = { field: "date" | "start" | "end"; code: "invalidDate" | "invalidTime" | "nonexistent" | "endBeforeStart" };

/**
 * A local row → a UTC interval, by time.ts's one rule: "00:00" as an end is the midnight that
 * ends the day, another end at or before the start the next day (12 hours at most); a repeated
 * time is its first occurrence (an end, the first after the start); a skipped time is a problem.
 */
export function rowToWindow(row: LocalRow, timeZone: string): Window | RowProblem {
  const result = resolveLocalInterval(row, timeZone);
  if (result.ok) return { startsAt: result.start, endsAt: result.end };
  const { field, code } = result.problem;
  if (code === "invalidDate") return { field: "date", code: "invalidDate" };
  if (code === "invalidTime") return { field: field === "date" ? "start" : field, code: "invalidTime" };
  if (code === "nonexistent") return { field: field === "date" ? "start" : field, code: "nonexistent" };
  return { field: "end", code: "endBeforeStart" };
}

export function isRowProblem(value: Window | RowProblem): value is RowProblem {
  return "code" in value;
}


/** Sorted, with overlapping or touching windows merged: two lists mean the same availability iff these are equal. */
export function normaliseWindows(windows: readonly Window[]): Window[] {
  const sorted = [...windows].sort((a, b) => a.startsAt - b.startsAt || a.endsAt - b.endsAt);
  const out: Window[] = [];
  for (const window of sorted) {
    const last = out[out.length - 1];
    if (last && window.startsAt <= last.endsAt) last.endsAt = Math.max(last.endsAt, window.endsAt);
    else out.push({ startsAt: window.startsAt, endsAt: window.endsAt });
  }
  return out;
}

export function sameAvailability(a: readonly Window[], b: readonly Window[]): boolean {
  const x = normaliseWindows(a);
  const y = normaliseWindows(b);
  return x.length === y.length && x.every((w, i) => w.startsAt === y[i]!.startsAt && w.endsAt === y[i]!.endsAt);
}

/**
 * Stored windows as local rows, one per local day: a window across midnight becomes
 * two rows (the engine merges touching windows, so the availability is the same).
 */
export function windowsToRows(windows: readonly Window[], timeZone: string): LocalRow[] {
  const rows: LocalRow[] = [];
  for (const window of normaliseWindows(windows)) {
    let startsAt = window.startsAt;
    let date = localDate(startsAt, timeZone);
    for (let guard = 0; startsAt < window.endsAt && guard < 400; guard++) {
      const nextMidnight = localToEpochOrNull(addDays(date, 1), timeZone);
      const endsAt = nextMidnight !== null && nextMidnight < window.endsAt ? nextMidnight : window.endsAt;
      const end = endsAt === nextMidnight ? END_OF_DAY : localTime(endsAt, timeZone);
      rows.push({ date, start: localTime(startsAt, timeZone), end });
      startsAt = endsAt;
      date = addDays(date, 1);
    }
  }
  return rows;
}

function localToEpochOrNull(date: string, timeZone: string): number | null {
  try {
    return localToEpoch(date, "00:00", timeZone);
  } catch {
    return null;
  }
}

/** Index pairs of rows whose windows overlap (touching is fine); each later row reported once. */
export function overlappingRows(windows: readonly (Window | null)[]): number[] {
  const indexed = windows
    .map((window, index) => (window ? { ...window, index } : null))
    .filter((w): w is Window & { index: number } => w !== null)
    .sort((a, b) => a.startsAt - b.startsAt || a.index - b.index);
  const found = new Set<number>();
  let reach = -Infinity;
  for (const window of indexed) {
    if (window.startsAt < reach) found.add(window.index);
    reach = Math.max(reach, window.endsAt);
  }
  return [...found].sort((a, b) => a - b);
}

/** How an audit entry shows windows: ISO instants with the edition's offset. */
export function describeWindows(windows: readonly Window[], timeZone: string): string[] {
  return normaliseWindows(windows).map((w) => `${toIsoWithOffset(w.startsAt, timeZone)}/${toIsoWithOffset(w.endsAt, timeZone)}`);
}
