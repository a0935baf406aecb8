import type { z } from "zod";
import { fieldErrorsOf, type FormFailure } from "./forms";

type Flat = Record<string, string | string[]>;

/**
 * Posted names like "links.0.url" as the nested shape react-hook-form validates
 * ({ links: [{ url }] }), so the browser and the server check the same object with
 * the same schema. Missing indexes become empty rows, so error paths still match inputs.
 */
export function nestFormValues(flat: Flat): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(flat)) {
    const parts = name.split(".");
    if (parts.some((part) => part === "" || part === "__proto__" || part === "constructor" || part === "prototype")) continue;
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < parts.length; i++) {
      const key = parts[i]!;
      const last = i === parts.length - 1;
      const index = /^\d{1,3}$/.test(key) ? Number(key) : null;
      if (Array.isArray(node) !== (index !== null)) break; // a name that mixes shapes is ignored
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[index ?? key] = value;
        break;
      }
      const nextIsIndex = /^\d{1,3}$/.test(parts[i + 1]!);
      let child = container[index ?? key];
      if (child === undefined || typeof child !== "object") {
        child = nextIsIndex ? [] : {};
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
      if (node[i] === undefined) node[i] = {};
      fillHoles(node[i]);
    }
  } else if (node && typeof node === "object") {
    for (const value of Object.values(node)) fillHoles(value);
  }
}

export type NestedParsed<S extends z.ZodType> = { ok: true; data: z.output<S>; values: Flat } | { ok: false; failure: FormFailure };

/** parseValues for forms with rows: nests the posted names, validates, keeps the flat values for redisplay. */
export function parseNestedValues<S extends z.ZodType>(values: Flat, schema: S): NestedParsed<S> {
  const result = schema.safeParse(nestFormValues(values));
  if (result.success) return { ok: true, data: result.data, values };
  return { ok: false, failure: { ok: false, errors: fieldErrorsOf(result.error), values } };
}
