import { useT } from "~/i18n";
import { Field } from "./field";
import { SelectField, type StructureFormTools } from "./structure-form";

/** The edition's dates, time zone, venue and main language: the same fields on "new edition" and on its settings. */
export function EditionFields({ tools }: { tools: StructureFormTools }) {
  const t = useT();
  const { field } = tools;
  return (
    <>
      <Field label={t("editions.startDate")} type="date" {...field("startDate")} />
      <Field label={t("editions.endDate")} type="date" {...field("endDate")} />
      <Field label={t("editions.timeZone")} hint={t("editions.timeZoneHint")} {...field("timeZone")} />
      <Field label={t("editions.venue")} {...field("venue")} />
      <SelectField
        label={t("editions.mainLanguage")}
        options={[
          { value: "fr", label: t("locale.fr") },
          { value: "en", label: t("locale.en") },
        ]}
        defaultValue={tools.value("mainLanguage")}
        error={tools.errorText("mainLanguage")}
        name="mainLanguage"
        {...tools.form.register("mainLanguage" as never)}
      />
    </>
  );
}
