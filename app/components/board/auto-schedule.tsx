// « Placer automatiquement »: the form asking for a plan (with JavaScript: a progress bar and a
// cancel while the server computes), and the preview (the grid's days with proposed cards,
// the list to untick, the sessions left unplaced and why), applied by a plain form.
import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { LevelBadge } from "~/components/level-badge";
import { Field, useErrorText } from "~/components/forms/field";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import type { BoardOutcome } from "~/domain/board/view";
import type { Level } from "~/domain/conflicts";
import { useT } from "~/i18n";
import { AUTO_MAX_SECONDS, autoPlanSchema } from "~/schemas/auto-schedule";
import type { AutoFormData, AutoPreview, PreviewAnswer } from "~/services/board/auto-schedule.server";
import type { FieldErrors, FlatValues } from "~/utils/forms";
import { AutoScheduleGrid } from "./auto-schedule-grid";

type Failure = { errors: FieldErrors; values?: FlatValues } | null;

export function AutoScheduleForm(props: { editionSlug: string; form: AutoFormData; day: string; failure: Failure; onPreview: (preview: AutoPreview) => void }) {
  const { form, failure } = props;
  const t = useT();
  const errorText = useErrorText();
  const [running, setRunning] = useState<{ limit: number; started: number } | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [answer, setAnswer] = useState<Failure>(null);
  const controller = useRef<AbortController | null>(null);
  const navigation = useNavigation();
  const shown = answer ?? failure;
  const errors = shown?.errors ?? {};
  const value = (name: string) => shown?.values?.[name];
  const scope = (value("scope") as string | undefined) ?? "day";
  const chosen = new Set([value("sessions") ?? []].flat());
  // The form's zod schema checks it in the browser before the plan is asked for (the server checks again).
  const { form: fields, onSubmit, errorOf } = useValidatedForm(autoPlanSchema, {
    defaultValues: {
      scope,
      day: (value("day") as string | undefined) ?? props.day,
      sessions: [...chosen],
      movePlaced: value("movePlaced") === "on",
      timeLimit: (value("timeLimit") as string | undefined) ?? "10",
    } as never,
    serverErrors: shown?.errors,
    submit: (target) => void askForPlan(target instanceof HTMLFormElement ? target : target.form!),
  });
  const dayError = errorOf("day");
  const sessionsError = errorOf("sessions");

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setElapsed(Math.min(running.limit, (Date.now() - running.started) / 1000)), 250);
    return () => clearInterval(timer);
  }, [running]);
  useEffect(() => () => controller.current?.abort(), []);

  async function askForPlan(target: HTMLFormElement) {
    const body = new URLSearchParams();
    for (const [name, v] of new FormData(target)) if (typeof v === "string") body.append(name, v);
    const abort = new AbortController();
    controller.current = abort;
    setAnswer(null);
    setElapsed(0);
    setRunning({ limit: Number(body.get("timeLimit")) || 10, started: Date.now() });
    try {
      const response = await fetch(`/editions/${props.editionSlug}/board/auto/plan`, { method: "POST", body, signal: abort.signal });
      const json = (await response.json()) as PreviewAnswer | { ok: false; errors: FieldErrors; values: FlatValues };
      if (json.ok) props.onPreview(json.preview);
      else setAnswer({ errors: json.errors, values: Object.fromEntries(body) });
    } catch {
      setAnswer({ errors: { _form: abort.signal.aborted ? "auto.cancelled" : "auto.failed" }, values: Object.fromEntries(body) });
    } finally {
      setRunning(null);
    }
  }

  return (
    <Form method="post" className="auto-form" noValidate onSubmit={onSubmit} aria-busy={running ? true : undefined}>
      <p className="lead">{t("auto.intro")}</p>
      {errors._form ? (
        <p className="alert alert-info" role="status">
          {errorText(errors._form)}
        </p>
      ) : null}
      <input type="hidden" name="intent" value="plan" />
      <fieldset>
        <legend>{t("auto.scope")}</legend>
        {(["day", "edition", "selected"] as const).map((s) => (
          <label key={s} className="auto-choice">
            <input type="radio" value={s} defaultChecked={scope === s} {...fields.register("scope" as never)} /> {t(`auto.scope.${s}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="auto-day">{t("auto.day")}</label>
        <select id="auto-day" defaultValue={(value("day") as string | undefined) ?? props.day} aria-invalid={dayError ? true : undefined} {...fields.register("day" as never)}>
          {form.days.map((d) => (
            <option key={d.date} value={d.date}>
              {d.label}
            </option>
          ))}
        </select>
        {dayError ? <p className="field-error">{errorText(dayError)}</p> : null}
      </div>
      <fieldset className="auto-tray" aria-describedby={sessionsError ? "auto-sessions-error" : undefined}>
        <legend>{t("auto.sessions")}</legend>
        {form.tray.length === 0 ? <p>{t("auto.trayEmpty")}</p> : null}
        {form.tray.map((s) => (
          <label key={s.id} className="auto-choice">
            <input type="checkbox" value={s.id} defaultChecked={chosen.has(s.id)} {...fields.register("sessions" as never)} /> {s.title}
          </label>
        ))}
        {sessionsError ? (
          <p className="field-error" id="auto-sessions-error">
            {errorText(sessionsError)}
          </p>
        ) : null}
      </fieldset>
      <label className="auto-choice">
        <input type="checkbox" defaultChecked={value("movePlaced") === "on"} {...fields.register("movePlaced" as never)} /> {t("auto.movePlaced")}
      </label>
      <Field
        label={t("auto.timeLimit")}
        type="number"
        min={1}
        max={AUTO_MAX_SECONDS}
        defaultValue={(value("timeLimit") as string | undefined) ?? "10"}
        error={errorOf("timeLimit")}
        {...fields.register("timeLimit" as never)}
      />
      {running ? (
        <div className="auto-progress" role="status">
          <progress max={running.limit} value={elapsed} aria-label={t("auto.running", { elapsed: Math.floor(elapsed), limit: running.limit })} />
          <span>{t("auto.running", { elapsed: Math.floor(elapsed), limit: running.limit })}</span>
          <button type="button" className="button button-small" onClick={() => controller.current?.abort()}>
            {t("auto.cancel")}
          </button>
        </div>
      ) : (
        <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
          {t("auto.run")}
        </button>
      )}
    </Form>
  );
}

export function AutoSchedulePreview({ preview, errors, onAgain }: { preview: AutoPreview; errors: FieldErrors; onAgain: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const toggle = (value: string, on: boolean) =>
    setUnticked((old) => {
      const next = new Set(old);
      if (on) next.delete(value);
      else next.add(value);
      return next;
    });
  return (
    <section className="auto-preview" aria-labelledby="auto-preview-title">
      <h2 id="auto-preview-title">{t("auto.preview", { count: preview.proposals.length })}</h2>
      <p className="lead">{t(`auto.preview.solver.${preview.solver}`)}</p>
      {preview.days.map((day) => (
        <AutoScheduleGrid key={day.date} day={day} unticked={new Set(preview.proposals.filter((p) => unticked.has(p.value)).map((p) => p.session))} />
      ))}
      {preview.proposals.length === 0 ? (
        <p className="alert alert-info">{t("auto.nothing")}</p>
      ) : (
        <Form method="post" className="auto-apply">
          <input type="hidden" name="intent" value="apply" />
          <input type="hidden" name="stamp" value={preview.stamp} />
          <input type="hidden" name="seen" value={preview.seen} />
          <input type="hidden" name="firstDay" value={preview.proposals[0]!.date} />
          <h3>{t("auto.list")}</h3>
          <p id="auto-list-hint">{t("auto.list.hint")}</p>
          {errors.proposals ? (
            <p className="alert alert-error" role="alert">
              {errorText(errors.proposals)}
            </p>
          ) : null}
          <table className="auto-list" aria-describedby="auto-list-hint">
            <thead>
              <tr>
                <th scope="col">{t("auto.col.apply")}</th>
                <th scope="col">{t("auto.col.session")}</th>
                <th scope="col">{t("auto.col.room")}</th>
                <th scope="col">{t("auto.col.when")}</th>
                <th scope="col">{t("auto.col.conflicts")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.proposals.map((p) => (
                <tr key={p.value} data-testid="proposal">
                  <td>
                    <input type="checkbox" name="proposals" value={p.value} defaultChecked aria-label={p.title} onChange={(e) => toggle(p.value, e.currentTarget.checked)} />
                  </td>
                  <th scope="row">
                    {p.title}
                    {p.from ? <span className="auto-moved"> — {t("auto.moved", { from: p.from })}</span> : null}
                  </th>
                  <td>{p.roomName}</td>
                  <td>
                    {preview.days.find((d) => d.date === p.date)?.label ?? p.date}, {p.start}–{p.end}
                  </td>
                  <td>
                    {p.conflicts.length === 0 ? (
                      t("auto.noConflict")
                    ) : (
                      <ul className="auto-conflicts">
                        {p.conflicts.map((c) => (
                          <li key={c.key}>
                            <LevelBadge level={c.level as Exclude<Level, "off">} /> {c.message}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" className="button button-primary">
            {t("auto.apply")}
          </button>
        </Form>
      )}
      {preview.unplaced.length > 0 ? (
        <section aria-labelledby="auto-unplaced-title">
          <h3 id="auto-unplaced-title">{t("auto.unplaced", { count: preview.unplaced.length })}</h3>
          <ul className="auto-unplaced">
            {preview.unplaced.map((u) => (
              <li key={u.session} data-testid="unplaced">
                <strong>{u.title}</strong> — {u.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <Link to={`?day=${preview.days[0]?.date ?? ""}`} className="button" onClick={onAgain}>
          {t("auto.again")}
        </Link>
      </p>
    </section>
  );
}

/** Applying was refused: why, and what changed since the preview. */
export function AutoRefusal({ refusal }: { refusal: Exclude<BoardOutcome, { ok: true }> }) {
  return (
    <div className="alert alert-error" role="alert">
      <p>{refusal.message}</p>
      {"changes" in refusal && refusal.changes.length > 0 ? (
        <ul>
          {refusal.changes.map((c) => (
            <li key={c.session}>
              {c.title} — {c.now}
              {c.by ? ` (${c.by})` : ""}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
