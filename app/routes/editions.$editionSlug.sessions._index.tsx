import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useParams, useSearchParams } from "@remix-run/react";
import { SessionsBulkBar } from "~/components/bulk/bulk-bars";
import { RowTick, TickAllHeader, useSelection } from "~/components/bulk/selection";
import { CsvExportForm } from "~/components/csv-export";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db/client.server";
import { formatLocalDate } from "~/domain/format";
import { editionDays } from "~/domain/time";
import { useLocale, useT } from "~/i18n";
import { listSessions, sessionOptions, speakerNameOf } from "~/models/sessions.server";
import { organiserActor } from "~/models/audit.server";
import { SESSION_STATUSES } from "~/domain/vocabulary";
import { sessionFiltersSchema } from "~/schemas/sessions";
import { sessionsBulkSchema } from "~/schemas/sessions-bulk";
import { canWrite, requireEdition } from "~/services/access.server";
import { applySessionsBulk } from "~/services/sessions-bulk.server";
import { SaveStatus } from "~/components/save-status";
import { getLocale } from "~/i18n/locale.server";
import { askConfirmation } from "~/utils/confirm.server";
import { withDone } from "~/utils/done";
import { safeRedirect } from "~/utils/redirect";
import { formDataToObject, parseIntent, type FormFailure } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Sessions · Barouf" }];

// Organisers of this edition (read): the sessions, searched and filtered from the URL.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, organiser } = await requireEdition(request, params);
  const url = new URL(request.url);
  const filters = sessionFiltersSchema.parse(Object.fromEntries(url.searchParams));
  const db = await getDb();
  const [list, options, speakerName] = await Promise.all([
    listSessions(db, { edition, filters }),
    sessionOptions(db, { editionId: edition.id }),
    filters.speaker ? speakerNameOf(db, { editionId: edition.id, speakerUuid: filters.speaker }) : null,
  ]);
  return {
    list,
    options,
    speakerName,
    days: editionDays(edition.startDate, edition.endDate, edition.timeZone).map((day) => day.date),
    filters,
    canWrite: canWrite(organiser),
  };
}

// Editors and admins of this edition: a change of the ticked sessions (bulk bar); cancelling asks first.
export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const values = formDataToObject(await request.formData());
  const parsed = parseIntent(values, sessionsBulkSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  const change = parsed.data;
  if (change.intent === "bulkStatus" && change.status === "cancelled") {
    const ask = askConfirmation(values, change.intent, undefined, { session: change.session, status: change.status });
    if (ask) return ask;
  }
  const outcome = await applySessionsBulk(await getDb(), { editionId: edition.id, change, actor: organiserActor(organiser), locale: await getLocale(request) });
  if (!outcome.ok) return invalid({ ok: false, errors: outcome.errors, values });
  // Back to the list as it was filtered (the page's own address, without the index route's marker).
  const back = new URL(request.url);
  back.searchParams.delete("index");
  throw redirect(withDone(safeRedirect(back.pathname + back.search, `/editions/${edition.slug}/sessions`), "bulk.sessionsChanged", outcome.count));
}

