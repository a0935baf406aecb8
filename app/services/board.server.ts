// The schedule board: one day of an edition, rooms by time, and the changes made on it
// (place, move, swap, unschedule, undo). Every change runs in one write transaction that
// checks the versions it was made against, refuses what would create a `block` conflict
// (the engine's incremental checker), asks confirmed speakers to confirm again, and audits.
import { randomUUID } from "node:crypto";
import { and, desc, eq, gt, inArray } from "drizzle-orm";
import type { Database, Queryable } from "~/db/client.server";
import { auditLog, organisers, sessions } from "~/db/schema";
import type { SessionStatus } from "~/domain/vocabulary";
import type { Change, Conflict, SessionInput } from "~/domain/conflicts";
import { formatLocalDate } from "~/domain/format";
import { matchesAll, searchTerms, searchTextOf } from "~/domain/search";
import { isOutsideEdition } from "~/domain/placement";
import { dayContaining, localDate, localTime } from "~/domain/time";
import { translate, type Locale, type MessageKey } from "~/i18n";
import { recordAudit, type Actor, type AuditAction } from "~/models/audit.server";
import { StaleVersionError, updateVersioned } from "~/models/versioning.server";
import { afterCommit, currentProgramme, derivedView, forgetProgramme, programmeStamp, type CachedProgramme } from "./programme-cache.server";
import { markMustReconfirm, type PlacementBefore } from "./reconfirmation.server";
import { acknowledgeConflict, ConflictGoneError } from "./conflicts.server";
import type { z } from "zod";
import type { BoardAction, previewSchema } from "~/schemas/board";
import { checkPlacement, placementMessage, resolvePlacement, type EditionPlacement } from "~/schemas/placement";
import { placementProblem } from "~/domain/placement";

export const BOARD_STEPS = [15, 30, 60] as const;
export type BoardStep = (typeof BOARD_STEPS)[number];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const BOARD_ACTIONS: AuditAction[] = ["place", "move", "swap", "unschedule"];
/** How far back the undo stack looks (an organiser's own board changes). */
const UNDO_DEPTH = 60;

// ─── What the board shows ────────────────────────────────────────────────────────────────

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
  rooms: BoardRoom[];
  cards: BoardCard[];
  tray: BoardCard[];
  trayTotal: number;
  /** Placed sessions whose day is not one of the edition's (its dates changed since): listed and flagged, never hidden. */
  outside: { card: BoardCard; where: string }[];
  /** The edition's first and last days, for the flag's explanation. */
  dates: { first: string; last: string };
  filters: TrayFilters;
  options: { themes: { id: string; name: string }[]; formats: { id: string; name: string }[]; people: { id: string; name: string }[] };
  conflicts: PanelConflict[];
  suggestions: { session: { id: string; title: string; version: number }; items: SuggestionView[] } | null;
  editing: BoardCard | null;
  /** Sessions of the day a session being edited may swap with. */
  swapTargets: { id: string; title: string; version: number; label: string }[];
  undo: UndoView;
  /** After a change posted without JavaScript: where the session is now. */
  notice: string | null;
};

function titleOf(session: SessionInput, locale: Locale): string {
  return session.title[locale] ?? session.title.fr ?? session.title.en ?? "—";
}

function isPlaced(s: SessionInput): boolean {
  return s.status !== "cancelled" && s.roomId !== null && s.start !== null && s.end !== null;
}

function floorTo(epoch: number, step: number): number {
  return Math.floor(epoch / step) * step;
}

