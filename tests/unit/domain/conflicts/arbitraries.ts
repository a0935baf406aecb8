// fast-check generators of small, dense programmes: times on a 30-minute grid around a DST
// change so that touching, containing and identical intervals are frequent.
import fc from "fast-check";
import {
  RULES,
  type Change,
  type Confirmation,
  type Level,
  type ProgrammeInput,
  type Role,
  type RuleId,
  type SessionInput,
  type SessionPersonInput,
} from "~/domain/conflicts";
import { editionDays } from "~/domain/time";

const ZONE = "Europe/Paris";
export const DAYS = editionDays("2016-03-26", "2016-03-27", ZONE); // the 27th has 23 hours
const UNIT = 30 * 60_000;
/** Grid instants from 2 h before the edition to 2 h after. */
const GRID_FROM = DAYS[0].start - 4 * UNIT;
const GRID_UNITS = (DAYS[DAYS.length - 1].end - DAYS[0].start) / UNIT + 8;
const at = (unit: number) => GRID_FROM + unit * UNIT;

const ROLES: Role[] = ["speaker", "moderator", "expert"];
const CONFIRMATIONS: Confirmation[] = ["confirmed", "confirmed", "pending", "declined", "must_reconfirm"];
const LEVELS: Level[] = ["block", "error", "warning", "info", "off"];

const unit = fc.integer({ min: 0, max: GRID_UNITS });
/** Session starts: mostly in two dense windows (a daytime one, and one across midnight and the DST jump). */
const sessionUnit = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 44, max: 60 }) },
  { weight: 3, arbitrary: fc.integer({ min: 24, max: 34 }) },
  { weight: 1, arbitrary: unit },
);
const interval = fc.tuple(unit, fc.integer({ min: 1, max: 12 })).map(([u, len]) => ({ start: at(u), end: at(u + len) }));
const intervals = (max: number) => fc.array(interval, { maxLength: max });

export const ROOM_IDS = ["r1", "r2", "r3"];
export const PERSON_IDS = ["p1", "p2", "p3", "p4", "p5"];

const roomArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(`Salle ${id}`),
    capacity: fc.option(fc.constantFrom(20, 50, 100), { nil: null }),
    features: fc.subarray(["video", "piano", "stage"]),
    openingHours: intervals(2),
    blocked: intervals(2),
    walkingMinutes: fc.dictionary(fc.constantFrom(...ROOM_IDS), fc.constantFrom(0, 15, 30, 60), { maxKeys: 3 }),
  });

const personArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(`Person ${id}`),
    publicName: fc.constantFrom(null, "", `Public ${id}`, `Public ${id}`),
    organisationId: fc.constantFrom(null, "o1", "o2"),
    bio: fc.record({ fr: fc.constantFrom(null, "", "Bio"), en: fc.constantFrom(null, "Bio") }),
    availability: fc.oneof(fc.constant([] as { start: number; end: number }[]), intervals(2)),
  });

const peopleArb = fc.array(
  fc.record({
    personId: fc.constantFrom(...PERSON_IDS, ...PERSON_IDS, "ghost"),
    role: fc.constantFrom(...ROLES),
    confirmation: fc.constantFrom(...CONFIRMATIONS),
  }),
  { maxLength: 3 },
) as fc.Arbitrary<SessionPersonInput[]>;

const placement = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...ROOM_IDS), sessionUnit, fc.integer({ min: 1, max: 5 })).map(([r, u, len]) => ({ roomId: r as string | null, start: at(u) as number | null, end: at(u + len) as number | null })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("r1", "nowhere"), unit, fc.integer({ min: -2, max: 0 })).map(([r, u, len]) => ({ roomId: r as string | null, start: at(u) as number | null, end: at(u + len) as number | null })) },
  { weight: 2, arbitrary: fc.constantFrom({ roomId: null, start: null, end: null }, { roomId: "r1", start: null, end: null }) },
);

const sessionArb = (id: string) =>
  fc
    .record({
      title: fc.record({ fr: fc.constantFrom(null, "", `Titre ${id}`, `Titre ${id}`), en: fc.constantFrom(null, `Title ${id}`) }),
      abstract: fc.record({ fr: fc.constantFrom(null, "Résumé", "Résumé"), en: fc.constantFrom(null, "Abstract") }),
      formatId: fc.constantFrom(null, "talk", "talk", "panel", "open", "unknown-format"),
      themeId: fc.constantFrom(null, "t1", "t2"),
      status: fc.constantFrom("draft", "accepted", "scheduled", "scheduled", "scheduled", "cancelled"),
      isPublic: fc.boolean(),
      expectedAudience: fc.option(fc.constantFrom(10, 40, 80, 150), { nil: null }),
      placement,
      people: peopleArb,
    })
    .map(({ placement: p, ...rest }): SessionInput => ({ id, ...rest, ...p }) as SessionInput);

