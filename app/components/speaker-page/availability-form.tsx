// The speaker's availability, day by day: all day, part of it, or not at all.
import { Form, useNavigation } from "@remix-run/react";
import { Field } from "~/components/forms/field";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { formatLocalDate } from "~/domain/format";
import { useLocale, useT } from "~/i18n";
import { availabilitySchema } from "~/schemas/speaker";
import type { FormFailure } from "~/utils/forms";
import { bind, Saved, typed } from "./form-bits";

export function AvailabilityForm({
  days,
  failure,
  saved,
}: {
  days: { date: string; mode: "all" | "part" | "none"; from: string; to: string }[];
  failure?: FormFailure;
  saved: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const kept = typed(failure);
  const { form, onSubmit, errorOf } = useValidatedForm(availabilitySchema, {
    defaultValues: (kept ?? { intent: "availability", days }) as never,
    serverErrors: failure?.errors,
  });
  return (
    <section aria-labelledby="availability-title" className="speaker-section">
      <h2 id="availability-title">{t("speaker.availability")}</h2>
      <p className="field-hint">{t("speaker.availabilityHint")}</p>
      <Saved show={saved} />
      <Form method="post" onSubmit={onSubmit} noValidate className="stack" preventScrollReset>
        <input type="hidden" {...bind(form, "intent")} />
        {days.map((day, i) => (
          <fieldset key={day.date} className="availability-day">
            <legend>{formatLocalDate(day.date, locale)}</legend>
            <input type="hidden" {...bind(form, `days.${i}.date`)} />
            <div className="field">
              <label htmlFor={`day-${i}-mode`}>{t("speaker.dayMode")}</label>
              <select id={`day-${i}-mode`} {...bind(form, `days.${i}.mode`)}>
                <option value="all">{t("speaker.mode.all")}</option>
                <option value="part">{t("speaker.mode.part")}</option>
                <option value="none">{t("speaker.mode.none")}</option>
              </select>
            </div>
            <div className="time-row">
              <Field label={t("speaker.from")} type="time" error={errorOf(`days.${i}.from`)} {...bind(form, `days.${i}.from`)} />
              <Field label={t("speaker.to")} type="time" error={errorOf(`days.${i}.to`)} {...bind(form, `days.${i}.to`)} />
            </div>
          </fieldset>
        ))}
        <button type="submit" className="button button-primary" disabled={navigation.state !== "idle"}>
          {t("speaker.saveAvailability")}
        </button>
      </Form>
    </section>
  );
}
