// The board's side panel: the per-session form (place, move, swap, unschedule; it works with
// JavaScript off), what a drag would change, the engine's suggestions, and the day's conflicts.
import { Link, type FetcherWithComponents } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { Field, TextAreaField, useErrorText } from "~/components/forms/field";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { useT, type MessageKey } from "~/i18n";
import { placeSchema } from "~/schemas/board";
import type { BoardData, BoardPreview, PanelConflict } from "~/domain/board/view";
import { boardHref } from "./grid";
import { hasRepeatedHour, occurrenceOf } from "~/domain/time";
import { Icon } from "~/components/icon";

export type BoardFetcher = FetcherWithComponents<unknown>;
export type FormFailureLike = { errors?: Record<string, string>; values?: Record<string, string | string[]>; intent?: string };

/** Hidden fields every board form carries; `via` tells the action a script is waiting for JSON. */
function Hidden({ fields, hydrated }: { fields: Record<string, string | number>; hydrated: boolean }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      {hydrated ? <input type="hidden" name="via" value="js" /> : null}
    </>
  );
}

export function PreviewView({ preview, pending, label }: { preview: BoardPreview | null; pending: boolean; label: string | null }) {
  const t = useT();
  return (
    <section className="board-preview" aria-labelledby="preview-title" data-testid="board-preview">
      <h2 id="preview-title">{t("board.preview.title")}</h2>
      {label ? <p className="board-preview-target">{label}</p> : null}
      <div aria-live="polite">
        {pending && !preview ? <p>{t("board.preview.loading")}</p> : null}
        {preview ? (
          <>
            {preview.blocked ? (
              <p className="alert alert-error" data-testid="preview-blocked">
                <Icon name="block" /> {t("board.preview.blocked", { reason: preview.blocked })}
              </p>
            ) : null}
            {preview.appeared.length === 0 && preview.disappeared.length === 0 ? <p>{t("board.preview.nothing")}</p> : null}
            {preview.appeared.length > 0 ? (
              <>
                <h3>{t("board.preview.appear", { count: preview.appeared.length })}</h3>
                <ul className="conflict-list" data-testid="preview-appeared">
                  {preview.appeared.map((c) => (
                    <li key={c.key} className={`level-${c.level}`}>
                      <Icon name={c.level} />{" "}
                      <strong>{t(`level.${c.level}` as MessageKey)}</strong> — {c.message}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {preview.disappeared.length > 0 ? (
              <>
                <h3>{t("board.preview.disappear", { count: preview.disappeared.length })}</h3>
                <ul className="conflict-list" data-testid="preview-disappeared">
                  {preview.disappeared.map((c) => (
                    <li key={c.key}>
                      <Icon name="acknowledged" />{" "}
                      {c.message}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}

export type PlacementValues = { room: string; date: string; start: string; end: string; startOccurrence: string; endOccurrence: string };

/** The plain per-session form: room, day, start, end; then swap and unschedule. */
export function PlacementForm({
  data,
  fetcher,
  hydrated,
  failure,
  onValuesChange,
  preview,
}: {
  data: BoardData;
  fetcher: BoardFetcher;
  hydrated: boolean;
  failure: FormFailureLike | null;
  onValuesChange?: (values: PlacementValues) => void;
  preview?: ReactNode;
}) {
  const t = useT();
  const errorText = useErrorText();
  const card = data.editing!;
  const heading = useRef<HTMLHeadingElement>(null);
  const kept = failure?.intent === "place" ? failure.values : undefined;
  const value = (name: string, fallback: string) => (typeof kept?.[name] === "string" ? (kept[name] as string) : fallback);
  const firstRow = data.grid.rows[0];
  const defaults = {
    intent: "place" as const,
    session: card.id,
    version: card.version,
    room: value("room", card.roomId ?? data.roomChoices[0]?.id ?? ""),
    date: value("date", card.start !== null ? (data.days.find((d) => d.date === data.day)?.date ?? data.day) : data.day),
    start: value("start", card.startLabel ?? firstRow?.time ?? "09:00"),
    end: value("end", card.endLabel ?? addMinutes(card.startLabel ?? firstRow?.time ?? "09:00", card.minutes)),
    // The second pass of a repeated autumn hour, kept so that confirming the form unchanged moves nothing.
    startOccurrence: value("startOccurrence", card.start !== null && occurrenceOf(card.start, data.timeZone) === "second" ? "second" : ""),
    endOccurrence: value("endOccurrence", card.end !== null && occurrenceOf(card.end, data.timeZone) === "second" ? "second" : ""),
  };
  const repeated = data.days.some((d) => hasRepeatedHour(d.date, data.timeZone));
  const serverErrors = failure?.intent === "place" ? failure.errors : undefined;
  // The one form hook; the panel posts through its fetcher, so the board stays where it is.
  const { form, onSubmit, errorOf } = useValidatedForm(placeSchema, {
    defaultValues: defaults as never,
    serverErrors,
    submit: (target) => fetcher.submit(target, { method: "post" }),
  });
  useEffect(() => {
    heading.current?.focus();
  }, [card.id]);
  const watched = form.watch() as unknown as Record<string, unknown>;
  const room = String(watched.room ?? "");
  const date = String(watched.date ?? "");
  const start = String(watched.start ?? "");
  const end = String(watched.end ?? "");
  const startOccurrence = String(watched.startOccurrence ?? "");
  const endOccurrence = String(watched.endOccurrence ?? "");
  useEffect(() => {
    onValuesChange?.({ room, date, start, end, startOccurrence, endOccurrence });
  }, [room, date, start, end, startOccurrence, endOccurrence, onValuesChange]);
  const roomError = errorText(errorOf("room"));
  const dateError = errorText(errorOf("date"));
  return (
    <section className="board-edit" aria-labelledby="edit-title" data-testid="placement-form">
      <h2 id="edit-title" tabIndex={-1} ref={heading}>
        {card.roomId ? t("board.edit.moveTitle", { title: card.title }) : t("board.edit.placeTitle", { title: card.title })}
      </h2>
      <fetcher.Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <Hidden fields={{ intent: "place", session: card.id, version: card.version, seen: data.asOf }} hydrated={hydrated} />
        <div className="field">
          <label htmlFor="place-room">{t("board.edit.room")}</label>
          <select id="place-room" aria-invalid={roomError ? true : undefined} {...form.register("room" as never)} defaultValue={defaults.room}>
            {data.roomChoices.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
          {roomError ? <p className="field-error">{roomError}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="place-date">{t("board.edit.day")}</label>
          <select id="place-date" aria-invalid={dateError ? true : undefined} aria-describedby={dateError ? "place-date-error" : undefined} {...form.register("date" as never)} defaultValue={defaults.date}>
            {data.days.map((d) => (
              <option key={d.date} value={d.date}>
                {d.label}
              </option>
            ))}
          </select>
          {dateError ? (
            <p className="field-error" id="place-date-error">
              {dateError}
            </p>
          ) : null}
        </div>
        <div className="board-edit-times">
          <Field id="place-start" label={t("board.edit.start")} type="time" step={300} error={errorOf("start")} {...form.register("start" as never)} defaultValue={defaults.start} />
          <Field id="place-end" label={t("board.edit.end")} type="time" step={300} error={errorOf("end")} {...form.register("end" as never)} defaultValue={defaults.end} />
        </div>
        <p className="field-hint">{t("board.edit.nextDayHint")}</p>
        {repeated ? (
          <div className="board-edit-times">
            {(["startOccurrence", "endOccurrence"] as const).map((name) => (
              <div className="field" key={name}>
                <label htmlFor={`place-${name}`}>{t(name === "startOccurrence" ? "time.occurrence.start" : "time.occurrence.end")}</label>
                <select id={`place-${name}`} {...form.register(name as never)} defaultValue={defaults[name]}>
                  <option value="">{t("time.occurrence.first")}</option>
                  <option value="second">{t("time.occurrence.second")}</option>
                </select>
              </div>
            ))}
          </div>
        ) : (
          <>
            <input type="hidden" name="startOccurrence" value={defaults.startOccurrence} />
            <input type="hidden" name="endOccurrence" value={defaults.endOccurrence} />
          </>
        )}
        {preview}
        <div className="board-edit-actions">
          <button type="submit" className="button button-primary" disabled={fetcher.state !== "idle"}>
            {card.roomId ? t("board.edit.confirmMove") : t("board.edit.confirmPlace")}
          </button>
          <Link to={boardHref(data)} preventScrollReset discover="none" className="button">
            {t("board.edit.close")}
          </Link>
        </div>
      </fetcher.Form>
      {data.swapTargets.length > 0 ? (
        <fetcher.Form method="post" className="stack board-swap">
          <Hidden fields={{ intent: "swap", session: card.id, version: card.version, seen: data.asOf }} hydrated={hydrated} />
          <div className="field">
            <label htmlFor="swap-other">{t("board.edit.swapWith")}</label>
            <select id="swap-other" name="other" defaultValue={data.swapTargets[0]!.id}>
              {data.swapTargets.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <SwapVersion targets={data.swapTargets} />
          <button type="submit" className="button">
            {t("board.edit.confirmSwap")}
          </button>
        </fetcher.Form>
      ) : null}
      {card.roomId ? (
        <fetcher.Form method="post" className="board-unschedule">
          <Hidden fields={{ intent: "unschedule", session: card.id, version: card.version }} hydrated={hydrated} />
          <button type="submit" className="button">
            {t("board.edit.unschedule")}
          </button>
        </fetcher.Form>
      ) : null}
    </section>
  );
}

/**
 * The other session's version for a swap. With JavaScript off the form cannot know which
 * session will be picked, so it sends every candidate's version under its own name.
 */
function SwapVersion({ targets }: { targets: BoardData["swapTargets"] }) {
  return (
    <>
      {targets.map((s) => (
        <input key={s.id} type="hidden" name={`versionOf.${s.id}`} value={s.version} />
      ))}
    </>
  );
}

function addMinutes(hhmm: string, minutes: number): string {
  const [h, m] = hhmm.split(":").map(Number);
  const total = ((h! * 60 + m! + minutes) % 1440 + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

export function Suggestions({ data, fetcher, hydrated }: { data: BoardData; fetcher: BoardFetcher; hydrated: boolean }) {
  const t = useT();
  const s = data.suggestions!;
  return (
    <section className="board-suggestions" aria-labelledby="suggestions-title" data-testid="suggestions">
      <h2 id="suggestions-title">{t("board.suggestions.title", { title: s.session.title })}</h2>
      {s.items.length === 0 ? <p>{t("board.suggestions.none")}</p> : null}
      <ul className="plain-list">
        {s.items.map((item) => (
          <li key={`${item.roomId}-${item.date}-${item.start}`}>
            <fetcher.Form method="post">
              <Hidden
                fields={{
                  intent: "place",
                  session: s.session.id,
                  version: s.session.version,
                  room: item.roomId,
                  startsAt: item.startsAt,
                  endsAt: item.endsAt,
                }}
                hydrated={hydrated}
              />
              <button type="submit" className="button button-small">
                {t("board.suggestions.apply", { label: item.label })}
              </button>
            </fetcher.Form>
          </li>
        ))}
      </ul>
      <Link to={boardHref(data)} preventScrollReset discover="none">
        {t("board.suggestions.close")}
      </Link>
    </section>
  );
}

export function ConflictPanel({
  data,
  fetcher,
  hydrated,
  canWrite,
  failure,
}: {
  data: BoardData;
  fetcher: BoardFetcher;
  hydrated: boolean;
  canWrite: boolean;
  failure: FormFailureLike | null;
}) {
  const t = useT();
  const counts = data.conflictTotals;
  const infos = data.conflicts.filter((c) => c.level === "info");
  return (
    <section className="board-conflicts" aria-labelledby="day-conflicts-title">
      <h2 id="day-conflicts-title">{t("board.conflicts.title", { count: counts.count, open: counts.open })}</h2>
      {data.conflicts.length === 0 ? <p>{t("board.conflicts.none")}</p> : null}
      <ul className="conflict-list" data-testid="day-conflicts">
        {data.conflicts
          .filter((c) => c.level !== "info")
          .map((c) => (
            <ConflictItem key={c.key} conflict={c} data={data} fetcher={fetcher} hydrated={hydrated} canWrite={canWrite} failure={failure} />
          ))}
      </ul>
      {infos.length > 0 ? (
        <details className="board-infos">
          <summary>{t("board.conflicts.infos", { count: infos.length })}</summary>
          <ul className="conflict-list">
            {infos.map((c) => (
              <ConflictItem key={c.key} conflict={c} data={data} fetcher={fetcher} hydrated={hydrated} canWrite={canWrite} failure={failure} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function ConflictItem({
  conflict: c,
  data,
  fetcher,
  hydrated,
  canWrite,
  failure,
}: {
  conflict: PanelConflict;
  data: BoardData;
  fetcher: BoardFetcher;
  hydrated: boolean;
  canWrite: boolean;
  failure: FormFailureLike | null;
}) {
  const t = useT();
  const kept = failure?.intent === "acknowledge" && failure.values?.key === c.key ? failure : null;
  return (
    <li className={`level-${c.level}${c.acknowledged ? " is-acknowledged" : ""}`} data-conflict-key={c.key}>
      <p className="conflict-head">
        <Icon name={c.acknowledged ? "acknowledged" : c.level} />{" "}
        <strong>{t(`level.${c.level}` as MessageKey)}</strong>
        {` · ${t(`rule.${c.rule}` as MessageKey)}${c.acknowledged ? ` · ${t("board.conflicts.acknowledged")}` : ""}`}
      </p>
      <p className="conflict-message">{c.message}</p>
      {c.acknowledged && c.acknowledgedReason ? <p className="conflict-reason">{t("board.conflicts.reason", { reason: c.acknowledgedReason })}</p> : null}
      {canWrite ? (
        <div className="conflict-actions">
          {c.sessions
            .filter((s) => c.level !== "info" && data.cards.some((card) => card.id === s.id))
            .map((s) => (
              <Link key={s.id} to={boardHref(data, { suggest: s.id })} preventScrollReset discover="none" className="button button-small">
                {t("board.conflicts.suggest", { title: s.title })}
              </Link>
            ))}
          {!c.acknowledged ? (
            <details open={kept ? true : undefined}>
              <summary>{t("conflicts.acknowledge")}</summary>
              <fetcher.Form method="post" className="stack" noValidate>
                <Hidden fields={{ intent: "acknowledge", key: c.key }} hydrated={hydrated} />
                <TextAreaField
                  label={t("conflicts.reason")}
                  name="reason"
                  required
                  rows={2}
                  defaultValue={typeof kept?.values?.reason === "string" ? kept.values.reason : ""}
                  error={kept?.errors?.reason}
                />
                <button type="submit" className="button button-small">
                  {t("conflicts.confirmAcknowledge")}
                </button>
              </fetcher.Form>
            </details>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
