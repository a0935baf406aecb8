// The conflict engine's contract: plain data in, plain data out.
// Instants are epoch milliseconds (UTC); intervals are half-open [start, end).

import type { Confirmation, Level, Role, SessionStatus } from "../vocabulary";

export { LEVELS } from "../vocabulary";
export type { Confirmation, Level, Role, SessionStatus };

export type RuleId =
  | "ROOM_OVERLAP"
  | "SPEAKER_OVERLAP"
  | "SPEAKER_CHANGEOVER"
  | "SPEAKER_UNAVAILABLE"
  | "SPEAKER_DECLINED"
  | "SPEAKER_UNCONFIRMED"
  | "SPEAKER_DAILY_LOAD"
  | "ROOM_CLOSED"
  | "ROOM_CAPACITY"
  | "ROOM_FEATURES"
  | "FORMAT_DURATION"
  | "FORMAT_ROLES"
  | "OUTSIDE_EDITION"
  | "THEME_PARALLEL"
  | "ORGANISATION_PARALLEL"
  | "PUBLIC_INFO_MISSING"
  | "UNSCHEDULED";

/** Every rule, in catalogue order (CONFLICTS.md); this is also the output order within a level. */
export const RULES: readonly RuleId[] = Object.freeze([
  "ROOM_OVERLAP",
  "SPEAKER_OVERLAP",
  "SPEAKER_CHANGEOVER",
  "SPEAKER_UNAVAILABLE",
  "SPEAKER_DECLINED",
  "SPEAKER_UNCONFIRMED",
  "SPEAKER_DAILY_LOAD",
  "ROOM_CLOSED",
  "ROOM_CAPACITY",
  "ROOM_FEATURES",
  "FORMAT_DURATION",
  "FORMAT_ROLES",
  "OUTSIDE_EDITION",
  "THEME_PARALLEL",
  "ORGANISATION_PARALLEL",
  "PUBLIC_INFO_MISSING",
  "UNSCHEDULED",
] as const);

export const DEFAULT_LEVELS: Readonly<Record<RuleId, Level>> = Object.freeze({
  ROOM_OVERLAP: "block",
  SPEAKER_OVERLAP: "error",
  SPEAKER_CHANGEOVER: "warning",
  SPEAKER_UNAVAILABLE: "error",
  SPEAKER_DECLINED: "error",
  SPEAKER_UNCONFIRMED: "warning",
  SPEAKER_DAILY_LOAD: "warning",
  ROOM_CLOSED: "error",
  ROOM_CAPACITY: "warning",
  ROOM_FEATURES: "error",
  FORMAT_DURATION: "warning",
  FORMAT_ROLES: "error",
  OUTSIDE_EDITION: "error",
  THEME_PARALLEL: "info",
  ORGANISATION_PARALLEL: "info",
  PUBLIC_INFO_MISSING: "warning",
  UNSCHEDULED: "info",
});


export interface Interval {
  start: number;
  end: number;
}

export interface Localised {
  fr: string;
  en: string;
}

export interface EditionInput {
  timeZone: string; // IANA, e.g. "Europe/Paris"
  days: { date: string; start: number; end: number }[]; // the edition's local days, sorted (time.ts editionDays)
  mainLanguage: "fr" | "en";
  changeoverMinutes: number; // default 10
  dailySessionLimit: number; // default 3
  levels: Partial<Record<RuleId, Level>>; // overrides of DEFAULT_LEVELS
}

export interface RoomInput {
  id: string;
  name: string;
  capacity: number | null;
  features: string[];
  openingHours: Interval[]; // UTC, may cross midnight; empty = no restriction
  blocked?: Interval[]; // pauses and blocked times: count for ROOM_OVERLAP
  walkingMinutes: Record<string, number>; // to other room ids; missing → edition changeoverMinutes
  slots?: Interval[]; // the room's slot grid, used by suggestions
}

export interface FormatInput {
  id: string;
  name: Localised;
  defaultMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  requiredFeatures: string[];
  roles: { role: Role; min: number; max: number }[];
}

export interface PersonInput {
  id: string;
  name: string;
  publicName: string | null;
  organisationId: string | null;
  bio: { fr: string | null; en: string | null };
  availability: Interval[]; // empty = always available
}

export interface SessionPersonInput {
  personId: string;
  role: Role;
  confirmation: Confirmation;
}

export interface SessionInput {
  id: string;
  title: { fr: string | null; en: string | null };
  abstract: { fr: string | null; en: string | null };
  formatId: string | null;
  themeId: string | null;
  status: SessionStatus;
  isPublic: boolean;
  expectedAudience: number | null;
  roomId: string | null;
  start: number | null;
  end: number | null;
  people: SessionPersonInput[];
}

export interface ThemeInput {
  id: string;
  name: Localised;
}

export interface AcknowledgementInput {
  id: string;
  rule: RuleId;
  key: string;
  fingerprint: string;
  reason: string;
}

export interface ProgrammeInput {
  edition: EditionInput;
  rooms: RoomInput[];
  formats: FormatInput[];
  themes: ThemeInput[];
  people: PersonInput[];
  sessions: SessionInput[];
  acknowledgements: AcknowledgementInput[];
}

export interface Conflict {
  rule: RuleId;
  level: Exclude<Level, "off">;
  /** Stable identity: rule + the ids that define the conflict (see keys in conflict.ts). */
  key: string;
  acknowledged: boolean;
  acknowledgementId: string | null;
  /** Ids, each list sorted (code-unit order) and without duplicates. */
  sessions: string[];
  people: string[];
  rooms: string[];
  interval: Interval | null;
  /** Built on first read (F10 can hold tens of thousands of parallel-session pairs). */
  message: Localised;
}

export type Change =
  | { kind: "place" | "move"; sessionId: string; roomId: string; start: number; end: number }
  | { kind: "swap"; a: string; b: string }
  | { kind: "unschedule"; sessionId: string }
  | { kind: "people"; sessionId: string; people: SessionPersonInput[] };

export interface Suggestion {
  roomId: string;
  start: number;
  end: number;
  cost: number;
}

export interface Checker {
  /** Every current conflict, in output order. */
  conflicts(): Conflict[];
  /** What a change would add and remove, without committing it. */
  preview(change: Change): { appeared: Conflict[]; disappeared: Conflict[] };
  /** Commits the change to the checker's state. */
  apply(change: Change): void;
  /** Up to k placements for the session, least change first. */
  suggest(sessionId: string, k?: number): Suggestion[];
}
