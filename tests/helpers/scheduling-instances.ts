// Seeded random scheduling instances for the property tests and the bench: a few rooms with
// features, capacities, opening hours and (for some) a slot grid; people with organisations and
// some availability windows; formats needing features; sessions to place and a few placed ones.
// Same seed → same instance.
import type { FormatInput, Level, PersonInput, ProgrammeInput, RoomInput, RuleId, SessionInput } from "~/domain/conflicts";
import { prng } from "~/domain/scheduling";
import { editionDays, localInterval } from "~/domain/time";

const ZONE = "Europe/Paris";
const FEATURES = ["stage", "av", "circle_seating"];

export const FORMATS: FormatInput[] = [
  { id: "talk", name: { fr: "Conférence", en: "Talk" }, defaultMinutes: 60, minMinutes: 30, maxMinutes: 90, requiredFeatures: ["av"], roles: [{ role: "speaker", min: 1, max: 3 }] },
  { id: "workshop", name: { fr: "Atelier", en: "Workshop" }, defaultMinutes: 90, minMinutes: 60, maxMinutes: 120, requiredFeatures: ["circle_seating"], roles: [{ role: "speaker", min: 1, max: 3 }] },
  { id: "lightning", name: { fr: "Éclair", en: "Lightning talk" }, defaultMinutes: 30, minMinutes: 15, maxMinutes: 30, requiredFeatures: [], roles: [{ role: "speaker", min: 1, max: 3 }] },
];

export function randomInstance(
  seed: number,
  { sessions: toPlace, days: dayCount = 1, placed: placedShare = 0.3 }: { sessions: number; days?: number; placed?: number },
): ProgrammeInput {
  const rand = prng(seed * 7907 + toPlace);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const first = "2016-03-09";
  const days = editionDays(first, dayCount === 1 ? first : "2016-03-10", ZONE);

  const roomCount = Math.max(2, Math.ceil(toPlace / 7));
  const rooms: RoomInput[] = Array.from({ length: roomCount }, (_, r) => {
    const features = FEATURES.filter(() => rand() < 0.5);
    if (r === 0) features.push("av");
    if (r === 1) features.push("circle_seating");
    const [opens, closes] = rand() < 0.25 ? ["10:00", "16:00"] : ["09:00", "18:00"];
    const openingHours = days.map((d) => localInterval(d.date, opens, closes, ZONE));
    const grid = r % 2 === 0;
    return {
      id: `room-${r + 1}`,
      name: `Salle ${r + 1}`,
      capacity: pick([30, 60, 120, 300]),
      features: [...new Set(features)].sort(),
      openingHours,
      walkingMinutes: {},
      slots: grid
        ? days.flatMap((d) => Array.from({ length: 8 }, (_, h) => localInterval(d.date, `${String(9 + h).padStart(2, "0")}:00`, `${String(10 + h).padStart(2, "0")}:00`, ZONE)))
        : [],
    };
  });
  for (const a of rooms) for (const b of rooms) if (a !== b) a.walkingMinutes[b.id] = pick([3, 5, 15]);

  const peopleCount = Math.max(3, Math.round(toPlace * 0.9));
  const people: PersonInput[] = Array.from({ length: peopleCount }, (_, k) => {
    const day = pick(days);
    const availability = rand() < 0.25 ? [rand() < 0.5 ? localInterval(day.date, "09:00", "13:00", ZONE) : localInterval(day.date, "13:00", "18:00", ZONE)] : [];
    return {
      id: `person-${k + 1}`,
      name: `Personne ${k + 1}`,
      publicName: `Personne ${k + 1}`,
      organisationId: rand() < 0.5 ? `org-${int(1, 3)}` : null,
      bio: { fr: "Bio", en: "Bio" },
      availability,
    };
  });

  const total = toPlace + Math.round(toPlace * placedShare);
  const sessions: SessionInput[] = [];
  const busy = new Map<string, { start: number; end: number }[]>();
  for (let k = 0; k < total; k++) {
    const format = pick(FORMATS);
    const speakers = new Set<string>();
    const count = rand() < 0.7 ? 1 : int(2, 3);
    while (speakers.size < count) speakers.add(pick(people).id);
    const session: SessionInput = {
      id: `session-${String(k + 1).padStart(3, "0")}`,
      title: { fr: `Session ${k + 1}`, en: `Session ${k + 1}` },
      abstract: { fr: "Résumé", en: "Abstract" },
      formatId: format.id,
      themeId: rand() < 0.7 ? `theme-${int(1, 3)}` : null,
      status: "accepted",
      isPublic: true,
      expectedAudience: rand() < 0.8 ? pick([20, 40, 80, 150, 250]) : null,
      roomId: null,
      start: null,
      end: null,
      people: [...speakers].map((personId) => ({ personId, role: "speaker" as const, confirmation: rand() < 0.9 ? ("confirmed" as const) : ("pending" as const) })),
    };
    if (k >= toPlace) {
      // A placed session, at a free hour of a room with its features.
      const room = pick(rooms.filter((r) => format.requiredFeatures.every((f) => r.features.includes(f))));
      const day = pick(days);
      const { start } = localInterval(day.date, `${String(int(10, 15)).padStart(2, "0")}:00`, "18:00", ZONE);
      const end = start + format.defaultMinutes * 60_000;
      const list = busy.get(room.id) ?? [];
      if (!list.some((b) => b.start < end && start < b.end)) {
        list.push({ start, end });
        busy.set(room.id, list);
        Object.assign(session, { roomId: room.id, start, end, status: "scheduled" });
      }
    }
    sessions.push(session);
  }

  const levels: Partial<Record<RuleId, Level>> = rand() < 0.3 ? { SPEAKER_CHANGEOVER: "error" } : {};
  return {
    edition: { timeZone: ZONE, days, mainLanguage: "fr", changeoverMinutes: 10, dailySessionLimit: 3, levels },
    rooms,
    formats: FORMATS,
    themes: [1, 2, 3].map((t) => ({ id: `theme-${t}`, name: { fr: `Thème ${t}`, en: `Theme ${t}` } })),
    people,
    sessions,
    acknowledgements: [],
  };
}
