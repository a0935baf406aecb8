import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { CsvExportForm } from "~/components/csv-export";
import { SpeakersBulkBar } from "~/components/bulk/bulk-bars";
import { RowTick, TickAllHeader, useSelection } from "~/components/bulk/selection";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db/client.server";
import { useLocale, useT } from "~/i18n";
import { listSpeakerFilterOptions, listSpeakers } from "~/models/speakers.server";
import { CONFIRMATIONS } from "~/domain/vocabulary";
import { parseSpeakerListQuery, PER_PAGE, SPEAKER_SORTS, type SpeakerListQuery, type SpeakerSort } from "~/schemas/speakers";
import { canWrite, requireEdition } from "~/services/access.server";
import { SaveStatus } from "~/components/save-status";

export const meta: MetaFunction = () => [{ title: "Intervenant·es · Barouf" }];

// Organisers of this edition (viewers included): search, filters, sort and page come from the URL.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const query = parseSpeakerListQuery(new URL(request.url).searchParams);
  const db = await getDb();
  const [{ rows, total }, options] = await Promise.all([
    listSpeakers(db, { editionId: edition.id, query }),
    listSpeakerFilterOptions(db, { editionId: edition.id }),
  ]);
  return { query, rows, total, options, canEdit: canWrite(organiser), editionSlug: edition.slug };
}

