// Raw schedule (either format) → the neutral programme Barouf creates, with every value
// that had to change on the way. Nothing here refuses a readable file: odd values are
// normalised and reported, conflicts are left for the engine to report after the import.
import { slugify } from "../slug";
import { addDays, isValidTimeZone, localDate, localTime, localToEpoch, parseIsoInstant } from "../time";
import type {
  ImportChange,
  ImportedFormat,
  ImportedPerson,
  ImportedProgramme,
  ImportedRole,
  ImportedSession,
  ImportedTheme,
  RawEvent,
  RawSchedule,
} from "./model";
import { ImportRefusal, problem } from "./problems";

export const DEFAULT_TIME_ZONE = "Europe/Paris";
/** Slugs that are pages of their own under /editions/. */
export const RESERVED_EDITION_SLUGS = new Set(["new", "import", "switch"]);
const ROLES: readonly ImportedRole[] = ["speaker", "moderator", "expert", "facilitator", "artist"];
const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#ff7f0e", "#393b79", "#637939"];
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MINUTE = 60_000;
const DAY = 86_400_000;

export function isUuid(value: string | null | undefined): value is string {
  return typeof value === "string" && UUID_RE.test(value);
}

/** How names are compared when persons are merged: case, accents of composition and spacing ignored. */
export function nameKey(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "00:30", "0:30", "00:30:00", "1:90" → minutes and the canonical "HH:MM" (hours may pass 24). */
export function parseDuration(value: string): { minutes: number; canonical: string } | null {
  const m = /^\s*(\d{1,4}):(\d{1,2})(?::(\d{1,2}))?\s*$/.exec(value);
  if (!m) {
    const plain = /^\s*(\d{1,5})\s*$/.exec(value);
    if (!plain) return null;
    const minutes = Number(plain[1]);
    return { minutes, canonical: `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}` };
  }
  const minutes = Math.round((Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 60);
  return { minutes, canonical: `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}` };
}

function instantOrNull(value: string | null): number | null {
  if (!value) return null;
  try {
    return parseIsoInstant(value.trim());
  } catch {
    return null;
  }
}

/** "2019-12-27" or "2024-12-27T09:30:00+00:00" → a local date in the zone. */
function dateOf(value: string | null, timeZone: string): string | null {
  if (!value) return null;
  const instant = /T/.test(value) ? instantOrNull(value) : null;
  if (instant !== null) return localDate(instant, timeZone);
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (!m) return null;
  try {
    addDays(m[1]!, 0);
    return m[1]!;
  } catch {
    return null;
  }
}

/** A local "HH:MM" (or "H:MM", "HH:MM:SS") → "HH:MM", or null. */
function localHHMM(value: string): string | null {
  const m = /^\s*(\d{1,2}):(\d{2})(?::\d{2})?\s*$/.exec(value);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${pad2(Number(m[1]))}:${m[2]}`;
}

/** A local time in the zone; one the clocks skip (a DST gap) reads with the offset before the gap, as an hour later. */
function localInstant(date: string, time: string, timeZone: string): { instant: number; shifted: boolean } {
  try {
    return { instant: localToEpoch(date, time, timeZone), shifted: false };
  } catch {
    const [h, m] = time.split(":").map(Number) as [number, number];
    const later = `${pad2((h + 1) % 24)}:${pad2(m)}`;
    return { instant: localToEpoch(date, later, timeZone), shifted: true };
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function buildProgramme(raw: RawSchedule, options: { slug?: string } = {}): { programme: ImportedProgramme; changes: ImportChange[] } {
  const changes: ImportChange[] = [];
  const change = (kind: ImportChange["kind"], subject: string, from: string | null, to: string | null) =>
    changes.push({ kind, subject, from, to });

  // Time zone: the file's, or Barouf's default when it is missing or not an IANA zone.
  let timeZone = raw.timeZone?.trim() ?? "";
  if (timeZone === "") {
    timeZone = DEFAULT_TIME_ZONE;
    change("edition.timeZoneMissing", raw.title, null, timeZone);
  } else if (!isValidTimeZone(timeZone)) {
    change("edition.timeZoneInvalid", raw.title, timeZone, DEFAULT_TIME_ZONE);
    timeZone = DEFAULT_TIME_ZONE;
  }

  // Days must have a readable date: a day without one cannot place its events.
  const dayDates = raw.days.map((day) => {
    const date = dateOf(day.date, timeZone);
    if (date === null) {
      throw new ImportRefusal([problem("schema.date", `${day.where}.date`, `expected a date (YYYY-MM-DD), got ${JSON.stringify(day.date)}`, { value: day.date })]);
    }
    return date;
  });

  // Languages: the edition speaks the language most of its events use.
  const events: { event: RawEvent; dayIndex: number; room: string }[] = [];
  raw.days.forEach((day, dayIndex) => {
    for (const room of day.rooms) for (const event of room.events) events.push({ event, dayIndex, room: room.name });
  });
  const languageOf = (value: string | null) => {
    const primary = (value ?? "").trim().toLowerCase().split(/[-_]/)[0] ?? "";
    return primary;
  };
  const tally = { fr: 0, en: 0 };
  for (const { event } of events) {
    const lang = languageOf(event.language);
    if (lang === "fr" || lang === "en") tally[lang]++;
  }
  const mainLanguage: "fr" | "en" = tally.en > tally.fr ? "en" : "fr";

  // Rooms: declared ones first, then in order of appearance; one room per name.
  const roomNames = new Map<string, { name: string; capacity: number | null }>();
  for (const room of raw.rooms) if (!roomNames.has(room.name)) roomNames.set(room.name, { ...room });
  for (const day of raw.days) for (const room of day.rooms) if (!roomNames.has(room.name)) roomNames.set(room.name, { name: room.name, capacity: null });

  // Themes from tracks, formats from types.
  const themes = new Map<string, Mutable<ImportedTheme>>();
  const themeSlugs = new Set<string>();
  const uniqueIn = (set: Set<string>, base: string) => {
    let slug = base || "item";
    for (let n = 2; set.has(slug); n++) slug = `${base || "item"}-${n}`;
    set.add(slug);
    return slug;
  };
  const addTheme = (name: string, colour: string | null) => {
    if (themes.has(name)) return;
    let kept = PALETTE[themes.size % PALETTE.length]!;
    if (colour !== null && /^#[0-9a-f]{6}$/i.test(colour.trim())) kept = colour.trim().toLowerCase();
    else if (colour !== null && colour.trim() !== "") change("theme.colourInvalid", name, colour, kept);
    themes.set(name, { slug: uniqueIn(themeSlugs, slugify(name) || "theme"), name, colour: kept });
  };
  for (const track of raw.tracks) addTheme(track.name, track.colour);

  const formatDurations = new Map<string, number[]>();
  const formatOrder: string[] = [];

  // Persons: merged by guid (or the file's own person key), then by name.
  const persons: ImportedPerson[] = [];
  const byKey = new Map<string, number>();
  const byName = new Map<string, number>();
  const personKey = (p: RawEvent["persons"][number]) =>
    p.guid?.trim() ? `guid:${p.guid.trim().toLowerCase()}` : p.code?.trim() ? `code:${p.code.trim()}` : p.id?.trim() ? `id:${p.id.trim()}` : null;
  const personOf = (p: RawEvent["persons"][number]): number => {
    const key = personKey(p);
    const name = p.name.trim();
    let index = key === null ? undefined : byKey.get(key);
    if (index !== undefined) {
      const kept = persons[index]!;
      if (nameKey(kept.name) !== nameKey(name)) change("person.merged", name, name, kept.name);
    } else {
      // By name only where a key is missing on one side: two different guids are two people.
      const named = byName.get(nameKey(name));
      const namedHasKey = named !== undefined && !persons[named]!.sourceKey.startsWith("name:");
      index = named !== undefined && (key === null || !namedHasKey) ? named : undefined;
      if (index !== undefined) {
        const kept = persons[index]!;
        if (key !== null) {
          change("person.merged", name, `${name} (${key})`, kept.name);
          kept.sourceKey = key;
        } else if (namedHasKey) change("person.merged", name, name, `${kept.name} (${kept.sourceKey})`);
      } else {
        index = persons.length;
        persons.push({
          index,
          guid: isUuid(p.guid?.trim()) ? p.guid!.trim().toLowerCase() : null,
          sourceKey: key ?? `name:${nameKey(name)}`,
          name,
          bio: null,
          languages: [],
        });
        if (named === undefined) byName.set(nameKey(name), index);
      }
      if (key !== null) byKey.set(key, index);
    }
    const person = persons[index]!;
    if (!person.bio && p.bio && p.bio.trim() !== "") person.bio = p.bio;
    if (person.guid === null && isUuid(p.guid?.trim())) person.guid = p.guid!.trim().toLowerCase();
    return index;
  };

  // Sessions.
  const sessions: ImportedSession[] = [];
  const sessionSlugs = new Set<string>();
  const guids = new Set<string>();
  const sourceKeys = new Set<string>();
  const dates = new Set<string>(dayDates);
  const dayStartTime = raw.days.map((day) => {
    const instant = instantOrNull(day.dayStart);
    return instant === null ? null : localTime(instant, timeZone);
  });

  events.forEach(({ event, dayIndex, room }, position) => {
    const subject = event.title || event.where;
    // Identity.
    let guid: string | null = null;
    const sourceGuid = event.guid?.trim() || null;
    if (sourceGuid !== null) {
      if (!isUuid(sourceGuid)) change("session.guidNotUuid", subject, sourceGuid, null);
      else if (guids.has(sourceGuid.toLowerCase())) change("session.guidDuplicate", subject, sourceGuid, null);
      else guid = sourceGuid.toLowerCase();
    }
    if (guid) guids.add(guid);
    let sourceKey = guid ?? (event.id !== null ? `id:${event.id}` : sourceGuid ? `guid:${sourceGuid}` : `event:${position}`);
    if (sourceKeys.has(sourceKey)) sourceKey = `${sourceKey}#${position}`;
    sourceKeys.add(sourceKey);

    // Slug.
    const wanted = slugify(event.slug ?? "") || slugify(event.title) || `session-${position + 1}`;
    if (event.slug !== null && event.slug !== wanted && slugify(event.slug) !== "") change("session.slugNormalised", subject, event.slug, wanted);
    const slug = uniqueIn(sessionSlugs, wanted);
    if (slug !== wanted) change("session.slugDuplicate", subject, wanted, slug);

    // Language.
    const lang = languageOf(event.language);
    let language: "fr" | "en" = mainLanguage;
    if (lang === "fr" || lang === "en") language = lang;
    else if (lang !== "") change("session.languageUnsupported", subject, event.language, mainLanguage);

    // Room.
    if (event.room !== null && event.room !== room) change("session.roomMismatch", subject, event.room, room);

    // Time.
    let start: number | null = null;
    const fromDate = instantOrNull(event.date);
    const startTime = localHHMM(event.start);
    if (fromDate !== null) {
      start = fromDate;
      const shown = localTime(fromDate, timeZone);
      if (startTime !== null && startTime !== shown) change("session.startShifted", subject, event.start, shown);
    } else if (instantOrNull(event.start) !== null) {
      start = instantOrNull(event.start);
    } else if (startTime !== null) {
      // After midnight but before the festival day starts: the early hours of the next date.
      const dayStart = dayStartTime[dayIndex];
      const date = dayStart !== null && dayStart !== undefined && startTime < dayStart ? addDays(dayDates[dayIndex]!, 1) : dayDates[dayIndex]!;
      const local = localInstant(date, startTime, timeZone);
      start = local.instant;
      if (local.shifted) change("session.startShifted", subject, event.start, localTime(start, timeZone));
    } else {
      change("session.startUnreadable", subject, event.start, null);
    }
    const duration = parseDuration(event.duration);
    if (duration === null) {
      change("session.durationUnreadable", subject, event.duration, null);
      start = null;
    } else if (duration.canonical !== event.duration) {
      change("session.durationNormalised", subject, event.duration, duration.canonical);
    }
    const end = start !== null && duration !== null ? start + duration.minutes * MINUTE : null;
    if (start !== null) dates.add(localDate(start, timeZone));

    // Theme and format.
    const track = event.track?.trim() ? event.track : null;
    if (track !== null) addTheme(track, null);
    const type = event.type?.trim() ? event.type : null;
    if (type !== null) {
      if (!formatDurations.has(type)) {
        formatDurations.set(type, []);
        formatOrder.push(type);
      }
      if (duration !== null) formatDurations.get(type)!.push(duration.minutes);
    }

    // People.
    const people: ImportedSession["people"] = [];
    for (const raw of event.persons) {
      const index = personOf(raw);
      if (people.some((p) => p.person === index)) {
        change("session.personRepeated", subject, raw.name, null);
        continue;
      }
      let role: ImportedRole = "speaker";
      const wantedRole = raw.role?.trim().toLowerCase() ?? "";
      if ((ROLES as readonly string[]).includes(wantedRole)) role = wantedRole as ImportedRole;
      else if (wantedRole !== "") change("person.roleUnknown", raw.name, raw.role, role);
      people.push({ person: index, role });
      const person = persons[index]!;
      if (!person.languages.includes(language)) person.languages.push(language);
    }

    const abstractParts: string[] = [];
    for (const part of [event.subtitle, event.abstract, event.description]) {
      if (part && part.trim() !== "" && !abstractParts.includes(part)) abstractParts.push(part);
    }

    sessions.push({
      guid,
      sourceKey,
      slug,
      title: event.title,
      abstract: abstractParts.length ? abstractParts.join("\n\n") : null,
      language,
      room,
      theme: track === null ? null : themes.get(track)!.slug,
      format: type,
      start,
      end,
      people,
    });
  });

  // Formats: each type's durations as found in the file, so no imported session breaks its format's range.
  const formatSlugs = new Set<string>();
  const formats: ImportedFormat[] = [];
  const formatSlugByName = new Map<string, string>();
  for (const name of formatOrder) {
    const durations = formatDurations.get(name)!;
    const counts = new Map<number, number>();
    for (const d of durations) counts.set(d, (counts.get(d) ?? 0) + 1);
    let defaultMinutes = 30;
    let best = -1;
    for (const [minutes, count] of [...counts.entries()].sort((a, b) => a[0] - b[0])) {
      if (count > best) {
        best = count;
        defaultMinutes = minutes;
      }
    }
    const slug = uniqueIn(formatSlugs, slugify(name) || "format");
    formatSlugByName.set(name, slug);
    formats.push({
      slug,
      name,
      defaultMinutes,
      minMinutes: durations.length ? Math.min(...durations) : defaultMinutes,
      maxMinutes: durations.length ? Math.max(...durations) : defaultMinutes,
    });
  }
  for (const session of sessions) if (session.format !== null) session.format = formatSlugByName.get(session.format)!;

  // Edition dates: the file's, widened to hold every day and every session.
  const fileStart = dateOf(raw.start, timeZone);
  const fileEnd = dateOf(raw.end, timeZone);
  if (fileStart) dates.add(fileStart);
  if (fileEnd) dates.add(fileEnd);
  const sorted = [...dates].sort();
  const startDate = sorted[0] ?? fileStart ?? "1970-01-01";
  const endDate = sorted[sorted.length - 1] ?? startDate;
  if (fileStart && fileEnd && (fileStart !== startDate || fileEnd !== endDate)) {
    change("edition.datesExtended", raw.title, `${fileStart} – ${fileEnd}`, `${startDate} – ${endDate}`);
  }

  // Opening hours from each day's start and end, only when every day gives them.
  const hours = new Map<string, { opens: string; closes: string }>();
  let hoursUsable = raw.days.length > 0;
  raw.days.forEach((day, i) => {
    const from = instantOrNull(day.dayStart);
    const to = instantOrNull(day.dayEnd);
    if (from === null || to === null || to <= from || to - from > DAY) {
      if (day.dayStart !== null || day.dayEnd !== null) change("openingHours.skipped", dayDates[i]!, `${day.dayStart ?? "?"} – ${day.dayEnd ?? "?"}`, null);
      hoursUsable = false;
      return;
    }
    const date = localDate(from, timeZone);
    if (!hours.has(date)) hours.set(date, { opens: localTime(from, timeZone), closes: localTime(to, timeZone) });
  });
  const days: ImportedProgramme["days"] = [];
  for (let date = startDate; date <= endDate; date = addDays(date, 1)) {
    const open = hoursUsable ? hours.get(date) : undefined;
    days.push({ date, opens: open?.opens ?? null, closes: open?.closes ?? null });
  }

  // The edition's slug: asked for, or from the acronym or title.
  let slug = options.slug ?? "";
  if (!slug) {
    const source = raw.acronym?.trim() || raw.title;
    slug = slugify(source) || "imported-programme";
    if (raw.acronym && raw.acronym.trim() !== slug) change("edition.slugNormalised", raw.title, raw.acronym, slug);
  }

  return {
    programme: {
      format: raw.format,
      edition: { title: raw.title.trim() || slug, slug, startDate, endDate, timeZone, venue: raw.venue?.trim() ?? "", mainLanguage },
      days,
      rooms: [...roomNames.values()],
      themes: [...themes.values()],
      formats,
      persons,
      sessions,
    },
    changes,
  };
}
