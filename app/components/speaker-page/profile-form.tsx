// The speaker's public profile: name, organisation, bios and links.
import { Form, useNavigation } from "@remix-run/react";
import { Field, TextAreaField as TextArea } from "~/components/forms/field";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { useT } from "~/i18n";
import { MAX_LINKS, profileSchema } from "~/schemas/speaker";
import type { FormFailure } from "~/utils/forms";
import { bind, Saved, typed, type Profile } from "./form-bits";

export function ProfileForm({ profile, failure, saved }: { profile: Profile; failure?: FormFailure; saved: boolean }) {
  const t = useT();
  const navigation = useNavigation();
  const kept = typed(failure);
  const links = Array.from({ length: MAX_LINKS }, (_, i) => profile.links[i] ?? { label: "", url: "" });
  const { form, onSubmit, errorOf } = useValidatedForm(profileSchema, {
    defaultValues: (kept ?? {
      intent: "profile",
      version: String(profile.version),
      publicName: profile.publicName,
      organisation: profile.organisation ?? "",
      jobTitle: profile.jobTitle ?? "",
      bioFr: profile.bioFr ?? "",
      bioEn: profile.bioEn ?? "",
      links,
    }) as never,
    serverErrors: failure?.errors,
  });
  return (
    <section aria-labelledby="profile-title" className="speaker-section">
      <h2 id="profile-title">{t("speaker.profile")}</h2>
      <p className="field-hint">{t("speaker.profileHint")}</p>
      <Saved show={saved} />
      <Form method="post" onSubmit={onSubmit} noValidate className="stack" preventScrollReset>
        <input type="hidden" {...bind(form, "intent")} />
        <input type="hidden" {...bind(form, "version")} />
        <Field label={t("speaker.publicName")} required error={errorOf("publicName")} {...bind(form, "publicName")} />
        <Field label={t("speaker.organisation")} error={errorOf("organisation")} {...bind(form, "organisation")} />
        <Field label={t("speaker.jobTitle")} error={errorOf("jobTitle")} {...bind(form, "jobTitle")} />
        <TextArea label={t("speaker.bioFr")} lang="fr" rows={6} error={errorOf("bioFr")} {...bind(form, "bioFr")} />
        <TextArea label={t("speaker.bioEn")} lang="en" rows={6} error={errorOf("bioEn")} {...bind(form, "bioEn")} />
        <fieldset className="links-fieldset">
          <legend>{t("speaker.links")}</legend>
          {links.map((_, i) => (
            <div className="link-row" key={i}>
              <Field label={t("speaker.linkLabel", { n: i + 1 })} error={errorOf(`links.${i}.label`)} {...bind(form, `links.${i}.label`)} />
              <Field
                label={t("speaker.linkUrl", { n: i + 1 })}
                type="url"
                inputMode="url"
                placeholder="https://"
                error={errorOf(`links.${i}.url`)}
                {...bind(form, `links.${i}.url`)}
              />
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button button-primary" disabled={navigation.state !== "idle"}>
          {t("speaker.saveProfile")}
        </button>
      </Form>
    </section>
  );
}
