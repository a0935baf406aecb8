// One day of the programme for the venue's walls: rooms by time, A3 landscape.
import type { BoardData } from "~/domain/board/view";

const MINUTE = 60_000;

export function PrintBoard({ data }: { data: BoardData }) {
  const minutes = (data.grid.end - data.grid.start) / MINUTE;
  const pct = (at: number) => (((at - data.grid.start) / MINUTE) / minutes) * 100;
  const hours = data.grid.rows.filter((row) => row.time.endsWith(":00"));
  const byRoom = new Map<string, BoardData["cards"]>();
  for (const card of data.cards) byRoom.set(card.roomId!, [...(byRoom.get(card.roomId!) ?? []), card]);
  const rooms = data.rooms.filter((room) => (byRoom.get(room.id)?.length ?? 0) > 0);
  return (
    <div className="print-grid" style={{ ["--columns" as string]: rooms.length }}>
      <div className="print-times" aria-hidden="true">
        <div className="print-head" />
        <div className="print-body">
          {hours.map((row) => (
            <span key={row.at} className="print-hour" style={{ top: `${pct(row.at)}%` }}>
              {row.time}
            </span>
          ))}
        </div>
      </div>
      {rooms.map((room) => (
        <section key={room.id} className="print-room" aria-labelledby={`print-${room.id}`}>
          <h2 id={`print-${room.id}`} className="print-head">
            {room.name}
          </h2>
          <div className="print-body">
            {hours.map((row) => (
              <span key={row.at} className="print-line" style={{ top: `${pct(row.at)}%` }} />
            ))}
            {(byRoom.get(room.id) ?? []).map((card) => (
              <article
                key={card.id}
                className="print-card"
                style={{ top: `${pct(card.start!)}%`, height: `${pct(card.end!) - pct(card.start!)}%`, ["--theme" as string]: card.theme?.colour ?? "#888" }}
              >
                <p className="print-time">
                  {card.startLabel}–{card.endLabel}
                  {card.format ? ` · ${card.format}` : ""}
                </p>
                <h3>{card.title}</h3>
                {card.people.length > 0 ? <p className="print-people">{card.people.map((p) => p.name).join(", ")}</p> : null}
                {card.theme ? <p className="print-theme">{card.theme.name}</p> : null}
              </article>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
