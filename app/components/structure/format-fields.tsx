import { Field } from "~/components/forms/field";
import { CheckboxGroup, type StructureFormTools } from "~/components/forms/structure-form";
import { SESSION_ROLES } from "~/domain/vocabulary";
import { useT } from "~/i18n";
import { useFeatureOptions } from "./room-fields";

/** Names, durations, roles with their bounds and the room features a format needs. */
export function FormatFields({ tools }: { tools: StructureFormTools }) {
  const t = useT();
  const features = useFeatureOptions();
  const { field, values, errorText, form, firstError } = tools;
  const hidden = (text: string) => <span className="visually-hidden">{text}</span>;
  return (
    <>
      <Field label={t("formats.nameFr")} {...field("nameFr")} />
      <Field label={t("formats.nameEn")} {...field("nameEn")} />
      <fieldset className="field hours">
        <legend>{t("formats.durations")}</legend>
        <Field label={t("formats.defaultMinutes")} inputMode="numeric" {...field("defaultMinutes")} />
        <Field label={t("formats.minMinutes")} inputMode="numeric" {...field("minMinutes")} />
        <Field label={t("formats.maxMinutes")} inputMode="numeric" {...field("maxMinutes")} />
      </fieldset>
      <fieldset className="field hours">
        <legend>{t("formats.roles")}</legend>
        <p className="field-hint">{t("formats.rolesHint")}</p>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("formats.role")}</th>
              <th scope="col">{t("formats.roleMin")}</th>
              <th scope="col">{t("formats.roleMax")}</th>
            </tr>
          </thead>
          <tbody>
            {SESSION_ROLES.map((role) => (
              <tr key={role}>
                <th scope="row">{t(`formats.role.${role}`)}</th>
                <td>
                  <Field label={hidden(t("formats.roleMinOf", { role: t(`formats.role.${role}`) }))} inputMode="numeric" className="hhmm" {...field(`roles.${role}.min`)} />
                </td>
                <td>
                  <Field label={hidden(t("formats.roleMaxOf", { role: t(`formats.role.${role}`) }))} inputMode="numeric" className="hhmm" {...field(`roles.${role}.max`)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <CheckboxGroup
        legend={t("formats.requiredFeatures")}
        name="requiredFeatures"
        options={features}
        checked={values("requiredFeatures")}
        error={errorText("requiredFeatures")}
        register={(name) => form.register(name as never) as Record<string, unknown>}
        autoFocus={firstError === "requiredFeatures"}
      />
    </>
  );
}
