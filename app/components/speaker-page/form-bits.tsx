// Pieces shared by the speaker page's forms (app/routes/speaker.tsx).
import type { loadSpeakerProfile } from "~/models/speaker-self.server";
import { useT } from "~/i18n";
import { type FormFailure, nestFormValues } from "~/utils/forms";

/** The speaker's profile as the page's loader sends it. */
export type Profile = NonNullable<Awaited<ReturnType<typeof loadSpeakerProfile>>>;

// RHF fills fields from the browser; these attributes put the same values in the server's
// HTML, so every form works with JavaScript off.
export type AnyForm = { register: (name: never) => { name: string }; getValues: (name: never) => unknown };
export function bind(form: AnyForm, name: string) {
  const value = form.getValues(name as never);
  return { ...form.register(name as never), defaultValue: value === null || value === undefined ? "" : String(value) };
}
export function bindChecked(form: AnyForm, name: string) {
  const value = form.getValues(name as never);
  return { ...form.register(name as never), defaultChecked: value === true || value === "on" };
}

export function Saved({ show }: { show: boolean }) {
  const t = useT();
  return show ? (
    <p className="alert alert-success" role="status">
      {t("speaker.saved")}
    </p>
  ) : null;
}

export function typed(failure: FormFailure | undefined) {
  return failure ? (nestFormValues(failure.values) as Record<string, unknown>) : undefined;
}
