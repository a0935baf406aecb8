// The photo file field of both photo forms (the organisers' on a speaker's page, the speaker's own):
// the accepted types and the size limit in its hint, the refusal tied to it.
import { useT } from "~/i18n";
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from "~/schemas/speaker";

export function PhotoFileField({ id, label, hint, error }: { id: string; label: string; hint?: string; error: string | null }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t("speaker.photoHint", { size: Math.round(PHOTO_MAX_BYTES / (1024 * 1024)) })}
        {hint ? ` ${hint}` : null}
      </p>
      <input
        id={id}
        type="file"
        name="photo"
        accept={PHOTO_TYPES.join(",")}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
