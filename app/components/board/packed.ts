// The board's data as its route sends it to the browser: one JSON text instead of a tree of
// ~30,000 values. Remix serialises loader data with turbo-stream, which visits and indexes every
// value (15–25 ms for an F1 day on the server; the browser then rebuilds each one); a JSON text
// costs it one string. Shared objects stay shared: each theme, person and conflict is written
// once in a table and referred to by its position (ADR 0007).
import type { BoardCard, BoardData, CardConflict, CardPerson, PanelConflict } from "~/domain/board/view";

/** A board packed by `packBoard`; only `unpackBoard` reads it. */
export type PackedBoard = string & { readonly packed: "board" };

type Theme = NonNullable<BoardCard["theme"]>;

/** A card as a row: the fields in this order, its theme, people and conflicts as table positions. */
type CardRow = [
  id: string,
  version: number,
  title: string,
  status: BoardCard["status"],
  format: string | null,
  theme: number,
  people: number[],
  unconfirmed: number,
  roomId: string | null,
  start: number | null,
  end: number | null,
  startLabel: string | null,
  endLabel: string | null,
  minutes: number,
  conflicts: number[],
];

type Wire = Omit<BoardData, "cards" | "tray" | "outside" | "conflicts" | "editing"> & {
  cards: CardRow[];
  tray: CardRow[];
  outside: [card: CardRow, where: string][];
  editing: CardRow | null;
  /** Positions in `shared.conflicts` of the panel's conflicts, in the panel's order. */
  conflicts: number[];
  shared: { themes: Theme[]; people: CardPerson[]; conflicts: CardConflict[] };
};

/** Positions of objects in a list, by identity: an object met again gets its first position. */
class Table<T extends object> {
  readonly items: T[] = [];
  private readonly positions = new Map<T, number>();

  at(item: T): number {
    let position = this.positions.get(item);
    if (position === undefined) {
      position = this.items.length;
      this.items.push(item);
      this.positions.set(item, position);
    }
    return position;
  }
}

export function packBoard(board: BoardData): PackedBoard {
  const themes = new Table<Theme>();
  const people = new Table<CardPerson>();
  const conflicts = new Table<CardConflict>();
  const row = (card: BoardCard): CardRow => [
    card.id,
    card.version,
    card.title,
    card.status,
    card.format,
    card.theme ? themes.at(card.theme) : -1,
    card.people.map((person) => people.at(person)),
    card.unconfirmed,
    card.roomId,
    card.start,
    card.end,
    card.startLabel,
    card.endLabel,
    card.minutes,
    card.conflicts.map((conflict) => conflicts.at(conflict)),
  ];
  // A conflict the panel does not list travels with what its cards show only.
  const listed = new Set<CardConflict>(board.conflicts);
  const onCards = ({ key, rule, level, acknowledged, message }: CardConflict): CardConflict => ({ key, rule, level, acknowledged, message });
  const wire: Wire = {
    ...board,
    conflicts: board.conflicts.map((conflict) => conflicts.at(conflict)),
    cards: board.cards.map(row),
    tray: board.tray.map(row),
    outside: board.outside.map((o) => [row(o.card), o.where]),
    editing: board.editing ? row(board.editing) : null,
    shared: { themes: themes.items, people: people.items, conflicts: conflicts.items.map((c) => (listed.has(c) ? c : onCards(c))) },
  };
  return JSON.stringify(wire) as PackedBoard;
}

export function unpackBoard(packed: PackedBoard): BoardData {
  const { shared, cards, tray, outside, editing, conflicts, ...rest } = JSON.parse(packed) as Wire;
  const card = ([id, version, title, status, format, theme, people, unconfirmed, roomId, start, end, startLabel, endLabel, minutes, cardConflicts]: CardRow): BoardCard => ({
    id,
    version,
    title,
    status,
    format,
    theme: theme < 0 ? null : shared.themes[theme]!,
    people: people.map((i) => shared.people[i]!),
    unconfirmed,
    roomId,
    start,
    end,
    startLabel,
    endLabel,
    minutes,
    conflicts: cardConflicts.map((i) => shared.conflicts[i]!),
  });
  return {
    ...rest,
    // The panel's positions point at the conflicts packed from its own list.
    conflicts: conflicts.map((i) => shared.conflicts[i] as PanelConflict),
    cards: cards.map(card),
    tray: tray.map(card),
    outside: outside.map(([row, where]) => ({ card: card(row), where })),
    editing: editing ? card(editing) : null,
  };
}
