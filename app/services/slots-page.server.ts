// The slots page's action (app/routes/editions.$editionSlug.slots.tsx): templates, applying
// one (preview, then apply), and one slot's times or removal.
import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import type { SlotsActionResult } from "~/components/slots/types";
import { getDb } from "~/db/client.server";
import { translate, type Locale } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { organiserActor } from "~/models/audit.server";
import { applyTemplate, createTemplate, deleteSlot, deleteTemplate, previewTemplate, slotFormValues, templateFormValues, updateSlot, updateTemplate } from "~/models/slots.server";
import { selectionKey, slotsPageActionSchema } from "~/schemas/slots";
import { requireEdition } from "~/services/access.server";
import { askConfirmation } from "~/utils/confirm.server";
import { withDone } from "~/utils/done";
import { formDataToObject, parseIntent } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { StaleVersionError, staleSave } from "~/utils/stale.server";

/** The template form's fields as the stale-save notice names them (rows stand for the audited `times`). */
const templateStaleFields = (rows: number, locale: Locale) => [
  { name: "name", label: "slots.templateName" },
  ...Array.from({ length: rows }, (_, i) => [
    { name: `times.${i}.start`, label: translate(locale, "slots.rowStart", { n: i + 1 }), columns: ["times"] },
    { name: `times.${i}.end`, label: translate(locale, "slots.rowEnd", { n: i + 1 }), columns: ["times"] },
  ]).flat(),
];

/** The slots page's action: editors and admins change templates and slots (one form each, told apart by intent). */
export async function slotsPageAction({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const db = await getDb();
  const values = formDataToObject(await request.formData());
  const actor = organiserActor(organiser);
  const base = `/editions/${edition.slug}/slots`;
  const fail = (errors: Record<string, string>, status = 400) => invalid({ ok: false, errors, values }, status);

  const parsed = parseIntent(values, slotsPageActionSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  const input = parsed.data;

  switch (input.intent) {
    case "create-template": {
      const { intent: _intent, ...fields } = input;
      await createTemplate(db, { editionId: edition.id, actor, values: fields });
      throw redirect(withDone(`${base}#templates`, "saved.template"));
    }
    case "update-template": {
      const { intent: _intent, template, version, ...fields } = input;
      try {
        (await updateTemplate(db, { editionId: edition.id, uuid: template, version, actor, values: fields })) ?? notFound();
      } catch (error) {
        if (!(error instanceof StaleVersionError)) throw error;
        const current = error.current as { name: string; times: { start: string; end: string }[]; version: number };
        const rows = Math.max(current.times.length, fields.times.length);
        return staleSave(db, {
          entity: "slot_template",
          entityUuid: template,
          current: templateFormValues(current),
          currentVersion: current.version,
          readVersion: version,
          submitted: values,
          fields: templateStaleFields(rows, await getLocale(request)),
          timeZone: edition.timeZone,
        });
      }
      throw redirect(withDone(`${base}#templates`, "saved.template"));
    }
    case "delete-template": {
      const ask = askConfirmation(values, "delete-template", input.template);
      if (ask) return ask;
      if (!(await deleteTemplate(db, { editionId: edition.id, uuid: input.template, actor }))) notFound();
      throw redirect(withDone(`${base}#templates`, "saved.templateDeleted"));
    }
    case "preview":
    case "apply": {
      const { intent, previewOf, ...choice } = input;
      // Applying what was not previewed (the choice changed since) shows the preview first.
      if (intent === "preview" || previewOf !== selectionKey(choice)) {
        const preview = await previewTemplate(db, { edition, values: choice });
        if (!preview.ok) return fail(preview.errors);
        return data({ ok: true, intent: "preview", plan: preview.plan, values, changed: intent === "apply" } satisfies SlotsActionResult);
      }
      const result = await applyTemplate(db, { edition, actor, values: choice });
      if (!result.ok && "changed" in result) {
        return data({ ok: true, intent: "preview", plan: result.plan, values, changed: true } satisfies SlotsActionResult, { status: 409 });
      }
      if (!result.ok) return fail(result.errors);
      throw redirect(`${base}?applied=${result.created}&skipped=${result.skipped}&outside=${result.outsideHours}#slots`);
    }
    case "update-slot": {
      const { intent: _intent, ...slot } = input;
      try {
        const result = (await updateSlot(db, { edition, actor, values: slot })) ?? notFound();
        if (!result.ok) {
          const locale = await getLocale(request);
          const errors = result.clash ? { ...result.errors, start: translate(locale, "slots.error.clash", { at: result.clash }) } : result.errors;
          return fail(errors);
        }
      } catch (error) {
        if (!(error instanceof StaleVersionError)) throw error;
        return staleSlot(db, error, { values, readVersion: input.version, timeZone: edition.timeZone });
      }
      throw redirect(withDone(`${base}#slots`, "saved.slot"));
    }
    case "delete-slot": {
      const ask = askConfirmation(values, "delete-slot");
      if (ask) return ask;
      try {
        if (!(await deleteSlot(db, { editionId: edition.id, actor, uuid: input.slot, version: input.version }))) notFound();
      } catch (error) {
        if (!(error instanceof StaleVersionError)) throw error;
        return staleSlot(db, error, { values, readVersion: input.version, timeZone: edition.timeZone, yours: { start: "", end: "" } });
      }
      throw redirect(withDone(`${base}#slots`, "saved.slotDeleted"));
    }
  }
}

/** A refused slot change or removal: the slot as it is now next to what was sent. */
function staleSlot(
  db: Awaited<ReturnType<typeof getDb>>,
  error: StaleVersionError,
  args: { values: Record<string, string | string[]>; readVersion: number; timeZone: string; yours?: Record<string, string> },
) {
  const current = error.current as { uuid: string; startsAt: number; endsAt: number; version: number };
  return staleSave(db, {
    entity: "slot",
    entityUuid: current.uuid,
    current: slotFormValues(current, args.timeZone),
    currentVersion: current.version,
    readVersion: args.readVersion,
    submitted: args.values,
    yours: args.yours,
    fields: [
      { name: "start", label: "slots.start", columns: ["startsAt"] },
      { name: "end", label: "slots.end", columns: ["endsAt"] },
    ],
    timeZone: args.timeZone,
  });
}