export default function SpeakersList() {
  const { query, rows, total, options, canEdit, editionSlug } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / query.perPage));
  const selection = useSelection(rows.map((row) => row.uuid), []);
  const base = `/editions/${editionSlug}/speakers`;
  const hrefWith = (changes: Partial<Record<keyof SpeakerListQuery, string | number | undefined>>) => {
    const params = new URLSearchParams(location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === "") params.delete(key);
      else params.set(key, String(value));
    }
    const search = params.toString();
    return search ? `?${search}` : ".";
  };
  const sortHeader = (sort: SpeakerSort, label: string) => {
    const active = query.sort === sort;
    const nextDir = active && query.dir === "asc" ? "desc" : "asc";
    return (
      <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link to={hrefWith({ sort, dir: nextDir, page: undefined })}>
          {label}
          {active ? <span aria-hidden="true">{query.dir === "asc" ? " ▲" : " ▼"}</span> : null}
        </Link>
      </th>
    );
  };
  return (
    <>
      <div className="page-heading">
        <h1>{t("speakers.title")}</h1>
        {canEdit ? (
          <Link to={`${base}/new`} className="button button-primary">
            {t("speakers.new")}
          </Link>
        ) : null}
        <CsvExportForm editionSlug={editionSlug} kind="speakers" />
      </div>
      <SaveStatus />
      <Form method="get" className="list-filters" role="search" aria-label={t("speakers.filters")}>
        <div className="field">
          <label htmlFor="speakers-q">{t("speakers.searchLabel")}</label>
          <input id="speakers-q" type="search" name="q" defaultValue={query.q} key={query.q} />
        </div>
        <Select id="speakers-organisation" name="organisation" label={t("speakers.filter.organisation")} value={query.organisation}>
          <option value="">{t("speakers.filter.any")}</option>
          <option value="none">{t("speakers.filter.none")}</option>
          {options.organisations.map((organisation) => (
            <option key={organisation.uuid} value={organisation.uuid}>
              {organisation.name}
            </option>
          ))}
        </Select>
        <Select id="speakers-confirmation" name="confirmation" label={t("speakers.filter.confirmation")} value={query.confirmation ?? ""}>
          <option value="">{t("speakers.filter.any")}</option>
          {CONFIRMATIONS.map((state) => (
            <option key={state} value={state}>
              {t("speakers.filter.hasConfirmation", { state: t(`speakers.confirmation.${state}`) })}
            </option>
          ))}
          <option value="none">{t("speakers.filter.noSession")}</option>
        </Select>
        <Select id="speakers-theme" name="theme" label={t("speakers.filter.theme")} value={query.theme}>
          <option value="">{t("speakers.filter.any")}</option>
          {options.themes.map((theme) => (
            <option key={theme.uuid} value={theme.uuid}>
              {locale === "en" ? theme.nameEn : theme.nameFr}
            </option>
          ))}
        </Select>
        <Select id="speakers-bio" name="bio" label={t("speakers.filter.bio")} value={query.bio ?? ""}>
          <option value="">{t("speakers.filter.any")}</option>
          <option value="yes">{t("speakers.filter.has")}</option>
          <option value="no">{t("speakers.filter.hasNot")}</option>
        </Select>
        <Select id="speakers-photo" name="photo" label={t("speakers.filter.photo")} value={query.photo ?? ""}>
          <option value="">{t("speakers.filter.any")}</option>
          <option value="yes">{t("speakers.filter.has")}</option>
          <option value="no">{t("speakers.filter.hasNot")}</option>
        </Select>
        <Select id="speakers-sort" name="sort" label={t("speakers.sort")} value={query.sort}>
          {SPEAKER_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`speakers.sort.${sort}`)}
            </option>
          ))}
        </Select>
        <Select id="speakers-dir" name="dir" label={t("speakers.dir")} value={query.dir}>
          <option value="asc">{t("speakers.dir.asc")}</option>
          <option value="desc">{t("speakers.dir.desc")}</option>
        </Select>
        <Select id="speakers-per-page" name="perPage" label={t("speakers.perPage")} value={String(query.perPage)}>
          {PER_PAGE.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
        <div className="list-filters-actions">
          <button type="submit" className="button button-primary">
            {t("speakers.apply")}
          </button>
          <Link to={base} className="button">
            {t("speakers.reset")}
          </Link>
        </div>
      </Form>

      {rows.length > 0 ? <SpeakersBulkBar id="speakers-bulk" editionSlug={editionSlug} selection={selection} canWrite={canEdit} /> : null}
      <p role="status" data-testid="speakers-total">
        {total === 1 ? t("speakers.resultsOne") : t("speakers.results", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p>{t("speakers.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table speakers-table">
            <caption className="visually-hidden">{t("speakers.title")}</caption>
            <thead>
              <tr>
                <TickAllHeader selection={selection} count={rows.length} />
                {sortHeader("name", t("speakers.col.name"))}
                {sortHeader("organisation", t("speakers.col.organisation"))}
                <th scope="col">{t("speakers.col.email")}</th>
                {sortHeader("sessions", t("speakers.col.sessions"))}
                <th scope="col">{t("speakers.col.confirmations")}</th>
                <th scope="col">{t("speakers.col.profile")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.uuid} data-testid="speaker-row">
                  <td className="bulk-tick-cell">
                    <RowTick selection={selection} form="speakers-bulk" name="speaker" value={row.uuid} label={t("bulk.selectSpeaker", { name: row.publicName })} />
                  </td>
                  <th scope="row">
                    <Link to={`${base}/${row.uuid}`}>{row.publicName}</Link>
                    {row.jobTitle ? <span className="muted-line">{row.jobTitle}</span> : null}
                    {row.isSample ? <span className="tag">{t("speakers.sample")}</span> : null}
                  </th>
                  <td>{row.organisation ?? "—"}</td>
                  <td>{row.email ?? "—"}</td>
                  <td>
                    {row.sessions > 0 ? (
                      <Link to={`/editions/${editionSlug}/sessions?speaker=${row.uuid}`} title={t("bulk.speakerSessions")} data-testid="speaker-sessions-link">
                        {row.sessions}
                        <span className="visually-hidden"> — {t("bulk.speakerSessionsOf", { name: row.publicName })}</span>
                      </Link>
                    ) : (
                      row.sessions
                    )}
                  </td>
                  <td>
                    {CONFIRMATIONS.filter((state) => row.confirmations[state] > 0).map((state) => (
                      <span key={state} className={`tag tag-${state}`}>
                        {t(`speakers.confirmation.${state}`)} : {row.confirmations[state]}
                      </span>
                    ))}
                  </td>
                  <td>
                    {row.hasBio && row.hasPhoto ? t("speakers.complete") : null}
                    {!row.hasBio ? <span className="tag tag-missing">{t("speakers.noBio")}</span> : null}
                    {!row.hasPhoto ? <span className="tag tag-missing">{t("speakers.noPhoto")}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("speakers.pagination")}>
          {query.page > 1 ? (
            <Link to={hrefWith({ page: Math.min(query.page - 1, pages) })} rel="prev">
              {t("speakers.previous")}
            </Link>
          ) : null}
          <span aria-current="page">{t("speakers.pageOf", { page: query.page, pages })}</span>
          {query.page < pages ? (
            <Link to={hrefWith({ page: query.page + 1 })} rel="next">
              {t("speakers.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

function Select(props: { id: string; name: string; label: string; value: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.value} key={props.value}>
        {props.children}
      </select>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
