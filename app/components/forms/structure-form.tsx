// Form pieces shared by the structure pages (editions, rooms, themes, formats, slots,
// organisers, organisations): a react-hook-form hook that keeps what was typed after a
// refused save (JS on or off), labelled selects and checkbox groups,.
import { ConfirmForm } from "./confirm-form";
import { forwardRef, useId, type ReactNode, type SelectHTMLAttributes } from "react";
import { get, type FieldValues } from "react-hook-form";
import type { z } from "zod";
import { isMessageKey, useT, type MessageKey } from "~/i18n";
import { type FormFailure, nestFormValues } from "~/utils/forms";
import { isStaleSave } from "~/utils/stale";
import { useValidatedForm } from "./use-validated-form";

/** Error messages are i18n keys; "structure.range:min:max" carries its bounds. */
export function useMessage() {
  const t = useT();
  return (raw: string | undefined): string | undefined => {
    if (raw === undefined) return undefined;
    const range = /^structure\.range:(-?\d+):(-?\d+)$/.exec(raw);
    if (range) return t("structure.range", { min: range[1]!, max: range[2]! });
    return isMessageKey(raw) ? t(raw as MessageKey) : raw;
  };
}

/**
 * useValidatedForm for a page whose action may answer with a failure (400/409): the form
 * starts from what the organiser typed when there is one, otherwise from `defaults`.
 * Give the form a `key` that changes with the row's version so a reload
 * after a save re-initialises it.
 */
export function useStructureForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  { defaults, failure }: { defaults: Record<string, unknown>; failure?: FormFailure | null },
) {
  // After a refused (stale) save the form keeps what was typed, and the version it was read at:
  // the notice's own form re-applies on top (app/components/stale-notice.tsx).
  const stale = isStaleSave(failure) ? failure : null;
  const initial = (failure ? nestFormValues(failure.values) : defaults) as Record<string, unknown>;
  const { form, onSubmit, errorOf } = useValidatedForm(schema, {
    defaultValues: initial as never,
    serverErrors: failure?.errors,
  });
  const message = useMessage();
  const firstError = failure ? Object.keys(failure.errors).find((name) => name !== "_form") : undefined;
  const value = (name: string): string => {
    const v = get(initial, name) as unknown;
    return v === null || v === undefined ? "" : String(v);
  };
  const values = (name: string): string[] => {
    const v = get(initial, name) as unknown;
    return Array.isArray(v) ? v.map(String) : v === undefined || v === null || v === "" ? [] : [String(v)];
  };
  /** Props for a text-like <Field>: registered, with its starting value, error and first-error focus. */
  const field = (name: string) => ({
    ...form.register(name as never),
    defaultValue: value(name),
    error: message(errorOf(name)),
    autoFocus: firstError === name,
  });
  /** Props for a hidden input that the schema checks too (version, intent). */
  const hidden = (name: string) => ({ type: "hidden", ...form.register(name as never), defaultValue: value(name) });
  return {
    form,
    onSubmit,
    field,
    hidden,
    value,
    values,
    errorText: (name: string) => message(errorOf(name)),
    formError: message(failure?.errors._form),
    firstError,
    stale,
  };
}

/** What sub-components of a structure form need from useStructureForm, whatever its schema. */
export type StructureFormTools = Omit<ReturnType<typeof useStructureForm>, "form"> & {
  form: { register: (name: never) => object };
};

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: ReactNode;
  name: string;
  error?: string;
  hint?: ReactNode;
  options: { value: string; label: string }[];
};

/** A labelled select; forwards its ref so react-hook-form's register() reads the chosen value. */
export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField({ label, name, error, hint, options, id, ...select }, ref) {
  const generated = useId();
  const selectId = id ?? `${generated}-${name}`;
  const describedBy = [hint ? `${selectId}-hint` : null, error ? `${selectId}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={selectId}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${selectId}-hint`}>
          {hint}
        </p>
      ) : null}
      <select ref={ref} id={selectId} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" id={`${selectId}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
});

/** Checkboxes sharing one name, in a fieldset whose legend names the group. */
export function CheckboxGroup(props: {
  legend: ReactNode;
  name: string;
  options: { value: string; label: string }[];
  checked: string[];
  error?: string;
  register: (name: string) => Record<string, unknown>;
  autoFocus?: boolean;
}) {
  const generated = useId();
  const errorId = `${generated}-error`;
  return (
    <fieldset className="field checkbox-group" aria-describedby={props.error ? errorId : undefined}>
      <legend>{props.legend}</legend>
      {props.options.map((option, index) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            value={option.value}
            defaultChecked={props.checked.includes(option.value)}
            aria-invalid={props.error ? true : undefined}
            autoFocus={props.autoFocus && index === 0}
            {...props.register(props.name)}
          />{" "}
          {option.label}
        </label>
      ))}
      {props.error ? (
        <p className="field-error" id={errorId}>
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A sentence about the whole form (not one field), e.g. a refused delete. */
export function FormAlert({ message }: { message?: string }) {
  return message ? (
    <p className="alert alert-error" role="alert">
      {message}
    </p>
  ) : null;
}

/** The delete button of a structure page (rooms, themes, formats); the action reads intent=delete, confirmed. */
export function DeleteForm({ label, consequence }: { label: string; consequence: string }) {
  return <ConfirmForm intent="delete" label={label} consequence={consequence} className="danger-zone" />;
}
