// The first Grand Barouf numérique: 9 and 10 March 2016, CCI Grand-Lille.
// Dates, venue, themes, formats and the four people below come from the press
// coverage of the edition; rooms, the other speakers and the sessions are
// ILLUSTRATIVE sample data (flagged `isSample`) so the back office has a
// realistic programme to show, including a few deliberate conflicts.
import type { FormatRole, OrganisationKind, RoomFeature } from "~/domain/vocabulary";

export const EDITION = {
  slug: "grand-barouf-2016",
  title: "Grand Barouf numérique 2016",
  startDate: "2016-03-09",
  endDate: "2016-03-10",
  timeZone: "Europe/Paris",
  venue: "CCI Grand-Lille, Lille",
  mainLanguage: "fr" as const,
  changeoverMinutes: 10,
  dailySessionLimit: 3,
};

export const DAYS = ["2016-03-09", "2016-03-10"] as const;

export const ORGANISATIONS: { key: string; name: string; kind: OrganisationKind; website?: string; runsEdition?: boolean }[] = [
  { key: "mel", name: "Métropole Européenne de Lille", kind: "public_body", website: "https://www.lillemetropole.fr", runsEdition: true },
  { key: "ouishare", name: "OuiShare", kind: "collective", website: "https://www.ouishare.net", runsEdition: true },
  { key: "pop", name: "POP", kind: "association", runsEdition: true },
  { key: "uber", name: "Uber", kind: "company" },
  { key: "fresnoy", name: "Le Fresnoy – Studio national des arts contemporains", kind: "public_body" },
  // Illustrative organisations
  { key: "euratech", name: "Ruche numérique des Flandres (exemple)", kind: "company" },
  { key: "univ", name: "Université du Littoral numérique (exemple)", kind: "public_body" },
  { key: "coop", name: "Coopérative des Communs (exemple)", kind: "collective" },
  { key: "opendata", name: "Collectif Données Ouvertes Lille (exemple)", kind: "collective" },
  { key: "mutuelle", name: "Mutuelle Solidaire du Nord (exemple)", kind: "association" },
  { key: "startup", name: "Plateforme Coursier (exemple)", kind: "company" },
  { key: "region", name: "Conseil régional (exemple)", kind: "public_body" },
];

export const THEMES = [
  { key: "solidarites", nameFr: "Nouvelles solidarités 2.0", nameEn: "New solidarity 2.0", colour: "#c0392b" },
  { key: "modeles", nameFr: "Modèles économiques résilients", nameEn: "Resilient business models", colour: "#16806f" },
  { key: "travailleurs", nameFr: "Travailleurs émancipés", nameEn: "Emancipated workers", colour: "#b9651b" },
  { key: "citoyens", nameFr: "Citoyens acteurs publics", nameEn: "Citizens as public actors", colour: "#2f5f8a" },
] as const;
export type ThemeKey = (typeof THEMES)[number]["key"];

export const FORMATS: {
  key: string;
  nameFr: string;
  nameEn: string;
  defaultMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  roles: FormatRole[];
  requiredFeatures: RoomFeature[];
}[] = [
  { key: "keynote", nameFr: "Keynote", nameEn: "Keynote", defaultMinutes: 30, minMinutes: 20, maxMinutes: 45, roles: [{ role: "speaker", min: 1, max: 1 }], requiredFeatures: ["stage", "av"] },
  { key: "conference-spectacle", nameFr: "Conférence-spectacle", nameEn: "Performance lecture", defaultMinutes: 60, minMinutes: 45, maxMinutes: 90, roles: [{ role: "speaker", min: 1, max: 2 }, { role: "artist", min: 0, max: 4 }], requiredFeatures: ["stage", "av"] },
  { key: "fishbowl", nameFr: "Fishbowl", nameEn: "Fishbowl", defaultMinutes: 75, minMinutes: 60, maxMinutes: 90, roles: [{ role: "moderator", min: 1, max: 1 }, { role: "expert", min: 3, max: 5 }], requiredFeatures: ["circle_seating"] },
  { key: "atelier", nameFr: "Atelier", nameEn: "Workshop", defaultMinutes: 90, minMinutes: 60, maxMinutes: 120, roles: [{ role: "facilitator", min: 1, max: 2 }], requiredFeatures: ["tables"] },
  { key: "table-ronde", nameFr: "Table ronde", nameEn: "Round table", defaultMinutes: 60, minMinutes: 45, maxMinutes: 90, roles: [{ role: "moderator", min: 1, max: 1 }, { role: "speaker", min: 2, max: 5 }], requiredFeatures: ["av"] },
  { key: "exposition", nameFr: "Exposition", nameEn: "Exhibition", defaultMinutes: 480, minMinutes: 60, maxMinutes: 600, roles: [{ role: "artist", min: 1, max: 10 }], requiredFeatures: ["exhibition_space"] },
  { key: "pause", nameFr: "Pause", nameEn: "Break", defaultMinutes: 15, minMinutes: 10, maxMinutes: 90, roles: [], requiredFeatures: [] },
];
export type FormatKey = "keynote" | "conference-spectacle" | "fishbowl" | "atelier" | "table-ronde" | "exposition" | "pause";

