import { z } from "zod";
import { textField } from "./fields";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An empty field of a GET form means "no filter". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const localDate = textField()
  .regex(DATE, { message: "audit.filter.invalidDate" })
  .refine((value) => {
    const [y, m, d] = value.split("-").map(Number);
    const date = new Date(Date.UTC(y!, m! - 1, d!));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
  }, { message: "audit.filter.invalidDate" });

/** The audit page's filters, read from the URL (a GET form, so it works without JavaScript). */
export const auditFiltersSchema = z
  .object({
    entity: optional(textField().trim().max(60).regex(/^[a-z_]+$/)),
    author: optional(z.union([z.literal("system"), z.uuid({ message: "audit.filter.invalidAuthor" })], { message: "audit.filter.invalidAuthor" })),
    from: optional(localDate),
    to: optional(localDate),
    page: optional(z.coerce.number().int().min(1).max(1_000_000)),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
    path: ["to"],
    message: "audit.filter.invalidRange",
  });

export type AuditFiltersForm = z.output<typeof auditFiltersSchema>;

/**
 * Reads the filters from a URL's query. A field that does not validate is reported and
 * ignored, so the page still shows the log filtered by the valid ones.
 */
export function parseAuditFilters(params: URLSearchParams): {
  filters: AuditFiltersForm;
  errors: Record<string, string>;
  values: Record<string, string>;
} {
  const values: Record<string, string> = {};
  for (const key of ["entity", "author", "from", "to", "page"]) {
    const value = params.get(key);
    if (value !== null) values[key] = value.slice(0, 100);
  }
  const first = auditFiltersSchema.safeParse(values);
  if (first.success) return { filters: first.data, errors: {}, values };
  const errors: Record<string, string> = {};
  for (const issue of first.error.issues) errors[String(issue.path[0] ?? "_form")] ??= issue.message;
  const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !(key in errors)));
  const second = auditFiltersSchema.safeParse(kept);
  return { filters: second.success ? second.data : {}, errors, values };
}
