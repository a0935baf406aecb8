// The speaker's photo: a plain multipart form (the file is read by the action, not by zod).
import { Form, useNavigation } from "@remix-run/react";
import { useT, type MessageKey } from "~/i18n";
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from "~/schemas/speaker";
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
        <div className="field">
          <label htmlFor="speaker-photo">{t("speaker.photoFile")}</label>
          <p className="field-hint" id="speaker-photo-hint">
            {t("speaker.photoHint", { size: Math.round(PHOTO_MAX_BYTES / (1024 * 1024)) })}
          </p>
          <input
            id="speaker-photo"
            type="file"
            name="photo"
            accept={PHOTO_TYPES.join(",")}
            aria-invalid={failure?.errors.photo ? true : undefined}
            aria-describedby={failure?.errors.photo ? "speaker-photo-hint speaker-photo-error" : "speaker-photo-hint"}
          />
          {failure?.errors.photo ? (
            <p className="field-error" id="speaker-photo-error">
              {t(failure.errors.photo as MessageKey)}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={navigation.state !== "idle"}>
          {t("speaker.sendPhoto")}
        </button>
      </Form>
    </section>
  );
}