/** Loads one day of the board: a warm cache costs two queries whatever the programme's size. */
export async function loadBoard(
  db: Queryable,
  args: {
    editionId: number;
    organiserId: number;
    locale: Locale;
    day: string | null;
    step: number;
    filters: TrayFilters;
    suggest: string | null;
    edit: string | null;
    saved?: string | null;
    now?: number;
  },
): Promise<BoardData | { redirectDay: string }> {
  const { locale } = args;
  const asOf = args.now ?? Date.now();
  const undoRows = await undoCandidates(db, args.editionId, args.organiserId);
  const entry = await currentProgramme(db, args.editionId);
  // Nothing below awaits: the checker stays the state the stamp named.
  const { programme, checker } = entry;
  const { input, timeZone } = programme;
  const days = input.edition.days;
  const day = days.find((d) => d.date === args.day) ?? null;
  if (!day) return { redirectDay: days[0]?.date ?? "" };
  const step: BoardStep = (BOARD_STEPS as readonly number[]).includes(args.step) ? (args.step as BoardStep) : 30;
  // What the day shows whoever looks: built once per programme state, locale, day and step.
  const view = derivedView(entry, `board|${locale}|${day.date}|${step}`, () => dayView(entry, locale, day, step));
  const { sessionsById, roomsById, cards } = view;

  const filters = args.filters;
  // Folded like every search box (searchTextOf/searchTerms): titles and people's names, every word.
  const terms = searchTerms(filters.q);
  const tray = view.unplaced
    .filter(
      ({ session: s, card }) =>
        (terms.length === 0 || matchesAll(searchTextOf([s.title.fr, s.title.en, ...card.people.map((p) => p.name)]), terms)) &&
        (!filters.theme || s.themeId === filters.theme) &&
        (!filters.format || s.formatId === filters.format) &&
        (!filters.person || s.people.some((p) => p.personId === filters.person)),
    )
    .map(({ card }) => card);

  let suggestions: BoardData["suggestions"] = null;
  const suggested = args.suggest ? sessionsById.get(args.suggest) : undefined;
  if (suggested && suggested.status !== "cancelled") {
    suggestions = {
      session: { id: suggested.id, title: titleOf(suggested, locale), version: programme.sessionMeta.get(suggested.id)?.version ?? 1 },
      items: checker.suggest(suggested.id, 5).map((s) => {
        const room = roomsById.get(s.roomId);
        const date = localDate(s.start, timeZone);
        const start = localTime(s.start, timeZone);
        const end = localTime(s.end, timeZone);
        return {
          roomId: s.roomId,
          roomName: room?.name ?? s.roomId,
          date,
          start,
          end,
          startsAt: s.start,
          endsAt: s.end,
          label: translate(locale, "board.suggestion.label", { room: room?.name ?? "", day: formatLocalDate(date, locale), start, end }),
        };
      }),
    };
  }

  const edited = args.edit ? sessionsById.get(args.edit) : undefined;
  const editing = edited && edited.status !== "cancelled" ? (view.cardOf.get(edited.id) ?? view.card(edited)) : null;
  const swapTargets = editing
    ? cards
        .filter((c) => c.id !== editing.id)
        .map((c) => ({
          id: c.id,
          title: c.title,
          version: c.version,
          label: `${c.title} (${roomsById.get(c.roomId!)?.name ?? ""} ${c.startLabel}–${c.endLabel})`,
        }))
    : [];

  const top = undoTop(undoRows);
  const undo: UndoView = top
    ? {
        change: top.change,
        label: translate(locale, `board.undo.${top.action}` as MessageKey, {
          title: top.sessionUuids.map((id) => (sessionsById.has(id) ? titleOf(sessionsById.get(id)!, locale) : "?")).join(" ⇄ "),
        }),
      }
    : null;

  const saved = args.saved ? sessionsById.get(args.saved) : undefined;
  const notice = saved
    ? translate(locale, "board.saved", {
        title: titleOf(saved, locale),
        placement: placementTextOf(input.rooms, timeZone, isPlaced(saved) ? saved : { roomId: null, start: null, end: null }, locale),
      })
    : null;

  return {
    stamp: entry.stamp,
    asOf,
    timeZone,
    day: day.date,
    days: view.days,
    step,
    grid: view.grid,
    rooms: view.rooms,
    cards,
    tray,
    trayTotal: view.unplaced.length,
    outside: view.outside,
    dates: view.dates,
    filters,
    options: view.options,
    conflicts: view.panel,
    suggestions,
    editing,
    swapTargets,
    undo,
    notice,
  };
}

type EditionDay = CachedProgramme["programme"]["input"]["edition"]["days"][number];

/** One day of the board as every organiser sees it; read-only once made (see `derivedView`). */
type DayView = Pick<BoardData, "days" | "grid" | "rooms" | "cards" | "options" | "outside" | "dates"> & {
  panel: PanelConflict[];
  /** The unscheduled sessions and their cards, by title: the tray before its filters. */
  unplaced: { session: SessionInput; card: BoardCard }[];
  /** The cards of the day and of the tray, by session. */
  cardOf: Map<string, BoardCard>;
  /** A card for any session, sharing this view's theme and person objects. */
  card: (s: SessionInput) => BoardCard;
  sessionsById: Map<string, SessionInput>;
  roomsById: Map<string, CachedProgramme["programme"]["input"]["rooms"][number]>;
};

