import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { askConfirmation } from "~/utils/confirm.server";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ApplyTemplate } from "~/components/slots/apply-form";
import { SlotList } from "~/components/slots/slot-list";
import { Templates } from "~/components/slots/templates";
import { getDb } from "~/db/client.server";
import { slotsByDay } from "~/domain/slots";
import { translate, useT, type Locale } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { organiserActor } from "~/models/audit.server";
import { editionDates } from "~/models/rooms.server";
import {
  applyTemplate,
  createTemplate,
  deleteSlot,
  deleteTemplate,
  listSlotsPage,
  previewTemplate,
  slotFormValues,
  templateFormValues,
  updateSlot,
  updateTemplate,
} from "~/models/slots.server";
import { selectionKey, slotsPageActionSchema } from "~/schemas/slots";
import { canWrite, requireEdition } from "~/services/access.server";
import { invalid } from "~/utils/forms.server";
import { StaleVersionError, staleSave } from "~/utils/stale.server";
import type { SlotsActionResult } from "~/components/slots/types";
import { formDataToObject, parseIntent } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { withDone } from "~/utils/done";
import { SaveStatus } from "~/components/save-status";

export const meta: MetaFunction = () => [{ title: "Créneaux · Barouf" }];

// Organisers of this edition read; editors and admins change templates and slots.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const page = await listSlotsPage(await getDb(), { editionId: edition.id });
  const url = new URL(request.url);
  const number = (name: string) => (/^\d{1,6}$/.test(url.searchParams.get(name) ?? "") ? Number(url.searchParams.get(name)) : null);
  const applied = number("applied");
  return {
    edition: { slug: edition.slug, timeZone: edition.timeZone },
    dates: editionDates(edition),
    rooms: page.rooms,
    templates: page.templates,
    days: slotsByDay(page.slots, page.rooms, edition.timeZone),
    applied: applied === null ? null : { created: applied, skipped: number("skipped") ?? 0, outsideHours: number("outside") ?? 0 },
    canWrite: canWrite(organiser),
  };
}

/** The template form's fields as the stale-save notice names them (rows stand for the audited `times`). */
const templateStaleFields = (rows: number, locale: Locale) => [
  { name: "name", label: "slots.templateName" },
  ...Array.from({ length: rows }, (_, i) => [
    { name: `times.${i}.start`, label: translate(locale, "slots.rowStart", { n: i + 1 }), columns: ["times"] },
    { name: `times.${i}.end`, label: translate(locale, "slots.rowEnd", { n: i + 1 }), columns: ["times"] },
  ]).flat(),
];

export async function action({ request, params }: ActionFunctionArgs) {
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

export default function SlotsPage() {
  const { edition, dates, rooms, templates, days, applied, canWrite } = useLoaderData<typeof loader>();
  const result = useActionData<SlotsActionResult>();
  const [search] = useSearchParams();
  const t = useT();
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/editions/${edition.slug}/settings`}>{t("settings.title")}</Link>
      </p>
      <h1>{t("slots.title")}</h1>
      <SaveStatus />
      <p className="lead">{t("slots.lead", { zone: edition.timeZone })}</p>
      <Templates templates={templates} canWrite={canWrite} editing={search.get("template")} result={result} />
      {canWrite ? (
        // Remounted when templates or rooms come or go, so its choices start from the current lists.
        <ApplyTemplate key={[...templates, ...rooms].map((row) => row.uuid).join()} templates={templates} rooms={rooms} dates={dates} result={result} />
      ) : null}
      <SlotList days={days} canWrite={canWrite} editing={search.get("slot")} applied={applied} result={result} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
