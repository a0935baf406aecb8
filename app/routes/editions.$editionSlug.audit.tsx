import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useErrorText } from "~/components/forms/field";
import { AuditEntryRow, useAuditText, useHistoryText } from "~/components/history";
import { getDb } from "~/db/client.server";
import { localDateRange } from "~/domain/audit-display";
import { useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { listAuditEntries, listAuditFacets, type AuditEntryView } from "~/models/audit-log.server";
import { resolveHistoryNames } from "~/models/history-names.server";
import { requireEdition } from "~/services/access.server";
import { parseAuditFilters } from "~/schemas/audit";

export const meta: MetaFunction = () => [{ title: "Journal · Barouf" }];

// Organisers of this edition (viewers included): the edition's audit log, filtered from the URL.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEdition(request, params, "read");
  const { filters, errors, values } = parseAuditFilters(new URL(request.url).searchParams);
  const db = await getDb();
  const [log, facets] = await Promise.all([
    listAuditEntries(db, {
      editionId: edition.id,
      filters: { entity: filters.entity, author: filters.author, ...localDateRange(filters, edition.timeZone) },
      page: filters.page ?? 1,
    }),
    listAuditFacets(db, { editionId: edition.id }),
  ]);
  const entries = log.entries.flatMap((entry) => [entry, ...entry.items]);
  const names = await resolveHistoryNames(db, { editionId: edition.id, entries, locale: await getLocale(request) });
  return { edition: { slug: edition.slug, timeZone: edition.timeZone }, log, names, facets, errors, values };
}

/** Where an entry's entity lives in the back office, when it has a page. */
function entityHref(slug: string, entry: Pick<AuditEntryView, "entity" | "entityUuid">): string | null {
  if (!entry.entityUuid) return null;
  if (entry.entity === "speaker") return `/editions/${slug}/speakers/${entry.entityUuid}`;
  if (entry.entity === "session") return `/editions/${slug}/sessions/${entry.entityUuid}`;
  return null;
}

export default function AuditPage() {
  const { edition, log, names, facets, errors, values } = useLoaderData<typeof loader>();
  const t = useT();
  const text = useAuditText();
  const history = useHistoryText(edition.timeZone, names);
  const errorText = useErrorText();
  const ids = { entity: useId(), author: useId(), from: useId(), to: useId() };
  const firstError = Object.keys(errors)[0];
  const pageHref = (page: number) => {
    const query = new URLSearchParams(Object.entries(values).filter(([key]) => key !== "page" && !(key in errors)));
    query.set("page", String(page));
    return `?${query.toString()}`;
  };
  const fieldError = (name: string, id: string) =>
    errors[name] ? (
      <p className="field-error" id={`${id}-error`}>
        {errorText(errors[name])}
      </p>
    ) : null;
  const invalidProps = (name: string, id: string) =>
    errors[name] ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {};
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.lead", { zone: edition.timeZone })}</p>
      <Form method="get" className="audit-filters" aria-label={t("audit.filters")}>
        <div className="field">
          <label htmlFor={ids.entity}>{t("audit.filter.entity")}</label>
          <select id={ids.entity} name="entity" defaultValue={errors.entity ? "" : (values.entity ?? "")} {...invalidProps("entity", ids.entity)}>
            <option value="">{t("audit.filter.any")}</option>
            {facets.entities.map((entity) => (
              <option key={entity} value={entity}>
                {text.entity(entity)}
              </option>
            ))}
          </select>
          {fieldError("entity", ids.entity)}
        </div>
        <div className="field">
          <label htmlFor={ids.author}>{t("audit.filter.author")}</label>
          <select id={ids.author} name="author" defaultValue={errors.author ? "" : (values.author ?? "")} {...invalidProps("author", ids.author)}>
            <option value="">{t("audit.filter.any")}</option>
            {facets.authors.map((author) => (
              <option key={author.uuid} value={author.uuid}>
                {text.author({ actorType: author.kind, authorName: author.name })}
              </option>
            ))}
            {facets.hasSystem ? <option value="system">{t("audit.author.system")}</option> : null}
          </select>
          {fieldError("author", ids.author)}
        </div>
        <div className="field">
          <label htmlFor={ids.from}>{t("audit.filter.from")}</label>
          <input id={ids.from} type="date" name="from" defaultValue={values.from ?? ""} autoFocus={firstError === "from"} {...invalidProps("from", ids.from)} />
          {fieldError("from", ids.from)}
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t("audit.filter.to")}</label>
          <input id={ids.to} type="date" name="to" defaultValue={values.to ?? ""} autoFocus={firstError === "to"} {...invalidProps("to", ids.to)} />
          {fieldError("to", ids.to)}
        </div>
        <div className="audit-filter-actions">
          <button type="submit" className="button button-primary">
            {t("audit.filter.apply")}
          </button>
          <Link to="?" className="button">
            {t("audit.filter.reset")}
          </Link>
        </div>
      </Form>
      <p role="status" data-testid="audit-count">
        {t("audit.count", { total: log.total, page: log.page, pageCount: log.pageCount })}
      </p>
      {log.entries.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <table className="table audit-table">
          <thead>
            <tr>
              <th scope="col">{t("audit.col.when")}</th>
              <th scope="col">{t("audit.col.who")}</th>
              <th scope="col">{t("audit.col.entity")}</th>
              <th scope="col">{t("audit.col.action")}</th>
              <th scope="col">{t("audit.col.changes")}</th>
            </tr>
          </thead>
          <tbody>
            {log.entries.map((entry) => (
              <AuditEntryRow key={entry.id} entry={entry} text={history} href={entityHref(edition.slug, entry)} />
            ))}
          </tbody>
        </table>
      )}
      {log.pageCount > 1 ? (
        <nav className="pager" aria-label={t("audit.pager")}>
          {log.page > 1 ? (
            <Link to={pageHref(log.page - 1)} rel="prev">
              {t("audit.previous")}
            </Link>
          ) : null}
          <span aria-current="page">{t("audit.count", { total: log.total, page: log.page, pageCount: log.pageCount })}</span>
          {log.page < log.pageCount ? (
            <Link to={pageHref(log.page + 1)} rel="next">
              {t("audit.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
