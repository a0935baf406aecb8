// The programme for the venue's walls: one day per printed page (A4 or A3 landscape), rooms by
// time. Rows follow the day's start and end times rather than the clock, and each is as tall as
// its sessions need: every title, time and name is printed whole, never cut at a fixed height.
import type { BoardCard, BoardData } from "~/domain/board/view";

export type Paper = "a4" | "a3";

/** The paper a print view asks for (`?paper=`), A3 unless A4 is named. */
export function paperOf(value: string | null): Paper {
  return value === "a4" ? "a4" : "a3";
}

type Placed = { card: BoardCard; column: number };

/**
 * Each room's cards in lanes: two sessions booked into one room at once (a conflict the board
 * shows) sit side by side instead of one over the other.
 */
function lanes(cards: BoardCard[]): { placed: Placed[]; width: number } {
  const ends: number[] = [];
  const placed = [...cards]
    .sort((a, b) => a.start! - b.start! || b.end! - a.end!)
    .map((card) => {
      let lane = ends.findIndex((end) => end <= card.start!);
      if (lane < 0) lane = ends.push(0) - 1;
      ends[lane] = card.end!;
      return { card, column: lane };
    });
  return { placed, width: Math.max(1, ends.length) };
}

export function PrintDay({ data, label }: { data: BoardData; label: string }) {
  const byRoom = new Map<string, BoardCard[]>();
  for (const card of data.cards) byRoom.set(card.roomId!, [...(byRoom.get(card.roomId!) ?? []), card]);
  const rooms = data.rooms.filter((room) => byRoom.has(room.id)).map((room) => ({ room, ...lanes(byRoom.get(room.id)!) }));
  // The times where a session starts or ends, each with its local text.
  const marks = new Map<number, string>();
  for (const card of data.cards) {
    marks.set(card.start!, card.startLabel ?? "");
    marks.set(card.end!, card.endLabel ?? "");
  }
  const times = [...marks.keys()].sort((a, b) => a - b);
  const row = (at: number) => times.indexOf(at) + 2;
  let column = 2;
  const columns = rooms.map((r) => {
    const first = column;
    column += r.width;
    return { ...r, first };
  });
  return (
    <section className="print-day" aria-labelledby={`print-day-${data.day}`}>
      <h2 id={`print-day-${data.day}`} className="print-day-title">
        {label}
      </h2>
      <div className="print-grid" style={{ gridTemplateColumns: `3.2em repeat(${column - 2}, minmax(0, 1fr))`, gridTemplateRows: `auto repeat(${Math.max(1, times.length - 1)}, minmax(1em, auto))` }}>
        <div className="print-head print-corner" style={{ gridRow: 1, gridColumn: 1 }} />
        {columns.map(({ room, first, width }) => (
          <h3 key={room.id} className="print-head" style={{ gridRow: 1, gridColumn: `${first} / span ${width}` }}>
            {room.name}
          </h3>
        ))}
        {times.slice(0, -1).map((at) => (
          <p key={at} className="print-hour" style={{ gridRow: row(at), gridColumn: 1 }}>
            {marks.get(at)}
          </p>
        ))}
        {times.slice(0, -1).map((at) => (
          <span key={`line-${at}`} className="print-line" aria-hidden="true" style={{ gridRow: row(at), gridColumn: `1 / -1` }} />
        ))}
        {columns.flatMap(({ room, first, placed }) =>
          placed.map(({ card, column: lane }) => (
            <article
              key={card.id}
              className="print-card"
              data-print-card={card.id}
              style={{ gridRow: `${row(card.start!)} / ${row(card.end!)}`, gridColumn: first + lane, ["--theme" as string]: card.theme?.colour ?? "#888" }}
              aria-label={`${room.name}, ${card.startLabel}–${card.endLabel}`}
            >
              <p className="print-time">
                {card.startLabel}–{card.endLabel}
                {card.format ? ` · ${card.format}` : ""}
              </p>
              <h4 className="print-title">{card.title}</h4>
              {card.people.length > 0 ? <p className="print-people">{card.people.map((p) => p.name).join(", ")}</p> : null}
              {card.theme ? <p className="print-theme">{card.theme.name}</p> : null}
            </article>
          )),
        )}
      </div>
    </section>
  );
}
