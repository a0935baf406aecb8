// The neutral model every schedule format is read into, and what reading reports.
// Pure types: no database, no Remix, no clock.

export const SCHEDULE_FORMATS = ["frab-json", "pretalx-json", "frab-xml", "pentabarf-xml"] as const;
export type ScheduleFormat = (typeof SCHEDULE_FORMATS)[number];

/** Why a file was refused: where (a path in the file, or a line and column) and why. */
export type ImportProblem = {
  code: ProblemCode;
  /** `schedule.conference.days[0].rooms["Saal 1"][3].id`, `/schedule/day[2]/room[@name='K']/event[@id='7']`, or "line 4, column 12". */
  where: string;
  /** A plain English sentence, for the command line and logs; the interface translates `code` with `args`. */
  message: string;
  args: Record<string, string | number>;
};

export type ProblemCode =
  | "file.empty"
  | "file.unknownFormat"
  | "file.notText"
  | "json.syntax"
  | "json.tooDeep"
  | "xml.syntax"
  | "xml.entities"
  | "xml.tooDeep"
  | "schema.missing"
  | "schema.type"
  | "schema.empty"
  | "schema.date";

/** A value that had to change on the way in; every one is shown before anything is written. */
export type ImportChange = {
  kind: ChangeKind;
  /** The event, person, room… it concerns, as the file names it. */
  subject: string;
  from: string | null;
  to: string | null;
};

export type ChangeKind =
  | "edition.timeZoneMissing"
  | "edition.timeZoneInvalid"
  | "edition.datesExtended"
  | "edition.slugNormalised"
  | "edition.slugTaken"
  | "session.slugNormalised"
  | "session.slugDuplicate"
  | "session.languageUnsupported"
  | "session.durationNormalised"
  | "session.durationUnreadable"
  | "session.startUnreadable"
  | "session.startShifted"
  | "session.roomMismatch"
  | "session.guidDuplicate"
  | "session.guidNotUuid"
  | "session.guidTaken"
  | "session.personRepeated"
  | "person.merged"
  | "person.roleUnknown"
  | "person.guidTaken"
  | "room.duplicate"
  | "theme.colourInvalid"
  | "openingHours.skipped"
  | "text.controlRemoved";

export type ImportedRoom = { name: string; capacity: number | null };
export type ImportedTheme = { slug: string; name: string; colour: string };
export type ImportedFormat = { slug: string; name: string; defaultMinutes: number; minMinutes: number; maxMinutes: number };
/** Opening hours of every room on one local date (from the file's day start and end). */
export type ImportedDay = { date: string; opens: string | null; closes: string | null };

export type ImportedPerson = {
  /** Index in `persons`; sessions refer to people by it. */
  index: number;
  /** The source person's guid when it is a UUID (lower case). */
  guid: string | null;
  /** What identifies the person in the file (guid, code or id), for derived UUIDs. */
  sourceKey: string;
  name: string;
  bio: string | null;
  languages: ("fr" | "en")[];
};

export type ImportedRole = "speaker" | "moderator" | "expert" | "facilitator" | "artist";

export type ImportedSession = {
  /** The source event's guid when it is a UUID (lower case), else null: a UUID is derived from `sourceKey`. */
  guid: string | null;
  sourceKey: string;
  slug: string;
  title: string;
  abstract: string | null;
  language: "fr" | "en";
  room: string | null;
  theme: string | null;
  format: string | null;
  /** Epoch ms, UTC; null when the file's time could not be read (the session is imported unscheduled). */
  start: number | null;
  end: number | null;
  people: { person: number; role: ImportedRole }[];
};

export type ImportedProgramme = {
  format: ScheduleFormat;
  edition: {
    title: string;
    slug: string;
    startDate: string;
    endDate: string;
    timeZone: string;
    venue: string;
    mainLanguage: "fr" | "en";
  };
  days: ImportedDay[];
  rooms: ImportedRoom[];
  themes: ImportedTheme[];
  formats: ImportedFormat[];
  persons: ImportedPerson[];
  sessions: ImportedSession[];
};

export type ImportCounts = {
  days: number;
  rooms: number;
  themes: number;
  formats: number;
  speakers: number;
  sessions: number;
};

export type ReadResult =
  | { ok: true; programme: ImportedProgramme; changes: ImportChange[]; counts: ImportCounts }
  | { ok: false; problems: ImportProblem[] };

// ---- The raw form both readers produce, checked for shape but not yet normalised ----

export type RawPerson = {
  where: string;
  id: string | null;
  guid: string | null;
  code: string | null;
  name: string;
  bio: string | null;
  role: string | null;
};

export type RawEvent = {
  where: string;
  id: string | null;
  guid: string | null;
  date: string | null;
  start: string;
  duration: string;
  room: string | null;
  slug: string | null;
  title: string;
  subtitle: string | null;
  track: string | null;
  type: string | null;
  language: string | null;
  abstract: string | null;
  description: string | null;
  persons: RawPerson[];
};

export type RawDay = {
  where: string;
  date: string;
  dayStart: string | null;
  dayEnd: string | null;
  rooms: { name: string; events: RawEvent[] }[];
};

export type RawSchedule = {
  format: ScheduleFormat;
  title: string;
  acronym: string | null;
  start: string | null;
  end: string | null;
  timeZone: string | null;
  venue: string | null;
  rooms: { name: string; capacity: number | null }[];
  tracks: { name: string; colour: string | null }[];
  days: RawDay[];
};

export function countsOf(programme: ImportedProgramme): ImportCounts {
  const days = new Set(programme.days.map((d) => d.date));
  return {
    days: days.size,
    rooms: programme.rooms.length,
    themes: programme.themes.length,
    formats: programme.formats.length,
    speakers: programme.persons.length,
    sessions: programme.sessions.length,
  };
}
