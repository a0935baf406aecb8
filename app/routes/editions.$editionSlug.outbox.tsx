import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InvitationsNav } from "~/components/invitations/sub-nav";
import { When } from "~/components/invitations/when";
import { getDb } from "~/db/client.server";
import { getEnv } from "~/env.server";
import { translate } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n";
import { listOutbox, OUTBOX_PAGE, requeueOutbox } from "~/models/invitations.server";
import { outboxActionSchema, outboxFilterSchema } from "~/schemas/invitations";
import { canWrite, requireEdition } from "~/services/access.server";
import { hideLinkPlaceholders } from "~/services/invitation-links.server";
import { deliverQueued } from "~/services/outbox.server";
import { type FormFailure, parseForm } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Messages · Barouf" }];

const STATES = ["queued", "sent", "failed", "stored"] as const;

// Organisers of this edition: every message sent or kept, with its delivery state.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const url = new URL(request.url);
  const filter = outboxFilterSchema.parse({ state: url.searchParams.get("state") ?? "", page: url.searchParams.get("page") ?? 0 });
  const { rows, counts } = await listOutbox(await getDb(), { editionId: edition.id, state: filter.state || undefined, page: filter.page });
  const hidden = translate(await getLocale(request), "outbox.personalLink");
  return {
    rows: rows.map((row) => ({ ...row, text: hideLinkPlaceholders(row.text, hidden) })),
    counts,
    filter,
    hasMore: rows.length === OUTBOX_PAGE,
    timeZone: edition.timeZone,
    smtp: Boolean(getEnv().SMTP_URL),
    canWrite: canWrite(organiser),
  };
}

// Editors and admins: send the kept and failed messages again (once SMTP is configured).
export async function action({ request, params }: ActionFunctionArgs) {
  const { edition } = await requireEdition(request, params, "write");
  const parsed = await parseForm(request, outboxActionSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  const ids = await requeueOutbox(await getDb(), { editionId: edition.id, states: ["failed", "stored"] });
  const report = await deliverQueued({ ids });
  return data({ report });
}

export default function Outbox() {
  const { rows, counts, filter, hasMore, timeZone, smtp, canWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ report: { sent: number; stored: number; failed: number } } | FormFailure>();
  const t = useT();
  const navigation = useNavigation();
  const pending = counts.failed + counts.stored;
  return (
    <>
      <InvitationsNav />
      <h1>{t("outbox.title")}</h1>
      <p className="lead">{t(smtp ? "outbox.leadSmtp" : "outbox.leadNoSmtp")}</p>
      {actionData && "report" in actionData ? (
        <p className="alert alert-info" role="status">
          {t("outbox.report", actionData.report)}
        </p>
      ) : null}
      <nav aria-label={t("outbox.filter")} className="state-tabs">
        <ul>
          <li>
            <Link to="?" aria-current={filter.state === "" ? "page" : undefined}>
              {t("outbox.all")} ({counts.queued + counts.sent + counts.failed + counts.stored})
            </Link>
          </li>
          {STATES.map((state) => (
            <li key={state}>
              <Link to={`?state=${state}`} aria-current={filter.state === state ? "page" : undefined}>
                {t(`outbox.state.${state}`)} ({counts[state]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {canWrite && pending > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="resend" />
          <button type="submit" className="button button-primary" disabled={!smtp || navigation.state !== "idle"}>
            {t("outbox.resend", { count: pending })}
          </button>
          {!smtp ? <p className="field-hint">{t("outbox.resendNeedsSmtp")}</p> : null}
        </Form>
      ) : null}
      {rows.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <table className="table outbox-table">
          <caption className="visually-hidden">{t("outbox.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("outbox.created")}</th>
              <th scope="col">{t("outbox.to")}</th>
              <th scope="col">{t("outbox.subject")}</th>
              <th scope="col">{t("outbox.stateLabel")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.uuid} data-email={row.uuid}>
                <td>
                  <When at={row.createdAt} timeZone={timeZone} />
                </td>
                <td>
                  {row.speakerName ?? ""}
                  <span className="muted-line">{row.to}</span>
                </td>
                <td>
                  <details>
                    <summary>{row.subject}</summary>
                    <pre className="email-text">{row.text}</pre>
                  </details>
                </td>
                <td>
                  <span className={`badge badge-email-${row.state}`}>{t(`outbox.state.${row.state}`)}</span>
                  {row.sentAt ? (
                    <span className="muted-line">
                      <When at={row.sentAt} timeZone={timeZone} />
                    </span>
                  ) : null}
                  {row.attempts > 0 ? <span className="muted-line">{t("outbox.attempts", { count: row.attempts })}</span> : null}
                  {row.lastError ? <span className="muted-line error-text">{row.lastError}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label={t("outbox.pages")}>
        {filter.page > 0 ? <Link to={`?state=${filter.state}&page=${filter.page - 1}`}>{t("outbox.newer")}</Link> : null}
        {hasMore ? <Link to={`?state=${filter.state}&page=${filter.page + 1}`}>{t("outbox.older")}</Link> : null}
      </nav>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
