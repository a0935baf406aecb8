import { Form, useNavigation } from "@remix-run/react";
import { forwardRef, useId, useMemo, type ReactNode, type SelectHTMLAttributes } from "react";
import { get, useFieldArray } from "react-hook-form";
import { Field, TextAreaField, useErrorText } from "~/components/forms/field";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { formatLocalDate } from "~/domain/format";
import { useLocale, useT } from "~/i18n";
import { LOCALES } from "~/i18n/locales";
import { ORGANISATION_KINDS } from "~/domain/vocabulary";
import {
  SPEAKER_LANGUAGES,
  speakerEditSchema,
  speakerSchema,
  type SpeakerFormValues,
} from "~/schemas/speakers";
import type { FieldErrors } from "~/utils/forms";
import { useHydrated } from "~/components/use-hydrated";

type Props = {
  mode: "create" | "edit";
  timeZone: string;
  /** The days offered for availability: the edition's, and any day a stored window is on. */
  days: string[];
  organisationNames: string[];
  defaultValues: SpeakerFormValues;
  serverErrors?: FieldErrors;
  readOnly?: boolean;
  /** Sensitive fields (accessibility needs) shown: editors and admins only (default true). */
  showSensitive?: boolean;
  /** Shown under the consents: when they last changed. */
  consentsNote?: ReactNode;
};

