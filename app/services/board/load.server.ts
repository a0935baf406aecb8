// The schedule board's page: one day of an edition, rooms by time, from the cached programme.
import type { Queryable } from "~/db/client.server";
import { dayView, isPlaced, titleOf } from "~/domain/board/day-view";
import { conflictCounts } from "~/domain/board/conflict-order";
import { CARDS_PER_PAGE, CONFLICTS_PER_PAGE, pageNumber, pageOf, pageStarts, ROOMS_PER_PAGE, TRAY_PER_PAGE } from "~/domain/board/pages";
import { undoTop } from "~/domain/board/undo";
import { BOARD_STEPS, type BoardData, type BoardStep, type TrayFilters, type UndoView } from "~/domain/board/view";
import { matchesAll, searchTerms, searchTextOf } from "~/domain/search";
import { translate, type Locale, type MessageKey } from "~/i18n";
import { currentProgramme, derivedView, programmeStamp } from "../programme-cache.server";
import { undoCandidates } from "./history.server";
import { placementTextOf } from "./placement-text.server";
import { placingView, suggestionViews } from "./placing.server";

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
    /** The free slot chosen for the edited session without JavaScript (`slotKey`). */
    slot?: string | null;
    saved?: string | null;
    /** The page of rooms and of the tray shown (from 1; a big edition's board shows one page of each). */
    roomPage?: number;
    trayPage?: number;
    conflictPage?: number;
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
  const view = derivedView(entry, `board|${locale}|${day.date}|${step}`, () =>
    dayView(
      {
        input,
        timeZone,
        conflicts: checker.conflicts(),
        versionOf: (uuid) => programme.sessionMeta.get(uuid)?.version ?? 1,
        themeColours: entry.themeColours,
        placementText: (p) => placementTextOf(input.rooms, timeZone, p, locale),
      },
      locale,
      day,
      step,
    ),
  );
  const { sessionsById, roomsById } = view;
  // A big edition's day: one page of rooms, their sessions and the conflicts that involve them.
  // Pages start above ROOMS_PER_PAGE rooms; then a page holds at most that many rooms and CARDS_PER_PAGE sessions.
  const roomPage = pageOf(view.rooms, args.roomPage ?? 1, view.rooms.length <= ROOMS_PER_PAGE ? [0] : pageStarts(view.rooms, ROOMS_PER_PAGE, { of: (r) => view.cardsIn.get(r.id) ?? 0, budget: CARDS_PER_PAGE }));
  const shownRooms = new Set(roomPage.shown.map((r) => r.id));
  const cards = roomPage.page ? view.cards.filter((c) => shownRooms.has(c.roomId!)) : view.cards;
  const shownCards = new Set(cards.map((c) => c.id));
  const conflicts = roomPage.page ? view.panel.filter((c) => c.sessions.some((s) => shownCards.has(s.id))) : view.panel;
  // Paged with the rooms only: a small edition's panel lists every conflict of the day, as before.
  const conflictPage = pageOf(conflicts, args.conflictPage ?? 1, roomPage.page ? pageStarts(conflicts, CONFLICTS_PER_PAGE) : [0]);

  const filters = args.filters;
  // Folded like every search box (searchTextOf/searchTerms): titles and people's names, every word.
  const terms = searchTerms(filters.q);
  const filtered = view.unplaced
    .filter(
      ({ session: s, card }) =>
        (terms.length === 0 || matchesAll(searchTextOf([s.title.fr, s.title.en, ...card.people.map((p) => p.name)]), terms)) &&
        (!filters.theme || s.themeId === filters.theme) &&
        (!filters.format || s.formatId === filters.format) &&
        (!filters.person || s.people.some((p) => p.personId === filters.person)),
    )
    .map(({ card }) => card);
  const trayPage = pageOf(filtered, args.trayPage ?? 1, pageStarts(filtered, TRAY_PER_PAGE));

  let suggestions: BoardData["suggestions"] = null;
  const suggested = args.suggest ? sessionsById.get(args.suggest) : undefined;
  if (suggested && suggested.status !== "cancelled") {
    suggestions = {
      session: { id: suggested.id, title: titleOf(suggested, locale), version: programme.sessionMeta.get(suggested.id)?.version ?? 1 },
      items: suggestionViews(input, checker, suggested.id, timeZone, locale),
    };
  }

  const edited = args.edit ? sessionsById.get(args.edit) : undefined;
  const editing = edited && edited.status !== "cancelled" ? (view.cardOf.get(edited.id) ?? view.card(edited)) : null;
  const placing = editing
    ? placingView({ input, checker, card: editing, day: { rooms: view.rooms, firstRow: view.grid.rows[0]?.at ?? null }, timeZone, locale, chosenSlot: args.slot })
    : null;
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
          count: top.sessionUuids.length,
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
    rooms: roomPage.shown,
    roomPages: roomPage.page,
    cards,
    tray: trayPage.shown,
    trayPages: trayPage.page,
    trayTotal: view.unplaced.length,
    outside: view.outside,
    dates: view.dates,
    filters,
    options: view.options,
    conflicts: conflictPage.shown,
    conflictPages: conflictPage.page,
    conflictTotals: conflictCounts(conflicts),
    suggestions,
    editing,
    placing,
    swapTargets,
    undo,
    notice,
  };
}

/** The programme's current stamp: the board polls it to pick up other organisers' changes. */
export async function boardStamp(db: Queryable, editionId: number): Promise<string> {
  return programmeStamp(db, editionId);
}

/** The board's query string: day, rows, tray filters, the session being edited or helped, the pages shown. */
export function boardQuery(url: URL) {
  const get = (name: string) => url.searchParams.get(name)?.slice(0, 200) ?? "";
  return {
    day: get("day") || null,
    step: Number(get("step") || 30),
    filters: { q: get("q"), theme: get("theme"), format: get("format"), person: get("person") },
    suggest: get("suggest") || null,
    edit: get("edit") || null,
    slot: get("slot") || null,
    saved: get("saved") || null,
    roomPage: pageNumber(get("roomPage")),
    trayPage: pageNumber(get("trayPage")),
    conflictPage: pageNumber(get("conflictPage")),
  };
}
