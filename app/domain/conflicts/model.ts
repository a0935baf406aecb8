// The programme turned into flat, index-addressed arrays, built once per check (or once per
// checker). Static parts (rooms, people, formats) never change; a checker mutates the
// sessions' values, placement and people through setSessionValues, writePlacement and writePeople.
import { dayContaining, localDate } from "../time";
import { IdIndex } from "./id-index";
import { EMPTY, union } from "./intervals";
import {
  DEFAULT_LEVELS,
  LEVELS,
  RULES,
  type AcknowledgementInput,
  type Level,
  type PersonInput,
  type ProgrammeInput,
  type RoomInput,
  type RuleId,
  type SessionInput,
  type SessionPersonInput,
} from "./types";

export const MINUTE = 60_000;

/** Rule indexes (position in RULES), used for flat per-rule arrays. */
export const R = Object.fromEntries(RULES.map((rule, i) => [rule, i])) as Record<RuleId, number>;

/** Level indexes (position in LEVELS): 0 block … 3 info, 4 off. */
export const OFF = 4;
export const ERROR = 1;

/** Placement state of a session. */
export const UNPLACED = 0; // cancelled, or missing a room, start or end
export const VALID = 1; // not cancelled, known room, finite start < end
export const MALFORMED = 2; // has room, start and end, but end <= start or an unknown room

export interface Model {
  input: ProgrammeInput;
  timeZone: string;
  days: ProgrammeInput["edition"]["days"];
  mainLanguage: "fr" | "en";
  levelIndex: Uint8Array; // per rule
  changeoverMs: number;
  dailyLimit: number;
  acks: Map<string, AcknowledgementInput[]>; // by key

  rooms: RoomInput[];
  roomIndex: Map<string, number>;
  roomOpen: Float64Array[]; // union of opening hours; EMPTY = no restriction
  roomBlocked: Float64Array[];
  roomFeatures: Set<string>[];
  roomMaxWalkMs: Float64Array; // upper bound of the walking time from the room to any other

  formatIndex: Map<string, number>;

  personIndex: IdIndex; // known people first, then unknown ids met on sessions
  personIds: string[]; // personIndex.ids
  knownPeople: number; // indexes below this are in input.people
  personOrg: Int32Array; // organisation index or -1
  personPublic: Uint8Array; // per known person: PUBLIC_NAME_BLANK | BIO_BLANK (0 when the rule is off)
  orgIds: string[];
  orgPeople: number[][] | null; // people of each organisation, built on first use (orgPeopleOf)
  availability: Map<number, Float64Array>; // merged windows of the known people who gave some
  availabilityRead: boolean; // whether `availability` holds every known person's windows yet

  themeIndex: Map<string, number>;

  n: number;
  sessions: SessionInput[]; // current session values (input.sessions until a checker replaces one: see setSessionValues)
  sessionIndex: Map<string, number> | null; // built on demand (sessionIndexOf)
  state: Uint8Array;
  room: Int32Array; // room index, or -1
  start: Float64Array;
  end: Float64Array;
  theme: Int32Array; // theme index, or -1
  format: Int32Array; // format index, -1 none, -2 unknown id
  day: string[]; // local date of the start, for VALID sessions
  // Distinct person indexes of each session, in entry order, all in one typed array: session i's
  // are personItems[personStart[i] .. personStart[i] + personCount[i]). A checker's new lists
  // go to the end (see writePeople); thousands of small arrays would burden the collector.
  personStart: Int32Array;
  personCount: Int32Array;
  personItems: Int32Array;
  personItemsUsed: number;
  confirmed: Uint8Array; // 1 when every people entry of the session is confirmed
  maxDuration: number; // upper bound of any VALID session's length (never decreases)
}

export function levelOf(input: ProgrammeInput, rule: RuleId): Level {
  return input.edition.levels?.[rule] ?? DEFAULT_LEVELS[rule];
}

/**
 * The model of a programme. `eachSession` is called once per session as soon as its own values
 * are in place (rooms, people and formats are all ready by then).
 */
