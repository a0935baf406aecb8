// Local time, once. Instants are epoch milliseconds (UTC); dates and times are entered and
// shown in the edition's IANA time zone. Every path that turns typed local text into an
// instant (session form, board, slots, availability, opening hours, imports) and every page
// that shows an instant as local text, on the server and in the browser, goes through here.
// No clock, no environment: every function takes the zone as an argument.
//
// The written rules (ADR 0003):
// - An interval's end at or before its start is on the next day (23:30–00:30), as long as the
//   interval lasts at most MAX_OVERNIGHT_MINUTES (12 hours; 10:30–09:30 is a typo, refused).
//   An end of 00:00 is the midnight that ends the day, whatever the length.
// - A local time the clocks skip (02:30 on the spring-forward night in Paris) is refused, with
//   a message saying why.
// - A local time the clocks repeat (02:30 on the autumn night) is its first occurrence unless
//   the form says "second"; an end is the first occurrence after the start.
import { DateTime, IANAZone } from "luxon";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A local date ("YYYY-MM-DD") with its first instant and the first instant of the next local day. */
export interface LocalDay {
  date: string;
  start: number;
  end: number;
}

export type TimeErrorCode =
  | "INVALID_TIME_ZONE"
  | "INVALID_DATE"
  | "INVALID_TIME"
  | "NONEXISTENT_LOCAL_TIME";

/** Thrown for bad local input; `code` lets a form map it onto a field message. */
export class LocalTimeError extends Error {
  override readonly name = "LocalTimeError";
  constructor(
    readonly code: TimeErrorCode,
    message: string,
    readonly detail: { date?: string; time?: string; timeZone?: string } = {},
  ) {
    super(message);
  }
}

/** A local time skipped by a DST change (e.g. 02:30 on 27 March 2016 in Europe/Paris). */
export class NonexistentLocalTimeError extends LocalTimeError {
  constructor(date: string, time: string, timeZone: string) {
    super(
      "NONEXISTENT_LOCAL_TIME",
      `${date} ${time} does not exist in ${timeZone} (the clocks skip it for daylight saving time)`,
      { date, time, timeZone },
    );
  }
}

/** Which reading of a local time the clocks repeat: the first (summer offset) or the second. */
export type Occurrence = "first" | "second";

/** The longest interval whose end, at or before its start, is read as the next day. */
export const MAX_OVERNIGHT_MINUTES = 12 * 60;

/**
 * A zone's UTC offset at an instant, remembered: luxon asks Intl for every call (tens of
 * microseconds), and pages such as the board read the same few hundred instants again and
 * again. The answer for an instant never changes, so the memo is exact; it is bounded.
 */
class MemoZone {
  private readonly offsets = new Map<number, number>();
  constructor(private readonly zone: IANAZone) {}
  offset(epoch: number): number {
    let offset = this.offsets.get(epoch);
    if (offset === undefined) {
      offset = this.zone.offset(epoch);
      if (this.offsets.size >= MEMO_LIMIT) this.offsets.clear();
      this.offsets.set(epoch, offset);
    }
    return offset;
  }
}
const MEMO_LIMIT = 50_000;

const zones = new Map<string, MemoZone>();
function zoneOf(timeZone: string): MemoZone {
  let zone = zones.get(timeZone);
  if (!zone) {
    if (!IANAZone.isValidZone(timeZone)) {
      throw new LocalTimeError("INVALID_TIME_ZONE", `Unknown time zone: ${timeZone}`, { timeZone });
    }
    zone = new MemoZone(IANAZone.create(timeZone));
    zones.set(timeZone, zone);
  }
  return zone;
}

export function isValidTimeZone(timeZone: string): boolean {
  return IANAZone.isValidZone(timeZone);
}

