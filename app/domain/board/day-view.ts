// One day of the board as every organiser sees it, from a programme and its conflicts. Pure:
// the programme, its conflicts, the sessions' versions and the words come in as arguments.
import type { Conflict, ProgrammeInput, SessionInput } from "~/domain/conflicts";
import { formatLocalDate } from "~/domain/format";
import { isOutsideEdition } from "~/domain/placement";
import { dayContaining, localDate, localTime } from "~/domain/time";
import { orderConflicts } from "./conflict-order";
import type { BoardCard, BoardData, BoardRoom, BoardRow, BoardStep, CardConflict, CardPerson, PanelConflict } from "./view";

type Locale = "fr" | "en";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function titleOf(session: SessionInput, locale: Locale): string {
  return session.title[locale] ?? session.title.fr ?? session.title.en ?? "—";
}

export function isPlaced(s: SessionInput): boolean {
  return s.status !== "cancelled" && s.roomId !== null && s.start !== null && s.end !== null;
}

function floorTo(epoch: number, step: number): number {
  return Math.floor(epoch / step) * step;
}

export type EditionDay = ProgrammeInput["edition"]["days"][number];

/** What a day view is made from: the programme in one state and what the engine found in it. */
export type BoardSource = {
  input: ProgrammeInput;
  timeZone: string;
  conflicts: readonly Conflict[];
  /** A session's current version (what a change on the board is made against). */
  versionOf: (sessionUuid: string) => number;
  themeColours: ReadonlyMap<string, string>;
  /** Where a session is, in words ("room, day, start–end" or "not placed"). */
  placementText: (p: { roomId: string | null; start: number | null; end: number | null }) => string;
};

/** One day of the board as every organiser sees it; read-only once made (see `derivedView`). */
export type DayView = Pick<BoardData, "days" | "grid" | "rooms" | "cards" | "options" | "outside" | "dates"> & {
  panel: PanelConflict[];
  /** The unscheduled sessions and their cards, by title: the tray before its filters. */
  unplaced: { session: SessionInput; card: BoardCard }[];
  /** How many of the day's sessions each room holds (the board's pages of rooms are cut by it). */
  cardsIn: Map<string, number>;
  /** The cards of the day and of the tray, by session. */
  cardOf: Map<string, BoardCard>;
  /** A card for any session, sharing this view's theme and person objects. */
  card: (s: SessionInput) => BoardCard;
  sessionsById: Map<string, SessionInput>;
  roomsById: Map<string, ProgrammeInput["rooms"][number]>;
};


export function dayView(source: BoardSource, locale: Locale, day: EditionDay, step: BoardStep): DayView {
  const { input, timeZone } = source;
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

  const conflicts = source.conflicts;
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
      return theme ? { id: theme.id, name: theme.name[locale], colour: source.themeColours.get(theme.id) ?? "#555555" } : null;
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
      version: source.versionOf(s.id),
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
  const cardsIn = new Map<string, number>();
  for (const c of cards) {
    cardOf.set(c.id, c);
    cardsIn.set(c.roomId!, (cardsIn.get(c.roomId!) ?? 0) + 1);
  }
  for (const t of trayCards) cardOf.set(t.card.id, t.card);
  const outside = outsideSessions
    .sort((a, b) => a.start! - b.start! || (a.id < b.id ? -1 : 1))
    .map((s) => ({ card: card(s), where: source.placementText(s) }));
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
    panel: orderConflicts(panel),
    unplaced: trayCards,
    cardsIn,
    cardOf,
    card,
    sessionsById,
    roomsById,
  };
}

/** One view object per key, made on first use and then shared (see dayView). */
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
