// Small builders for hand-written conflict tests. Times are local Europe/Paris; the default
// edition runs 26–28 March 2016 (the 27th has 23 hours: 02:00–03:00 does not exist).
import {
  checkProgramme,
  type Conflict,
  type FormatInput,
  type Level,
  type PersonInput,
  type ProgrammeInput,
  type RoomInput,
  type RuleId,
  type SessionInput,
  type SessionPersonInput,
} from "~/domain/conflicts";
import { editionDays, localInterval, localToEpoch } from "~/domain/time";

export const ZONE = "Europe/Paris";
export const DAYS = editionDays("2016-03-26", "2016-03-28", ZONE);

export const at = (date: string, time: string, ambiguous?: "earlier" | "later") => localToEpoch(date, time, ZONE, { occurrence: ambiguous === "later" ? "second" : "first" });

export function room(id: string, over: Partial<RoomInput> = {}): RoomInput {
  return { id, name: `Salle ${id}`, capacity: null, features: [], openingHours: [], walkingMinutes: {}, ...over };
}

export function person(id: string, over: Partial<PersonInput> = {}): PersonInput {
  return {
    id,
    name: `Nom ${id}`,
    publicName: `Public ${id}`,
    organisationId: null,
    bio: { fr: "Bio", en: "Bio" },
    availability: [],
    ...over,
  };
}

export function session(id: string, over: Partial<SessionInput> = {}): SessionInput {
  return {
    id,
    title: { fr: `Titre ${id}`, en: `Title ${id}` },
    abstract: { fr: "Résumé", en: "Abstract" },
    formatId: null,
    themeId: null,
    status: "scheduled",
    isPublic: false,
    expectedAudience: null,
    roomId: null,
    start: null,
    end: null,
    people: [],
    ...over,
  };
}

/** A session in a room on a local date, "HH:MM" to "HH:MM" (an end at or before the start is the next day). */
export function placed(id: string, roomId: string, date: string, from: string, to: string, over: Partial<SessionInput> = {}): SessionInput {
  const { start, end } = localInterval(date, from, to, ZONE);
  return session(id, { roomId, start, end, ...over });
}

export const speaker = (personId: string, over: Partial<SessionPersonInput> = {}): SessionPersonInput => ({
  personId,
  role: "speaker",
  confirmation: "confirmed",
  ...over,
});

export const TALK: FormatInput = {
  id: "talk",
  name: { fr: "Conférence", en: "Talk" },
  defaultMinutes: 60,
  minMinutes: 30,
  maxMinutes: 90,
  requiredFeatures: [],
  roles: [
    { role: "speaker", min: 1, max: 2 },
    { role: "moderator", min: 0, max: 1 },
  ],
};

export function programme(over: Partial<ProgrammeInput> & { levels?: Partial<Record<RuleId, Level>> } = {}): ProgrammeInput {
  const { levels, ...rest } = over;
  return {
    edition: { timeZone: ZONE, days: DAYS, mainLanguage: "fr", changeoverMinutes: 10, dailySessionLimit: 3, levels: levels ?? {} },
    rooms: [room("A"), room("B"), room("C")],
    formats: [TALK],
    themes: [{ id: "t1", name: { fr: "Données", en: "Data" } }],
    people: [person("p1"), person("p2"), person("p3")],
    sessions: [],
    acknowledgements: [],
    ...rest,
  };
}

/** The conflicts of one rule. */
export function check(input: ProgrammeInput, rule: RuleId): Conflict[] {
  return checkProgramme(input).filter((c) => c.rule === rule);
}

export const keys = (conflicts: Conflict[]) => conflicts.map((c) => c.key);
