import { Form, Link } from "@remix-run/react";
import { ConfirmForm } from "~/components/forms/confirm-form";
import { Field } from "~/components/forms/field";
import { FormAlert, useStructureForm } from "~/components/forms/structure-form";
import { StaleNotice } from "~/components/stale-notice";
import type { DaySlots } from "~/domain/slots";
import { formatLocalDate } from "~/domain/format";
import { useLocale, useT } from "~/i18n";
import { slotEditSchema } from "~/schemas/slots";
import type { FormFailure } from "~/utils/forms";
import { isStaleSave } from "~/utils/stale";
import { intentOf, type SlotsActionResult } from "./types";

type Slot = { uuid: string; room: string; version: number };
type Day = DaySlots<Slot>;
type ShownSlot = Day["rooms"][number]["slots"][number] & { date: string; roomName: string };

/** The slots by day and room; a slot's link opens its form (times, or removal). */
export function SlotList(props: {
  days: Day[];
  canWrite: boolean;
  editing: string | null;
  applied: { created: number; skipped: number; outsideHours: number } | null;
  result?: SlotsActionResult;
}) {
  const t = useT();
  const locale = useLocale();
  const intent = intentOf(props.result);
  const mine = intent === "update-slot" || intent === "delete-slot";
  const editingUuid = mine ? String(props.result?.values.slot ?? "") : props.editing;
  let editing: ShownSlot | undefined;
  for (const day of props.days)
    for (const room of day.rooms)
      for (const slot of room.slots) if (slot.uuid === editingUuid) editing = { ...slot, date: day.date, roomName: room.name };
  const failure = mine && props.result?.ok === false ? props.result : undefined;
  return (
    <section aria-labelledby="slots" className="slots-list">
      <h2 id="slots">{t("slots.list")}</h2>
      {props.applied ? (
        <p className="alert alert-success" role="status" data-testid="applied">
          {t("slots.applied", { created: props.applied.created, skipped: props.applied.skipped })}
          {props.applied.outsideHours > 0 ? ` ${t("slots.previewOutside", { count: props.applied.outsideHours })}` : null}
        </p>
      ) : null}
      {props.canWrite && editing ? <SlotForm key={`${editing.uuid}-${editing.version}`} slot={editing} failure={failure} /> : null}
      {mine && !editing ? <FormAlert message={t("slots.slotGone")} /> : null}
      {props.days.length === 0 ? <p>{t("slots.noSlots")}</p> : null}
      {props.days.map((day) => (
        <section key={day.date} aria-labelledby={`day-${day.date}`} data-testid={`slots-${day.date}`}>
          <h3 id={`day-${day.date}`}>{formatLocalDate(day.date, locale)}</h3>
          <table className="table slots-day">
            <thead>
              <tr>
                <th scope="col">{t("slots.room")}</th>
                <th scope="col">{t("slots.slots")}</th>
              </tr>
            </thead>
            <tbody>
              {day.rooms.map((room) => (
                <tr key={room.uuid}>
                  <th scope="row">{room.name}</th>
                  <td>
                    <ul className="slot-chips">
                      {room.slots.map((slot) => {
                        const text = `${slot.start}–${slot.end}${slot.nextDay ? ` ${t("slots.nextDay")}` : ""}`;
                        return (
                          <li key={slot.uuid} aria-current={slot.uuid === editing?.uuid ? "true" : undefined}>
                            {props.canWrite ? (
                              <Link to={`?slot=${slot.uuid}#slot-edit`} aria-label={t("slots.editSlotNamed", { room: room.name, time: text })}>
                                {text}
                              </Link>
                            ) : (
                              text
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}

/** One slot's start and end on its own day, and its removal; both carry the version read. */
function SlotForm({ slot, failure }: { slot: ShownSlot; failure?: FormFailure }) {
  const t = useT();
  const locale = useLocale();
  const stale = isStaleSave(failure) ? failure : null;
  // A refused removal keeps the form's own values; only a refused save re-shows what was typed.
  const typed = failure && failure.values.intent === "update-slot" ? failure : undefined;
  const tools = useStructureForm(slotEditSchema, {
    defaults: { slot: slot.uuid, version: slot.version, start: slot.start, end: slot.end },
    failure: typed,
  });
  return (
    <section aria-labelledby="slot-edit" className="form-card" data-testid="slot-form">
      <h3 id="slot-edit" tabIndex={-1}>
        {t("slots.editSlot", { room: slot.roomName, date: formatLocalDate(slot.date, locale) })}
      </h3>
      {stale ? <StaleNotice stale={stale} /> : null}
      <Form method="post" onSubmit={tools.onSubmit} noValidate className="row-inputs">
        <input type="hidden" name="intent" value="update-slot" />
        <input {...tools.hidden("slot")} />
        <input {...tools.hidden("version")} />
        <Field label={t("slots.start")} className="hhmm" inputMode="numeric" {...tools.field("start")} />
        <Field label={t("slots.end")} className="hhmm" inputMode="numeric" hint={t("slots.endHint")} {...tools.field("end")} />
        <button type="submit" className="button button-primary">
          {t("slots.saveSlot")}
        </button>
      </Form>
      <ConfirmForm
        intent="delete-slot"
        className="danger-zone"
        fields={{ slot: slot.uuid, version: stale && failure?.values.intent === "delete-slot" ? String(failure.values.version ?? slot.version) : slot.version }}
        label={t("slots.deleteSlot")}
        consequence={t("slots.deleteSlotConsequence")}
      />
      <p>
        <Link to="?#slots">{t("slots.closeSlot")}</Link>
      </p>
    </section>
  );
}