export function buildModel(input: ProgrammeInput, eachSession?: (model: Model, i: number) => void): Model {
  const { edition } = input;
  const levelIndex = new Uint8Array(RULES.length);
  RULES.forEach((rule, i) => {
    const idx = LEVELS.indexOf(levelOf(input, rule));
    levelIndex[i] = idx < 0 ? OFF : idx;
  });
  const changeoverMs = (edition.changeoverMinutes ?? 10) * MINUTE;

  const acks = new Map<string, AcknowledgementInput[]>();
  for (const ack of input.acknowledgements) {
    const list = acks.get(ack.key);
    if (list) list.push(ack);
    else acks.set(ack.key, [ack]);
  }

  const rooms = input.rooms;
  const roomIndex = new Map<string, number>();
  rooms.forEach((room, i) => roomIndex.set(room.id, i));
  const roomOpen = rooms.map((room) => union(room.openingHours));
  const roomBlocked = rooms.map((room) => union(room.blocked));
  const roomFeatures = rooms.map((room) => new Set(room.features));
  const roomMaxWalkMs = new Float64Array(rooms.length);
  rooms.forEach((room, i) => {
    let max = changeoverMs;
    for (const key in room.walkingMinutes) max = Math.max(max, room.walkingMinutes[key] * MINUTE);
    roomMaxWalkMs[i] = max;
  });

  const formatIndex = new Map<string, number>();
  input.formats.forEach((format, i) => formatIndex.set(format.id, i));

  // One pass over the people (memory-bound at F10: each person is read once): index,
  // organisation, and what PUBLIC_INFO_MISSING needs.
  // A person's index is their position in input.people; when an id appears twice its first
  // position wins (the later copy is never referred to).
  const people = input.people;
  const knownPeople = people.length;
  const personIds = new Array<string>(knownPeople);
  const personOrg = new Int32Array(knownPeople).fill(-1);
  const personPublic = new Uint8Array(knownPeople);
  const orgIndex = new IdIndex([]);
  const orgIds = orgIndex.ids;
  const publicOn = levelIndex[R.PUBLIC_INFO_MISSING] !== OFF;
  const unavailableOn = levelIndex[R.SPEAKER_UNAVAILABLE] !== OFF;
  const availability = new Map<number, Float64Array>();
  const mainLanguage = edition.mainLanguage;
  for (let p = 0; p < knownPeople; p++) {
    const person = people[p];
    personIds[p] = person.id;
    const org = person.organisationId;
    if (org !== null) personOrg[p] = orgIndex.add(org);
    if (publicOn) {
      personPublic[p] = (isBlank(person.publicName) ? PUBLIC_NAME_BLANK : 0) | (isBlank(person.bio[mainLanguage]) ? BIO_BLANK : 0);
    }
    // Availability now rather than on first use: the person is at hand (sessions meet them in random order).
    if (unavailableOn) keepAvailability(availability, p, person);
  }
  const personIndex = new IdIndex(personIds); // the first position of a repeated id wins

  const themeIndex = new Map<string, number>();
  const n = input.sessions.length;
  const model: Model = {
    input,
    timeZone: edition.timeZone,
    days: edition.days,
    mainLanguage: edition.mainLanguage,
    levelIndex,
    changeoverMs,
    dailyLimit: edition.dailySessionLimit ?? 3,
    acks,
    rooms,
    roomIndex,
    roomOpen,
    roomBlocked,
    roomFeatures,
    roomMaxWalkMs,
    formatIndex,
    personIndex,
    personIds,
    knownPeople,
    personOrg,
    personPublic,
    orgIds,
    orgPeople: null,
    availability, // filled above when SPEAKER_UNAVAILABLE is on, else on first use
    availabilityRead: unavailableOn,
    themeIndex,
    n,
    sessions: input.sessions,
    sessionIndex: null,
    state: new Uint8Array(n),
    room: new Int32Array(n),
    start: new Float64Array(n),
    end: new Float64Array(n),
    theme: new Int32Array(n),
    format: new Int32Array(n),
    day: new Array<string>(n),
    personStart: new Int32Array(n),
    personCount: new Int32Array(n),
    personItems: new Int32Array(Math.max(16, 2 * n)),
    personItemsUsed: 0,
    confirmed: new Uint8Array(n),
    maxDuration: 0,
  };
  for (let i = 0; i < n; i++) {
    const s = input.sessions[i];
    let t = -1;
    if (s.themeId !== null) {
      const known = themeIndex.get(s.themeId);
      if (known === undefined) {
        t = themeIndex.size;
        themeIndex.set(s.themeId, t);
      } else t = known;
    }
    model.theme[i] = t;
    model.format[i] = s.formatId === null ? -1 : (formatIndex.get(s.formatId) ?? -2);
    writePlacement(model, i, s);
    writePeople(model, i, s.people);
    eachSession?.(model, i);
  }
  return model;
}

/** The known people of each organisation (the checker's candidates for ORGANISATION_PARALLEL). */
export function orgPeopleOf(model: Model): number[][] {
  if (model.orgPeople === null) {
    const counts = new Int32Array(model.orgIds.length);
    for (let p = 0; p < model.knownPeople; p++) if (model.personOrg[p] >= 0) counts[model.personOrg[p]]++;
    const lists = Array.from(counts, (count) => new Array<number>(count));
    counts.fill(0);
    for (let p = 0; p < model.knownPeople; p++) {
      const o = model.personOrg[p];
      if (o >= 0) lists[o][counts[o]++] = p;
    }
    model.orgPeople = lists;
  }
  return model.orgPeople;
}

/** Session id → index, built on first use (the full check does not need it). */
export function sessionIndexOf(model: Model): Map<string, number> {
  if (model.sessionIndex === null) {
    const index = new Map<string, number>();
    model.sessions.forEach((s, i) => index.set(s.id, i));
    model.sessionIndex = index;
  }
  return model.sessionIndex;
}

