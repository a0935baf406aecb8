// The one form parser: posted names → values → the form's zod schema. Shared by the browser
// (redisplaying what was typed) and every action, so both read names the same way.
import type { z } from "zod";

/** Field path ("people.0.role") → the first message for it (an i18n key, or plain text). */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "_form";
    errors[path] ??= issue.message;
  }
  return errors;
}

/** Posted values by name; repeated names become arrays. */
export type FlatValues = Record<string, string | string[]>;

/** What a failed action sends back: per-field errors and what the person typed, kept. */
export type FormFailure = {
  ok: false;
  errors: FieldErrors;
  values: FlatValues;
};

const REFUSED_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * A name with a segment that could reach an object's prototype ("__proto__.email",
 * "a[constructor]", "constructor.prototype.x"), in dotted or bracket form.
 */
export function isRefusedName(name: string): boolean {
  return name.split(/[.[\]]/).some((segment) => REFUSED_SEGMENTS.has(segment));
}

/**
 * The rule for such names, the same in every action: the whole form is answered 400 before
 * any schema sees it. No form of ours uses those words, so only a forged post gets here, and
 * refusing it outright (rather than dropping the name) means nothing half-read is ever saved.
 */
function refuseForm(): never {
  throw new Response("This form has a field name that is not accepted.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * Form data as an object without a prototype; repeated names become arrays; files are left out
 * (the routes that take one read it from the FormData). A refused name answers 400 (refuseForm).
 */
export function formDataToObject(formData: FormData): FlatValues {
  const out: FlatValues = Object.create(null);
  for (const [key, value] of formData) {
    if (isRefusedName(key)) refuseForm();
    if (typeof value !== "string") continue;
    const previous = out[key];
    if (previous === undefined) out[key] = value;
    else out[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}

/** Up to 999 rows: a bigger index is a forged post, not a form's row, and would make a huge array. */
const INDEX = /^\d{1,3}$/;

/**
 * Posted names like "links.0.url" as the nested shape react-hook-form validates
 * ({ links: [{ url }] }), so the browser and the server check the same object with the same
 * schema. Objects are built without a prototype. Missing indexes become empty rows, so error
 * paths still match inputs; a name with an empty segment, or that mixes shapes, is ignored.
 */
export function nestFormValues(flat: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const root: Record<string, unknown> = Object.create(null);
  for (const [name, value] of Object.entries(flat)) {
    if (isRefusedName(name)) refuseForm();
    const parts = name.split(".");
    if (parts.some((part) => part === "")) continue;
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < parts.length; i++) {
      const key = parts[i]!;
      const index = INDEX.test(key) ? Number(key) : null;
      if (Array.isArray(node) !== (index !== null)) break;
      const container = node as Record<string | number, unknown>;
      if (i === parts.length - 1) {
        container[index ?? key] = value;
        break;
      }
      let child = container[index ?? key];
      if (child === undefined || child === null || typeof child !== "object") {
        child = INDEX.test(parts[i + 1]!) ? [] : Object.create(null);
        container[index ?? key] = child;
      }
      node = child as Record<string, unknown> | unknown[];
    }
  }
  fillHoles(root);
  return root;
}

function fillHoles(node: unknown) {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      if (node[i] === undefined) node[i] = Object.create(null);
      fillHoles(node[i]);
    }
  } else if (node && typeof node === "object") {
    for (const value of Object.values(node)) fillHoles(value);
  }
}

/** Nested form values → flat names ("hours.0.opens"), the inverse of nestFormValues; lists of plain values stay lists. */
export function flattenValues(values: unknown, prefix = "", out: FlatValues = {}) {
  if (Array.isArray(values) && values.every((v) => typeof v !== "object" || v === null)) {
    out[prefix] = values.map((v) => (v === null || v === undefined ? "" : String(v)));
  } else if (typeof values === "object" && values !== null) {
    for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
      flattenValues(value, prefix ? `${prefix}.${key}` : key, out);
    }
  } else if (prefix) {
    out[prefix] = values === null || values === undefined ? "" : String(values);
  }
  return out;
}

export type Parsed<S extends z.ZodType> = { ok: true; data: z.output<S>; values: FlatValues } | { ok: false; failure: FormFailure };

/** Validates a submitted form with the same zod schema the browser used. */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S): Promise<Parsed<S>> {
  return parseValues(formDataToObject(await request.formData()), schema);
}

/** Nests the posted names, validates, keeps the flat values (never a password) for redisplay. */
export function parseValues<S extends z.ZodType>(values: FlatValues, schema: S): Parsed<S> {
  const result = schema.safeParse(nestFormValues(values));
  if (result.success) return { ok: true, data: result.data, values };
  // Never echo secrets back into the page.
  const { password: _password, ...kept } = values;
  return { ok: false, failure: { ok: false, errors: fieldErrorsOf(result.error), values: kept } };
}

/** The union of one page's forms, told apart by the `intent` each form posts (a hidden field or its button). */
export type IntentSchema = z.ZodDiscriminatedUnion<readonly z.ZodType[], "intent">;

/**
 * The one way an action with several forms reads what was posted: the union of the forms'
 * schemas (`z.discriminatedUnion("intent", [...])`, built in app/schemas from one schema per
 * form) picks the form by its `intent` and validates it, so each branch gets its own typed
 * values. An intent that no form of the page posts is a forged request: the whole form is
 * refused (`_form: "error.400"`) rather than any field.
 */
export function parseIntent<S extends IntentSchema>(values: FlatValues, schema: S): Parsed<S> {
  const parsed = parseValues(values, schema);
  if (parsed.ok || parsed.failure.errors.intent === undefined) return parsed;
  return { ok: false, failure: { ...parsed.failure, errors: { _form: "error.400" } } };
}
