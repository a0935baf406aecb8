import { Form, useNavigation } from "@remix-run/react";
import { forwardRef, useId, type ReactNode, type SelectHTMLAttributes } from "react";
import { Field, TextAreaField, useErrorText } from "~/components/forms/field";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { useLocale, useT } from "~/i18n";
import { hasRepeatedHour } from "~/domain/time";
import { SESSION_STATUSES } from "~/domain/vocabulary";
import { sessionSchema, type SessionFormInput } from "~/schemas/sessions";
import type { FieldErrors } from "~/utils/forms";

type Named = { uuid: string; nameFr: string; nameEn: string };
export type SessionFormOptions = { formats: Named[]; themes: Named[]; rooms: { uuid: string; name: string }[] };

/** Form values as strings (from the loader, or what the organiser typed and the server sent back). */
export type SessionFormValues = Record<string, string | string[]>;

function asInput(values: SessionFormValues): SessionFormInput {
  const one = (name: string) => {
    const value = values[name];
    return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
  };
  return {
    titleFr: one("titleFr"),
    titleEn: one("titleEn"),
    abstractFr: one("abstractFr"),
    abstractEn: one("abstractEn"),
    slug: one("slug"),
    formatId: one("formatId"),
    themeId: one("themeId"),
    roomId: one("roomId"),
    language: one("language") as SessionFormInput["language"],
    status: one("status") as SessionFormInput["status"],
    isPublic: one("isPublic") === "on" || one("isPublic") === "true",
    expectedAudience: one("expectedAudience"),
    day: one("day"),
    start: one("start"),
    end: one("end"),
    startOccurrence: (one("startOccurrence") === "second" ? "second" : "") as SessionFormInput["startOccurrence"],
    endOccurrence: (one("endOccurrence") === "second" ? "second" : "") as SessionFormInput["endOccurrence"],
  };
}

/**
 * Every field of a session, for creating and editing. Checked in the browser by the same
 * zod schema as the server; with JavaScript off the form posts as it is and comes back
 * with the server's errors and the typed values.
 */