/** `zone` places rooms along the building: walking minutes grow with the distance. */
export const ROOMS: { key: string; name: string; capacity: number; features: RoomFeature[]; zone: number; closes?: string }[] = [
  { key: "auditorium", name: "Grand Auditorium", capacity: 700, features: ["stage", "av", "accessible"], zone: 0, closes: "22:00" },
  { key: "vauban", name: "Salle Vauban", capacity: 200, features: ["stage", "av", "accessible"], zone: 0 },
  { key: "jeanbart", name: "Salle Jean Bart", capacity: 120, features: ["av", "tables", "accessible"], zone: 1 },
  { key: "agora", name: "Agora", capacity: 80, features: ["circle_seating", "accessible"], zone: 1 },
  { key: "atelier1", name: "Atelier 1", capacity: 40, features: ["tables", "av"], zone: 2 },
  { key: "atelier2", name: "Atelier 2", capacity: 30, features: ["tables"], zone: 2 },
  { key: "beffroi", name: "Salle du Beffroi", capacity: 60, features: ["av", "accessible"], zone: 3 },
  { key: "hall", name: "Hall d’exposition", capacity: 500, features: ["exhibition_space", "accessible"], zone: 1 },
];
export const OPENS = "08:30";
export const CLOSES = "19:00";
export const walkingMinutes = (a: number, b: number) => 2 + 3 * Math.abs(a - b);

export type SeedSpeaker = {
  key: string;
  publicName: string;
  organisation: string | null;
  jobTitle: string | null;
  bioFr: string | null;
  bioEn: string | null;
  email: string;
  languages: string[];
  sample: boolean;
  /** Local availability windows on a day, when the speaker gave any. */
  availability?: { date: string; start: string; end: string }[];
};

export const NAMED_SPEAKERS: SeedSpeaker[] = [
  { key: "kopp", publicName: "Grégoire Kopp", organisation: "uber", jobTitle: "Directeur de la communication, Uber France", bioFr: "Porte-parole d’Uber en France, il défend le modèle des plateformes de mise en relation.", bioEn: "Uber’s spokesperson in France, he argues for the platform model.", email: "gregoire.kopp@example.org", languages: ["fr", "en"], sample: false },
  { key: "castelain", publicName: "Damien Castelain", organisation: "mel", jobTitle: "Président de la Métropole Européenne de Lille", bioFr: "Président de la Métropole Européenne de Lille, qui organise le Grand Barouf numérique.", bioEn: "President of the Lille European Metropolis, which runs the Grand Barouf numérique.", email: "damien.castelain@example.org", languages: ["fr"], sample: false },
  { key: "leblond", publicName: "Jennifer Leblond", organisation: "ouishare", jobTitle: "OuiShare", bioFr: "Membre de OuiShare, elle anime la communauté lilloise de l’économie collaborative.", bioEn: "A OuiShare member who runs Lille’s collaborative economy community.", email: "jennifer.leblond@example.org", languages: ["fr", "en"], sample: false },
  { key: "levrat", publicName: "Claire Levrat", organisation: "mel", jobTitle: "Métropole Européenne de Lille", bioFr: "Elle suit à la Métropole Européenne de Lille la stratégie numérique du territoire.", bioEn: null, email: "claire.levrat@example.org", languages: ["fr"], sample: false },
];