function dayView(entry: CachedProgramme, locale: Locale, day: EditionDay, step: BoardStep): DayView {
  const { programme, checker } = entry;
  const { input, timeZone } = programme;
  const days = input.edition.days;
  const formatsById = new Map(input.formats.map((f) => [f.id, f]));
  const themesById = new Map(input.themes.map((t) => [t.id, t]));
  const peopleById = new Map(input.people.map((p) => [p.id, p]));
  const roomsById = new Map(input.rooms.map((r) => [r.id, r]));

  const onDay: SessionInput[] = [];
  const unplaced: SessionInput[] = [];
  const outsideSessions: SessionInput[] = [];
  for (const s of input.sessions) {
    if (s.status === "cancelled") continue;
    if (!isPlaced(s)) unplaced.push(s);
    else if (isOutsideEdition(days, s.start!)) outsideSessions.push(s);
    else if (roomsById.has(s.roomId!) && dayContaining(days, s.start!)?.date === day.date) onDay.push(s);
  }

  // The grid spans the rooms' opening hours and the sessions of the day, whole hours.
  let from = Infinity;
  let to = -Infinity;
  for (const room of input.rooms) {
    for (const o of room.openingHours) {
      if (o.end <= day.start || o.start >= day.end) continue;
      from = Math.min(from, o.start);
      to = Math.max(to, o.end);
    }
  }
  for (const s of onDay) {
    from = Math.min(from, s.start!);
    to = Math.max(to, s.end!);
  }
  if (!Number.isFinite(from)) {
    from = day.start + 8 * HOUR;
    to = day.start + 20 * HOUR;
  }
  const gridStart = Math.max(floorTo(from, HOUR), day.start - 0);
  const gridEnd = Math.ceil(to / HOUR) * HOUR;
  const rows: BoardRow[] = [];
  for (let at = gridStart; at < gridEnd; at += step * MINUTE) rows.push({ at, date: localDate(at, timeZone), time: localTime(at, timeZone) });

  const conflicts = checker.conflicts();
  const daySessions = new Set(onDay.map((s) => s.id));
  const cardConflicts = new Map<string, CardConflict[]>();
  const panel: PanelConflict[] = [];
  const sessionsById = new Map(input.sessions.map((s) => [s.id, s]));
  const ackReasons = new Map(input.acknowledgements.map((a) => [a.id, a.reason]));
  for (const c of conflicts) {
    if (c.rule === "UNSCHEDULED" || !c.sessions.some((id) => daySessions.has(id))) continue;
    // One object per conflict, listed by the panel and by each of its cards: the page's data
    // (packBoard writes a shared object once) carries each message once.
    const view: PanelConflict = {
      key: c.key,
      rule: c.rule,
      level: c.level,
      acknowledged: c.acknowledged,
      message: c.message[locale],
      sessions: c.sessions.map((id) => ({ id, title: sessionsById.has(id) ? titleOf(sessionsById.get(id)!, locale) : id })),
      acknowledgedReason: c.acknowledgementId ? (ackReasons.get(c.acknowledgementId) ?? null) : null,
    };
    panel.push(view);
    for (const id of c.sessions) {
      if (!daySessions.has(id)) continue;
      let list = cardConflicts.get(id);
      if (!list) cardConflicts.set(id, (list = []));
      list.push(view);
    }
  }

  // Cards share their theme and people objects (one per theme, one per person, role and
  // confirmation), for the same reason.
  const themeView = sharedView(
    (id: string) => id,
    (id): BoardCard["theme"] => {
      const theme = themesById.get(id);
      return theme ? { id: theme.id, name: theme.name[locale], colour: entry.themeColours.get(theme.id) ?? "#555555" } : null;
    },
  );
  const personView = sharedView(
    (p: SessionInput["people"][number]) => `${p.personId}|${p.role}|${p.confirmation}`,
    (p): CardPerson => {
      const person = peopleById.get(p.personId);
      return { name: person?.publicName ?? person?.name ?? "?", role: p.role, confirmation: p.confirmation };
    },
  );

  const card = (s: SessionInput): BoardCard => {
    const format = s.formatId ? formatsById.get(s.formatId) : undefined;
    const placed = isPlaced(s);
    const minutes = placed ? Math.round((s.end! - s.start!) / MINUTE) : (format?.defaultMinutes ?? 60);
    let unconfirmed = 0;
    const people = s.people.map((p) => {
      if (p.confirmation === "pending" || p.confirmation === "must_reconfirm") unconfirmed++;
      return personView(p);
    });
    return {
      id: s.id,
      version: programme.sessionMeta.get(s.id)?.version ?? 1,
      title: titleOf(s, locale),
      status: s.status,
      format: format ? format.name[locale] : null,
      theme: s.themeId ? themeView(s.themeId) : null,
      people,
      unconfirmed,
      roomId: placed ? s.roomId : null,
      start: placed ? s.start : null,
      end: placed ? s.end : null,
      startLabel: placed ? localTime(s.start!, timeZone) : null,
      endLabel: placed ? localTime(s.end!, timeZone) : null,
      minutes: minutes > 0 ? minutes : 60,
      conflicts: cardConflicts.get(s.id) ?? [],
    };
  };

  const cards = onDay.sort((a, b) => a.start! - b.start! || (a.id < b.id ? -1 : 1)).map(card);
  const trayCards = unplaced.map((session) => ({ session, card: card(session) })).sort((a, b) => a.card.title.localeCompare(b.card.title, locale));
  const cardOf = new Map<string, BoardCard>();
  for (const c of cards) cardOf.set(c.id, c);
  for (const t of trayCards) cardOf.set(t.card.id, t.card);
  const outside = outsideSessions
    .sort((a, b) => a.start! - b.start! || (a.id < b.id ? -1 : 1))
    .map((s) => ({ card: card(s), where: placementTextOf(input.rooms, timeZone, s, locale) }));
  for (const o of outside) cardOf.set(o.card.id, o.card);

  const rooms: BoardRoom[] = input.rooms.map((room) => ({
    id: room.id,
    name: room.name,
    capacity: room.capacity,
    restricted: room.openingHours.length > 0,
    open: room.openingHours
      .filter((o) => o.end > gridStart && o.start < gridEnd)
      .map((o) => ({ start: Math.max(o.start, gridStart), end: Math.min(o.end, gridEnd) })),
    slots: (room.slots ?? [])
      .filter((s) => s.start >= gridStart && s.start < gridEnd)
      .map((s) => ({ start: s.start, end: s.end, label: `${localTime(s.start, timeZone)}–${localTime(s.end, timeZone)}` })),
  }));

  const allPeople = new Set<string>();
  for (const s of unplaced) for (const p of s.people) allPeople.add(p.personId);
  return {
    days: days.map((d) => ({ date: d.date, label: formatLocalDate(d.date, locale) })),
    grid: { start: gridStart, end: gridEnd, rows },
    rooms,
    cards,
    outside,
    dates: { first: days[0]?.date ?? "", last: days[days.length - 1]?.date ?? "" },
    options: {
      themes: input.themes.map((t) => ({ id: t.id, name: t.name[locale] })),
      formats: input.formats.map((f) => ({ id: f.id, name: f.name[locale] })),
      people: [...allPeople]
        .map((id) => ({ id, name: peopleById.get(id)?.publicName ?? peopleById.get(id)?.name ?? id }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
    },
    panel,
    unplaced: trayCards,
    cardOf,
    card,
    sessionsById,
    roomsById,
  };
}

/** The programme's current stamp: the board polls it to pick up other organisers' changes. */
export async function boardStamp(db: Queryable, editionId: number): Promise<string> {
  return programmeStamp(db, editionId);
}

/** The board's query string: day, rows, tray filters, the session being edited or helped. */
export function boardQuery(url: URL) {
  const get = (name: string) => url.searchParams.get(name)?.slice(0, 200) ?? "";
  return {
    day: get("day") || null,
    step: Number(get("step") || 30),
    filters: { q: get("q"), theme: get("theme"), format: get("format"), person: get("person") },
    suggest: get("suggest") || null,
    edit: get("edit") || null,
    saved: get("saved") || null,
  };
}

// ─── Changes ────────────────────────────────────────────────────────────────────────────

export type BoardChange =
  | { kind: "place"; session: string; version: number; room: string; start: number; end: number; seen?: number }
  | { kind: "swap"; session: string; version: number; other: string; otherVersion: number; seen?: number }
  | { kind: "unschedule"; session: string; version: number }
  | { kind: "undo"; change: string | null };

export type StaleChange = { session: string; title: string; by: string | null; at: number | null; now: string };
export type BoardOutcome =
  | { ok: true; action: AuditAction; change: string; sessions: string[]; announcement: string }
  | { ok: false; reason: "stale"; message: string; changes: StaleChange[] }
  | { ok: false; reason: "blocked"; message: string; conflicts: { rule: string; level: string; message: string }[]; changes: StaleChange[] }
  | { ok: false; reason: "invalid"; message: string };

type Placement = { roomId: string | null; start: number | null; end: number | null; status: SessionStatus };
type AuditPlacement = { room: string | null; roomName: string | null; startsAt: number | null; endsAt: number | null; status: SessionStatus };

class Refusal extends Error {
  constructor(readonly outcome: Exclude<BoardOutcome, { ok: true }>) {
    super(outcome.reason);
  }
}

function placementText(entry: CachedProgramme, p: { roomId: string | null; start: number | null; end: number | null }, locale: Locale): string {
  return placementTextOf(entry.programme.input.rooms, entry.programme.timeZone, p, locale);
}

function placementTextOf(
  rooms: { id: string; name: string }[],
  timeZone: string,
  p: { roomId: string | null; start: number | null; end: number | null },
  locale: Locale,
): string {
  if (p.roomId === null || p.start === null || p.end === null) return translate(locale, "board.placement.none");
  const room = rooms.find((r) => r.id === p.roomId);
  return translate(locale, "board.placement.at", {
    room: room?.name ?? "?",
    day: formatLocalDate(localDate(p.start, timeZone), locale),
    start: localTime(p.start, timeZone),
    end: localTime(p.end, timeZone),
  });
}

/**
 * Applies one board change in one write transaction. Refusals (stale versions, a `block`
 * conflict, nothing to undo) come back as outcomes, with nothing written.
 */
export async function applyBoardChange(
  db: Database,
  args: { editionId: number; organiser: { id: number }; locale: Locale; change: BoardChange; now?: number },
): Promise<BoardOutcome> {
  const { editionId, locale } = args;
  const actor: Actor = { type: "organiser", organiserId: args.organiser.id };
  const now = args.now ?? Date.now();
  let pending: { entry: CachedProgramme; update: Parameters<typeof afterCommit>[2] } | null = null;
  try {
    const outcome = await db.transaction(async (tx) => {
      const entry = await currentProgramme(tx, editionId);
      const { programme, checker } = entry;
      const sessionAt = (uuid: string): SessionInput => {
        const i = entry.sessionIndex.get(uuid);
        if (i === undefined) throw new Response("Not found", { status: 404 });
        return programme.input.sessions[i]!;
      };
      const title = (uuid: string) => titleOf(sessionAt(uuid), locale);

      // What the change does to each session it touches, and what it was made against.
      let action: AuditAction;
      let engineChange: Change;
      const expected = new Map<string, number>();
      const targets = new Map<string, Placement>();
      let undoes: string | null = null;
      const change = args.change;
      if (change.kind === "undo") {
        const top = undoTop(await undoCandidates(tx, editionId, args.organiser.id));
        if (!top || (change.change && change.change !== top.change)) {
          throw new Refusal({ ok: false, reason: "invalid", message: translate(locale, "board.undo.nothing") });
        }
        undoes = top.change;
        // Undo only what is still as this organiser left it.
        const moved: string[] = [];
        for (const e of top.entries) {
          const s = sessionAt(e.session);
          if (s.roomId !== e.after.room || s.start !== e.after.startsAt || s.end !== e.after.endsAt) moved.push(e.session);
          expected.set(e.session, programme.sessionMeta.get(e.session)!.version);
          targets.set(e.session, { roomId: e.before.room, start: e.before.startsAt, end: e.before.endsAt, status: e.before.status });
        }
        if (moved.length > 0) throw new Refusal(await staleOutcome(tx, entry, editionId, moved, locale));
        if (top.action === "swap" && top.entries.length === 2) {
          action = "swap";
          engineChange = { kind: "swap", a: top.entries[0]!.session, b: top.entries[1]!.session };
        } else {
          const e = top.entries[0]!;
          const t = targets.get(e.session)!;
          const wasPlaced = e.after.room !== null;
          action = t.roomId === null ? "unschedule" : wasPlaced ? "move" : "place";
          engineChange =
            t.roomId === null || t.start === null || t.end === null
              ? { kind: "unschedule", sessionId: e.session }
              : { kind: wasPlaced ? "move" : "place", sessionId: e.session, roomId: t.roomId, start: t.start, end: t.end };
        }
      } else {
        const s = sessionAt(change.session);
        expected.set(change.session, change.version);
        if (s.status === "cancelled") {
          throw new Refusal({ ok: false, reason: "invalid", message: translate(locale, "board.error.cancelled", { title: title(s.id) }) });
        }
        if (change.kind === "place") {
          if (!programme.ids.room.has(change.room)) throw new Response("Not found", { status: 404 });
          action = isPlaced(s) ? "move" : "place";
          engineChange = { kind: action === "place" ? "place" : "move", sessionId: s.id, roomId: change.room, start: change.start, end: change.end };
          targets.set(s.id, { roomId: change.room, start: change.start, end: change.end, status: "scheduled" });
        } else if (change.kind === "unschedule") {
          action = "unschedule";
          engineChange = { kind: "unschedule", sessionId: s.id };
          targets.set(s.id, { roomId: null, start: null, end: null, status: s.status === "scheduled" ? "accepted" : s.status });
        } else {
          const o = sessionAt(change.other);
          if (o.id === s.id) throw new Refusal({ ok: false, reason: "invalid", message: translate(locale, "board.error.swapSelf") });
          if (o.status === "cancelled") {
            throw new Refusal({ ok: false, reason: "invalid", message: translate(locale, "board.error.cancelled", { title: title(o.id) }) });
          }
          expected.set(o.id, change.otherVersion);
          action = "swap";
          engineChange = { kind: "swap", a: s.id, b: o.id };
          const placedStatus = (x: SessionInput, placed: boolean): SessionStatus =>
            placed ? "scheduled" : x.status === "scheduled" ? "accepted" : x.status;
          targets.set(s.id, { roomId: o.roomId, start: o.start, end: o.end, status: placedStatus(s, isPlaced(o)) });
          targets.set(o.id, { roomId: s.roomId, start: s.start, end: s.end, status: placedStatus(o, isPlaced(s)) });
        }
      }

      // The placement rule, whichever way the change came (a drop's instants, a form, a swap or
      // an undo that would put a session back where the edition no longer has a day).
      for (const target of targets.values()) {
        if (target.roomId === null || target.start === null || target.end === null) continue;
        const problem = placementProblem(programme.input.edition, { start: target.start, end: target.end });
        if (problem) throw new Refusal({ ok: false, reason: "invalid", message: placementMessage(problem, locale) });
      }

      // Made against the programme as it is? Otherwise: who changed what.
      const stale = [...expected].filter(([uuid, version]) => programme.sessionMeta.get(uuid)?.version !== version).map(([uuid]) => uuid);
      if (stale.length > 0) throw new Refusal(await staleOutcome(tx, entry, editionId, stale, locale));

      // The engine's incremental check: a `block` conflict refuses the change.
      const { appeared } = checker.preview(engineChange);
      const blocking = appeared.filter((c) => c.level === "block" && !c.acknowledged);
      if (blocking.length > 0) {
        // The other sessions in the way that someone changed since this board was read: who and what.
        const others = [...new Set(blocking.flatMap((c) => c.sessions))].filter((uuid) => !targets.has(uuid));
        const seen = change.kind === "place" || change.kind === "swap" ? change.seen : undefined;
        const meanwhile = seen !== undefined && others.length > 0 ? await lastChanges(tx, entry, editionId, others, locale, seen) : [];
        throw new Refusal({
          ok: false,
          reason: "blocked",
          message: [
            translate(locale, "board.refused.block", { reason: blocking[0]!.message[locale] }),
            ...meanwhile.map((c) => translate(locale, c.by ? "board.refused.meanwhileBy" : "board.refused.meanwhile", { title: c.title, by: c.by ?? "", now: c.now })),
          ].join(" "),
          conflicts: blocking.map((c) => ({ rule: c.rule, level: c.level, message: c.message[locale] })),
          changes: meanwhile,
        });
      }

      const changeId = randomUUID();
      const versions = new Map<string, number>();
      const updated: SessionInput[] = [];
      const ids: number[] = [];
      const placementsBefore: PlacementBefore[] = [];
      const roomName = (uuid: string | null) => (uuid === null ? null : (programme.input.rooms.find((r) => r.id === uuid)?.name ?? null));
      for (const [uuid, target] of targets) {
        const s = sessionAt(uuid);
        const id = programme.ids.session.get(uuid)!;
        ids.push(id);
        placementsBefore.push({ sessionId: id, startsAt: s.start, endsAt: s.end, roomId: s.roomId === null ? null : (programme.ids.room.get(s.roomId) ?? null) });
        const row = await updateVersioned(tx, sessions, and(eq(sessions.id, id), eq(sessions.editionId, editionId)), expected.get(uuid)!, {
          roomId: target.roomId === null ? null : programme.ids.room.get(target.roomId)!,
          startsAt: target.start,
          endsAt: target.end,
          status: target.status,
        });
        versions.set(uuid, row.version);
        updated.push({ ...s, roomId: target.roomId, start: target.start, end: target.end, status: target.status });
        const before: AuditPlacement = { room: s.roomId, roomName: roomName(s.roomId), startsAt: s.start, endsAt: s.end, status: s.status };
        const after: AuditPlacement & { change: string; undoes?: string } = {
          room: target.roomId,
          roomName: roomName(target.roomId),
          startsAt: target.start,
          endsAt: target.end,
          status: target.status,
          change: changeId,
          ...(undoes ? { undoes } : {}),
        };
        await recordAudit(tx, { editionId, actor, entity: "session", entityUuid: uuid, action, before, after, at: now });
      }

      // Speakers who had confirmed are asked to confirm the new time or room again.
      const lapsed = await markMustReconfirm(tx, { editionId, sessionIds: ids, actor, now, before: placementsBefore });
      const peopleChanges: Change[] = [];
      if (lapsed.length > 0) {
        const lapsedBySession = new Map<number, Set<number>>();
        for (const l of lapsed) {
          if (!lapsedBySession.has(l.sessionId)) lapsedBySession.set(l.sessionId, new Set());
          lapsedBySession.get(l.sessionId)!.add(l.speakerId);
        }
        for (let k = 0; k < updated.length; k++) {
          const u = updated[k]!;
          const speakers = lapsedBySession.get(programme.ids.session.get(u.id)!);
          if (!speakers) continue;
          const people = u.people.map((p) =>
            speakers.has(programme.ids.speaker.get(p.personId) ?? -1) ? { ...p, confirmation: "must_reconfirm" as const } : p,
          );
          updated[k] = { ...u, people };
          peopleChanges.push({ kind: "people", sessionId: u.id, people });
        }
      }

      const stamp = await programmeStamp(tx, editionId);
      pending = { entry, update: { stamp, changes: [engineChange, ...peopleChanges], sessions: updated, versions } };
      const uuids = [...targets.keys()];
      const first = updated[0]!;
      const announcement =
        action === "swap"
          ? translate(locale, "board.done.swap", { a: title(uuids[0]!), b: title(uuids[1]!) })
          : translate(locale, `board.done.${action}` as MessageKey, {
              title: title(first.id),
              placement: placementText(entry, first, locale),
            });
      return {
        ok: true as const,
        action,
        change: changeId,
        sessions: uuids,
        announcement: undoes ? translate(locale, "board.done.undo", { what: announcement }) : announcement,
      };
    });
    if (pending) {
      const { entry, update } = pending as { entry: CachedProgramme; update: Parameters<typeof afterCommit>[2] };
      afterCommit(editionId, entry, update);
    }
    return outcome;
  } catch (error) {
    if (error instanceof Refusal) return error.outcome;
    // A version that moved on between the cache and the row itself: the cache was wrong.
    forgetProgramme(editionId);
    if (error instanceof StaleVersionError) {
      return { ok: false, reason: "stale", message: translate(locale, "board.refused.stale"), changes: [] };
    }
    throw error;
  }
}

/** A parsed board form → a change in instants, by the placement schema's rule (local times that do not exist, or a day outside the edition, are field errors). */
export function toBoardChange(
  input: Exclude<BoardAction, { intent: "acknowledge" }>,
  edition: EditionPlacement,
  locale: Locale,
): { ok: true; change: BoardChange } | { ok: false; errors: Record<string, string> } {
  switch (input.intent) {
    case "place": {
      const instants = placementOf(input, edition, locale);
      if (!instants.ok) return instants;
      return {
        ok: true,
        change: { kind: "place", session: input.session, version: input.version, room: input.room, start: instants.start, end: instants.end, ...(input.seen !== undefined ? { seen: input.seen } : {}) },
      };
    }
    case "swap":
      return {
        ok: true,
        change: { kind: "swap", session: input.session, version: input.version, other: input.other, otherVersion: input.otherVersion, ...(input.seen !== undefined ? { seen: input.seen } : {}) },
      };
    case "unschedule":
      return { ok: true, change: { kind: "unschedule", session: input.session, version: input.version } };
    case "undo":
      return { ok: true, change: { kind: "undo", change: input.change || null } };
  }
}

/** A drop's instants as they are, or the form's local times by time.ts's rule; then the placement rule. */
function placementOf(
  input: { startsAt?: number; endsAt?: number; date?: string; start?: string; end?: string; startOccurrence?: "first" | "second"; endOccurrence?: "first" | "second" },
  edition: EditionPlacement,
  locale: Locale,
) {
  if (input.startsAt !== undefined && input.endsAt !== undefined) return checkPlacement(edition, { start: input.startsAt, end: input.endsAt }, locale);
  return resolvePlacement(
    edition,
    { date: input.date ?? "", start: input.start ?? "", end: input.end ?? "", startOccurrence: input.startOccurrence, endOccurrence: input.endOccurrence },
    locale,
  );
}

/** The preview route's query → a change, or null when its local times do not exist. */
export function toPreviewChange(input: z.output<typeof previewSchema>, edition: EditionPlacement): Exclude<BoardChange, { kind: "undo" }> | null {
  if (input.kind === "place") {
    const instants = placementOf(input, edition, "en");
    return instants.ok ? { kind: "place", session: input.session, version: 0, room: input.room, start: instants.start, end: instants.end } : null;
  }
  if (input.kind === "swap") return { kind: "swap", session: input.session, version: 0, other: input.other, otherVersion: 0 };
  return { kind: "unschedule", session: input.session, version: 0 };
}

/** Acknowledges one conflict with a reason (the conflicts service), in one write transaction. */
export async function acknowledgeBoardConflict(
  db: Database,
  args: { editionId: number; organiser: { id: number }; locale: Locale; key: string; reason: string },
): Promise<{ ok: true; announcement: string; sessions: string[] } | { ok: false; reason: "invalid"; message: string }> {
  try {
    await db.transaction((tx) =>
      acknowledgeConflict(tx, {
        editionId: args.editionId,
        key: args.key,
        reason: args.reason,
        actor: { type: "organiser", organiserId: args.organiser.id },
        organiserId: args.organiser.id,
      }),
    );
    return { ok: true, announcement: translate(args.locale, "conflicts.acknowledged"), sessions: [] };
  } catch (error) {
    if (error instanceof ConflictGoneError) return { ok: false, reason: "invalid", message: translate(args.locale, "conflicts.gone") };
    throw error;
  }
}

/**
 * Who last changed each of these sessions, and where they are now (one query). With `since`,
 * only the sessions changed after that instant.
 */
async function lastChanges(
  db: Queryable,
  entry: CachedProgramme,
  editionId: number,
  uuids: string[],
  locale: Locale,
  since?: number,
): Promise<StaleChange[]> {
  const rows = await db
    .select({ uuid: auditLog.entityUuid, at: auditLog.at, by: organisers.name })
    .from(auditLog)
    .leftJoin(organisers, eq(organisers.id, auditLog.organiserId))
    .where(
      and(
        eq(auditLog.editionId, editionId),
        eq(auditLog.entity, "session"),
        inArray(auditLog.entityUuid, uuids),
        since === undefined ? undefined : gt(auditLog.at, since),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(uuids.length * 4)
    .all();
  return uuids.flatMap((uuid) => {
    const s = entry.programme.input.sessions[entry.sessionIndex.get(uuid)!]!;
    const last = rows.find((r) => r.uuid === uuid);
    if (since !== undefined && !last) return [];
    return [{ session: uuid, title: titleOf(s, locale), by: last?.by ?? null, at: last?.at ?? null, now: placementText(entry, s, locale) }];
  });
}

/** Who last changed each of these sessions, and where they are now. */
async function staleOutcome(
  db: Queryable,
  entry: CachedProgramme,
  editionId: number,
  uuids: string[],
  locale: Locale,
): Promise<Exclude<BoardOutcome, { ok: true }>> {
  const changes = await lastChanges(db, entry, editionId, uuids, locale);
  const message = changes
    .map((c) =>
      translate(locale, c.by ? "board.refused.staleBy" : "board.refused.staleSomeone", {
        title: c.title,
        by: c.by ?? "",
        now: c.now,
      }),
    )
    .join(" ");
  return { ok: false, reason: "stale", message, changes };
}

// ─── Undo: the organiser's own board changes, from the audit log ─────────────────────────

type UndoRow = { id: number; session: string; action: AuditAction; before: AuditPlacement; after: AuditPlacement & { change?: string; undoes?: string } };

async function undoCandidates(db: Queryable, editionId: number, organiserId: number): Promise<UndoRow[]> {
  const rows = await db
    .select({ id: auditLog.id, uuid: auditLog.entityUuid, action: auditLog.action, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.editionId, editionId),
        eq(auditLog.organiserId, organiserId),
        eq(auditLog.entity, "session"),
        inArray(auditLog.action, BOARD_ACTIONS),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(UNDO_DEPTH)
    .all();
  return rows
    .filter((r) => r.uuid && r.before && r.after && typeof (r.after as { change?: unknown }).change === "string")
    .map((r) => ({
      id: r.id,
      session: r.uuid!,
      action: r.action as AuditAction,
      before: r.before as AuditPlacement,
      after: r.after as UndoRow["after"],
    }));
}

/** The newest change of the organiser's that is neither an undo nor undone already. */
function undoTop(rows: UndoRow[]): { change: string; action: AuditAction; sessionUuids: string[]; entries: UndoRow[] } | null {
  const groups: { change: string; undoes: string | null; action: AuditAction; entries: UndoRow[] }[] = [];
  for (const row of rows) {
    const change = row.after.change!;
    const last = groups[groups.length - 1];
    if (last && last.change === change) last.entries.push(row);
    else groups.push({ change, undoes: row.after.undoes ?? null, action: row.action, entries: [row] });
  }
  const undone = new Set<string>();
  for (const g of groups) {
    if (g.undoes) {
      undone.add(g.undoes);
      continue;
    }
    if (undone.has(g.change)) continue;
    const entries = [...g.entries].sort((a, b) => a.id - b.id);
    return { change: g.change, action: g.action, sessionUuids: entries.map((e) => e.session), entries };
  }
  return null;
}

// ─── Preview while dragging ─────────────────────────────────────────────────────────────

export type PreviewConflict = { key: string; rule: string; level: string; acknowledged: boolean; message: string };
export type BoardPreview = { appeared: PreviewConflict[]; disappeared: PreviewConflict[]; blocked: string | null };

/** What a proposed change would add and remove, from the cached incremental checker. */
export async function previewBoardChange(
  db: Queryable,
  args: { editionId: number; locale: Locale; change: Exclude<BoardChange, { kind: "undo" }> },
): Promise<BoardPreview> {
  const entry = await currentProgramme(db, args.editionId);
  const { change, locale } = args;
  if (!entry.sessionIndex.has(change.session)) throw new Response("Not found", { status: 404 });
  let engineChange: Change;
  if (change.kind === "place") {
    if (!entry.programme.ids.room.has(change.room) || placementProblem(entry.programme.input.edition, change)) throw new Response("Bad request", { status: 400 });
    const s = entry.programme.input.sessions[entry.sessionIndex.get(change.session)!]!;
    engineChange = { kind: isPlaced(s) ? "move" : "place", sessionId: change.session, roomId: change.room, start: change.start, end: change.end };
  } else if (change.kind === "swap") {
    if (!entry.sessionIndex.has(change.other)) throw new Response("Not found", { status: 404 });
    engineChange = { kind: "swap", a: change.session, b: change.other };
  } else {
    engineChange = { kind: "unschedule", sessionId: change.session };
  }
  const { appeared, disappeared } = entry.checker.preview(engineChange);
  const view = (c: Conflict): PreviewConflict => ({ key: c.key, rule: c.rule, level: c.level, acknowledged: c.acknowledged, message: c.message[locale] });
  const block = appeared.find((c) => c.level === "block" && !c.acknowledged);
  return {
    appeared: appeared.filter((c) => c.rule !== "UNSCHEDULED").map(view),
    disappeared: disappeared.filter((c) => c.rule !== "UNSCHEDULED").map(view),
    blocked: block ? block.message[locale] : null,
  };
}

/** One view object per key, made on first use and then shared (see loadBoard). */
function sharedView<A, V>(keyOf: (a: A) => string, make: (a: A) => V): (a: A) => V {
  const views = new Map<string, V>();
  return (a) => {
    const key = keyOf(a);
    if (views.has(key)) return views.get(key)!;
    const view = make(a);
    views.set(key, view);
    return view;
  };
}
