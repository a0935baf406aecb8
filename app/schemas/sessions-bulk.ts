import { z } from "zod";
import { SESSION_STATUSES } from "~/domain/vocabulary";
import { checkboxList, textField, uuidField } from "./fields";

// The bulk bar of the sessions and speakers lists (issue 14 item 12): the ticked rows, and what
// to do with them. Changes are posted (one intent each); exports and invitations are GET forms
// that carry the same ticked rows to the CSV exports and the invitations preview.

/** At most this many rows in one bulk change: well over a list page (100), under any SQL limit. */
export const MAX_SELECTION = 500;

const selection = checkboxList(uuidField).pipe(
  z.array(z.string()).min(1, { message: "bulk.error.none" }).max(MAX_SELECTION, { message: "bulk.error.tooMany" }),
);

/** A theme or format to set: "none" takes it away, otherwise one of the edition's (its UUID). */
const reference = textField({ message: "bulk.error.choose" })
  .trim()
  .min(1, { message: "bulk.error.choose" })
  .pipe(z.union([z.literal("none"), z.uuid()], { message: "bulk.error.choose" }))
  .transform((value) => (value === "none" ? null : value));

/** The sessions list's bulk changes, told apart by `intent` (parseIntent). */
export const sessionsBulkSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("bulkStatus"),
    session: selection,
    status: z.enum(SESSION_STATUSES, { message: "bulk.error.choose" }),
    // Cancelling is far-reaching: it asks first (askConfirmation).
    confirm: z.literal("yes").optional(),
  }),
  z.object({ intent: z.literal("bulkTheme"), session: selection, theme: reference }),
  z.object({ intent: z.literal("bulkFormat"), session: selection, format: reference }),
]);
export type SessionsBulkChange = z.output<typeof sessionsBulkSchema>;

/**
 * The ticked rows a GET form carries (the CSV exports, the invitations preview). An empty list
 * means "no selection" (the whole list); a malformed value or too many rows is a bad request.
 */
export const selectionQuerySchema = z.object({
  session: z.array(z.uuid()).max(MAX_SELECTION),
  speaker: z.array(z.uuid()).max(MAX_SELECTION),
});
export type SelectionQuery = z.output<typeof selectionQuerySchema>;

/** The selection in a URL's query (`?session=…&session=…`); 400 when it is not one a form sends. */
export function parseSelectionQuery(searchParams: URLSearchParams): SelectionQuery {
  const parsed = selectionQuerySchema.safeParse({ session: searchParams.getAll("session"), speaker: searchParams.getAll("speaker") });
  if (!parsed.success) throw new Response("Bad selection", { status: 400 });
  return parsed.data;
}
