import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ApplyTemplate } from "~/components/slots/apply-form";
import { SlotList } from "~/components/slots/slot-list";
import { Templates } from "~/components/slots/templates";
import { getDb } from "~/db/client.server";
import { slotsByDay } from "~/domain/slots";
import { useT } from "~/i18n";
import { editionDates } from "~/models/rooms.server";
import { listSlotsPage } from "~/models/slots.server";
import { canWrite, requireEdition } from "~/services/access.server";
import { slotsPageAction } from "~/services/slots-page.server";
import type { SlotsActionResult } from "~/components/slots/types";
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

export const action = (args: ActionFunctionArgs) => slotsPageAction(args);

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