/** Sets a session's person indexes and whether all its entries are confirmed (one read of each entry). */
export function writePeople(model: Model, i: number, people: readonly SessionPersonInput[]): void {
  const count = people.length;
  if (model.personItemsUsed + count > model.personItems.length) reservePersonItems(model, count);
  const items = model.personItems;
  const from = model.personItemsUsed;
  let confirmed = 1;
  let distinct = 0;
  for (let k = 0; k < count; k++) {
    const entry = people[k];
    if (entry.confirmation !== "confirmed") confirmed = 0;
    const p = model.personIndex.add(entry.personId);
    let seen = false;
    for (let x = from; x < from + distinct; x++) if (items[x] === p) seen = true;
    if (!seen) items[from + distinct++] = p;
  }
  model.confirmed[i] = confirmed;
  model.personStart[i] = from;
  model.personCount[i] = distinct;
  model.personItemsUsed = from + distinct;
}

/** Room for `count` more items: a larger array holding only the current lists (a checker's old ones are dropped). */
function reservePersonItems(model: Model, count: number): void {
  let live = 0;
  for (let i = 0; i < model.n; i++) live += model.personCount[i];
  const old = model.personItems;
  const items = new Int32Array(Math.max(16, 2 * (live + count)));
  let w = 0;
  for (let i = 0; i < model.n; i++) {
    const from = model.personStart[i];
    model.personStart[i] = w;
    for (let k = 0; k < model.personCount[i]; k++) items[w++] = old[from + k];
  }
  model.personItems = items;
  model.personItemsUsed = w;
}

/** Session i's distinct person indexes, as a new array (for the checker's and suggestions' few sessions). */
export function personsOf(model: Model, i: number): number[] {
  const from = model.personStart[i];
  return Array.from(model.personItems.subarray(from, from + model.personCount[i]));
}

/** Replaces session i's values (a checker's change): the input's list is copied on the first one. */
export function setSessionValues(model: Model, i: number, next: SessionInput): void {
  if (model.sessions === model.input.sessions) model.sessions = model.sessions.slice();
  model.sessions[i] = next;
}

/** Sets a session's placement arrays from its values. */
export function writePlacement(model: Model, i: number, s: SessionInput): void {
  const placed = s.status !== "cancelled" && s.roomId !== null && s.start !== null && s.end !== null;
  const room = s.roomId === null ? undefined : model.roomIndex.get(s.roomId);
  model.room[i] = room ?? -1;
  model.start[i] = s.start ?? NaN;
  model.end[i] = s.end ?? NaN;
  if (!placed) model.state[i] = UNPLACED;
  else if (room === undefined || !(Number.isFinite(s.start) && Number.isFinite(s.end) && s.end! > s.start!))
    model.state[i] = MALFORMED;
  else {
    model.state[i] = VALID;
    const duration = s.end! - s.start!;
    if (duration > model.maxDuration) model.maxDuration = duration;
    model.day[i] = localDayOf(model, s.start!);
  }
}

/** The local date of an instant: from the edition's days when inside them (binary search), else the zone. */
export function localDayOf(model: Model, epoch: number): string {
  const day = dayContaining(model.days, epoch);
  return day ? day.date : localDate(epoch, model.timeZone);
}

/** The union of a person's availability windows; EMPTY means "always available". */
export function availabilityOf(model: Model, p: number): Float64Array {
  if (p >= model.knownPeople) return EMPTY;
  if (!model.availabilityRead) {
    // The rule was off when the model was built: read everyone's windows now, once.
    model.input.people.forEach((person, q) => keepAvailability(model.availability, q, person));
    model.availabilityRead = true;
  }
  return model.availability.get(p) ?? EMPTY;
}

/** Records person p's merged windows when they gave some (Model.availability). */
function keepAvailability(into: Map<number, Float64Array>, p: number, person: PersonInput): void {
  if (person.availability.length === 0) return;
  const windows = union(person.availability);
  if (windows.length > 0) into.set(p, windows);
}

/** Walking time from room a to room b (ms); missing → the edition's changeover. */
export function walkMs(model: Model, a: number, b: number): number {
  const minutes = model.rooms[a].walkingMinutes[model.rooms[b].id];
  return minutes === undefined ? model.changeoverMs : minutes * MINUTE;
}

/** PUBLIC_INFO_MISSING flags of a person (Model.personPublic). */
export const PUBLIC_NAME_BLANK = 1;
export const BIO_BLANK = 2;

/** Missing or only white space. */
export function isBlank(text: string | null | undefined): boolean {
  if (!text) return true;
  // Cheap common case: a non-space first character.
  const c = text.charCodeAt(0);
  if (c > 32 && c < 127) return false;
  return text.trim() === "";
}

export function isOn(model: Model, rule: number): boolean {
  return model.levelIndex[rule] !== OFF;
}
