import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LevelBadge } from "~/components/level-badge";
import { getDb } from "~/db/client.server";
import { formatLocalDate } from "~/domain/format";
import { localDate } from "~/domain/time";
import { useLocale, useT } from "~/i18n";
import { getDashboardFigures } from "~/models/editions.server";
import { disabledEndpoints } from "~/models/webhooks.server";
import { LEVEL_FILTERS } from "~/schemas/conflicts";
import { requireEdition } from "~/services/access.server";
import { checkEdition, countByLevel } from "~/services/conflicts.server";
import { editionRetention } from "~/services/retention.server";
import { listErasureRequests } from "~/services/erasure.server";
import { ErasureRequests } from "~/components/speakers/erasure-requests";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.edition.title ?? ""} · Barouf` }];

// Organisers of this edition: its real figures.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEdition(request, params);
  const db = await getDb();
  const [figures, { conflicts }, disabledWebhooks, retention, erasureRequests] = await Promise.all([
    getDashboardFigures(db, { editionId: edition.id }),
    checkEdition(db, { editionId: edition.id }),
    disabledEndpoints(db, { editionId: edition.id }),
    editionRetention(db, { editionId: edition.id, now: Date.now() }),
    listErasureRequests(db, { editionId: edition.id }),
  ]);
  return {
    edition: {
      title: edition.title,
      startDate: edition.startDate,
      endDate: edition.endDate,
      venue: edition.venue,
      timeZone: edition.timeZone,
    },
    figures,
    conflicts: countByLevel(conflicts),
    disabledWebhooks: disabledWebhooks.length,
    slug: edition.slug,
    erasureRequests: erasureRequests.map((r) => ({ uuid: r.uuid, publicName: r.publicName })),
    retention: { months: retention.retentionMonths, dueAt: retention.dueAt, due: retention.due, purgedAt: retention.purgedAt, pending: retention.pending },
  };
}

export default function Dashboard() {
  const { edition, figures, conflicts, disabledWebhooks, slug, retention, erasureRequests } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const statuses = ["draft", "accepted", "scheduled", "cancelled"] as const;
  return (
    <>
      <h1>{edition.title}</h1>
      <p className="lead">
        {t("dashboard.dates", {
          start: formatLocalDate(edition.startDate, locale),
          end: formatLocalDate(edition.endDate, locale),
          venue: edition.venue,
          zone: edition.timeZone,
        })}
      </p>
      {disabledWebhooks > 0 ? (
        <p className="alert alert-warning" data-testid="webhooks-disabled-notice">
          {t("webhooks.disabledNotice", { count: disabledWebhooks })} <Link to={`/editions/${slug}/webhooks`}>{t("webhooks.seeWebhooks")}</Link>
        </p>
      ) : null}
      {figures.hasSampleData ? <p className="alert alert-info">{t("dashboard.sample")}</p> : null}
      <section aria-labelledby="figures-title">
        <h2 id="figures-title" className="visually-hidden">
          {t("dashboard.title")}
        </h2>
        <dl className="figures">
          <Figure label={t("dashboard.speakers")} value={figures.speakers} testId="figure-speakers" />
          <Figure label={t("dashboard.sessions")} value={figures.sessions} testId="figure-sessions" />
          <Figure label={t("dashboard.scheduled")} value={figures.scheduled} testId="figure-scheduled" />
          <Figure label={t("dashboard.unscheduled")} value={figures.unscheduled} testId="figure-unscheduled" />
          <Figure label={t("dashboard.rooms")} value={figures.rooms} testId="figure-rooms" />
        </dl>
      </section>
      <section aria-labelledby="conflicts-title">
        <h2 id="conflicts-title">{t("conflicts.dashboard")}</h2>
        <ul className="dashboard-conflicts">
          {LEVEL_FILTERS.map((level) => (
            <li key={level}>
              <Link to={`conflicts?level=${level}`} aria-describedby={`conflicts-${level}-figures`}>
                <LevelBadge level={level} />
              </Link>
              <span id={`conflicts-${level}-figures`}>
                <span data-testid={`conflicts-${level}-open`}>{t("conflicts.dashboardOpen", { count: conflicts[level].open })}</span>
                {conflicts[level].acknowledged > 0 ? (
                  <>
                    {" · "}
                    <span data-testid={`conflicts-${level}-acknowledged`}>
                      {t("conflicts.dashboardAcknowledged", { count: conflicts[level].acknowledged })}
                    </span>
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
        <p>
          <Link to="conflicts">{t("conflicts.dashboardLink")}</Link>
        </p>
      </section>
      <section aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t("dashboard.privacy")}</h2>
        <p data-testid="privacy-retention">
          {(() => {
            const p = retention.pending;
            const counts = { speakers: p.speakers, invitations: p.invitations, emails: p.emails, audit: p.auditEntries };
            const date = formatLocalDate(localDate(retention.dueAt, edition.timeZone), locale);
            const nothingLeft = Object.values(counts).every((n) => n === 0);
            if (retention.purgedAt !== null && nothingLeft) {
              return t("dashboard.privacyPurged", { purged: formatLocalDate(localDate(retention.purgedAt, edition.timeZone), locale), months: retention.months });
            }
            return t(retention.due ? "dashboard.privacyOverdue" : "dashboard.privacyDue", { ...counts, date, months: retention.months });
          })()}
        </p>
        <ErasureRequests slug={slug} requests={erasureRequests} />
      </section>
      <section aria-labelledby="status-title">
        <h2 id="status-title">{t("dashboard.byStatus")}</h2>
        <table className="table">
          <tbody>
            {statuses.map((status) => (
              <tr key={status}>
                <th scope="row">{t(`status.${status}`)}</th>
                <td data-testid={`status-${status}`}>{figures.byStatus[status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
