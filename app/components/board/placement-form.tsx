// The board's per-session form: place or move (room, day, start, end), then swap and unschedule.
// It opens where the session is, or on the engine's best placement for a session from the tray;
// the end follows the start (the duration is kept); the engine's other placements and the room's
// free slots fill the fields; the preview is for exactly the values shown. Without JavaScript it
// posts room, day, start and end as typed, and a free slot chosen in its own small form reopens
// the form filled with it.
import { Link, useNavigate, useParams } from "@remix-run/react";
import { useEffect, useRef, type KeyboardEvent } from "react";
import { Field, useErrorText } from "~/components/forms/field";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { endAfter, minutesBetween, slotKey } from "~/domain/board/placing";
import type { BoardData, SuggestionView } from "~/domain/board/view";
import { hasRepeatedHour, localTimesProblem, MAX_OVERNIGHT_MINUTES, occurrenceOf } from "~/domain/time";
import { useT } from "~/i18n";
import { placeSchema } from "~/schemas/board";
import { DATE_PATTERN } from "~/schemas/placement";
import { boardHref } from "./grid";
import { Hidden, PreviewView, type BoardFetcher, type FormFailureLike } from "./panel";
import { usePlacementPreview } from "./use-placement-preview";

type Values = { room: string; date: string; start: string; end: string; startOccurrence: string; endOccurrence: string };

/** The preview route's query for the form's values; null when they cannot be previewed. */
function previewQuery(session: string, v: Values): string | null {
  if (!v.room || !DATE_PATTERN.test(v.date) || localTimesProblem(v.start, v.end)) return null;
  return new URLSearchParams({
    kind: "place",
    session,
    room: v.room,
    date: v.date,
    start: v.start,
    end: v.end,
    ...(v.startOccurrence === "second" ? { startOccurrence: "second" } : {}),
    ...(v.endOccurrence === "second" ? { endOccurrence: "second" } : {}),
  }).toString();
}

const holds = (v: Values, p: SuggestionView) => v.room === p.roomId && v.date === p.date && v.start === p.start && v.end === p.end;

