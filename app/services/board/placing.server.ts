// The place/move form's choices for one session: the engine's ranked placements, the rooms'
// free slots, and where the form opens.
import { isPlaced } from "~/domain/board/day-view";
import { defaultPlacement, freeSlots, type Placement } from "~/domain/board/placing";
import type { BoardCard, BoardRoom, PlacingView, SuggestionView } from "~/domain/board/view";
import type { Checker, ProgrammeInput } from "~/domain/conflicts";
import { formatLocalDate } from "~/domain/format";
import { localDate, localTime, occurrenceOf } from "~/domain/time";
import { translate, type Locale } from "~/i18n";

/** How many ranked placements the form offers. */
const SUGGESTIONS = 5;

/** A placement in the edition's local words, with its instants. */
export function placementView(p: Placement, roomName: string, timeZone: string, locale: Locale, withRoom = true): SuggestionView {
  const date = localDate(p.start, timeZone);
  const start = localTime(p.start, timeZone);
  const end = localTime(p.end, timeZone);
  const day = formatLocalDate(date, locale);
  return {
    roomId: p.roomId,
    roomName,
    date,
    start,
    end,
    startsAt: p.start,
    endsAt: p.end,
    label: withRoom ? translate(locale, "board.suggestion.label", { room: roomName, day, start, end }) : `${day}, ${start}–${end}`,
  };
}

/** The engine's ranked placements for a session, in words. */
export function suggestionViews(input: ProgrammeInput, checker: Checker, sessionId: string, timeZone: string, locale: Locale, k = SUGGESTIONS): SuggestionView[] {
  const names = new Map(input.rooms.map((r) => [r.id, r.name]));
  return checker.suggest(sessionId, k).map((s) => placementView(s, names.get(s.roomId) ?? s.roomId, timeZone, locale));
}

/** What the place/move form offers for the session being edited. */
export function placingView(args: {
  input: ProgrammeInput;
  checker: Checker;
  card: BoardCard;
  day: { rooms: BoardRoom[]; firstRow: number | null };
  timeZone: string;
  locale: Locale;
  /** The free slot chosen in the form without JavaScript (`slotKey`), to open on. */
  chosenSlot?: string | null;
}): PlacingView {
  const { input, card, timeZone, locale } = args;
  const taken = new Map<string, { start: number; end: number }[]>();
  for (const s of input.sessions) {
    if (s.id === card.id || !isPlaced(s)) continue;
    taken.set(s.roomId!, [...(taken.get(s.roomId!) ?? []), { start: s.start!, end: s.end! }]);
  }
  const free = input.rooms.flatMap((room) =>
    freeSlots(room.slots ?? [], [...(taken.get(room.id) ?? []), ...(room.blocked ?? [])]).map((slot) =>
      placementView({ roomId: room.id, ...slot }, room.name, timeZone, locale, false),
    ),
  );
  const suggestions = card.status === "cancelled" ? [] : suggestionViews(input, args.checker, card.id, timeZone, locale);
  const at = (v: SuggestionView): Placement => ({ roomId: v.roomId, start: v.startsAt, end: v.endsAt });
  const initial = defaultPlacement({
    chosenSlot: args.chosenSlot,
    current: card,
    minutes: card.minutes,
    suggestions: suggestions.map(at),
    freeSlots: free.map(at),
    rooms: args.day.rooms,
    firstRow: args.day.firstRow,
  });
  return {
    rooms: input.rooms.map((r) => ({ id: r.id, name: r.name })),
    suggestions,
    freeSlots: free,
    initial: initial
      ? {
          roomId: initial.roomId,
          date: localDate(initial.start, timeZone),
          start: localTime(initial.start, timeZone),
          end: localTime(initial.end, timeZone),
          startOccurrence: occurrenceOf(initial.start, timeZone) === "second" ? "second" : "",
          endOccurrence: occurrenceOf(initial.end, timeZone) === "second" ? "second" : "",
        }
      : null,
  };
}
