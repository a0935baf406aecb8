// The organisers' view of a speaker's photo: the photo, whether the speaker agreed to publish
// it, and (editors, admins) the upload that replaces it and the confirmed removal. The forms
// post to the photo's own route, which answers with a redirect back here (works without JS).
import { Form, useNavigation } from "@remix-run/react";
import { ConfirmForm } from "~/components/forms/confirm-form";
import { PHOTO_SIZES, type PhotoProblemKey } from "~/domain/images";
import { useT } from "~/i18n";
import { PhotoFileField } from "~/components/photo-file-field";

export function SpeakerPhoto({
  editionSlug,
  speaker,
  photo,
  problem,
  canEdit,
}: {
  editionSlug: string;
  speaker: { uuid: string; publicName: string };
  photo: { key: string | null; consentPublicPhoto: boolean };
  problem: PhotoProblemKey | null;
  canEdit: boolean;
}) {
  const t = useT();
  const navigation = useNavigation();
  const route = `/editions/${editionSlug}/speaker-photos/${speaker.uuid}`;
  const name = speaker.publicName;
  return (
    <section aria-labelledby="photo" className="form-section speaker-photo-section">
      <h2 id="photo" tabIndex={-1}>
        {t("speakers.photo.title")}
      </h2>
      {photo.key ? (
        <img src={`${route}?v=${photo.key}`} alt={t("speakers.photo.alt", { name })} className="speaker-photo" width={128} height={128} data-testid="speaker-photo" />
      ) : (
        <p>{t("speakers.photo.none")}</p>
      )}
      <p className={photo.consentPublicPhoto ? "field-hint" : "alert alert-info"} data-testid="photo-consent">
        {t(photo.consentPublicPhoto ? "speakers.photo.consentGiven" : "speakers.photo.consentMissing", { name })}
      </p>
      {canEdit ? (
        <>
          <Form method="post" action={route} encType="multipart/form-data" className="stack" preventScrollReset>
            <input type="hidden" name="intent" value="upload" />
            <PhotoFileField
              id="speaker-photo-file"
              label={t("speakers.photo.file")}
              hint={t("speakers.photo.sizes", { sizes: PHOTO_SIZES.join(", ") })}
              error={problem ? t(problem) : null}
            />
            <button type="submit" className="button" disabled={navigation.state !== "idle"}>
              {photo.key ? t("speakers.photo.replace") : t("speakers.photo.upload")}
            </button>
          </Form>
          {photo.key ? (
            <ConfirmForm
              intent="remove"
              action={route}
              label={t("speakers.photo.remove")}
              consequence={t("speakers.photo.removeConsequence", { name })}
              small
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
