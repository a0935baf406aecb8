// The board's side panel: what a drag would change, the engine's suggestions, and the day's
// conflicts. The per-session form (place, move, swap, unschedule) is placement-form.tsx.
import { Link, type FetcherWithComponents } from "@remix-run/react";
import { TextAreaField } from "~/components/forms/field";
import { useT, type MessageKey } from "~/i18n";
import type { BoardData, BoardPreview, PanelConflict } from "~/domain/board/view";
import { boardHref } from "./grid";
import { Icon } from "~/components/icon";

export type BoardFetcher = FetcherWithComponents<unknown>;
export type FormFailureLike = { message?: string; errors?: Record<string, string>; values?: Record<string, string | string[]>; intent?: string };

/** Hidden fields every board form carries; `via` tells the action a script is waiting for JSON. */
export function Hidden({ fields, hydrated }: { fields: Record<string, string | number>; hydrated: boolean }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      {hydrated ? <input type="hidden" name="via" value="js" /> : null}
    </>
  );
}

export function PreviewView({
  preview,
  pending,
  label,
  id = "preview-title",
  title,
}: {
  preview: BoardPreview | null;
  pending: boolean;
  label: string | null;
  id?: string;
  title?: string;
}) {
  const t = useT();
  return (
    <section className="board-preview" aria-labelledby={id} data-testid={id === "preview-title" ? "board-preview" : undefined}>
      <h2 id={id}>{title ?? t("board.preview.title")}</h2>
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