/** The whole speaker: public and private details, consents and availability, one save. */
export function SpeakerForm(props: Props) {
  const t = useT();
  const locale = useLocale();
  const errorText = useErrorText();
  const navigation = useNavigation();
  const schema = useMemo(
    () => (props.mode === "edit" ? speakerEditSchema(props.timeZone) : speakerSchema(props.timeZone)),
    [props.mode, props.timeZone],
  );
  const { form, onSubmit } = useValidatedForm(schema, {
    defaultValues: props.defaultValues as never,
    serverErrors: props.serverErrors,
  });
  const links = useFieldArray({ control: form.control, name: "links" as never });
  const windows = useFieldArray({ control: form.control, name: "availability" as never });
  const hydrated = useHydrated();

  const errorOf = (name: string): string | undefined => {
    const client = get(form.formState.errors, name) as { message?: unknown } | undefined;
    return typeof client?.message === "string" ? client.message : props.serverErrors?.[name];
  };
  // Without JavaScript the page comes back from the server: its first invalid field takes the focus.
  const firstServerError = props.serverErrors ? Object.keys(props.serverErrors).find((name) => name !== "_form") : undefined;
  const reg = (name: string) => ({
    ...form.register(name as never),
    autoFocus: firstServerError === name ? true : undefined,
    error: errorOf(name),
  });
  const values = props.defaultValues;
  const errorCount = props.serverErrors ? Object.keys(props.serverErrors).length : 0;
  const busy = navigation.state === "submitting";

  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="speaker-form" aria-describedby={errorCount ? "speaker-errors" : undefined}>
      {errorCount > 0 ? (
        <p id="speaker-errors" className="alert alert-error" role="alert">
          {t("speakers.errorSummary", { count: errorCount })}
        </p>
      ) : null}
      <input type="hidden" name="intent" value="save" />
      {props.mode === "edit" ? <input type="hidden" {...form.register("version" as never)} defaultValue={values.version} /> : null}
      <fieldset disabled={props.readOnly} className="speaker-fieldset">
        <section aria-labelledby="speaker-public" className="form-section">
          <h2 id="speaker-public">{t("speakers.section.public")}</h2>
          <div className="form-grid">
            <Field label={t("speakers.field.publicName")} required autoComplete="off" defaultValue={values.publicName} {...reg("publicName")} />
            <Field label={t("speakers.field.jobTitle")} defaultValue={values.jobTitle} {...reg("jobTitle")} />
            <Field
              label={t("speakers.field.organisation")}
              hint={t("speakers.field.organisationHint")}
              list="organisation-names"
              autoComplete="off"
              defaultValue={values.organisation}
              {...reg("organisation")}
            />
            <datalist id="organisation-names">
              {props.organisationNames.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            <SelectField label={t("speakers.field.organisationKind")} defaultValue={values.organisationKind} {...reg("organisationKind")}>
              {ORGANISATION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`speakers.kind.${kind}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <TextAreaField label={t("speakers.field.bioFr")} rows={4} lang="fr" defaultValue={values.bioFr} {...reg("bioFr")} />
          <TextAreaField label={t("speakers.field.bioEn")} rows={4} lang="en" defaultValue={values.bioEn} {...reg("bioEn")} />
          <Field label={t("speakers.field.photoPath")} hint={t("speakers.field.photoHint")} defaultValue={values.photoPath} {...reg("photoPath")} />
          <fieldset className="rows-fieldset">
            <legend>{t("speakers.field.links")}</legend>
            {errorOf("links") ? <p className="field-error">{errorText(errorOf("links"))}</p> : null}
            {links.fields.map((field, index) => (
              <div className="row-inputs" key={field.id} data-testid={`link-row-${index}`}>
                <Field
                  label={t("speakers.field.linkLabel", { n: index + 1 })}
                  defaultValue={values.links[index]?.label ?? ""}
                  {...reg(`links.${index}.label`)}
                />
                <Field
                  label={t("speakers.field.linkUrl", { n: index + 1 })}
                  type="url"
                  inputMode="url"
                  defaultValue={values.links[index]?.url ?? ""}
                  {...reg(`links.${index}.url`)}
                />
                {hydrated && !props.readOnly ? (
                  <button type="button" className="button button-small" onClick={() => links.remove(index)}>
                    {t("speakers.removeLink", { n: index + 1 })}
                  </button>
                ) : null}
              </div>
            ))}
            {hydrated && !props.readOnly ? (
              <button type="button" className="button button-small" onClick={() => links.append({ label: "", url: "" } as never)}>
                {t("speakers.addLink")}
              </button>
            ) : null}
          </fieldset>
          <fieldset className="checkbox-group" aria-describedby={errorOf("languages") ? "languages-error" : undefined}>
            <legend>{t("speakers.field.languages")}</legend>
            {SPEAKER_LANGUAGES.map((language, index) => (
              <label key={language} className="checkbox">
                <input
                  type="checkbox"
                  value={language}
                  defaultChecked={values.languages.includes(language)}
                  aria-invalid={errorOf("languages") ? true : undefined}
                  autoFocus={firstServerError === "languages" && index === 0 ? true : undefined}
                  {...form.register("languages" as never)}
                />{" "}
                <span lang={language}>{t(`speakers.language.${language}`)}</span>
              </label>
            ))}
            {errorOf("languages") ? (
              <p className="field-error" id="languages-error">
                {errorText(errorOf("languages"))}
              </p>
            ) : null}
          </fieldset>
        </section>

        <section aria-labelledby="speaker-private" className="form-section">
          <h2 id="speaker-private">{t("speakers.section.private")}</h2>
          <div className="form-grid">
            <Field label={t("speakers.field.email")} type="email" autoComplete="off" defaultValue={values.email} {...reg("email")} />
            <Field label={t("speakers.field.phone")} type="tel" autoComplete="off" defaultValue={values.phone} {...reg("phone")} />
            <SelectField label={t("speakers.field.preferredLocale")} defaultValue={values.preferredLocale} {...reg("preferredLocale")}>
              {LOCALES.map((code) => (
                <option key={code} value={code}>
                  {t(`speakers.language.${code}`)}
                </option>
              ))}
            </SelectField>
          </div>
          {props.showSensitive === false ? null : (
            <TextAreaField label={t("speakers.field.accessibilityNeeds")} rows={2} defaultValue={values.accessibilityNeeds} {...reg("accessibilityNeeds")} />
          )}
          <TextAreaField label={t("speakers.field.practicalNotes")} rows={2} defaultValue={values.practicalNotes} {...reg("practicalNotes")} />
          <TextAreaField label={t("speakers.field.internalNotes")} rows={3} defaultValue={values.internalNotes} {...reg("internalNotes")} />
        </section>

        <section aria-labelledby="speaker-consents" className="form-section">
          <h2 id="speaker-consents">{t("speakers.section.consents")}</h2>
          {(["consentRecording", "consentPhotos", "consentPublishBio"] as const).map((name) => (
            <label key={name} className="checkbox">
              <input type="checkbox" defaultChecked={values[name]} {...form.register(name as never)} /> {t(`speakers.field.${name}`)}
            </label>
          ))}
          {props.consentsNote ? <p className="field-hint">{props.consentsNote}</p> : null}
        </section>

        <section aria-labelledby="speaker-availability" className="form-section">
          <h2 id="speaker-availability">{t("speakers.section.availability")}</h2>
          <p className="field-hint">{t("speakers.availabilityHint", { zone: props.timeZone })}</p>
          {errorOf("availability") ? <p className="field-error">{errorText(errorOf("availability"))}</p> : null}
          {windows.fields.map((field, index) => (
            <div className="row-inputs" key={field.id} data-testid={`window-row-${index}`}>
              <SelectField label={t("speakers.field.day", { n: index + 1 })} defaultValue={values.availability[index]?.date ?? ""} {...reg(`availability.${index}.date`)}>
                <option value="">{t("speakers.chooseDay")}</option>
                {props.days.map((day) => (
                  <option key={day} value={day}>
                    {formatLocalDate(day, locale)}
                  </option>
                ))}
              </SelectField>
              <Field
                label={t("speakers.field.from", { n: index + 1 })}
                type="time"
                step={300}
                defaultValue={values.availability[index]?.start ?? ""}
                {...reg(`availability.${index}.start`)}
              />
              <Field
                label={t("speakers.field.to", { n: index + 1 })}
                type="time"
                step={300}
                defaultValue={values.availability[index]?.end ?? ""}
                {...reg(`availability.${index}.end`)}
              />
              {hydrated && !props.readOnly ? (
                <button type="button" className="button button-small" onClick={() => windows.remove(index)}>
                  {t("speakers.removeWindow", { n: index + 1 })}
                </button>
              ) : null}
            </div>
          ))}
          {hydrated && !props.readOnly ? (
            <button type="button" className="button button-small" onClick={() => windows.append({ date: "", start: "", end: "" } as never)}>
              {t("speakers.addWindow")}
            </button>
          ) : null}
        </section>
      </fieldset>
      {props.readOnly ? null : (
        <p>
          <button type="submit" className="button button-primary" disabled={busy}>
            {props.mode === "create" ? t("speakers.create") : t("speakers.save")}
          </button>
        </p>
      )}
    </Form>
  );
}

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & { label: ReactNode; name: string; error?: string; children: ReactNode };

/** A labelled select with the same error wiring as Field. */
const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField({ label, name, error, children, id, ...select }, ref) {
  const generated = useId();
  const inputId = id ?? `${generated}-${name}`;
  const errorText = useErrorText()(error);
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <select
        ref={ref}
        id={inputId}
        name={name}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={errorText ? `${inputId}-error` : undefined}
        {...select}
      >
        {children}
      </select>
      {errorText ? (
        <p className="field-error" id={`${inputId}-error`}>
          {errorText}
        </p>
      ) : null}
    </div>
  );
});
