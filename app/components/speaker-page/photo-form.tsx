// The speaker's photo: a plain multipart form (the file is read by the action, not by zod), and
// its removal, confirmed first.
import { Form, useNavigation } from "@remix-run/react";
import { useT, type MessageKey } from "~/i18n";
import { ConfirmForm } from "~/components/forms/confirm-form";
import { PhotoFileField } from "~/components/photo-file-field";
import type { FormFailure } from "~/utils/forms";
import { Saved } from "./form-bits";

export function PhotoForm({ photoKey, failure, saved }: { photoKey: string | null; failure?: FormFailure; saved: boolean }) {
  const t = useT();
  const navigation = useNavigation();
  return (
    <section aria-labelledby="photo-title" className="speaker-section">
      <h2 id="photo-title">{t("speaker.photo")}</h2>
      {photoKey ? (
        <img src={`/speaker/photo?v=${photoKey}`} alt={t("speaker.photoAlt")} className="speaker-photo" width={128} height={128} />
      ) : (
        <p>{t("speaker.noPhoto")}</p>
      )}
      <Saved show={saved} />
      <Form method="post" encType="multipart/form-data" className="stack" preventScrollReset>
        <input type="hidden" name="intent" value="photo" />
        <PhotoFileField id="speaker-photo" label={t("speaker.photoFile")} error={failure?.errors.photo ? t(failure.errors.photo as MessageKey) : null} />
        <button type="submit" className="button" disabled={navigation.state !== "idle"}>
          {t("speaker.sendPhoto")}
        </button>
      </Form>
      {photoKey ? <ConfirmForm intent="removePhoto" label={t("speaker.removePhoto")} consequence={t("speaker.removePhotoConsequence")} small /> : null}
    </section>
  );
}
