// The schedule board page: day tabs, the tray, the grid and the side panel. Drag and drop
// (native HTML5), the keyboard (each card's "move" opens the per-session form) and the plain
// forms all post the same fields to the same action. While a card is dragged over a place, the
// preview route says which conflicts would appear or disappear; other organisers' changes are
// picked up by polling the programme's stamp.
import { Form, Link, useActionData, useFetcher, useNavigate, useNavigation, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type DragEvent } from "react";
import { formatLocalDate } from "~/domain/format";
import { useLocale, useT, type MessageKey } from "~/i18n";
import type { BoardCard, BoardData, BoardPreview } from "~/domain/board/view";
import { BoardGrid, boardHref, SessionCard, type DragHandlers } from "./grid";
import { ConflictPanel, PreviewView, Suggestions, type FormFailureLike } from "./panel";
import { PlacementForm } from "./placement-form";
import { BoardPager } from "./pager";
import { Icon } from "~/components/icon";
import { useHydrated } from "~/components/use-hydrated";

/** How often the board asks whether the programme changed (ms). */
export const POLL_MS = 4000;

type Outcome =
  | { ok: true; announcement: string; sessions?: string[] }
  | { ok: false; reason?: string; message?: string; errors?: Record<string, string>; values?: Record<string, string | string[]>; intent?: string };

type Target =
  | { kind: "place"; room: string; at: number; date: string; time: string }
  | { kind: "swap"; other: string; otherVersion: number }
  | { kind: "unschedule" };
type Dragging = { card: BoardCard; placed: boolean };

/** Wide enough for the tray, the grid and the panel side by side (as `.board-layout` in app.css). */
const WIDE = "(min-width: 100rem)";

/**
 * Whether the tray and the panel are unfolded. Unless the organiser chose, they follow the
 * screen: unfolded on a wide one, folded on a laptop's so that the grid gets the width. Before
 * the script runs (and without it) both stay unfolded: nothing is out of reach.
 */
