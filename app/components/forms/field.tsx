import { forwardRef, useId, type InputHTMLAttributes, type ReactNode } from "react";
import { isMessageKey, useT } from "~/i18n";

/** An error text: i18n keys are translated, anything else is shown as it is. */
export function useErrorText() {
  const t = useT();
  return (error: string | undefined) => (error === undefined ? undefined : isMessageKey(error) ? t(error) : error);
}

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: ReactNode;
  name: string;
  error?: string;
  hint?: ReactNode;
};

/** A labelled input with its error tied by aria-describedby and aria-invalid. */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field(
  { label, name, error, hint, id, ...input },
  ref,
) {
  const generated = useId();
  const inputId = id ?? `${generated}-${name}`;
  const errorText = useErrorText()(error);
  const describedBy = [hint ? `${inputId}-hint` : null, errorText ? `${inputId}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${inputId}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        ref={ref}
        id={inputId}
        name={name}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {errorText ? (
        <p className="field-error" id={`${inputId}-error`}>
          {errorText}
        </p>
      ) : null}
    </div>
  );
});
