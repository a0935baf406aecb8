import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";
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

/** Ids and texts shared by every labelled control: its id, its error text, what describes it. */
function useFieldParts(name: string, id: string | undefined, error: string | undefined, hint: ReactNode) {
  const generated = useId();
  const inputId = id ?? `${generated}-${name}`;
  const errorText = useErrorText()(error);
  const describedBy = [hint ? `${inputId}-hint` : null, errorText ? `${inputId}-error` : null].filter(Boolean).join(" ");
  return { inputId, errorText, describedBy: describedBy || undefined };
}

function FieldFrame(props: { inputId: string; label: ReactNode; hint: ReactNode; errorText: string | undefined; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.inputId}>{props.label}</label>
      {props.hint ? (
        <p className="field-hint" id={`${props.inputId}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.children}
      {props.errorText ? (
        <p className="field-error" id={`${props.inputId}-error`}>
          {props.errorText}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its error tied by aria-describedby and aria-invalid. */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field(
  { label, name, error, hint, id, ...input },
  ref,
) {
  const { inputId, errorText, describedBy } = useFieldParts(name, id, error, hint);
  return (
    <FieldFrame inputId={inputId} label={label} hint={hint} errorText={errorText}>
      <input ref={ref} id={inputId} name={name} aria-invalid={errorText ? true : undefined} aria-describedby={describedBy} {...input} />
    </FieldFrame>
  );
});

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: ReactNode;
  name: string;
  error?: string;
  hint?: ReactNode;
};

/** A labelled textarea, with the same error and hint wiring as Field. */
export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(function TextAreaField(
  { label, name, error, hint, id, ...textarea },
  ref,
) {
  const { inputId, errorText, describedBy } = useFieldParts(name, id, error, hint);
  return (
    <FieldFrame inputId={inputId} label={label} hint={hint} errorText={errorText}>
      <textarea ref={ref} id={inputId} name={name} aria-invalid={errorText ? true : undefined} aria-describedby={describedBy} {...textarea} />
    </FieldFrame>
  );
});
