// Reads a frab or pretalx schedule.json into the raw model. Strict about shape and types
// (a field that holds the wrong kind of value means the file is not what it claims to be),
// lenient about what real producers add or bend: unknown keys, slug and acronym patterns,
// relative URLs, missing optional fields. See docs/decisions/0006-programme-import.md.
import { z } from "zod";
import type { ImportProblem, RawDay, RawEvent, RawPerson, RawSchedule } from "./model";
import { jsonErrorOffset } from "./json-locate";
import { ImportRefusal, jsonPath, kindOf, lineAndColumn, problem } from "./problems";

const MAX_PROBLEMS = 50;

const text = z.string().nullish();
const numeric = z.union([z.number(), z.null()]).optional();

const personSchema = z.object({
  id: z.int().nullish(),
  guid: text,
  code: text,
  name: text,
  public_name: text,
  full_name: text,
  biography: text,
  role: text,
});

const eventSchema = z.object({
  id: z.int().nullish(),
  guid: text,
  date: text,
  start: z.string(),
  duration: z.string(),
  room: text,
  slug: text,
  title: z.string(),
  subtitle: text,
  track: text,
  type: text,
  language: text,
  abstract: text,
  description: text,
  persons: z.array(z.unknown()).nullish(),
});

const conferenceSchema = z.object({
  title: z.string(),
  acronym: text,
  start: text,
  end: text,
  time_zone_name: text,
  venue: text,
  rooms: z.array(z.object({ name: z.string(), capacity: numeric })).nullish(),
  tracks: z.array(z.object({ name: z.string(), color: text })).nullish(),
  days: z.array(z.unknown()),
});

const daySchema = z.object({
  date: z.string(),
  day_start: text,
  day_end: text,
  rooms: z.unknown(),
});

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key as string)) return undefined;
    current = (current as Record<string, unknown>)[key as string];
  }
  return current;
}

const INTEGER_FIELDS = new Set(["id"]);

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "an integer",
  array: "a list",
  object: "an object",
};

/** Turns zod's issues into problems that say where in the file and why, in plain words. */
function problemsOf(error: z.ZodError, input: unknown, base: string): ImportProblem[] {
  return error.issues.map((issue) => {
    const where = jsonPath(base, issue.path);
    const value = valueAt(input, issue.path);
    if (value === undefined) {
      const field = String(issue.path[issue.path.length - 1] ?? "");
      return problem("schema.missing", where, `the required field "${field}" is missing`, { field });
    }
    const expected =
      issue.code === "invalid_type"
        ? (EXPECTED[issue.expected] ?? issue.expected)
        : issue.code === "invalid_union"
          ? "a number or null"
          : issue.message;
    const field = String(issue.path[issue.path.length - 1] ?? "");
    if (issue.code === "invalid_type" && (issue.expected === "int" || (issue.expected === "number" && INTEGER_FIELDS.has(field)))) {
      return problem("schema.type", where, `expected an integer, got ${kindOf(value)}`, { expected: "int", got: kindOf(value) });
    }
    return problem("schema.type", where, `expected ${expected}, got ${kindOf(value)}`, { expected: String(expected), got: kindOf(value) });
  });
}

function parseJson(source: string): unknown {
  try {
    return JSON.parse(source);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ImportRefusal([problem("json.tooDeep", "file", "the JSON is nested too deeply to be a schedule")]);
    }
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    const offset = position ? Number(position[1]) : jsonErrorOffset(source);
    const { line, column } = lineAndColumn(source, offset);
    const reason = detail
      .replace(/^JSON\.parse: /, "")
      .replace(/ in JSON at position \d+.*$/s, "")
      .replace(/ at position \d+.*$/s, "")
      .replace(/^(Unexpected token '.+?'), .*$/s, "$1")
      .replace(/ \(line \d+ column \d+\)$/, "");
    throw new ImportRefusal([
      problem("json.syntax", `line ${line}, column ${column}`, `this is not valid JSON: ${reason}`, { line, column, detail: reason }),
    ]);
  }
}

function readPerson(input: unknown, where: string, problems: ImportProblem[]): RawPerson | null {
  const parsed = personSchema.safeParse(input);
  if (!parsed.success) {
    problems.push(...problemsOf(parsed.error, input, where));
    return null;
  }
  const p = parsed.data;
  const name = p.public_name ?? p.name ?? p.full_name ?? null;
  if (name === null || name.trim() === "") {
    problems.push(problem("schema.missing", where, `the person has no "public_name" or "name"`, { field: "public_name" }));
    return null;
  }
  return {
    where,
    id: p.id === null || p.id === undefined ? null : String(p.id),
    guid: p.guid ?? null,
    code: p.code ?? null,
    name,
    bio: p.biography ?? null,
    role: p.role ?? null,
  };
}