const FIRST = ["Amélie", "Bastien", "Chloé", "David", "Élise", "Farid", "Gaëlle", "Hugo", "Inès", "Julien", "Karima", "Louis", "Manon", "Nicolas", "Océane", "Pierre", "Quentin", "Rachida", "Sébastien", "Thaïs", "Ulysse", "Valérie", "William", "Yasmine", "Zoé", "Antoine", "Bérénice", "Cédric", "Delphine", "Étienne"];
const LAST = ["Martin", "Dubois", "Lefebvre", "Moreau", "Lambert", "Benali", "Roussel", "Fontaine", "Mercier", "Dupont", "Haddad", "Vasseur", "Delattre", "Carpentier", "Leroy", "Deschamps", "Caron", "Bouzid", "Lemaire", "Nguyen", "Wattez", "Vandamme", "Duhamel", "Kaci", "Lecomte", "Fournier", "Masson", "Guerin", "Boucher", "Dumont"];
const JOBS = ["Chercheuse en sociologie du travail", "Fondateur de tiers-lieu", "Designer de services publics", "Développeur civic tech", "Élue à la transition numérique", "Coordinatrice d’un fab lab", "Économiste", "Juriste du numérique", "Artiste numérique", "Journaliste", "Responsable RSE", "Syndicaliste", "Data scientist", "Chargée de mission open data", "Entrepreneur social"];
const ORGS = ["euratech", "univ", "coop", "opendata", "mutuelle", "startup", "region", "fresnoy", "ouishare", "mel"];

/** Thirty illustrative speakers: invented names, example.org emails, flagged as sample data. */
export const SAMPLE_SPEAKERS: SeedSpeaker[] = FIRST.map((first, i) => {
  const last = LAST[i]!;
  const job = JOBS[i % JOBS.length]!;
  const slug = `${first}.${last}`.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  return {
    key: `s${i + 1}`,
    publicName: `${first} ${last}`,
    organisation: ORGS[i % ORGS.length]!,
    jobTitle: job,
    // Two speakers have not written their bio yet (PUBLIC_INFO_MISSING has something to say).
    bioFr: i === 7 || i === 19 ? null : `${job}, ${first} ${last} intervient au Grand Barouf (personne fictive, donnée d’exemple).`,
    bioEn: i % 3 === 0 ? `${job} (fictional person, sample data).` : null,
    email: `${slug}@example.org`,
    languages: i % 4 === 0 ? ["fr", "en"] : ["fr"],
    sample: true,
    // A few gave availability; s5 is only there on the afternoon of the first day.
    availability:
      i === 4
        ? [{ date: "2016-03-09", start: "13:30", end: "19:00" }]
        : i === 11
          ? [{ date: "2016-03-09", start: "08:30", end: "19:00" }, { date: "2016-03-10", start: "08:30", end: "13:00" }]
          : undefined,
  };
});

export type SeedSession = {
  key: string;
  theme: ThemeKey | null;
  format: FormatKey;
  titleFr: string;
  titleEn: string | null;
  abstractFr: string;
  people: [speaker: string, role: FormatRole["role"], confirmation?: "pending" | "confirmed" | "declined"][];
  expectedAudience?: number;
  /** Where and when: day index, local start, room key; absent = unscheduled. */
  at?: [day: 0 | 1, start: string, room: string];
  minutes?: number;
  status?: "draft" | "accepted" | "cancelled";
  isPublic?: boolean;
};

