// The board's grid: rooms as columns, time as rows, session cards sized by duration.
// Presentational: drag and drop handlers come from the page (board-page.tsx).
import { Link } from "@remix-run/react";
import type { DragEvent, ReactNode } from "react";
import { useT, type MessageKey } from "~/i18n";
import type { BoardCard, BoardData } from "~/domain/board/view";
import { Icon } from "~/components/icon";

const MINUTE = 60_000;
/** Row height in pixels per step: a one-hour session is about 5 rows of text at every step. */
export const ROW_HEIGHT: Record<number, number> = { 15: 22, 30: 40, 60: 72 };

export type DragHandlers = {
  enabled: boolean;
  draggingId: string | null;
  onDragStart: (card: BoardCard, event: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
};

export function boardHref(data: Pick<BoardData, "day" | "step"> & Partial<Pick<BoardData, "roomPages">>, extra: Record<string, string> = {}): string {
  const page: Record<string, string> = data.roomPages && data.roomPages.page > 1 ? { roomPage: String(data.roomPages.page) } : {};
  const params = new URLSearchParams({ day: data.day, ...(data.step !== 30 ? { step: String(data.step) } : {}), ...page, ...extra });
  return `?${params.toString()}`;
}

/** What a card says about its state, in words (never colour alone). */
export function CardState({ card }: { card: BoardCard }) {
  const t = useT();
  const open = card.conflicts.filter((c) => !c.acknowledged);
  const acknowledged = card.conflicts.length - open.length;
  return (
    <ul className="card-state">
      <li>{t(`status.${card.status}` as MessageKey)}</li>
      {card.unconfirmed > 0 ? (
        <li className="card-unconfirmed">
          <Icon name="pending" /> {t("board.card.unconfirmed", { count: card.unconfirmed })}
        </li>
      ) : null}
      {open.map((c) => (
        <li key={c.key} className={`card-conflict level-${c.level}`} title={c.message}>
          <Icon name={c.level} /> {`${t(`level.${c.level}` as MessageKey)} : ${t(`rule.${c.rule}` as MessageKey)}`}
        </li>
      ))}
      {acknowledged > 0 ? (
        <li className="card-acknowledged">
          <Icon name="acknowledged" /> {t("board.card.acknowledged", { count: acknowledged })}
        </li>
      ) : null}
    </ul>
  );
}

/**
 * "Name, Name (hourglass), Name": the names run as one text, broken only by the marks of people who have
 * not confirmed or declined (each a span with its meaning in words). The board shows hundreds of
 * cards: every extra element or text node is more for the server to write.
 */
function peopleLine(card: BoardCard, t: ReturnType<typeof useT>): ReactNode[] {
  const out: ReactNode[] = [];
  let text = "";
  card.people.forEach((p, i) => {
    text += `${i > 0 ? ", " : ""}${p.name}`;
    const mark =
      p.confirmation === "pending" || p.confirmation === "must_reconfirm"
        ? { title: t(`board.confirmation.${p.confirmation}` as MessageKey), icon: "pending" as const }
        : p.confirmation === "declined"
          ? { title: t("board.confirmation.declined"), icon: "declined" as const }
          : null;
    if (mark) {
      out.push(
        text,
        " ",
        <Icon key={i} name={mark.icon} label={mark.title} />,
      );
      text = "";
    }
  });
  if (text) out.push(text);
  return out;
}

/** A card's text lines: the card's pixel height decides how many it shows (CSS: .session-card). */
const CARD_LINE = 14;
const CARD_CHROME = 6;

/**
 * How a card lays out its text: "line" (one line: title, time, level and format side by side),
 * "compact" (title, then time, level and format), "roomy" (the title on `titleLines` lines and
 * the rest on `metaLines`), "free" (the tray: as tall as its text). Every line of text is whole:
 * the title ends with an ellipsis and the format badge shrinks with one, their full text kept.
 */
type CardSize = { kind: "line" | "compact" | "roomy"; titleLines: number; metaLines: 1 | 2 } | { kind: "free"; titleLines: 0; metaLines: 0 };

export function cardSize(height: number | undefined): CardSize {
  if (height === undefined) return { kind: "free", titleLines: 0, metaLines: 0 };
  const lines = Math.floor((height - CARD_CHROME) / CARD_LINE);
  if (lines <= 1) return { kind: "line", titleLines: 1, metaLines: 1 };
  if (lines === 2) return { kind: "compact", titleLines: 1, metaLines: 1 };
  if (lines === 3) return { kind: "roomy", titleLines: 2, metaLines: 1 };
  // Time and conflicts fit one line of the narrowest column; the format gets the second.
  return { kind: "roomy", titleLines: Math.min(3, lines - 2), metaLines: 2 };
}

/** The card's open conflicts as one icon (the most serious level) and a count, said in words. */
function CardLevel({ card }: { card: BoardCard }) {
  const t = useT();
  const open = card.conflicts.filter((c) => !c.acknowledged);
  const worst = open[0]?.level;
  return (
    <>
      {worst ? (
        <span className={`card-level level-${worst}`}>
          <Icon name={worst} label={t("board.card.conflicts", { count: open.length, level: t(`level.${worst}` as MessageKey) })} />
          <span aria-hidden="true">{open.length}</span>
        </span>
      ) : null}
      {card.unconfirmed > 0 ? (
        <span className="card-level card-unconfirmed">
          <Icon name="pending" label={t("board.card.unconfirmed", { count: card.unconfirmed })} />
          <span aria-hidden="true">{card.unconfirmed}</span>
        </span>
      ) : null}
    </>
  );
}

export function SessionCard({
  card,
  data,
  drag,
  style,
}: {
  card: BoardCard;
  data: BoardData;
  drag: DragHandlers;
  style?: { top: number; height: number };
}) {
  const t = useT();
  const worst = card.conflicts.find((c) => !c.acknowledged)?.level;
  const size = cardSize(style?.height);
  const titleId = `card-${card.id}-title`;
  const detailsId = `card-${card.id}-details`;
  const time = card.startLabel ? `${card.startLabel}–${card.endLabel}` : t("board.card.minutes", { minutes: card.minutes });
  return (
    <article
      className={`session-card card-${size.kind}${size.metaLines === 2 ? " card-meta-wrap" : ""}${worst ? ` has-${worst}` : ""}${drag.draggingId === card.id ? " is-dragging" : ""}`}
      style={{ ...style, ["--theme" as string]: card.theme?.colour ?? "#888888", ...(size.kind === "roomy" ? { ["--title-lines" as string]: size.titleLines } : {}) }}
      data-card-id={card.id}
      data-version={card.version}
      draggable={drag.enabled ? true : undefined}
      onDragStart={drag.enabled ? (event) => drag.onDragStart(card, event) : undefined}
      onDragEnd={drag.enabled ? drag.onDragEnd : undefined}
      aria-labelledby={titleId}
    >
      {/* The full title stays in the text (screen readers read it) and in the tooltip when the eye sees it cut. */}
      <h3 id={titleId} className="card-title" title={card.title}>
        {card.title}
      </h3>
      <p className="card-meta">
        <span className="card-time">{time}</span>
        <CardLevel card={card} />
        {card.format ? (
          <span className="badge card-format" title={card.format}>
            {card.format}
          </span>
        ) : null}
      </p>
      <p className="card-actions">
        <button type="button" className="card-details-button" {...{ popovertarget: detailsId }} aria-label={t("board.card.details", { title: card.title })} title={t("board.card.details", { title: card.title })}>
          <Icon name="details" />
        </button>
        <Link className="card-move" to={boardHref(data, { edit: card.id })} preventScrollReset discover="none" aria-describedby={titleId} title={card.roomId ? t("board.card.move") : t("board.card.place")}>
          <Icon name="move" />
          <span className="visually-hidden">{card.roomId ? t("board.card.move") : t("board.card.place")}</span>
        </Link>
      </p>
      <CardDetails id={detailsId} card={card} time={time} />
    </article>
  );
}

/**
 * Everything a card holds, opened from its "details" button: a native popover (the browser's
 * top layer, so no card or column cuts it; Escape and a click elsewhere close it and the focus
 * goes back to the button; it opens without JavaScript too).
 */
function CardDetails({ id, card, time }: { id: string; card: BoardCard; time: string }) {
  const t = useT();
  return (
    <div id={id} className="card-details" {...{ popover: "auto" }} role="dialog" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="card-details-title">
        {card.title}
      </p>
      <p className="card-details-meta">
        <span className="card-details-time">{time}</span>
        {card.format ? <span className="badge">{card.format}</span> : null}
        {card.theme ? <span className="card-theme">{card.theme.name}</span> : null}
      </p>
      {card.people.length > 0 ? (
        <p className="card-people">
          <span className="visually-hidden">{t("board.card.people")} </span>
          {peopleLine(card, t)}
        </p>
      ) : null}
      <CardState card={card} />
    </div>
  );
}

export function BoardGrid({ data, drag }: { data: BoardData; drag: DragHandlers }) {
  const t = useT();
  const rowHeight = ROW_HEIGHT[data.step] ?? 40;
  const perMinute = rowHeight / data.step;
  const top = (at: number) => ((at - data.grid.start) / MINUTE) * perMinute;
  const height = (rows: number) => rows * rowHeight;
  const bodyHeight = height(data.grid.rows.length);
  const byRoom = new Map<string, BoardCard[]>();
  for (const card of data.cards) {
    const list = byRoom.get(card.roomId!) ?? [];
    list.push(card);
    byRoom.set(card.roomId!, list);
  }
  return (
    <div className="board-grid" style={{ ["--rows" as string]: data.grid.rows.length, ["--row" as string]: `${rowHeight}px` }}>
      <div className="board-times" aria-hidden="true">
        <div className="board-corner" />
        <div className="board-body" style={{ height: bodyHeight }}>
          {data.grid.rows.map((row) => (
            <div key={row.at} className="board-time" style={{ top: top(row.at), height: rowHeight }}>
              {row.time}
            </div>
          ))}
        </div>
      </div>
      {data.rooms.map((room) => {
        const closed = closedRanges(room, data.grid.start, data.grid.end);
        return (
          <section key={room.id} className="board-room" aria-labelledby={`room-${room.id}`} data-room-id={room.id}>
            <h2 id={`room-${room.id}`} className="board-room-name">
              {room.name}
              {room.capacity ? <span className="board-room-capacity">{t("board.room.capacity", { capacity: room.capacity })}</span> : null}
            </h2>
            <div className="board-body" style={{ height: bodyHeight }}>
              {data.grid.rows.map((row) => (
                <div
                  key={row.at}
                  className="board-cell"
                  style={{ top: top(row.at), height: rowHeight }}
                  data-cell=""
                  data-room={room.id}
                  data-at={row.at}
                  data-time={row.time}
                />
              ))}
              {closed.map((c) => (
                <div key={c.start} className="board-closed" style={{ top: top(c.start), height: top(c.end) - top(c.start) }}>
                  <span>{t("board.room.closed")}</span>
                </div>
              ))}
              {room.slots.map((slot) => (
                <div key={slot.start} className="board-slot" style={{ top: top(slot.start), height: top(slot.end) - top(slot.start) }} title={slot.label} />
              ))}
              {(byRoom.get(room.id) ?? []).map((card) => (
                <SessionCard
                  key={card.id}
                  card={card}
                  data={data}
                  drag={drag}
                  style={{ top: top(card.start!), height: Math.max(top(card.end!) - top(card.start!) - 2, 18) }}
                />
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}

/** Parts of the grid outside a restricted room's opening hours. */
function closedRanges(room: BoardData["rooms"][number], start: number, end: number): { start: number; end: number }[] {
  if (!room.restricted) return [];
  const out: { start: number; end: number }[] = [];
  let cursor = start;
  for (const o of [...room.open].sort((a, b) => a.start - b.start)) {
    if (o.start > cursor) out.push({ start: cursor, end: o.start });
    cursor = Math.max(cursor, o.end);
  }
  if (cursor < end) out.push({ start: cursor, end });
  return out;
}
