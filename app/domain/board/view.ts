// What the schedule board shows and what a change on it answers: plain data, shared by the
// board's loader and actions (app/services/board) and its components in the browser.
import type { Conflict, SessionStatus } from "~/domain/conflicts";
import type { PageView } from "./pages";

export const BOARD_STEPS = [15, 30, 60] as const;
export type BoardStep = (typeof BOARD_STEPS)[number];

/** What a board change records in the audit log. */
export type BoardChangeAction = "place" | "move" | "swap" | "unschedule" | "schedule";

export type CardConflict = { key: string; rule: string; level: Conflict["level"]; acknowledged: boolean; message: string };
export type CardPerson = { name: string; role: string; confirmation: string };
export type BoardCard = {
  id: string;
  version: number;
  title: string;
  status: SessionStatus;
  format: string | null;
  theme: { id: string; name: string; colour: string } | null;
  people: CardPerson[];
  /** People who have not confirmed (pending or asked to confirm again). */
  unconfirmed: number;
  roomId: string | null;
  start: number | null;
  end: number | null;
  startLabel: string | null;
  endLabel: string | null;
  /** Duration the session takes when dropped: its current one, or its format's default. */
  minutes: number;
  conflicts: CardConflict[];
};
export type BoardRoom = {
  id: string;
  name: string;
  capacity: number | null;
  /** Opening hours clipped to the grid; none means the room is not restricted. */
  open: { start: number; end: number }[];
  restricted: boolean;
  slots: { start: number; end: number; label: string }[];
};
export type BoardRow = { at: number; date: string; time: string };
export type PanelConflict = CardConflict & {
  sessions: { id: string; title: string }[];
  acknowledgedReason: string | null;
};
export type SuggestionView = { roomId: string; roomName: string; date: string; start: string; end: string; startsAt: number; endsAt: number; label: string };
/** The place/move form's choices for the session being edited (every room, not only the board's page of them). */
export type PlacingView = {
  rooms: { id: string; name: string }[];
  /** The engine's ranked placements, best first. */
  suggestions: SuggestionView[];
  /** Every room's slots (slots page) that no other session occupies, on every day. */
  freeSlots: SuggestionView[];
  /** Where the form opens (see defaultPlacement). */
  initial: { roomId: string; date: string; start: string; end: string; startOccurrence: "" | "second"; endOccurrence: "" | "second" } | null;
};
export type UndoView = { change: string; label: string } | null;
export type TrayFilters = { q: string; theme: string; format: string; person: string };

export type BoardData = {
  stamp: string;
  /** When the server read this board: changes post it back, so a refusal can say what others did since. */
  asOf: number;
  timeZone: string;
  day: string;
  days: { date: string; label: string }[];
  step: BoardStep;
  grid: { start: number; end: number; rows: BoardRow[] };
  /** The rooms shown: all of them, or one page of them in a big edition (`roomPages`). */
  rooms: BoardRoom[];
  roomPages: PageView | null;
  /** Every room of the edition, for the per-session form (only while a session is edited). */
  /** The shown rooms' sessions of the day. */
  cards: BoardCard[];
  /** The tray after its filters: all of it, or one page of it (`trayPages`). */
  tray: BoardCard[];
  trayPages: PageView | null;
  trayTotal: number;
  /** Placed sessions whose day is not one of the edition's (its dates changed since): listed and flagged, never hidden. */
  outside: { card: BoardCard; where: string }[];
  /** The edition's first and last days, for the flag's explanation. */
  dates: { first: string; last: string };
  filters: TrayFilters;
  options: { themes: { id: string; name: string }[]; formats: { id: string; name: string }[]; people: { id: string; name: string }[] };
  /** The day's conflicts that involve a shown session: all of them, or one page of them (`conflictPages`). */
  conflicts: PanelConflict[];
  conflictPages: PageView | null;
  /** What the panel's title counts: every conflict that involves a shown session, on every page. */
  conflictTotals: { open: number; count: number; infos: number };
  suggestions: { session: { id: string; title: string; version: number }; items: SuggestionView[] } | null;
  editing: BoardCard | null;
  placing: PlacingView | null;
  /** Sessions of the day shown on the grid that a session being edited may swap with. */
  swapTargets: { id: string; title: string; version: number; label: string }[];
  undo: UndoView;
  /** After a change posted without JavaScript: where the session is now. */
  notice: string | null;
};

export type BoardChange =
  | { kind: "place"; session: string; version: number; room: string; start: number; end: number; seen?: number }
  | { kind: "swap"; session: string; version: number; other: string; otherVersion: number; seen?: number }
  | { kind: "unschedule"; session: string; version: number }
  | { kind: "undo"; change: string | null }
  /** An auto-scheduling plan's placements, made on the programme as it was at `stamp` (read at `seen`). */
  | { kind: "schedule"; placements: SchedulePlacement[]; stamp: string; seen: number };

export type SchedulePlacement = { session: string; version: number; room: string; start: number; end: number };

export type StaleChange = { session: string; title: string; by: string | null; at: number | null; now: string };
export type BoardOutcome =
  | { ok: true; action: BoardChangeAction; change: string; sessions: string[]; announcement: string }
  | { ok: false; reason: "stale"; message: string; changes: StaleChange[] }
  | { ok: false; reason: "blocked"; message: string; conflicts: { rule: string; level: string; message: string }[]; changes: StaleChange[] }
  | { ok: false; reason: "invalid"; message: string };

export type PreviewConflict = { key: string; rule: string; level: Conflict["level"]; acknowledged: boolean; message: string };
export type BoardPreview = { appeared: PreviewConflict[]; disappeared: PreviewConflict[]; blocked: string | null };
