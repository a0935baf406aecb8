// Deterministic, seeded programmes for benchmarks and bulk tests (PERFORMANCE.md):
//   BAROUF  120 sessions,    150 people,   8 rooms, 2 days (the seed edition's size)
//   F1     1,100 sessions,  1,200 people,  35 rooms, 2 days (FOSDEM 2025)
//   F10   11,000 sessions, 12,000 people, 350 rooms, 4 days over the 27 March 2016 DST change,
//         late-night rooms with sessions across midnight, about 10% of placements in conflict.
// A Workload is a ProgrammeInput (hand it to checkProgramme as is) carrying what a database
// needs besides: names, slugs, e-mails, organisations, fr/en titles and abstracts.
// No Math.random: the same name and seed always give the same data.
import type {
  EditionInput,
  FormatInput,
  Interval,
  PersonInput,
  ProgrammeInput,
  Role,
  RoomInput,
  SessionInput,
  SessionPersonInput,
  ThemeInput,
} from "~/domain/conflicts";
import { slugify } from "~/domain/slug";
import { addDays, editionDays, localInterval } from "~/domain/time";

export type WorkloadName = "BAROUF" | "F1" | "F10";

export interface WorkloadSpec {
  name: WorkloadName;
  sessions: number;
  people: number;
  rooms: number;
  firstDay: string;
  days: number;
  themes: number;
  /** Share of rooms open late (18:00–01:30, across midnight). */
  lateNightRooms: number;
  /** Share of placed sessions given a deliberate block/error problem. */
  conflictRate: number;
}

export const WORKLOADS: Record<WorkloadName, WorkloadSpec> = {
  BAROUF: { name: "BAROUF", sessions: 120, people: 150, rooms: 8, firstDay: "2016-03-09", days: 2, themes: 6, lateNightRooms: 0.125, conflictRate: 0.1 },
  F1: { name: "F1", sessions: 1_100, people: 1_200, rooms: 35, firstDay: "2016-03-12", days: 2, themes: 60, lateNightRooms: 0, conflictRate: 0.1 },
  F10: { name: "F10", sessions: 11_000, people: 12_000, rooms: 350, firstDay: "2016-03-25", days: 4, themes: 600, lateNightRooms: 0.05, conflictRate: 0.1 },
};

export interface WorkloadOrganisation {
  id: string;
  name: string;
  slug: string;
}

export interface WorkloadEdition extends EditionInput {
  id: string;
  name: string;
  slug: string;
  firstDay: string;
  lastDay: string;
}

export interface WorkloadRoom extends RoomInput {
  slug: string;
  building: string;
}
export interface WorkloadFormat extends FormatInput {
  slug: string;
}
export interface WorkloadTheme extends ThemeInput {
  slug: string;
}
export interface WorkloadPerson extends PersonInput {
  slug: string;
  email: string;
}
export interface WorkloadSession extends SessionInput {
  slug: string;
}

export interface Workload extends ProgrammeInput {
  name: WorkloadName;
  seed: number;
  edition: WorkloadEdition;
  organisations: WorkloadOrganisation[];
  rooms: WorkloadRoom[];
  formats: WorkloadFormat[];
  themes: WorkloadTheme[];
  people: WorkloadPerson[];
  sessions: WorkloadSession[];
  /** Ids of the sessions given a deliberate problem, by kind. */
  injected: Record<"roomOverlap" | "speakerOverlap" | "closed" | "unavailable" | "declined", string[]>;
}