const A = "Donnée d’exemple : ";
export const SESSIONS: SeedSession[] = [
  // Day 1 — opening
  { key: "ouverture", theme: "citoyens", format: "keynote", titleFr: "Ouverture : la métropole à l’heure du numérique", titleEn: "Opening: the metropolis in the digital age", abstractFr: `${A}le président de la MEL ouvre la première édition du Grand Barouf numérique.`, people: [["castelain", "speaker", "confirmed"]], expectedAudience: 650, at: [0, "09:00", "auditorium"] },
  { key: "uber-keynote", theme: "travailleurs", format: "keynote", titleFr: "Plateformes et travail : le point de vue d’Uber", titleEn: "Platforms and work: Uber’s view", abstractFr: `${A}une keynote qui confronte les opinions sur l’économie des plateformes.`, people: [["kopp", "speaker", "confirmed"]], expectedAudience: 600, at: [0, "09:30", "auditorium"] },
  { key: "fishbowl-collab", theme: "modeles", format: "fishbowl", titleFr: "Fishbowl : l’économie collaborative tient-elle ses promesses ?", titleEn: "Fishbowl: does the collaborative economy keep its promises?", abstractFr: `${A}un cercle d’experts et une chaise vide pour le public.`, people: [["leblond", "moderator", "confirmed"], ["s1", "expert", "confirmed"], ["s2", "expert", "confirmed"], ["s3", "expert", "confirmed"]], expectedAudience: 70, at: [0, "10:45", "agora"] },
  // Deliberate conflict 1: Jennifer Leblond is also facilitating this workshop at the same time.
  { key: "atelier-communs", theme: "modeles", format: "atelier", titleFr: "Atelier : cartographier les communs lillois", titleEn: "Workshop: mapping Lille’s commons", abstractFr: `${A}un atelier pratique, cartes et données ouvertes à l’appui.`, people: [["leblond", "facilitator", "confirmed"], ["s4", "facilitator", "confirmed"]], expectedAudience: 30, at: [0, "11:00", "atelier1"], minutes: 90 },
  // Deliberate conflict 2: a round table expecting 300 people in a room of 120.
  { key: "table-emploi", theme: "travailleurs", format: "table-ronde", titleFr: "Table ronde : les travailleurs indépendants du numérique", titleEn: "Round table: digital freelancers", abstractFr: `${A}statut, protection sociale et collectifs de freelances.`, people: [["s6", "moderator", "confirmed"], ["s7", "speaker", "confirmed"], ["s8", "speaker", "confirmed"], ["s9", "speaker", "confirmed"]], expectedAudience: 300, at: [0, "10:45", "jeanbart"] },
  // Deliberate conflict 3: a fishbowl in a room without circle seating.
  { key: "fishbowl-donnees", theme: "citoyens", format: "fishbowl", titleFr: "Fishbowl : à qui appartiennent les données de la ville ?", titleEn: "Fishbowl: who owns the city’s data?", abstractFr: `${A}citoyens, élus et entreprises face aux données urbaines.`, people: [["levrat", "moderator", "confirmed"], ["s10", "expert", "confirmed"], ["s11", "expert", "confirmed"], ["s12", "expert", "confirmed"]], expectedAudience: 50, at: [0, "14:00", "beffroi"] },
  { key: "spectacle-algos", theme: "citoyens", format: "conference-spectacle", titleFr: "Conférence-spectacle : les algorithmes nous gouvernent-ils ?", titleEn: "Performance lecture: do algorithms govern us?", abstractFr: `${A}un comédien et une chercheuse mettent en scène nos vies calculées.`, people: [["s13", "speaker", "confirmed"], ["s14", "artist", "confirmed"]], expectedAudience: 400, at: [0, "14:00", "auditorium"] },
  { key: "expo-fresnoy-1", theme: null, format: "exposition", titleFr: "Exposition : œuvres numériques du Fresnoy", titleEn: "Exhibition: digital artworks from Le Fresnoy", abstractFr: "Des œuvres d’étudiants et d’artistes du Fresnoy – Studio national des arts contemporains.", people: [["s15", "artist", "confirmed"], ["s16", "artist", "confirmed"]], expectedAudience: 300, at: [0, "10:00", "hall"], minutes: 480 },
  { key: "expo-fresnoy-2", theme: null, format: "exposition", titleFr: "Exposition : œuvres numériques du Fresnoy (2e jour)", titleEn: "Exhibition: digital artworks from Le Fresnoy (day 2)", abstractFr: "Des œuvres d’étudiants et d’artistes du Fresnoy – Studio national des arts contemporains.", people: [["s15", "artist", "confirmed"], ["s16", "artist", "confirmed"]], expectedAudience: 300, at: [1, "10:00", "hall"], minutes: 480 },
  { key: "dejeuner-1", theme: null, format: "pause", titleFr: "Pause déjeuner", titleEn: "Lunch break", abstractFr: "Déjeuner dans le hall.", people: [], at: [0, "12:45", "vauban"], minutes: 75 },
  { key: "dejeuner-2", theme: null, format: "pause", titleFr: "Pause déjeuner", titleEn: "Lunch break", abstractFr: "Déjeuner dans le hall.", people: [], at: [1, "12:45", "vauban"], minutes: 75 },
  { key: "cloture", theme: "solidarites", format: "keynote", titleFr: "Clôture : et maintenant, on fait quoi ?", titleEn: "Closing: what now?", abstractFr: `${A}synthèse des deux jours et rendez-vous en 2017.`, people: [["levrat", "speaker", "confirmed"]], expectedAudience: 500, at: [1, "17:30", "auditorium"] },
];

