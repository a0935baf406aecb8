// One day of an auto-scheduling preview, drawn like the board: rooms as columns, time going
// down; the sessions that stay are plain cards, the proposed ones dashed and labelled (never
// colour alone), faded once unticked.
import { useT } from "~/i18n";
import type { AutoDay } from "~/services/board/auto-schedule.server";

const MINUTE = 60_000;
/** Pixels per minute: an hour is 60 px, enough for a title and its times. */
const SCALE = 1;

export function AutoScheduleGrid({ day, unticked }: { day: AutoDay; unticked: ReadonlySet<string> }) {
  const t = useT();
  const height = ((day.end - day.start) / MINUTE) * SCALE;
  const top = (at: number) => ((at - day.start) / MINUTE) * SCALE;
  return (
    <figure className="auto-grid" data-testid="auto-grid">
      <figcaption>{t("auto.preview.grid", { day: day.label })}</figcaption>
      <div className="auto-grid-scroll">
        <div className="auto-grid-columns" style={{ ["--rooms" as string]: day.rooms.length }}>
          <div className="auto-grid-times" style={{ height }} aria-hidden="true">
            {day.hours.map((h) => (
              <span key={h.at} style={{ top: top(h.at) }}>
                {h.label}
              </span>
            ))}
          </div>
          {day.rooms.map((room) => (
            <section key={room.id} className="auto-grid-room" aria-label={room.name}>
              <h4>{room.name}</h4>
              <ul style={{ height }}>
                {day.cards
                  .filter((c) => c.roomId === room.id)
                  .map((c) => (
                    <li
                      key={c.id}
                      className={`auto-card${c.proposed ? " is-proposed" : ""}${unticked.has(c.id) ? " is-unticked" : ""}`}
                      style={{ top: top(c.startsAt), height: Math.max(18, ((c.endsAt - c.startsAt) / MINUTE) * SCALE - 2) }}
                      data-testid={c.proposed ? "ghost" : undefined}
                    >
                      {c.proposed ? <span className="auto-card-tag">{t("auto.preview.proposed")}</span> : null}
                      <span className="auto-card-time">
                        {c.start}–{c.end}
                      </span>{" "}
                      <span className="auto-card-title">{c.title}</span>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </div>
      </div>
    </figure>
  );
}