/** sfc32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

const FIRST = ["Camille", "Dominique", "Claude", "Alex", "Sacha", "Léa", "Hugo", "Inès", "Karim", "Zoé", "Nathan", "Amina", "Louis", "Chloé", "Yanis", "Manon", "Jules", "Sarah", "Éric", "Fatou", "Paul", "Lina", "Noé", "Ana"];
const LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Nguyen", "Diallo", "Haddad", "Rossi", "Meyer"];
const ORG_WORDS = ["Coop", "Lab", "Collectif", "Studio", "Fondation", "Association", "Atelier", "Réseau", "Agence", "Institut"];
const ORG_NAMES = ["Numérique", "Libre", "Commun", "Nord", "Data", "Open", "Civic", "Média", "Arts", "Code"];
const ROOM_NAMES = ["Gutenberg", "Lovelace", "Turing", "Hopper", "Curie", "Jaurès", "Hugo", "Zola", "Sand", "Verne", "Colette", "Pasteur"];
const TOPICS_FR = ["données ouvertes", "inclusion numérique", "logiciel libre", "médias", "cybersécurité", "sobriété", "éducation", "démocratie", "création", "santé", "ville", "emploi"];
const TOPICS_EN = ["open data", "digital inclusion", "free software", "media", "security", "sufficiency", "education", "democracy", "creation", "health", "cities", "work"];
const FEATURES = ["video", "sound", "stage", "piano", "streaming", "accessible"];

const FORMATS: WorkloadFormat[] = [
  { id: "fmt-talk", slug: "talk", name: { fr: "Conférence", en: "Talk" }, defaultMinutes: 30, minMinutes: 20, maxMinutes: 50, requiredFeatures: ["video"], roles: [{ role: "speaker", min: 1, max: 2 }] },
  { id: "fmt-lightning", slug: "lightning", name: { fr: "Éclair", en: "Lightning talk" }, defaultMinutes: 15, minMinutes: 10, maxMinutes: 20, requiredFeatures: [], roles: [{ role: "speaker", min: 1, max: 1 }] },
  { id: "fmt-panel", slug: "panel", name: { fr: "Table ronde", en: "Panel" }, defaultMinutes: 60, minMinutes: 45, maxMinutes: 90, requiredFeatures: ["sound"], roles: [{ role: "speaker", min: 2, max: 4 }, { role: "moderator", min: 1, max: 1 }] },
  { id: "fmt-workshop", slug: "workshop", name: { fr: "Atelier", en: "Workshop" }, defaultMinutes: 90, minMinutes: 60, maxMinutes: 120, requiredFeatures: [], roles: [{ role: "facilitator", min: 1, max: 2 }] },
  { id: "fmt-concert", slug: "concert", name: { fr: "Concert", en: "Concert" }, defaultMinutes: 60, minMinutes: 30, maxMinutes: 120, requiredFeatures: ["stage", "sound"], roles: [{ role: "artist", min: 1, max: 4 }] },
];

/** Builds a workload. Same name and seed → same data. */
export function generateWorkload(name: WorkloadName, seed = 2016): Workload {
  const spec = WORKLOADS[name];
  const rand = prng(seed * 7919 + spec.sessions);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const chance = (p: number) => rand() < p;

  const timeZone = "Europe/Paris";
  const lastDay = addDays(spec.firstDay, spec.days - 1);
  const days = editionDays(spec.firstDay, lastDay, timeZone);
  const edition: WorkloadEdition = {
    id: `edition-${name.toLowerCase()}`,
    name: `Grand Barouf ${name}`,
    slug: `barouf-${name.toLowerCase()}`,
    firstDay: spec.firstDay,
    lastDay,
    timeZone,
    days,
    mainLanguage: "fr",
    changeoverMinutes: 10,
    dailySessionLimit: 3,
    levels: {},
  };

  // Rooms, in buildings of ten (three minutes' walk inside a building, the default between).
  const rooms: WorkloadRoom[] = [];
  const lateCount = Math.round(spec.rooms * spec.lateNightRooms);
  for (let r = 0; r < spec.rooms; r++) {
    const building = `Bâtiment ${String.fromCharCode(65 + (Math.floor(r / 10) % 26))}${Math.floor(r / 260) || ""}`;
    const roomName = `Salle ${ROOM_NAMES[r % ROOM_NAMES.length]}${r >= ROOM_NAMES.length ? ` ${Math.floor(r / ROOM_NAMES.length) + 1}` : ""}`;
    const late = r >= spec.rooms - lateCount;
    const features = FEATURES.filter(() => chance(0.5));
    if (!features.includes("video") && chance(0.8)) features.push("video");
    if (late) features.push("stage", "sound");
    const openingHours: Interval[] = edition.days.map((d) =>
      late ? localInterval(d.date, "18:00", "01:30", timeZone) : localInterval(d.date, "09:00", "19:00", timeZone),
    );
    rooms.push({
      id: `room-${r + 1}`,
      slug: slugify(roomName),
      name: roomName,
      building,
      capacity: late ? 400 : pick([40, 60, 80, 120, 200, 350, 800]),
      features: [...new Set(features)].sort(),
      openingHours,
      blocked: [],
      walkingMinutes: {},
      slots: r % 4 === 0 ? openingHours.flatMap((o) => hourlySlots(o)) : undefined,
    });
  }
  for (let r = 0; r < rooms.length; r++) {
    const from = Math.floor(r / 10) * 10;
    for (let q = from; q < Math.min(from + 10, rooms.length); q++) if (q !== r) rooms[r].walkingMinutes[rooms[q].id] = 3;
  }
  // A lunch-time technical pause in a few rooms on the first day.
  for (let r = 0; r < rooms.length; r += 9) {
    if (rooms[r].openingHours[0]) rooms[r].blocked = [localInterval(edition.days[0].date, "12:30", "13:00", timeZone)];
  }

  const themes: WorkloadTheme[] = Array.from({ length: spec.themes }, (_, t) => {
    const fr = `${TOPICS_FR[t % TOPICS_FR.length]}${t >= TOPICS_FR.length ? ` ${Math.floor(t / TOPICS_FR.length) + 1}` : ""}`;
    const en = `${TOPICS_EN[t % TOPICS_EN.length]}${t >= TOPICS_EN.length ? ` ${Math.floor(t / TOPICS_EN.length) + 1}` : ""}`;
    return { id: `theme-${t + 1}`, slug: slugify(en), name: { fr: fr[0].toUpperCase() + fr.slice(1), en: en[0].toUpperCase() + en.slice(1) } };
  });

  // Organisations: about one per six people, a few large ones; a third of the people have none.
  const organisations: WorkloadOrganisation[] = Array.from({ length: Math.max(3, Math.round(spec.people / 6)) }, (_, o) => {
    const orgName = `${ORG_WORDS[o % ORG_WORDS.length]} ${ORG_NAMES[Math.floor(o / ORG_WORDS.length) % ORG_NAMES.length]}${o >= 100 ? ` ${Math.floor(o / 100) + 1}` : ""}`;
    return { id: `org-${o + 1}`, name: orgName, slug: slugify(`${orgName}-${o + 1}`) };
  });

  const people: WorkloadPerson[] = Array.from({ length: spec.people }, (_, p) => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const personName = `${first} ${last}`;
    const slug = slugify(`${personName}-${p + 1}`);
    const orgRoll = rand();
    const organisationId = orgRoll < 0.33 ? null : organisations[Math.floor(organisations.length * rand() ** 2)].id;
    return {
      id: `person-${p + 1}`,
      slug,
      email: `${slug}@example.org`,
      name: personName,
      publicName: chance(0.02) ? null : personName,
      organisationId,
      bio: {
        fr: chance(0.03) ? null : `${first} travaille sur ${pick(TOPICS_FR)}.`,
        en: chance(0.2) ? null : `${first} works on ${pick(TOPICS_EN)}.`,
      },
      availability: [],
    };
  });

  // People are drawn from a pool per room (a speaker usually stays in one track), so the only
  // speaker clashes are the injected ones.
  const poolSize = Math.max(4, Math.floor(spec.people / spec.rooms));
  const poolOf = (r: number) => {
    const from = (r * poolSize) % Math.max(1, spec.people - poolSize);
    return (k: number) => people[from + (k % poolSize)];
  };

  // Fill each room-day with back-to-back sessions until the planned count is placed.
  const placedTarget = Math.round(spec.sessions * 0.93);
  const perRoomDay = Math.ceil(placedTarget / (spec.rooms * spec.days));
  const sessions: WorkloadSession[] = [];
  const grid: number[][] = []; // session indexes per room, in time order
  const personLoad = new Map<string, number>();
  const newSession = (roomIdx: number | null, start: number | null, format: WorkloadFormat, themeId: string): WorkloadSession => {
    const k = sessions.length + 1;
    const topic = int(0, TOPICS_FR.length - 1);
    const titleFr = `${format.name.fr} ${k} : ${TOPICS_FR[topic]}`;
    const titleEn = `${format.name.en} ${k}: ${TOPICS_EN[topic]}`;
    const draw = roomIdx === null ? (k2: number) => people[(k * 31 + k2 * 7) % people.length] : poolOf(roomIdx);
    const entries: SessionPersonInput[] = [];
    const used = new Set<string>();
    let cursor = int(0, 1000);
    for (const role of format.roles) {
      const count = role.min + (role.max > role.min && chance(0.3) ? 1 : 0);
      for (let c = 0; c < count; c++) {
        let person = draw(cursor++);
        for (let tries = 0; tries < 8 && (used.has(person.id) || (personLoad.get(person.id) ?? 0) >= 2); tries++) person = draw(cursor++);
        used.add(person.id);
        personLoad.set(person.id, (personLoad.get(person.id) ?? 0) + 1);
        entries.push({ personId: person.id, role: role.role as Role, confirmation: chance(0.04) ? "pending" : "confirmed" });
      }
    }
    const minutes = format.defaultMinutes;
    return {
      id: `session-${k}`,
      slug: slugify(`${titleEn}-${k}`),
      title: { fr: titleFr, en: chance(0.9) ? titleEn : null },
      abstract: {
        fr: chance(0.97) ? `Une session sur ${TOPICS_FR[topic]} : retours d'expérience et questions du public.` : null,
        en: chance(0.8) ? `A session on ${TOPICS_EN[topic]}: lessons learnt and questions from the audience.` : null,
      },
      formatId: format.id,
      themeId,
      status: roomIdx === null ? (chance(0.5) ? "accepted" : "draft") : "scheduled",
      isPublic: roomIdx !== null && chance(0.95),
      // Audiences mostly fit the room (a few overflow: ROOM_CAPACITY warnings).
      expectedAudience: chance(0.7) && roomIdx !== null ? Math.round((rooms[roomIdx].capacity ?? 100) * (chance(0.05) ? 1.3 : 0.2 + 0.7 * rand())) : null,
      roomId: roomIdx === null ? null : rooms[roomIdx].id,
      start,
      end: start === null ? null : start + minutes * 60_000,
      people: entries,
    };
  };
  const formatFor = (room: WorkloadRoom, late: boolean): WorkloadFormat => {
    if (late) return chance(0.7) ? FORMATS[4] : FORMATS[1];
    const roll = rand();
    const wanted = roll < 0.55 ? FORMATS[0] : roll < 0.75 ? FORMATS[1] : roll < 0.9 ? FORMATS[2] : FORMATS[3];
    return wanted.requiredFeatures.every((f) => room.features.includes(f)) ? wanted : FORMATS[1];
  };
  for (let d = 0; d < spec.days && sessions.length < placedTarget; d++) {
    for (let r = 0; r < spec.rooms && sessions.length < placedTarget; r++) {
      const room = rooms[r];
      const late = r >= spec.rooms - lateCount;
      const open = room.openingHours[d];
      const trackTheme = themes[(d * spec.rooms + r) % themes.length].id;
      let t = open.start;
      for (let c = 0; c < perRoomDay && sessions.length < placedTarget; c++) {
        const format = formatFor(room, late);
        if (t + format.defaultMinutes * 60_000 > open.end) break;
        const themeId = chance(0.95) ? trackTheme : pick(themes).id;
        const s = newSession(r, t, format, themeId);
        sessions.push(s);
        (grid[r] ??= []).push(sessions.length - 1);
        t = s.end! + pick([0, 0, 5, 10, 15]) * 60_000;
      }
    }
  }
  // A few rooms fill up before others: place the remainder anywhere there is room left.
  for (let r = 0; sessions.length < placedTarget && r < spec.rooms * spec.days * 4; r++) {
    const roomIdx = r % spec.rooms;
    const list = grid[roomIdx] ?? [];
    const last = list.length > 0 ? sessions[list[list.length - 1]] : null;
    const d = Math.floor(r / spec.rooms) % spec.days;
    const open = rooms[roomIdx].openingHours[d];
    const start = last && last.end! > open.start && last.end! < open.end ? last.end! : open.start;
    const format = FORMATS[1];
    if (start + format.defaultMinutes * 60_000 > open.end) continue;
    if (list.some((i) => sessions[i].start! < start + format.defaultMinutes * 60_000 && start < sessions[i].end!)) continue;
    sessions.push(newSession(roomIdx, start, format, themes[roomIdx % themes.length].id));
    (grid[roomIdx] ??= []).push(sessions.length - 1);
  }
  while (sessions.length < spec.sessions) sessions.push(newSession(null, null, pick(FORMATS.slice(0, 2)), pick(themes).id));

  // Deliberate problems on about conflictRate of the placements.
  const injected: Workload["injected"] = { roomOverlap: [], speakerOverlap: [], closed: [], unavailable: [], declined: [] };
  const placed = sessions.filter((s) => s.roomId !== null);
  const byRoomStart = new Map<string, WorkloadSession[]>();
  for (const s of placed) {
    const key = `${s.roomId}`;
    byRoomStart.set(key, [...(byRoomStart.get(key) ?? []), s]);
  }
  const target = Math.round(placed.length * spec.conflictRate);
  const touched = new Set<string>();
  for (let guard = 0; touched.size < target && guard < target * 20; guard++) {
    const s = pick(placed);
    if (touched.has(s.id)) continue;
    const kind = rand();
    if (kind < 0.3) {
      // Starts 10 minutes before the previous session in the room ends.
      const list = byRoomStart.get(s.roomId!)!;
      const at = list.indexOf(s);
      if (at <= 0 || touched.has(list[at - 1].id)) continue;
      const shift = s.start! - (list[at - 1].end! - 10 * 60_000);
      s.start! -= shift;
      s.end! -= shift;
      injected.roomOverlap.push(s.id);
      touched.add(list[at - 1].id);
    } else if (kind < 0.6) {
      // Shares a speaker with a session running at the same time in the next room.
      const other = byRoomStart.get(rooms[(rooms.findIndex((r) => r.id === s.roomId) + 1) % rooms.length].id)?.find(
        (o) => o.start! < s.end! && s.start! < o.end!,
      );
      if (!other || other.people.length === 0) continue;
      const guest = other.people[0];
      if (s.people.some((e) => e.personId === guest.personId)) continue;
      s.people[0] = { ...s.people[0], personId: guest.personId };
      injected.speakerOverlap.push(s.id);
      touched.add(other.id);
    } else if (kind < 0.8) {
      // Runs past closing time.
      const room = rooms.find((r) => r.id === s.roomId)!;
      const open = room.openingHours.find((o) => o.start <= s.start! && s.start! < o.end);
      if (!open) continue;
      const shift = open.end - s.start! - 5 * 60_000;
      s.start! += shift;
      s.end! += shift;
      injected.closed.push(s.id);
    } else if (kind < 0.9) {
      // Its first person is only available on another day.
      const person = people.find((p) => p.id === s.people[0]?.personId);
      if (!person || person.availability.length > 0) continue;
      const other = edition.days.find((d) => !(d.start <= s.start! && s.start! < d.end))!;
      person.availability = [{ start: other.start + 9 * 3_600_000, end: other.start + 12 * 3_600_000 }];
      injected.unavailable.push(s.id);
    } else {
      if (s.people.length === 0) continue;
      s.people[s.people.length - 1] = { ...s.people[s.people.length - 1], confirmation: "declined" };
      injected.declined.push(s.id);
    }
    touched.add(s.id);
  }

  return {
    name,
    seed,
    edition,
    organisations,
    rooms,
    formats: FORMATS.map((f) => ({ ...f, roles: f.roles.map((r) => ({ ...r })), requiredFeatures: [...f.requiredFeatures] })),
    themes,
    people,
    sessions,
    acknowledgements: [],
    injected,
  };
}

function hourlySlots(open: Interval): Interval[] {
  const out: Interval[] = [];
  for (let t = open.start; t + 3_600_000 <= open.end; t += 3_600_000) out.push({ start: t, end: t + 3_600_000 });
  return out;
}