function readEvent(input: unknown, where: string, problems: ImportProblem[]): RawEvent | null {
  const parsed = eventSchema.safeParse(input);
  if (!parsed.success) {
    problems.push(...problemsOf(parsed.error, input, where));
    return null;
  }
  const e = parsed.data;
  const persons: RawPerson[] = [];
  (e.persons ?? []).forEach((person, i) => {
    const read = readPerson(person, `${where}.persons[${i}]`, problems);
    if (read) persons.push(read);
  });
  return {
    where,
    id: e.id === null || e.id === undefined ? null : String(e.id),
    guid: e.guid ?? null,
    date: e.date ?? null,
    start: e.start,
    duration: e.duration,
    room: e.room ?? null,
    slug: e.slug ?? null,
    title: e.title,
    subtitle: e.subtitle ?? null,
    track: e.track ?? null,
    type: e.type ?? null,
    language: e.language ?? null,
    abstract: e.abstract ?? null,
    description: e.description ?? null,
    persons,
  };
}

/** schedule.json (frab or pretalx) → raw schedule; throws ImportRefusal with every problem found. */
export function readScheduleJson(source: string): RawSchedule {
  const root = parseJson(source);
  const problems: ImportProblem[] = [];
  const refuse = () => new ImportRefusal(problems.slice(0, MAX_PROBLEMS));
  if (!isPlainObject(root)) {
    throw new ImportRefusal([problem("schema.type", "(root)", `expected an object with a "schedule", got ${kindOf(root)}`, { expected: "object", got: kindOf(root) })]);
  }
  const schedule = root.schedule;
  if (!isPlainObject(schedule)) {
    throw new ImportRefusal([
      schedule === undefined
        ? problem("schema.missing", "schedule", `the required field "schedule" is missing: this is not a schedule.json`, { field: "schedule" })
        : problem("schema.type", "schedule", `expected an object, got ${kindOf(schedule)}`, { expected: "an object", got: kindOf(schedule) }),
    ]);
  }
  const conferenceInput = schedule.conference;
  const conference = conferenceSchema.safeParse(conferenceInput);
  if (!conference.success) {
    if (conferenceInput === undefined) {
      throw new ImportRefusal([problem("schema.missing", "schedule.conference", `the required field "conference" is missing`, { field: "conference" })]);
    }
    throw new ImportRefusal(problemsOf(conference.error, conferenceInput, "schedule.conference").slice(0, MAX_PROBLEMS));
  }
  const c = conference.data;
  let pretalx = false;
  const days: RawDay[] = [];
  c.days.forEach((dayInput, d) => {
    const where = `schedule.conference.days[${d}]`;
    const day = daySchema.safeParse(dayInput);
    if (!day.success) {
      problems.push(...problemsOf(day.error, dayInput, where));
      return;
    }
    if (!isPlainObject(day.data.rooms)) {
      problems.push(problem("schema.type", `${where}.rooms`, `expected an object of rooms, got ${kindOf(day.data.rooms)}`, { expected: "an object", got: kindOf(day.data.rooms) }));
      return;
    }
    const rooms: RawDay["rooms"] = [];
    for (const [name, list] of Object.entries(day.data.rooms)) {
      const roomWhere = jsonPath(`${where}.rooms`, [name]);
      if (!Array.isArray(list)) {
        problems.push(problem("schema.type", roomWhere, `expected a list of events, got ${kindOf(list)}`, { expected: "a list", got: kindOf(list) }));
        continue;
      }
      const events: RawEvent[] = [];
      list.forEach((eventInput, i) => {
        const event = readEvent(eventInput, `${roomWhere}[${i}]`, problems);
        if (event) {
          events.push(event);
          if (isPlainObject(eventInput) && Array.isArray(eventInput.persons)) {
            pretalx ||= eventInput.persons.some((p) => isPlainObject(p) && typeof p.code === "string");
          }
        }
      });
      rooms.push({ name, events });
    }
    days.push({ where, date: day.data.date, dayStart: day.data.day_start ?? null, dayEnd: day.data.day_end ?? null, rooms });
  });
  if (problems.length > 0) throw refuse();
  return {
    format: pretalx ? "pretalx-json" : "frab-json",
    title: c.title,
    acronym: c.acronym ?? null,
    start: c.start ?? null,
    end: c.end ?? null,
    timeZone: c.time_zone_name ?? null,
    venue: c.venue ?? null,
    rooms: (c.rooms ?? []).map((room) => ({ name: room.name, capacity: typeof room.capacity === "number" && Number.isInteger(room.capacity) && room.capacity >= 0 ? room.capacity : null })),
    tracks: (c.tracks ?? []).map((track) => ({ name: track.name, colour: track.color ?? null })),
    days,
  };
}