export function SessionForm(props: {
  values: SessionFormValues;
  errors?: FieldErrors;
  version?: number;
  /** The values as loaded, sent back so a refused save can be merged (see staleSave). */
  read?: Record<string, string | string[]>;
  options: SessionFormOptions;
  days: string[];
  timeZone: string;
  submitLabel: string;
}) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const defaults = asInput(props.values);
  const { form, onSubmit, errorOf } = useValidatedForm(sessionSchema, { defaultValues: defaults, serverErrors: props.errors });
  // The typed values are also in the HTML itself, so they are kept with JavaScript off.
  const field = (name: Exclude<keyof SessionFormInput, "isPublic" | "intent" | "version">) => ({
    ...form.register(name),
    defaultValue: String(defaults[name] ?? ""),
    autoFocus: firstError === name,
  });
  const firstError = props.errors ? Object.keys(props.errors)[0] : undefined;
  const name = (named: Named) => (locale === "en" ? named.nameEn : named.nameFr);
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="session-form stack" aria-labelledby="session-form-title">
      <input type="hidden" name="intent" value="save" />
      {props.version !== undefined ? <input type="hidden" name="version" value={props.version} /> : null}
      {props.read ? <input type="hidden" name="_read" value={JSON.stringify(props.read)} /> : null}
      <fieldset>
        <legend id="session-form-title">{t("sessions.section.content")}</legend>
        <div className="grid-2">
          <Field label={t("sessions.field.titleFr")} error={errorOf("titleFr")} {...field("titleFr")} />
          <Field label={t("sessions.field.titleEn")} error={errorOf("titleEn")} {...field("titleEn")} />
          <TextAreaField label={t("sessions.field.abstractFr")} rows={5} error={errorOf("abstractFr")} {...field("abstractFr")} />
          <TextAreaField label={t("sessions.field.abstractEn")} rows={5} error={errorOf("abstractEn")} {...field("abstractEn")} />
        </div>
        <Field label={t("sessions.field.slug")} hint={t("sessions.field.slugHint")} error={errorOf("slug")} {...field("slug")} />
      </fieldset>
      <fieldset>
        <legend>{t("sessions.section.classification")}</legend>
        <div className="grid-3">
          <SelectField label={t("sessions.field.format")} error={errorOf("formatId")} {...field("formatId")}>
            <option value="">{t("sessions.none.option")}</option>
            {props.options.formats.map((f) => (
              <option key={f.uuid} value={f.uuid}>
                {name(f)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("sessions.field.theme")} error={errorOf("themeId")} {...field("themeId")}>
            <option value="">{t("sessions.none.option")}</option>
            {props.options.themes.map((f) => (
              <option key={f.uuid} value={f.uuid}>
                {name(f)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("sessions.field.language")} error={errorOf("language")} {...field("language")}>
            <option value="fr">{t("sessions.language.fr")}</option>
            <option value="en">{t("sessions.language.en")}</option>
          </SelectField>
          <SelectField label={t("sessions.field.status")} error={errorOf("status")} {...field("status")}>
            {SESSION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t("sessions.field.expectedAudience")}
            inputMode="numeric"
            error={errorOf("expectedAudience")}
            {...field("expectedAudience")}
          />
        </div>
        <div className="checkbox-field">
          <input id="session-is-public" type="checkbox" defaultChecked={defaults.isPublic === true} {...form.register("isPublic")} />
          <label htmlFor="session-is-public">{t("sessions.field.isPublic")}</label>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("sessions.section.place")}</legend>
        <p className="field-hint">{t("sessions.field.timeHint", { zone: props.timeZone })}</p>
        <div className="grid-4">
          <SelectField label={t("sessions.field.room")} error={errorOf("roomId")} {...field("roomId")}>
            <option value="">{t("sessions.none.option")}</option>
            {props.options.rooms.map((room) => (
              <option key={room.uuid} value={room.uuid}>
                {room.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("sessions.field.day")} error={errorOf("day")} {...field("day")}>
            <option value="">{t("sessions.none.option")}</option>
            {props.days.map((day) => (
              <option key={day} value={day}>
                {day}
              </option>
            ))}
          </SelectField>
          <Field label={t("sessions.field.start")} type="time" error={errorOf("start")} {...field("start")} />
          <Field label={t("sessions.field.end")} type="time" error={errorOf("end")} {...field("end")} />
        </div>
        {props.days.some((day) => hasRepeatedHour(day, props.timeZone)) ? (
          // An edition over the autumn clock change: which pass of the repeated hour is meant (time.ts).
          <div className="grid-4">
            {(["startOccurrence", "endOccurrence"] as const).map((name) => (
              <SelectField key={name} label={t(name === "startOccurrence" ? "time.occurrence.start" : "time.occurrence.end")} error={errorOf(name)} {...field(name)}>
                <option value="">{t("time.occurrence.first")}</option>
                <option value="second">{t("time.occurrence.second")}</option>
              </SelectField>
            ))}
          </div>
        ) : null}
      </fieldset>
      <button type="submit" className="button button-primary" disabled={busy}>
        {props.submitLabel}
      </button>
    </Form>
  );
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { label: ReactNode; name: string; error?: string };

const SelectField = forwardRef<HTMLSelectElement, SelectProps>(function SelectField({ label, name, error, children, ...rest }, ref) {
  const id = `${useId()}-${name}`;
  const errorText = useErrorText()(error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select ref={ref} id={id} name={name} aria-invalid={errorText ? true : undefined} aria-describedby={errorText ? `${id}-error` : undefined} {...rest}>
        {children}
      </select>
      {errorText ? (
        <p className="field-error" id={`${id}-error`}>
          {errorText}
        </p>
      ) : null}
    </div>
  );
});
