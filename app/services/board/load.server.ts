// The schedule board's page: one day of an edition, rooms by time, from the cached programme.
import type { Queryable } from "~/db/client.server";
import { dayView, isPlaced, titleOf } from "~/domain/board/day-view";
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
      items: suggestionViews(input, checker, suggested.id, timeZone, locale),
    };
  }

  const edited = args.edit ? sessionsById.get(args.edit) : undefined;
  const editing = edited && edited.status !== "cancelled" ? (view.cardOf.get(edited.id) ?? view.card(edited)) : null;
  const placing = editing
    ? placingView({ input, checker, card: editing, day: { rooms: view.rooms, firstRow: view.grid.rows[0]?.at ?? null }, timeZone, locale })
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
