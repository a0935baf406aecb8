import { forwardRef, useId, type ReactNode, type TextareaHTMLAttributes } from "react";
import { useErrorText } from "~/components/forms/field";

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: ReactNode; name: string; error?: string; hint?: ReactNode };

/** A labelled textarea with its error tied by aria-describedby and aria-invalid, like Field. */
export const TextArea = forwardRef<HTMLTextAreaElement, TextAreaProps>(function TextArea({ label, name, error, hint, id, ...rest }, ref) {
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
      <textarea ref={ref} id={inputId} name={name} aria-invalid={errorText ? true : undefined} aria-describedby={describedBy || undefined} {...rest} />
      {errorText ? (
        <p className="field-error" id={`${inputId}-error`}>
          {errorText}
        </p>
      ) : null}
    </div>
  );
});
