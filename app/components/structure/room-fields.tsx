import { Field } from "~/components/forms/field";
import { CheckboxGroup, type StructureFormTools } from "~/components/forms/structure-form";
import { ROOM_FEATURES } from "~/domain/vocabulary";
import { formatLocalDate } from "~/domain/format";
import { useLocale, useT } from "~/i18n";

type FormTools = StructureFormTools;

export function useFeatureOptions() {
  const t = useT();
  return ROOM_FEATURES.map((feature) => ({ value: feature, label: t(`rooms.feature.${feature}`) }));
}

/** Name, capacity, features and one opening-hours row per edition day (local time). */
export function RoomFields({ tools, dates }: { tools: FormTools; dates: string[] }) {
  const t = useT();
  const locale = useLocale();
  const features = useFeatureOptions();
  const { field, values, errorText, form, hidden, firstError } = tools;
  return (
    <>
      <Field label={t("rooms.name")} {...field("name")} />
      <Field label={t("rooms.capacity")} inputMode="numeric" hint={t("rooms.capacityHint")} {...field("capacity")} />
      <CheckboxGroup
        legend={t("rooms.features")}
        name="features"
        options={features}
        checked={values("features")}
        error={errorText("features")}
        register={(name) => form.register(name as never) as Record<string, unknown>}
        autoFocus={firstError === "features"}
      />
      <fieldset className="field hours">
        <legend>{t("rooms.hours")}</legend>
        <p className="field-hint">{t("rooms.hoursHint")}</p>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("rooms.day")}</th>
              <th scope="col">{t("rooms.opens")}</th>
              <th scope="col">{t("rooms.closes")}</th>
            </tr>
          </thead>
          <tbody>
            {dates.map((date, i) => (
              <tr key={date}>
                <th scope="row">
                  {formatLocalDate(date, locale)}
                  <input {...hidden(`hours.${i}.date`)} />
                  {errorText(`hours.${i}.date`) ? <p className="field-error">{errorText(`hours.${i}.date`)}</p> : null}
                </th>
                <td>
                  <Field label={<span className="visually-hidden">{t("rooms.opensOn", { date: formatLocalDate(date, locale) })}</span>} className="hhmm" placeholder="09:00" {...field(`hours.${i}.opens`)} />
                </td>
                <td>
                  <Field label={<span className="visually-hidden">{t("rooms.closesOn", { date: formatLocalDate(date, locale) })}</span>} className="hhmm" placeholder="19:00" {...field(`hours.${i}.closes`)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
    </>
  );
}