export default function SessionsList() {
  const { list, options, speakerName, days, filters, canWrite } = useLoaderData<typeof loader>();
  const answer = useActionData<FormFailure & { confirm?: string }>();
  const { editionSlug = "" } = useParams();
  const t = useT();
  const locale = useLocale();
  const [searchParams] = useSearchParams();
  const { pathname } = useLocation();
  const pageLink = (page: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("page", String(page));
    return `?${next.toString()}`;
  };
  const name = (named: { nameFr: string; nameEn: string }) => (locale === "en" ? named.nameEn : named.nameFr);
  const kept = answer?.values.session;
  const selection = useSelection(list.items.map((item) => item.uuid), Array.isArray(kept) ? kept : kept ? [kept] : []);
  const withoutSpeaker = new URLSearchParams(searchParams);
  withoutSpeaker.delete("speaker");
  withoutSpeaker.delete("page");
  return (
    <>
      <div className="sessions-heading">
        <h1>{t("sessions.title")}</h1>
        {canWrite ? (
          <Link to="new" className="button button-primary">
            {t("sessions.new")}
          </Link>
        ) : null}
        <CsvExportForm editionSlug={editionSlug} kind="sessions" />
      </div>
      <Form method="get" className="filters" key={searchParams.toString()} role="search" aria-label={t("sessions.filters")}>
        <div className="field">
          <label htmlFor="filter-q">{t("sessions.search")}</label>
          <input id="filter-q" type="search" name="q" defaultValue={filters.q ?? ""} />
        </div>
        <FilterSelect id="filter-format" name="format" label={t("sessions.filter.format")} value={filters.format}
          options={options.formats.map((f) => [f.uuid, name(f)])} />
        <FilterSelect id="filter-theme" name="theme" label={t("sessions.filter.theme")} value={filters.theme}
          options={options.themes.map((f) => [f.uuid, name(f)])} />
        <FilterSelect id="filter-status" name="status" label={t("sessions.filter.status")} value={filters.status}
          options={SESSION_STATUSES.map((s) => [s, t(`status.${s}`)])} />
        <FilterSelect id="filter-scheduled" name="scheduled" label={t("sessions.filter.scheduled")} value={filters.scheduled}
          options={[["yes", t("sessions.filter.scheduledYes")], ["no", t("sessions.filter.scheduledNo")]]} />
        <FilterSelect id="filter-room" name="room" label={t("sessions.filter.room")} value={filters.room}
          options={options.rooms.map((r) => [r.uuid, r.name])} />
        <FilterSelect id="filter-day" name="day" label={t("sessions.filter.day")} value={filters.day}
          options={days.map((d) => [d, formatLocalDate(d, locale)])} />
        {filters.speaker ? <input type="hidden" name="speaker" value={filters.speaker} /> : null}
        <div className="filters-actions">
          <button type="submit" className="button">
            {t("sessions.apply")}
          </button>
          <Link to={pathname} className="button">
            {t("sessions.reset")}
          </Link>
        </div>
      </Form>
      {filters.speaker ? (
        <p className="filter-chips">
          <span className="filter-chip" data-testid="speaker-chip">
            {t("bulk.filter.speaker", { name: speakerName ?? "?" })}{" "}
            <Link to={`?${withoutSpeaker.toString()}`} aria-label={t("bulk.filter.remove", { name: speakerName ?? "?" })}>
              <span aria-hidden="true">×</span>
            </Link>
          </span>
        </p>
      ) : null}
      <SaveStatus />
      {list.items.length > 0 ? (
        <SessionsBulkBar id="sessions-bulk" editionSlug={editionSlug} selection={selection} options={options} canWrite={canWrite}
          answer={answer ?? null} />
      ) : null}
      <p role="status" data-testid="sessions-count">
        {t("sessions.count", { total: list.total })}
      </p>
      {list.items.length === 0 ? (
        <p>{t("sessions.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table sessions-table">
            <thead>
              <tr>
                <TickAllHeader selection={selection} count={list.items.length} />
                <th scope="col">{t("sessions.col.title")}</th>
                <th scope="col">{t("sessions.col.when")}</th>
                <th scope="col">{t("sessions.col.room")}</th>
                <th scope="col">{t("sessions.col.format")}</th>
                <th scope="col">{t("sessions.col.theme")}</th>
                <th scope="col">{t("sessions.col.people")}</th>
                <th scope="col">{t("sessions.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => {
                const title = (locale === "en" ? item.titleEn ?? item.titleFr : item.titleFr ?? item.titleEn) ?? t("sessions.untitled");
                return (
                  <tr key={item.uuid} data-testid="session-row">
                    <td className="bulk-tick-cell">
                      <RowTick selection={selection} form="sessions-bulk" name="session" value={item.uuid} label={t("bulk.selectSession", { title })} />
                    </td>
                    <th scope="row">
                      <Link to={item.uuid}>{title}</Link>
                      {item.isPublic ? null : <span className="session-tag"> {t("sessions.internal")}</span>}
                    </th>
                    <td>{item.day ? `${formatLocalDate(item.day, locale)} ${item.start}–${item.end}` : t("sessions.unscheduled")}</td>
                    <td>{item.room ?? "—"}</td>
                    <td>{item.format ? item.format[locale] : "—"}</td>
                    <td>
                      {item.theme ? (
                        <>
                          <span className="theme-swatch" style={{ background: item.theme.colour }} aria-hidden="true" /> {item.theme[locale]}
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td>{item.people.join(", ") || "—"}</td>
                    <td>{t(`status.${item.status}`)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {list.pageCount > 1 ? (
        <nav className="pagination" aria-label={t("sessions.pagination")}>
          {list.page > 1 ? <Link to={pageLink(list.page - 1)}>{t("sessions.previous")}</Link> : null}
          <span aria-current="page">{t("sessions.page", { page: list.page, count: list.pageCount })}</span>
          {list.page < list.pageCount ? <Link to={pageLink(list.page + 1)}>{t("sessions.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

function FilterSelect(props: { id: string; name: string; label: string; value: string | undefined; options: [string, string][] }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.value ?? ""}>
        <option value="">{t("sessions.any")}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
