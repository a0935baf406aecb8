// The speaker's practical details: consents, accessibility needs, notes, messages' language.
import { Form, useNavigation } from "@remix-run/react";
import { TextAreaField as TextArea } from "~/components/forms/field";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { useT } from "~/i18n";
import { practicalSchema } from "~/schemas/speaker";
import type { FormFailure } from "~/utils/forms";
import { bind, bindChecked, Saved, typed, type Profile } from "./form-bits";

export function PracticalForm({ profile, failure, saved }: { profile: Profile; failure?: FormFailure; saved: boolean }) {
  const t = useT();
  const navigation = useNavigation();
  const kept = typed(failure);
  const { form, onSubmit, errorOf } = useValidatedForm(practicalSchema, {
    defaultValues: (kept
      ? {
          ...kept,
          consentRecording: kept.consentRecording === "on",
          consentPhotos: kept.consentPhotos === "on",
          consentPublishBio: kept.consentPublishBio === "on",
          consentPublicPhoto: kept.consentPublicPhoto === "on",
        }
      : {
          intent: "practical",
          version: String(profile.version),
          consentRecording: profile.consentRecording,
          consentPhotos: profile.consentPhotos,
          consentPublishBio: profile.consentPublishBio,
          consentPublicPhoto: profile.consentPublicPhoto,
          accessibilityNeeds: profile.accessibilityNeeds ?? "",
          practicalNotes: profile.practicalNotes ?? "",
          preferredLocale: profile.preferredLocale,
        }) as never,
    serverErrors: failure?.errors,
  });
  return (
    <section aria-labelledby="practical-title" className="speaker-section">
      <h2 id="practical-title">{t("speaker.practical")}</h2>
      <Saved show={saved} />
      <Form method="post" onSubmit={onSubmit} noValidate className="stack" preventScrollReset>
        <input type="hidden" {...bind(form, "intent")} />
        <input type="hidden" {...bind(form, "version")} />
        <fieldset>
          <legend>{t("speaker.consents")}</legend>
          {(["consentRecording", "consentPhotos", "consentPublishBio", "consentPublicPhoto"] as const).map((name) => (
            <div className="checkbox" key={name}>
              <input id={`consent-${name}`} type="checkbox" value="on" {...bindChecked(form, name)} />
              <label htmlFor={`consent-${name}`}>{t(`speaker.${name}`)}</label>
            </div>
          ))}
        </fieldset>
        <TextArea
          label={t("speaker.accessibility")}
          hint={t("speaker.privateHint")}
          rows={3}
          error={errorOf("accessibilityNeeds")}
          {...bind(form, "accessibilityNeeds")}
        />
        <TextArea label={t("speaker.notes")} hint={t("speaker.privateHint")} rows={3} error={errorOf("practicalNotes")} {...bind(form, "practicalNotes")} />
        <div className="field">
          <label htmlFor="preferred-locale">{t("speaker.messagesLanguage")}</label>
          <select id="preferred-locale" {...bind(form, "preferredLocale")}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={navigation.state !== "idle"}>
          {t("speaker.savePractical")}
        </button>
      </Form>
    </section>
  );
}