/** Offset of the zone from UTC at an instant, in minutes (Paris in winter: 60). */
export function offsetMinutes(epoch: number, timeZone: string): number {
  return zoneOf(timeZone).offset(epoch);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "HH:MM" (00:00–23:59) → minutes since midnight. Throws LocalTimeError on anything else. */
export function parseHHMM(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new LocalTimeError("INVALID_TIME", `Not a time of day (HH:MM): ${time}`, { time });
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes since midnight → "HH:MM" (taken modulo one day, so 1470 → "00:30"). */
export function formatHHMM(minutes: number): string {
  const m = ((Math.floor(minutes) % 1440) + 1440) % 1440;
  return `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
}

export function isHHMM(time: string): boolean {
  return TIME_RE.test(time);
}

function parseDate(date: string): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(date);
  const year = m ? Number(m[1]) : NaN;
  const month = m ? Number(m[2]) : NaN;
  const day = m ? Number(m[3]) : NaN;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!m || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new LocalTimeError("INVALID_DATE", `Not a calendar date (YYYY-MM-DD): ${date}`, { date });
  }
  return { year, month, day };
}

/** "2016-03-27" + n days, on the calendar (no time zone involved). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** "2016-01-31" + n months, on the calendar, clamped to the month's last day (31 Jan + 1 month = 29 Feb 2016). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseDate(date);
  const last = new Date(Date.UTC(year, month - 1 + months + 1, 0));
  return new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), Math.min(day, last.getUTCDate()))).toISOString().slice(0, 10);
}

/**
 * Every instant whose local wall-clock reading in `timeZone` is `localMs`
 * (local date-time read as if it were UTC): none (skipped by DST), one, or two (repeated).
 */
function instantsFor(localMs: number, zone: MemoZone): number[] {
  // Offsets change at most once around any local time in real zones: trying the offsets
  // in force a day before and a day after finds every reading.
  const candidates = new Set([zone.offset(localMs - DAY), zone.offset(localMs), zone.offset(localMs + DAY)]);
  const found: number[] = [];
  for (const offset of candidates) {
    const instant = localMs - offset * MINUTE;
    if (zone.offset(instant) === offset && !found.includes(instant)) found.push(instant);
  }
  return found.sort((a, b) => a - b);
}

/** Every instant that reads as this local date and time: none (skipped), one, or two (repeated), in order. */
function readings(date: string, time: string, timeZone: string): number[] {
  const zone = zoneOf(timeZone);
  const { year, month, day } = parseDate(date);
  return instantsFor(Date.UTC(year, month - 1, day) + parseHHMM(time) * MINUTE, zone);
}

/**
 * Local date ("YYYY-MM-DD") and time ("HH:MM") in an IANA zone → epoch ms.
 * A time skipped by DST throws NonexistentLocalTimeError. A repeated time resolves to its
 * first occurrence (summer offset) unless `occurrence: "second"`.
 */
export function localToEpoch(date: string, time: string, timeZone: string, options: { occurrence?: Occurrence } = {}): number {
  const instants = readings(date, time, timeZone);
  if (instants.length === 0) throw new NonexistentLocalTimeError(date, time, timeZone);
  return options.occurrence === "second" ? instants[instants.length - 1]! : instants[0]!;
}

/** Which occurrence of its local time an instant is: "second" only for the repeated hour's second pass. */
export function occurrenceOf(epoch: number, timeZone: string): Occurrence {
  const instants = readings(localDate(epoch, timeZone), localTime(epoch, timeZone), timeZone);
  return instants.length > 1 && epoch === instants[instants.length - 1] ? "second" : "first";
}

/** Whether a local date has a repeated hour (its local day lasts more than 24 hours). */
export function hasRepeatedHour(date: string, timeZone: string): boolean {
  return startOfLocalDay(addDays(date, 1), timeZone) - startOfLocalDay(date, timeZone) > DAY;
}

export type LocalIntervalProblem = {
  field: "date" | "start" | "end";
  code: "invalidDate" | "invalidTime" | "nonexistent" | "sameTime" | "tooLong";
};
export type LocalIntervalInput = { date: string; start: string; end: string; startOccurrence?: Occurrence; endOccurrence?: Occurrence };

/**
 * The typed times alone, before any zone: what is wrong with "start–end" under the rules
 * above (not HH:MM, the same time twice, or an overnight reading longer than the limit).
 * Forms check this in the browser; `resolveLocalInterval` checks it again with the zone.
 */
export function localTimesProblem(start: string, end: string, limitMinutes = MAX_OVERNIGHT_MINUTES): LocalIntervalProblem | null {
  if (!isHHMM(start)) return { field: "start", code: "invalidTime" };
  if (!isHHMM(end)) return { field: "end", code: "invalidTime" };
  if (start === end) return { field: "end", code: "sameTime" };
  const from = parseHHMM(start);
  const to = parseHHMM(end);
  if (to < from && to !== 0 && to + 1440 - from > limitMinutes) return { field: "end", code: "tooLong" };
  return null;
}

/**
 * The one rule for a local interval typed in a zone (see the top of this module) → instants,
 * or the problem to show on its field. `limitMinutes` is the longest overnight reading (opening
 * hours, which may run past midnight for longer, raise it).
 */
export function resolveLocalInterval(
  input: LocalIntervalInput,
  timeZone: string,
  options: { limitMinutes?: number } = {},
): { ok: true; start: number; end: number } | { ok: false; problem: LocalIntervalProblem } {
  const limit = options.limitMinutes ?? MAX_OVERNIGHT_MINUTES;
  if (!DATE_RE.test(input.date) || !isCalendarDate(input.date)) return { ok: false, problem: { field: "date", code: "invalidDate" } };
  const textual = localTimesProblem(input.start, input.end, limit);
  if (textual) return { ok: false, problem: textual };
  const nextDay = parseHHMM(input.end) <= parseHHMM(input.start);
  const starts = readings(input.date, input.start, timeZone);
  if (starts.length === 0) return { ok: false, problem: { field: "start", code: "nonexistent" } };
  const start = input.startOccurrence === "second" ? starts[starts.length - 1]! : starts[0]!;
  const ends = readings(nextDay ? addDays(input.date, 1) : input.date, input.end, timeZone);
  if (ends.length === 0) return { ok: false, problem: { field: "end", code: "nonexistent" } };
  const end = input.endOccurrence === "second" ? ends[ends.length - 1]! : (ends.find((e) => e > start) ?? ends[ends.length - 1]!);
  if (end <= start) return { ok: false, problem: { field: "end", code: "sameTime" } };
  if (nextDay && parseHHMM(input.end) !== 0 && end - start > limit * MINUTE) return { ok: false, problem: { field: "end", code: "tooLong" } };
  return { ok: true, start, end };
}

function isCalendarDate(date: string): boolean {
  try {
    parseDate(date);
    return true;
  } catch {
    return false;
  }
}

/** Whether a local time is repeated by a DST change (so the caller may ask which one is meant). */
export function isAmbiguousLocalTime(date: string, time: string, timeZone: string): boolean {
  const { year, month, day } = parseDate(date);
  return instantsFor(Date.UTC(year, month - 1, day) + parseHHMM(time) * MINUTE, zoneOf(timeZone)).length > 1;
}

/** Whether a local time exists (is not skipped by a DST change). */
export function localTimeExists(date: string, time: string, timeZone: string): boolean {
  const { year, month, day } = parseDate(date);
  return instantsFor(Date.UTC(year, month - 1, day) + parseHHMM(time) * MINUTE, zoneOf(timeZone)).length > 0;
}

/** The instant read as local wall-clock time, as if it were UTC ms. */
function wallClock(epoch: number, timeZone: string): Date {
  return new Date(epoch + zoneOf(timeZone).offset(epoch) * MINUTE);
}

/** Epoch ms → local date "YYYY-MM-DD" in the zone. */
export function localDate(epoch: number, timeZone: string): string {
  return wallClock(epoch, timeZone).toISOString().slice(0, 10);
}

/** Epoch ms → local time "HH:MM" in the zone. */
export function localTime(epoch: number, timeZone: string): string {
  const d = wallClock(epoch, timeZone);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** Epoch ms → "2016-03-09T10:30:00+01:00" (seconds kept, milliseconds dropped). */
export function toIsoWithOffset(epoch: number, timeZone: string): string {
  const offset = zoneOf(timeZone).offset(epoch);
  const local = new Date(epoch + offset * MINUTE).toISOString().slice(0, 19);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${local}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** Parses an ISO 8601 string with an offset or "Z" to epoch ms; throws on anything else. */
export function parseIsoInstant(iso: string): number {
  const dt = DateTime.fromISO(iso, { setZone: true });
  if (!dt.isValid || !/(Z|[+-]\d{2}:?\d{2})$/.test(iso)) {
    throw new LocalTimeError("INVALID_DATE", `Not an ISO instant with an offset: ${iso}`);
  }
  return dt.toMillis();
}

/** First instant of a local date: local midnight, or the end of the DST gap if midnight is skipped. */
export function startOfLocalDay(date: string, timeZone: string): number {
  const zone = zoneOf(timeZone);
  const { year, month, day } = parseDate(date);
  const midnight = Date.UTC(year, month - 1, day);
  const instants = instantsFor(midnight, zone);
  if (instants.length > 0) return instants[0];
  // Midnight skipped (a few zones switch at 00:00): the day starts where the gap ends.
  return midnight - zone.offset(midnight - DAY) * MINUTE;
}

/** The local days from `first` to `last` inclusive: each from local midnight to the next (23 h or 25 h on DST days). */
export function editionDays(first: string, last: string, timeZone: string): LocalDay[] {
  zoneOf(timeZone);
  const days: LocalDay[] = [];
  let date = first;
  let start = startOfLocalDay(date, timeZone);
  for (let guard = 0; date <= last; guard++) {
    if (guard > 3660) throw new LocalTimeError("INVALID_DATE", `Edition too long: ${first} to ${last}`);
    const next = addDays(date, 1);
    const end = startOfLocalDay(next, timeZone);
    days.push({ date, start, end });
    date = next;
    start = end;
  }
  return days;
}

/** The day (from a sorted list of days) containing the instant, or undefined. Binary search. */
export function dayContaining<D extends { start: number; end: number }>(days: readonly D[], epoch: number): D | undefined {
  let lo = 0;
  let hi = days.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = days[mid];
    if (epoch < d.start) hi = mid - 1;
    else if (epoch >= d.end) lo = mid + 1;
    else return d;
  }
  return undefined;
}

/**
 * Stored local hours on a date (opening hours, checked when they were saved) → instants, by
 * `resolveLocalInterval`'s rule with a day-long overnight limit (20:00–06:00 is fine). Throws
 * LocalTimeError when the rule refuses them.
 */
export function localInterval(date: string, startTime: string, endTime: string, timeZone: string): { start: number; end: number } {
  // The same time twice is a whole day of hours (00:00–00:00), as rooms have always read it.
  if (startTime === endTime) return { start: localToEpoch(date, startTime, timeZone), end: localToEpoch(addDays(date, 1), endTime, timeZone) };
  const result = resolveLocalInterval({ date, start: startTime, end: endTime }, timeZone, { limitMinutes: 24 * 60 });
  if (result.ok) return { start: result.start, end: result.end };
  const { field, code } = result.problem;
  if (code === "nonexistent") throw new NonexistentLocalTimeError(date, field === "start" ? startTime : endTime, timeZone);
  throw new LocalTimeError(code === "invalidDate" ? "INVALID_DATE" : "INVALID_TIME", `Not a local interval: ${date} ${startTime}–${endTime} (${code})`, { date });
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