// The rest of the programme: a regular grid across the four themes.
const GRID_TITLES: Record<ThemeKey, [string, string][]> = {
  solidarites: [
    ["Entraide de voisinage : les plateformes locales", "Neighbourhood help: local platforms"],
    ["Le don à l’ère du numérique", "Giving in the digital age"],
    ["Inclusion numérique : personne au bord du chemin", "Digital inclusion: no one left behind"],
    ["Habitat partagé et outils collaboratifs", "Shared housing and collaborative tools"],
    ["Santé : les communautés de patients en ligne", "Health: online patient communities"],
    ["Monnaies locales et solidarité", "Local currencies and solidarity"],
    ["Tiers-lieux : ce que nous avons appris", "Third places: what we learned"],
    ["Aidants connectés", "Connected carers"],
    ["Les associations face au numérique", "Associations and digital tools"],
    ["Solidarité et vie privée", "Solidarity and privacy"],
    ["Le bénévolat réinventé", "Volunteering reinvented"],
  ],
  modeles: [
    ["Coopératives de plateforme", "Platform cooperatives"],
    ["Financement participatif en région", "Crowdfunding in the region"],
    ["Économie circulaire et données", "Circular economy and data"],
    ["Le commerce de proximité se numérise", "Local shops go digital"],
    ["Open source : un modèle économique ?", "Open source: a business model?"],
    ["Usage plutôt que propriété", "Use rather than ownership"],
    ["Les communs numériques", "Digital commons"],
    ["Industrie 4.0 dans la métropole", "Industry 4.0 in the metropolis"],
    ["Entreprendre autrement", "Another way to start a business"],
    ["Circuits courts et applications", "Short supply chains and apps"],
    ["Résilience des PME", "SME resilience"],
  ],
  travailleurs: [
    ["Freelances : s’organiser en collectif", "Freelancers: organising together"],
    ["Le travail à distance, vraiment libre ?", "Remote work: really free?"],
    ["Formation tout au long de la vie", "Lifelong learning"],
    ["Syndicats et plateformes", "Unions and platforms"],
    ["Coworking : la fin du bureau ?", "Coworking: the end of the office?"],
    ["Revenu de base et numérique", "Basic income and digital work"],
    ["Les métiers de demain", "Tomorrow’s jobs"],
    ["Droit à la déconnexion", "The right to disconnect"],
    ["Makers et artisans numériques", "Makers and digital craftspeople"],
    ["Portage salarial et indépendance", "Umbrella companies and independence"],
    ["Algorithmes et management", "Algorithms and management"],
  ],
  citoyens: [
    ["Budget participatif en ligne", "Online participatory budgeting"],
    ["Civic tech : bilan et perspectives", "Civic tech: review and outlook"],
    ["Open data : les données publiques servent-elles ?", "Open data: is public data used?"],
    ["Consultations numériques", "Digital consultations"],
    ["Les élus et les réseaux sociaux", "Elected officials and social media"],
    ["Transparence de l’action publique", "Transparency of public action"],
    ["La ville intelligente, pour qui ?", "The smart city, for whom?"],
    ["Hackathons citoyens", "Citizen hackathons"],
    ["Éducation au numérique", "Digital education"],
    ["Pétitions et mobilisations en ligne", "Online petitions and mobilisation"],
    ["Services publics en ligne : l’usager d’abord", "Online public services: users first"],
  ],
};

const GRID_ROOMS = ["vauban", "jeanbart", "atelier1", "atelier2", "beffroi", "agora"] as const;
const GRID_STARTS = ["10:45", "14:00", "15:15", "16:30"] as const;
const THEME_KEYS: ThemeKey[] = ["solidarites", "modeles", "travailleurs", "citoyens"];
const GRID_MINUTES = 60;

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Places the grid so that it adds no conflict of its own: a free room, people who
 * are free (with a 15-minute margin), available, and under the daily limit. The
 * only conflicts of the seed are then the deliberate ones above (and the pending
 * confirmations and missing bios, which are warnings).
 */