export function PlacementForm({ data, fetcher, hydrated, failure }: { data: BoardData; fetcher: BoardFetcher; hydrated: boolean; failure: FormFailureLike | null }) {
  const t = useT();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { editionSlug } = useParams();
  const card = data.editing!;
  const placing = data.placing;
  const rooms = placing?.rooms ?? data.rooms;
  const heading = useRef<HTMLHeadingElement>(null);
  const kept = failure?.intent === "place" ? failure.values : undefined;
  const value = (name: string, fallback: string) => (typeof kept?.[name] === "string" ? (kept[name] as string) : fallback);
  const initial = placing?.initial;
  const firstTime = data.grid.rows[0]?.time ?? "09:00";
  const defaults: Values = {
    room: value("room", initial?.roomId ?? rooms[0]?.id ?? ""),
    date: value("date", initial?.date ?? data.day),
    start: value("start", initial?.start ?? firstTime),
    end: value("end", initial?.end ?? endAfter(firstTime, card.minutes) ?? firstTime),
    // The second pass of a repeated autumn hour, kept so that confirming the form unchanged moves nothing.
    startOccurrence: value("startOccurrence", initial?.startOccurrence ?? ""),
    endOccurrence: value("endOccurrence", initial?.endOccurrence ?? ""),
  };
  const repeated = data.days.some((d) => hasRepeatedHour(d.date, data.timeZone));
  const serverErrors = failure?.intent === "place" ? failure.errors : undefined;
  // The one form hook; the panel posts through its fetcher, so the board stays where it is.
  const { form, onSubmit, errorOf } = useValidatedForm(placeSchema, {
    defaultValues: { intent: "place", session: card.id, version: card.version, ...defaults } as never,
    serverErrors,
    submit: (target) => fetcher.submit(target, { method: "post" }),
  });
  const set = (name: keyof Values, v: string) => form.setValue(name as never, v as never, { shouldDirty: true });
  // The duration the end keeps when the start changes: the last one the form held.
  const duration = useRef(minutesBetween(defaults.start, defaults.end) ?? card.minutes);

  useEffect(() => {
    heading.current?.focus();
    const id = card.id;
    // Closed (Escape, « Fermer », a change made): focus goes back to the session's card, wherever it is now.
    return () => {
      requestAnimationFrame(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        document.querySelector<HTMLElement>(`[data-card-id="${id}"] .card-move`)?.focus();
      });
    };
  }, [card.id]);

  const watched = form.watch() as unknown as Record<string, unknown>;
  const values: Values = {
    room: String(watched.room ?? ""),
    date: String(watched.date ?? ""),
    start: String(watched.start ?? ""),
    end: String(watched.end ?? ""),
    startOccurrence: String(watched.startOccurrence ?? ""),
    endOccurrence: String(watched.endOccurrence ?? ""),
  };
  const query = previewQuery(card.id, values);
  const preview = usePlacementPreview(`/editions/${editionSlug}/board/preview`, hydrated ? query : null, data.stamp);

  /** Fills the fields with a placement (a proposal or a free slot); its length becomes the kept duration. */
  const fill = (p: SuggestionView) => {
    set("room", p.roomId);
    set("date", p.date);
    set("start", p.start);
    set("end", p.end);
    set("startOccurrence", occurrenceOf(p.startsAt, data.timeZone) === "second" ? "second" : "");
    set("endOccurrence", occurrenceOf(p.endsAt, data.timeZone) === "second" ? "second" : "");
    duration.current = Math.round((p.endsAt - p.startsAt) / 60_000);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    event.preventDefault();
    navigate(boardHref(data), { preventScrollReset: true });
  };

  const roomError = errorText(errorOf("room"));
  const dateError = errorText(errorOf("date"));
  const freeSlots = (placing?.freeSlots ?? []).filter((s) => s.roomId === values.room);
  const roomName = rooms.find((r) => r.id === values.room)?.name ?? "";
  const dayLabel = data.days.find((d) => d.date === values.date)?.label ?? values.date;
  const refusal = failure && failure.message && ["place", "swap", "unschedule"].includes(failure.intent ?? "") ? failure.message : null;
  return (
    <section className="board-edit" aria-labelledby="edit-title" data-testid="placement-form" onKeyDown={onKeyDown}>
      <h2 id="edit-title" tabIndex={-1} ref={heading}>
        {card.roomId ? t("board.edit.moveTitle", { title: card.title }) : t("board.edit.placeTitle", { title: card.title })}
      </h2>
      {refusal ? (
        <p className="alert alert-error" data-testid="placement-refusal">
          {refusal}
        </p>
      ) : null}
      {!hydrated && placing && placing.freeSlots.length > 0 ? <FreeSlotChoice data={data} sessionId={card.id} slots={placing.freeSlots} rooms={rooms} /> : null}
      <fetcher.Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <Hidden fields={{ intent: "place", session: card.id, version: card.version, seen: data.asOf }} hydrated={hydrated} />
        {placing && placing.suggestions.length > 0 ? (
          hydrated ? (
            <PlacementChoice id="place-suggestion" label={t("board.form.suggestions")} choices={placing.suggestions} values={values} onChoose={fill} />
          ) : (
            // Without a script the proposals are the suggestions panel's buttons, each a form of its own.
            <Link to={boardHref(data, { suggest: card.id })} discover="none">
              {t("board.form.suggestionsLink")}
            </Link>
          )
        ) : null}
        <div className="field">
          <label htmlFor="place-room">{t("board.edit.room")}</label>
          <select id="place-room" aria-invalid={roomError ? true : undefined} {...form.register("room" as never)} defaultValue={defaults.room}>
            {rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
          {roomError ? <p className="field-error">{roomError}</p> : null}
        </div>
        {hydrated && freeSlots.length > 0 ? (
          <PlacementChoice id="place-slot" label={t("board.form.freeSlots")} choices={freeSlots} values={values} onChoose={fill} />
        ) : null}
        {hydrated && placing && freeSlots.length === 0 && placing.freeSlots.length > 0 ? <p className="field-hint">{t("board.form.noFreeSlot")}</p> : null}
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
          <Field
            id="place-start"
            label={t("board.edit.start")}
            type="time"
            step={300}
            error={errorOf("start")}
            {...form.register("start" as never, {
              onChange: (event: { target: { value: string } }) => {
                const end = endAfter(event.target.value, duration.current);
                if (end) set("end", end);
              },
            })}
            defaultValue={defaults.start}
          />
          <Field
            id="place-end"
            label={t("board.edit.end")}
            type="time"
            step={300}
            error={errorOf("end")}
            {...form.register("end" as never, {
              onChange: (event: { target: { value: string } }) => {
                const minutes = minutesBetween(String(form.getValues("start" as never) ?? ""), event.target.value);
                if (minutes !== null && minutes <= MAX_OVERNIGHT_MINUTES) duration.current = minutes;
              },
            })}
            defaultValue={defaults.end}
          />
        </div>
        <p className="field-hint">{hydrated ? `${t("board.edit.nextDayHint")} ${t("board.form.durationHint")}` : t("board.edit.nextDayHint")}</p>
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
        {hydrated ? (
          <div data-testid="placement-preview" data-query={preview.status === "invalid" ? "" : preview.query} data-status={preview.status}>
            {preview.status === "invalid" || preview.status === "refused" ? (
              <section className="board-preview" aria-labelledby="placement-preview-title">
                <h2 id="placement-preview-title">{t("board.form.previewTitle")}</h2>
                <p aria-live="polite">{t("board.form.previewInvalid")}</p>
              </section>
            ) : (
              <PreviewView
                id="placement-preview-title"
                title={t("board.form.previewTitle")}
                preview={preview.status === "ready" ? preview.preview : null}
                pending={preview.status === "pending"}
                label={t("board.form.previewFor", { room: roomName, day: dayLabel, start: values.start, end: values.end })}
              />
            )}
          </div>
        ) : null}
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
 * A list of placements that fills the form's fields (a script's help: it posts nothing). It shows
 * the one the fields hold, if any.
 */
function PlacementChoice({ id, label, choices, values, onChoose }: { id: string; label: string; choices: SuggestionView[]; values: Values; onChoose: (p: SuggestionView) => void }) {
  const t = useT();
  const held = choices.findIndex((c) => holds(values, c));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={held >= 0 ? String(held) : ""}
        onChange={(event) => {
          const chosen = choices[Number(event.target.value)];
          if (event.target.value !== "" && chosen) onChoose(chosen);
        }}
      >
        <option value="">{t("board.form.choose")}</option>
        {choices.map((c, index) => (
          <option key={`${c.roomId}|${c.startsAt}`} value={String(index)}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Without JavaScript: the free slots of every room in one list, in a form of its own that reloads
 * the board with the place/move form filled with the slot chosen (nothing is placed until that
 * form is sent).
 */
function FreeSlotChoice({ data, sessionId, slots, rooms }: { data: BoardData; sessionId: string; slots: SuggestionView[]; rooms: { id: string; name: string }[] }) {
  const t = useT();
  const query = new URLSearchParams(boardHref(data, { edit: sessionId }).slice(1));
  const byRoom = rooms.map((room) => ({ room, slots: slots.filter((s) => s.roomId === room.id) })).filter((group) => group.slots.length > 0);
  return (
    <form method="get" className="stack free-slot-choice">
      {[...query].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="field">
        <label htmlFor="place-free-slot">{t("board.form.freeSlots")}</label>
        <select id="place-free-slot" name="slot">
          {byRoom.map(({ room, slots: own }) => (
            <optgroup key={room.id} label={room.name}>
              {own.map((slot) => (
                <option key={slotKey({ roomId: slot.roomId, start: slot.startsAt })} value={slotKey({ roomId: slot.roomId, start: slot.startsAt })}>
                  {`${room.name}, ${slot.label}`}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-small">
        {t("board.form.useSlot")}
      </button>
    </form>
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