function useFolding(showPanel: boolean): { tray: boolean; panel: boolean; toggle: (which: "tray" | "panel") => void } {
  const [wide, setWide] = useState<boolean | null>(null);
  const [chosen, setChosen] = useState<{ tray?: boolean; panel?: boolean }>({});
  useEffect(() => {
    const query = window.matchMedia(WIDE);
    const update = () => setWide(query.matches);
    update();
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  const tray = chosen.tray ?? wide ?? true;
  // Asked for (the suggestions a conflict's link opens), the panel shows itself.
  const panel = chosen.panel ?? (showPanel || (wide ?? true));
  const toggle = useCallback((which: "tray" | "panel") => setChosen((c) => ({ ...c, [which]: !(which === "tray" ? tray : panel) })), [tray, panel]);
  return { tray, panel, toggle };
}

function targetKey(t: Target | null): string {
  if (!t) return "";
  return t.kind === "place" ? `place|${t.room}|${t.at}` : t.kind === "swap" ? `swap|${t.other}` : "unschedule";
}

export function BoardPage({
  data,
  canWrite,
  editionSlug,
  notice,
}: {
  data: BoardData;
  canWrite: boolean;
  editionSlug: string;
  notice: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const hydrated = useHydrated();
  const fetcher = useFetcher<Outcome>({ key: "board" });
  const actionData = useActionData<Outcome>();
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  // Loading the board's data: a navigation or revalidation started now would abort that load.
  const busy = fetcher.state !== "idle" || navigation.state !== "idle" || revalidator.state !== "idle";
  const busyRef = useRef(busy);
  busyRef.current = busy;
  const { revalidate } = revalidator;
  const outcome: Outcome | undefined = fetcher.data ?? actionData;
  const failure: FormFailureLike | null = outcome && !outcome.ok ? outcome : null;

  const [dragging, setDragging] = useState<Dragging | null>(null);
  // Set at dragstart: the browser may send dragover before React renders the new state.
  const draggingRef = useRef<Dragging | null>(null);
  const [target, setTarget] = useState<Target | null>(null);
  const [preview, setPreview] = useState<BoardPreview | null>(null);
  const [previewPending, setPreviewPending] = useState(false);
  const [live, setLive] = useState<{ text: string; error: boolean } | null>(notice ? { text: notice, error: false } : null);
  const previews = useRef(new Map<string, BoardPreview>());
  const previewAbort = useRef<AbortController | null>(null);
  const stampRef = useRef(data.stamp);
  const base = `/editions/${editionSlug}/board`;

  // A new programme state: previews computed against the old one are void.
  useEffect(() => {
    stampRef.current = data.stamp;
    previews.current.clear();
  }, [data.stamp]);

  // What the last change did, said aloud (aria-live) and shown.
  const lastOutcome = useRef<Outcome | undefined>(undefined);
  /** Whether the change awaiting its outcome was a drop (rather than a form). */
  const droppedRef = useRef(false);
  useEffect(() => {
    if (!outcome || outcome === lastOutcome.current) return;
    // Said once the board shows it. The fetcher's data arrives while the board's data is still
    // loading; navigating now (to close the form) would abort that load half-read.
    if (busy) return;
    if (outcome.ok && (data.editing || data.suggestions)) {
      // Close the form first: the announcement follows once the closed board is shown.
      navigate(boardHref(data), { replace: true, preventScrollReset: true });
      return;
    }
    lastOutcome.current = outcome;
    if (outcome.ok) {
      setLive({ text: outcome.announcement, error: false });
      const moved = outcome.sessions?.[0];
      // After a drop the card is where the organiser just let go: focus it without scrolling the
      // grid away from under the pointer. From the form, the card may be anywhere: show it.
      const preventScroll = droppedRef.current;
      if (moved) {
        requestAnimationFrame(() => (document.querySelector(`[data-card-id="${moved}"] .card-move`) as HTMLElement | null)?.focus({ preventScroll }));
      }
    } else if (outcome.message) {
      setLive({ text: outcome.message, error: true });
    }
    droppedRef.current = false;
  }, [outcome, data, navigate, busy]);

  // Other organisers' changes: poll the stamp, reload the board's data when it moved on.
  useEffect(() => {
    if (!hydrated) return;
    let stopped = false;
    const timer = setInterval(async () => {
      // Not under a drag: re-rendering the grid could move or remove the card being dragged
      // (and its dragend with it). The next tick after the drop catches up.
      if (stopped || document.hidden || draggingRef.current) return;
      try {
        const response = await fetch(`${base}/state`, { headers: { Accept: "application/json" } });
        if (!response.ok) return;
        const { stamp } = (await response.json()) as { stamp: string };
        if (stamp !== stampRef.current && !busyRef.current) {
          stampRef.current = stamp;
          setLive({ text: t("board.live.refreshed"), error: false });
          revalidate();
        }
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [hydrated, base, revalidate, t]);

  const requestPreview = useCallback(
    (params: Record<string, string>) => {
      const key = new URLSearchParams(params).toString();
      const known = previews.current.get(key);
      // Whatever is still on its way answers an earlier target.
      previewAbort.current?.abort();
      if (known) {
        setPreview(known);
        setPreviewPending(false);
        return;
      }
      const controller = new AbortController();
      previewAbort.current = controller;
      setPreview(null);
      setPreviewPending(true);
      fetch(`${base}/preview?${key}`, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? (r.json() as Promise<BoardPreview>) : null))
        .then((result) => {
          if (controller.signal.aborted || !result) return;
          previews.current.set(key, result);
          setPreview(result);
          setPreviewPending(false);
        })
        .catch(() => undefined);
    },
    [base],
  );

  // A drop posts the instant of the row it landed on, as the grid holds it: re-reading the row's
  // local text would put a drop on the repeated autumn hour's second pass an hour early.
  const placeFields = useCallback(
    (card: BoardCard, t: Extract<Target, { kind: "place" }>) => ({ room: t.room, startsAt: String(t.at), endsAt: String(t.at + card.minutes * 60_000) }),
    [],
  );

  const previewParams = useCallback(
    (drag: Dragging, t: Target): Record<string, string> | null => {
      if (t.kind === "place") return { kind: "place", session: drag.card.id, ...placeFields(drag.card, t) };
      if (t.kind === "swap") return { kind: "swap", session: drag.card.id, other: t.other };
      return drag.placed ? { kind: "unschedule", session: drag.card.id } : null;
    },
    [placeFields],
  );

  /**
   * What the organiser sees under the pointer: the topmost element, looking through the dragged
   * card only (it stays under the pointer at the start of a drag). Whatever else is on top decides,
   * so a sticky room header or the time column over scrolled cells is no target, never the hidden
   * cell beneath it.
   */
  const resolveTarget = (event: DragEvent<HTMLElement>, drag: Dragging): Target | null => {
    const under = document.elementsFromPoint?.(event.clientX, event.clientY) ?? [];
    const stack = under.length > 0 ? under : event.target instanceof Element ? [event.target] : [];
    const element = stack.find((e) => e.closest<HTMLElement>("[data-card-id]")?.dataset.cardId !== drag.card.id);
    if (!element) return null;
    // A card on the grid (a card in the tray is no target).
    const card = element.closest<HTMLElement>(".board-room [data-card-id]");
    if (card) return { kind: "swap", other: card.dataset.cardId!, otherVersion: Number(card.dataset.version) };
    const cell = element.closest<HTMLElement>("[data-cell]");
    if (cell) {
      const at = Number(cell.dataset.at);
      const row = data.grid.rows.find((r) => r.at === at);
      return row ? { kind: "place", room: cell.dataset.room!, at, date: row.date, time: row.time } : null;
    }
    if (element.closest("[data-drop-tray]")) return drag.placed ? { kind: "unschedule" } : null;
    return null;
  };

  const onDragOver = (event: DragEvent<HTMLElement>) => {
    const dragging = draggingRef.current;
    if (!dragging) return;
    const next = resolveTarget(event, dragging);
    if (targetKey(next) !== targetKey(target)) {
      setTarget(next);
      const params = next ? previewParams(dragging, next) : null;
      if (params) requestPreview(params);
      else {
        // Over no place (a header, the panel, the tray for a card from the tray): nothing to show.
        previewAbort.current?.abort();
        setPreview(null);
        setPreviewPending(false);
      }
    }
    if (!next) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
  };

  const submitDrop = (fields: Record<string, string | number>) => {
    droppedRef.current = true;
    fetcher.submit({ ...fields, via: "js" } as Record<string, string>, { method: "post" });
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    const drag = draggingRef.current;
    if (!drag) return;
    event.preventDefault();
    const drop = resolveTarget(event, drag);
    endDrag();
    if (!drop) return;
    const params = previewParams(drag, drop);
    const known = params ? previews.current.get(new URLSearchParams(params).toString()) : undefined;
    if (known?.blocked) {
      // The engine already said no: refuse here, with its reason.
      setLive({ text: t("board.refused.block", { reason: known.blocked }), error: true });
      return;
    }
    const { card } = drag;
    if (drop.kind === "place") submitDrop({ intent: "place", session: card.id, version: card.version, seen: data.asOf, ...placeFields(card, drop) });
    else if (drop.kind === "swap") submitDrop({ intent: "swap", session: card.id, version: card.version, seen: data.asOf, other: drop.other, otherVersion: drop.otherVersion });
    else submitDrop({ intent: "unschedule", session: card.id, version: card.version });
  };

  const endDrag = () => {
    draggingRef.current = null;
    previewAbort.current?.abort();
    setDragging(null);
    setTarget(null);
    setPreview(null);
    setPreviewPending(false);
  };

  const drag: DragHandlers = {
    enabled: canWrite && hydrated,
    draggingId: dragging?.card.id ?? null,
    onDragStart: (card, event) => {
      event.dataTransfer.setData("text/plain", card.id);
      event.dataTransfer.effectAllowed = "move";
      const next = { card, placed: card.roomId !== null };
      draggingRef.current = next;
      // Changing the DOM inside dragstart cancels the drag in some browsers: next task.
      setTimeout(() => {
        if (draggingRef.current === next) setDragging(next);
      }, 0);
    },
    onDragEnd: endDrag,
  };

  const targetLabel = (() => {
    if (!dragging || !target) return null;
    if (target.kind === "place") {
      const room = data.rooms.find((r) => r.id === target.room)?.name ?? "";
      return t("board.preview.place", { title: dragging.card.title, room, time: target.time });
    }
    if (target.kind === "swap") {
      const other = data.cards.find((c) => c.id === target.other)?.title ?? "";
      return t("board.preview.swap", { title: dragging.card.title, other });
    }
    return t("board.preview.unschedule", { title: dragging.card.title });
  })();

  const folding = useFolding(data.suggestions !== null);

  const targetBlocked = preview?.blocked && target ? targetKey(target) : null;
  const currentDay = data.days.find((d) => d.date === data.day);

  return (
    <div className={`board${dragging ? " is-dragging" : ""}`} data-stamp={data.stamp} onDragOver={onDragOver} onDrop={onDrop}>
      <header className="board-header">
        <h1>{t("board.title", { day: currentDay?.label ?? data.day })}</h1>
        <nav aria-label={t("board.days")} className="board-days">
          <ul>
            {data.days.map((d) => (
              <li key={d.date}>
                <Link to={boardHref({ day: d.date, step: data.step })} discover="none" aria-current={d.date === data.day ? "page" : undefined}>
                  {d.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="board-toolbar">
          <Form method="get" className="board-step">
            <input type="hidden" name="day" value={data.day} />
            {data.roomPages ? <input type="hidden" name="roomPage" value={data.roomPages.page} /> : null}
            <label htmlFor="board-step">{t("board.step")}</label>
            <select id="board-step" name="step" defaultValue={String(data.step)}>
              {[15, 30, 60].map((s) => (
                <option key={s} value={s}>
                  {t("board.stepMinutes", { minutes: s })}
                </option>
              ))}
            </select>
            <button type="submit" className="button button-small">
              {t("board.show")}
            </button>
          </Form>
          {canWrite && data.undo ? (
            <fetcher.Form method="post" className="board-undo">
              <input type="hidden" name="intent" value="undo" />
              <input type="hidden" name="change" value={data.undo.change} />
              {hydrated ? <input type="hidden" name="via" value="js" /> : null}
              <button type="submit" className="button button-small" title={data.undo.label}>
                <Icon name="undo" /> {t("board.undo")}
              </button>
              <span className="board-undo-what">{data.undo.label}</span>
            </fetcher.Form>
          ) : null}
          {canWrite ? (
            <Link to={`${base}/auto?day=${data.day}`} className="button button-small">
              {t("board.auto")}
            </Link>
          ) : null}
          <Link to={`${base}/print${boardHref(data)}`} className="button button-small">
            {t("board.print")}
          </Link>
        </div>
        <BoardPager kind="rooms" page={data.roomPages} />
        <div className={`board-live${live?.error ? " alert alert-error" : live ? " alert alert-info" : ""}`} role="status" aria-live="polite" data-testid="board-live">
          {live?.text ?? ""}
        </div>
      </header>

      <div className={`board-layout${folding.tray ? "" : " tray-folded"}${folding.panel ? "" : " panel-folded"}`}>
        <section
          className={`board-tray${dragging?.placed && target?.kind === "unschedule" ? " is-target" : ""}`}
          aria-labelledby="tray-title"
          data-drop-tray=""
        >
          {hydrated ? (
            <FoldButton open={folding.tray} controls="tray-content" onToggle={() => folding.toggle("tray")} folded={t("board.tray.title", { count: data.trayTotal })} hide={t("board.tray.hide")} />
          ) : null}
          <div id="tray-content" className="board-fold-content" hidden={!folding.tray}>
            <h2 id="tray-title">{t("board.tray.title", { count: data.trayTotal })}</h2>
            <Form method="get" className="board-tray-filters stack">
              <input type="hidden" name="day" value={data.day} />
              {data.step !== 30 ? <input type="hidden" name="step" value={data.step} /> : null}
              {data.roomPages ? <input type="hidden" name="roomPage" value={data.roomPages.page} /> : null}
              <div className="field">
                <label htmlFor="tray-q">{t("board.tray.search")}</label>
                <input id="tray-q" name="q" type="search" defaultValue={data.filters.q} />
              </div>
              <TrayFilter id="tray-theme" name="theme" label={t("board.tray.theme")} value={data.filters.theme} options={data.options.themes} />
              <TrayFilter id="tray-format" name="format" label={t("board.tray.format")} value={data.filters.format} options={data.options.formats} />
              <TrayFilter id="tray-person" name="person" label={t("board.tray.person")} value={data.filters.person} options={data.options.people} />
              <button type="submit" className="button button-small">
                {t("board.tray.filter")}
              </button>
            </Form>
            {data.tray.length === 0 ? <p>{t("board.tray.empty")}</p> : null}
            <ul className="board-tray-list" data-testid="tray">
              {data.tray.map((card) => (
                <li key={card.id}>
                  <SessionCard card={card} data={data} drag={drag} />
                </li>
              ))}
            </ul>
            <BoardPager kind="tray" page={data.trayPages} />
            {data.outside.length > 0 ? (
              <section className="board-outside" aria-labelledby="outside-title" data-testid="outside">
                <h2 id="outside-title">{t("placement.outside.title", { count: data.outside.length })}</h2>
                <p className="alert alert-warning">
                  {t("placement.outside.hint", { first: formatLocalDate(data.dates.first, locale), last: formatLocalDate(data.dates.last, locale) })}
                </p>
                <ul className="board-tray-list">
                  {data.outside.map(({ card, where }) => (
                    <li key={card.id} data-outside-id={card.id}>
                      <p className="board-outside-flag">
                        <Icon name="warning" /> {t("placement.outside.flag", { placement: where })}
                      </p>
                      <SessionCard card={card} data={data} drag={drag} />
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </div>
        </section>

        <section
          className="board-scroll"
          aria-label={t("board.gridLabel")}
          tabIndex={0}
          data-target={targetKey(target)}
          data-blocked={targetBlocked ?? undefined}
        >
          <BoardGrid data={data} drag={drag} />
          {target?.kind === "place" ? <DropMarker data={data} target={target} blocked={Boolean(preview?.blocked)} minutes={dragging?.card.minutes ?? 60} /> : null}
        </section>

        <aside className="board-panel" aria-label={t("board.panel")}>
          {hydrated ? (
            <FoldButton
              open={folding.panel}
              controls="panel-content"
              onToggle={() => folding.toggle("panel")}
              folded={t("board.panel.show", { open: data.conflictTotals.open })}
              hide={t("board.panel.hide")}
            />
          ) : null}
          <div id="panel-content" className="board-fold-content" hidden={!folding.panel}>
            {dragging && folding.panel ? <PreviewView preview={preview} pending={previewPending} label={targetLabel} /> : null}
            {data.suggestions && canWrite ? <Suggestions data={data} fetcher={fetcher} hydrated={hydrated} /> : null}
            <ConflictPanel data={data} fetcher={fetcher} hydrated={hydrated} canWrite={canWrite} failure={failure} />
            <BoardPager kind="conflicts" page={data.conflictPages} />
          </div>
        </aside>
      </div>
      {/* With the panel folded, what a drag would change floats over the page's corner. */}
      {dragging && !folding.panel ? (
        <div className="board-float">
          <PreviewView preview={preview} pending={previewPending} label={targetLabel} />
        </div>
      ) : null}
      {data.editing && canWrite ? (
        // A drawer over the page's right side (fixed: it never widens the page); the form inside
        // closes on Escape and gives the focus back to its card.
        <div className="board-drawer" role="dialog" aria-labelledby="edit-title">
          <PlacementForm
            key={data.editing.id}
            data={data}
            fetcher={fetcher}
            hydrated={hydrated}
            failure={failure}
          />
        </div>
      ) : null}
    </div>
  );
}

/** Folds or unfolds the tray or the panel; folded, it is the strip that stands for it. */
function FoldButton({ open, controls, onToggle, folded, hide }: { open: boolean; controls: "tray-content" | "panel-content"; onToggle: () => void; folded: string; hide: string }) {
  return (
    <button type="button" className="board-fold" aria-expanded={open} aria-controls={controls} onClick={onToggle} title={open ? hide : folded}>
      {open ? (
        <>
          <span aria-hidden="true">{controls === "tray-content" ? "⇤" : "⇥"}</span>
          <span className="visually-hidden">{hide}</span>
        </>
      ) : (
        folded
      )}
    </button>
  );
}

function TrayFilter(props: { id: string; name: string; label: string; value: string; options: { id: string; name: string }[] }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.value}>
        <option value="">{t("board.tray.all")}</option>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Where the dragged card would land, red when the engine refuses it. */
function DropMarker({ data, target, blocked, minutes }: { data: BoardData; target: Extract<Target, { kind: "place" }>; blocked: boolean; minutes: number }) {
  const t = useT();
  const column = document.querySelector<HTMLElement>(`[data-room-id="${target.room}"] .board-body`);
  const scroller = column?.closest<HTMLElement>(".board-scroll");
  if (!column || !scroller) return null;
  const perMinute = column.offsetHeight / ((data.grid.end - data.grid.start) / 60_000);
  const columnBox = column.getBoundingClientRect();
  const scrollerBox = scroller.getBoundingClientRect();
  return (
    <div
      className={`board-drop${blocked ? " is-blocked" : ""}`}
      aria-hidden="true"
      style={{
        left: columnBox.left - scrollerBox.left + scroller.scrollLeft,
        top: columnBox.top - scrollerBox.top + scroller.scrollTop + ((target.at - data.grid.start) / 60_000) * perMinute,
        width: columnBox.width,
        height: minutes * perMinute,
      }}
    >
      {blocked ? (
        <>
          <Icon name="block" /> {t("board.preview.refused")}
        </>
      ) : (
        target.time
      )}
    </div>
  );
}

export type { MessageKey };