function gridSessions(): SeedSession[] {
  const busy = new Map<string, { day: number; from: number; to: number }[]>();
  const roomUse: { day: number; room: string; from: number; to: number }[] = [];
  const roomFree = ([day, start, room]: NonNullable<SeedSession["at"]>) => {
    const from = toMinutes(start);
    return !roomUse.some((u) => u.day === day && u.room === room && u.from < from + GRID_MINUTES && from < u.to);
  };
  const book = (person: string, day: number, from: number, to: number) => {
    const list = busy.get(person) ?? [];
    list.push({ day, from, to });
    busy.set(person, list);
  };
  for (const session of SESSIONS) {
    if (!session.at) continue;
    const [day, start, room] = session.at;
    const from = toMinutes(start);
    const format = FORMATS.find((f) => f.key === session.format)!;
    const to = from + (session.minutes ?? format.defaultMinutes);
    roomUse.push({ day, room, from, to });
    for (const [person] of session.people) book(person, day, from, to);
  }
  const speakerByKey = new Map(SAMPLE_SPEAKERS.map((s) => [s.key, s]));
  const isFree = (person: string, day: number, from: number, to: number) => {
    const list = busy.get(person) ?? [];
    if (list.filter((b) => b.day === day).length >= EDITION.dailySessionLimit) return false;
    if (list.some((b) => b.day === day && b.from < to + 15 && from < b.to + 15)) return false;
    const windows = speakerByKey.get(person)?.availability;
    if (!windows) return true;
    return windows.some((w) => w.date === DAYS[day] && toMinutes(w.start) <= from && to <= toMinutes(w.end));
  };

  const out: SeedSession[] = [];
  let n = 0;
  for (let t = 0; t < 11; t++) {
    for (const theme of THEME_KEYS) {
      const [titleFr, titleEn] = GRID_TITLES[theme][t]!;
      const index = n++;
      const roomKey = GRID_ROOMS[index % GRID_ROOMS.length]!;
      const format: FormatKey = roomKey === "atelier1" || roomKey === "atelier2" ? "atelier" : roomKey === "agora" ? "fishbowl" : "table-ronde";
      const roles: FormatRole["role"][] =
        format === "atelier" ? ["facilitator"] : format === "fishbowl" ? ["moderator", "expert", "expert", "expert"] : ["moderator", "speaker", "speaker"];
      // The last four are not placed yet: three accepted, one draft.
      const unscheduled = index >= 40;
      let at: SeedSession["at"];
      let chosen: string[] = [];
      const candidates = unscheduled ? [undefined] : slotsFor(index, roomKey);
      for (const slot of candidates) {
        if (slot && !roomFree(slot)) continue;
        const picked: string[] = [];
        for (let k = 0; k < 30 && picked.length < roles.length; k++) {
          const person = `s${((index * 7 + k) % 30) + 1}`;
          if (picked.includes(person)) continue;
          if (slot && !isFree(person, slot[0], toMinutes(slot[1]), toMinutes(slot[1]) + GRID_MINUTES)) continue;
          picked.push(person);
        }
        if (picked.length < roles.length) continue;
        chosen = picked;
        at = slot;
        break;
      }
      if (at) {
        roomUse.push({ day: at[0], room: at[2], from: toMinutes(at[1]), to: toMinutes(at[1]) + GRID_MINUTES });
        for (const person of chosen) book(person, at[0], toMinutes(at[1]), toMinutes(at[1]) + GRID_MINUTES);
      }
      out.push({
        key: `grid-${index + 1}`,
        theme,
        format,
        titleFr,
        titleEn,
        abstractFr: `${A}${titleFr.charAt(0).toLowerCase()}${titleFr.slice(1)}.`,
        people: chosen.map((person, i) => [person, roles[i]!, (index * 3 + i) % 17 === 0 ? "pending" : "confirmed"]),
        expectedAudience: format === "atelier" ? 25 : format === "fishbowl" ? 60 : 50,
        at,
        minutes: GRID_MINUTES,
        status: unscheduled ? (index === 43 ? "draft" : "accepted") : undefined,
      });
    }
  }
  return out;
}

/** The grid slots of a room, starting from one that depends on the session so days stay mixed. */
function slotsFor(index: number, room: string): NonNullable<SeedSession["at"]>[] {
  const all: NonNullable<SeedSession["at"]>[] = [];
  for (const day of [0, 1] as const) for (const start of GRID_STARTS) all.push([day, start, room]);
  const offset = Math.floor(index / GRID_ROOMS.length) % all.length;
  return [...all.slice(offset), ...all.slice(0, offset)];
}

export const ALL_SESSIONS: SeedSession[] = [
  ...SESSIONS,
  ...gridSessions(),
  {
    key: "annulee",
    theme: "modeles",
    format: "table-ronde",
    titleFr: "Table ronde : la blockchain pour les collectivités (annulée)",
    titleEn: "Round table: blockchain for local government (cancelled)",
    abstractFr: `${A}session annulée, gardée avec son historique.`,
    people: [["s20", "moderator", "declined"], ["s21", "speaker", "confirmed"], ["s22", "speaker", "confirmed"]],
    status: "cancelled",
  },
];
