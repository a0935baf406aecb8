// The action shared by the structure entities' pages (rooms, themes, formats).
import { askConfirmation } from "./confirm.server";
import { redirect } from "@remix-run/node";
import type { z } from "zod";
import { getDb } from "~/db/client.server";
import { type FormFailure, formDataToObject, parseIntent, parseValues } from "./forms";
import { structurePageActionSchema } from "~/schemas/structure";
import { deleteRefused, invalid } from "./forms.server";
import { StaleVersionError, staleSave } from "./stale.server";
import { type DoneMessage, withDone } from "./done";

type StaleSaveArgs = Parameters<typeof staleSave>[1];
/**
 * The action of a structure entity's page (room, theme, format), its form picked by
 * structurePageActionSchema: `intent=delete` (once confirmed)
 * removes it or answers deleteRefused; otherwise the form is validated with `schema` and saved by `save` at the
 * version it was read at. A save that returns field errors answers them; a stale save answers
 * the stale-save notice built from what `stale` reads. Success goes back to the list at `listPath`.
 */
export async function structureEntityAction<S extends z.ZodType<{ version: number }>>(
  request: Request,
  args: {
    listPath: string;
    remove: () => Promise<{ ok: true } | { ok: false; sessions: number }>;
    schema: S;
    save: (version: number, values: Omit<z.output<S>, "version">) => Promise<FormFailure["errors"] | void>;
    stale: (error: StaleVersionError) => Promise<Pick<StaleSaveArgs, "entity" | "current" | "currentVersion" | "fields">>;
    entityUuid: string;
    timeZone: string;
    /** What the list says after a save and after a deletion. */
    done: { saved: DoneMessage; deleted: DoneMessage };
  },
) {
  const db = await getDb();
  const values = formDataToObject(await request.formData());
  const form = parseIntent(values, structurePageActionSchema);
  if (!form.ok) return invalid(form.failure);
  if (form.data.intent === "delete") {
    const ask = askConfirmation(values, "delete");
    if (ask) return ask;
    const result = await args.remove();
    if (!result.ok) return deleteRefused(result.sessions);
    throw redirect(withDone(args.listPath, args.done.deleted));
  }
  const parsed = parseValues(values, args.schema);
  if (!parsed.ok) return invalid(parsed.failure);
  const { version, ...fields } = parsed.data as z.output<S>;
  try {
    const errors = await args.save(version, fields);
    if (errors) return invalid({ ok: false, errors, values });
  } catch (error) {
    if (!(error instanceof StaleVersionError)) throw error;
    const { entity, current, currentVersion, fields: staleFields } = await args.stale(error);
    return staleSave(db, {
      entity,
      entityUuid: args.entityUuid,
      current,
      currentVersion,
      readVersion: version,
      submitted: values,
      fields: staleFields,
      timeZone: args.timeZone,
    });
  }
  throw redirect(withDone(args.listPath, args.done.saved));
}
