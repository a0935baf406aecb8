import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { useEffect, type FormEvent } from "react";
import { get, useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import type { FieldErrors } from "~/utils/forms";

/**
 * react-hook-form with the form's zod schema in the browser; when valid, the real
 * <Form> is submitted, so the server re-checks with the same schema. Without
 * JavaScript the form posts as it is and the server's errors come back per field.
 * `submit` replaces the page navigation when the form posts through a fetcher (the board's
 * placement panel stays on the board): it receives what Remix's submit would.
 */
export function useValidatedForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: { defaultValues?: DefaultValues<z.input<S>>; serverErrors?: FieldErrors; submit?: (target: HTMLFormElement | HTMLButtonElement) => void },
) {
  const navigate = useSubmit();
  const submit = options.submit ?? navigate;
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // The resolver's generics differ across zod 4 minor versions; the schema is the contract.
    resolver: zodResolver(schema as never) as never,
    defaultValues: options.defaultValues,
    mode: "onSubmit",
  });
  const { serverErrors } = options;
  useEffect(() => {
    if (!serverErrors) return;
    const fields = Object.keys(serverErrors).filter((name) => name !== "_form");
    for (const name of fields) {
      form.setError(name as Path<z.input<S>>, { type: "server", message: serverErrors[name] });
    }
    if (fields[0]) form.setFocus(fields[0] as Path<z.input<S>>);
  }, [serverErrors, form]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // The button pressed, when the form has several (name="intent" value=…), is sent as well.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const element = submitter instanceof HTMLButtonElement && submitter.name ? submitter : event.currentTarget;
    void form.handleSubmit(() => submit(element))(event);
  };
  const errorOf = (name: string): string | undefined => {
    // Nested names ("hours.0.opens") are paths into react-hook-form's error tree.
    const clientError = get(form.formState.errors, name) as { message?: unknown } | undefined;
    return typeof clientError?.message === "string" ? clientError.message : serverErrors?.[name];
  };
  return { form, onSubmit, errorOf };
}