const levelsArb = fc.dictionary(fc.constantFrom(...RULES), fc.constantFrom(...LEVELS), { maxKeys: 6 }) as fc.Arbitrary<
  Partial<Record<RuleId, Level>>
>;

export const programmeArb: fc.Arbitrary<ProgrammeInput> = fc
  .record({
    rooms: fc.tuple(...ROOM_IDS.map(roomArb)),
    people: fc.tuple(...PERSON_IDS.map(personArb)),
    sessionCount: fc.integer({ min: 0, max: 9 }),
    sessions: fc.tuple(...Array.from({ length: 9 }, (_, i) => sessionArb(`s${i}`))),
    levels: levelsArb,
    mainLanguage: fc.constantFrom("fr", "en"),
    changeoverMinutes: fc.constantFrom(0, 10, 30),
    dailySessionLimit: fc.constantFrom(1, 2, 3),
  })
  .map(({ rooms, people, sessionCount, sessions, levels, mainLanguage, changeoverMinutes, dailySessionLimit }): ProgrammeInput => ({
    edition: { timeZone: ZONE, days: DAYS, mainLanguage: mainLanguage as "fr" | "en", changeoverMinutes, dailySessionLimit, levels },
    rooms,
    formats: [
      { id: "talk", name: { fr: "Conférence", en: "Talk" }, defaultMinutes: 60, minMinutes: 30, maxMinutes: 90, requiredFeatures: ["video"], roles: [{ role: "speaker" as Role, min: 1, max: 2 }] },
      { id: "panel", name: { fr: "Table ronde", en: "Panel" }, defaultMinutes: 90, minMinutes: 60, maxMinutes: 120, requiredFeatures: [], roles: [{ role: "speaker" as Role, min: 2, max: 3 }, { role: "moderator" as Role, min: 1, max: 1 }] },
      // No roles listed: no role rule, whoever takes part.
      { id: "open", name: { fr: "Format libre", en: "Open format" }, defaultMinutes: 60, minMinutes: 15, maxMinutes: 240, requiredFeatures: [], roles: [] },
    ],
    themes: [
      { id: "t1", name: { fr: "Données", en: "Data" } },
      { id: "t2", name: { fr: "Culture", en: "Culture" } },
    ],
    people,
    sessions: sessions.slice(0, sessionCount),
    acknowledgements: [],
  }));

export const changeArb = (input: ProgrammeInput): fc.Arbitrary<Change> => {
  const ids = input.sessions.map((s) => s.id);
  const id = fc.constantFrom(...ids);
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(id, placement).map(([sessionId, p]) => ({ kind: "move" as const, sessionId, roomId: p.roomId ?? "r1", start: p.start ?? at(20), end: p.end ?? at(22) })) },
    { weight: 2, arbitrary: fc.tuple(id, id).map(([a, b]) => ({ kind: "swap" as const, a, b })) },
    { weight: 1, arbitrary: id.map((sessionId) => ({ kind: "unschedule" as const, sessionId })) },
    { weight: 2, arbitrary: fc.tuple(id, peopleArb).map(([sessionId, people]) => ({ kind: "people" as const, sessionId, people })) },
  );
};

/** The change's meaning on plain data, written independently of the checker. */
export function applyChange(input: ProgrammeInput, change: Change): ProgrammeInput {
  const sessions = input.sessions.map((s) => ({ ...s }));
  const find = (id: string) => sessions.find((s) => s.id === id)!;
  if (change.kind === "move" || change.kind === "place") Object.assign(find(change.sessionId), { roomId: change.roomId, start: change.start, end: change.end });
  if (change.kind === "unschedule") Object.assign(find(change.sessionId), { roomId: null, start: null, end: null });
  if (change.kind === "people") find(change.sessionId).people = change.people;
  if (change.kind === "swap") {
    const a = find(change.a);
    const b = find(change.b);
    const pa = { roomId: a.roomId, start: a.start, end: a.end };
    Object.assign(a, { roomId: b.roomId, start: b.start, end: b.end });
    Object.assign(b, pa);
  }
  return { ...input, sessions };
}
