import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { askConfirmation } from "~/utils/confirm.server";
import { Form, useActionData, useFetcher, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InvitationsNav } from "~/components/invitations/sub-nav";
import { BulkChoiceForms } from "~/components/invitations/bulk-choice-forms";
import { InvitationsTable } from "~/components/invitations/invitations-table";
import { LinkNotice, SendSummary, type SendResult } from "~/components/invitations/send-summary";
import { getDb } from "~/db/client.server";
import { INVITATION_STATES, isInAudience, type InvitationState } from "~/domain/invitations";
import { localDate, localToEpoch } from "~/domain/time";
import { getEnv } from "~/env.server";
import { useT } from "~/i18n";
import { listInvitations } from "~/models/invitations.server";
import { bulkPreviewSchema, invitationActionSchema, invitationFilterSchema, type BulkPreview } from "~/schemas/invitations";
import { canWrite, requireEdition } from "~/services/access.server";
import { createInvitationLink, revokeInvitation, sendInvitations, type SendKind } from "~/services/invitations.server";
import { speakersOfSessions } from "~/services/sessions-bulk.server";
import { type FlatValues, type FormFailure, formDataToObject, parseIntent, parseValues } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Invitations · Barouf" }];

// A link made by hand is in the action's answer, once: nothing may keep or forward it.
const NO_STORE = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };
export const headers: HeadersFunction = () => NO_STORE;

// Organisers of this edition: every speaker's invitation state, filtered.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const url = new URL(request.url);
  const filter = invitationFilterSchema.parse({ q: url.searchParams.get("q") ?? "", state: url.searchParams.get("state") ?? "" });
  const db = await getDb();
  const all = await listInvitations(db, { editionId: edition.id, now: Date.now() });
  const q = filter.q.toLocaleLowerCase("fr");
  const rows = all.filter(
    (row) =>
      (!filter.state || row.state === filter.state) &&
      (!q || row.publicName.toLocaleLowerCase("fr").includes(q) || (row.email ?? "").toLowerCase().includes(q)),
  );
  const counts = Object.fromEntries(INVITATION_STATES.map((s) => [s, all.filter((r) => r.state === s).length])) as Record<InvitationState, number>;
  // A message to a list: who it would go to, shown before anything is sent.
  let preview: { choice: BulkPreview; speakers: { uuid: string; name: string; state: InvitationState }[] } | null = null;
  let previewFailure: FormFailure | null = null;
  if (url.searchParams.has("bulk")) {
    const values: FlatValues = {};
    for (const key of new Set(url.searchParams.keys())) {
      const given = url.searchParams.getAll(key);
      values[key] = given.length === 1 ? given[0]! : given;
    }
    const parsed = parseValues(values, bulkPreviewSchema);
    if (parsed.ok) {
      const choice = parsed.data;
      const notContactedSince = choice.bulk === "remind" ? localToEpoch(choice.since, "00:00", edition.timeZone) : null;
      // The rows ticked in a list (the speakers of ticked sessions); otherwise, among the speakers
      // the list shows (its search), those the chosen audiences name.
      const ticked = choice.bulk === "selection" ? new Set([...choice.speaker, ...(await speakersOfSessions(db, { editionId: edition.id, sessionUuids: choice.session }))]) : null;
      const speakers = all
        .filter((row) => (ticked ? ticked.has(row.speakerUuid) : !q || row.publicName.toLocaleLowerCase("fr").includes(q) || (row.email ?? "").toLowerCase().includes(q)))
        .filter((row) => choice.bulk === "selection" || isInAudience(row, { audiences: choice.audience, withoutSession: choice.withoutSession, notContactedSince }))
        .map((row) => ({ uuid: row.speakerUuid, name: row.publicName, state: row.state }));
      preview = { choice, speakers };
    } else previewFailure = parsed.failure;
  }
  const weekAgo = localDate(Date.now() - 7 * 24 * 3600 * 1000, edition.timeZone);
  return {
    rows,
    counts,
    filter,
    preview,
    previewFailure,
    weekAgo,
    timeZone: edition.timeZone,
    canWrite: canWrite(organiser),
    smtp: Boolean(getEnv().SMTP_URL),
  };
}

type ActionData =
  | FormFailure
  | { intent: "send"; kind: SendKind; results: SendResult[] }
  | { intent: "link"; url: string; expiresAt: number; speakerName: string }
  | { intent: "revoke"; revoked: boolean };

// Editors and admins: send, resend, make a link by hand, revoke.
export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const parsed = parseIntent(formDataToObject(await request.formData()), invitationActionSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  const input = parsed.data;
  switch (input.intent) {
    case "send": {
      const results = await sendInvitations({ edition, organiser, speakerUuids: input.speaker, reissue: input.reissue, kind: input.kind });
      return data({ intent: "send" as const, kind: input.kind, results }, { headers: NO_STORE });
    }
    case "link": {
      const link = await createInvitationLink({ edition, organiser, speakerUuid: input.speaker });
      if (!link) notFound();
      return data({ intent: "link" as const, ...link }, { headers: NO_STORE });
    }
    case "revoke": {
      const ask = askConfirmation(input, "revoke", input.speaker);
      if (ask) return ask;
      const revoked = await revokeInvitation({ edition, organiser, speakerUuid: input.speaker });
      return data({ intent: "revoke" as const, revoked }, { headers: NO_STORE });
    }
  }
}

const CHUNK = 5;

export default function Invitations() {
  const { rows, counts, filter, preview, previewFailure, weekAgo, timeZone, canWrite, smtp } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const t = useT();
  const navigation = useNavigation();
  const { pathname } = useLocation();
  const busy = navigation.state !== "idle";

  // Sending to a list: a few speakers per request, so the page can show progress.
  const bulk = useFetcher<ActionData>();
  const queue = useRef<string[][]>([]);
  const options = useRef<{ reissue: boolean; kind: SendKind }>({ reissue: false, kind: "invitation" });
  const seen = useRef<unknown>(null);
  const [progress, setProgress] = useState<{ total: number; kind: SendKind; results: SendResult[]; running: boolean } | null>(null);
  const sendNext = () => {
    const next = queue.current.shift();
    if (!next) return false;
    const body = new FormData();
    body.append("intent", "send");
    body.append("kind", options.current.kind);
    if (options.current.reissue) body.append("reissue", "on");
    for (const uuid of next) body.append("speaker", uuid);
    bulk.submit(body, { method: "post", action: pathname });
    return true;
  };
  const startBulk = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const uuids = form.getAll("speaker").map(String);
    const kind: SendKind = form.get("kind") === "reminder" ? "reminder" : "invitation";
    options.current = { reissue: form.get("reissue") === "on", kind };
    queue.current = [];
    for (let i = 0; i < uuids.length; i += CHUNK) queue.current.push(uuids.slice(i, i + CHUNK));
    setProgress({ total: uuids.length, kind, results: [], running: true });
    sendNext();
  };
  useEffect(() => {
    if (bulk.state !== "idle" || !bulk.data || seen.current === bulk.data) return;
    seen.current = bulk.data;
    const results = "results" in bulk.data ? bulk.data.results : [];
    setProgress((p) => (p ? { ...p, results: [...p.results, ...results] } : p));
    if (!sendNext()) setProgress((p) => (p ? { ...p, running: false } : p));
  });

  const sent = progress
    ? { kind: progress.kind, results: progress.results }
    : actionData && "results" in actionData
      ? { kind: actionData.kind, results: actionData.results }
      : null;
  const names = new Map(rows.map((r) => [r.speakerUuid, r.publicName]));
  const previewNames = new Map(preview?.speakers.map((s) => [s.uuid, s.name]) ?? []);
  for (const [uuid, name] of previewNames) names.set(uuid, name);

  return (
    <>
      <InvitationsNav />
      <h1>{t("inv.title")}</h1>
      <p className="lead">{t("inv.lead")}</p>
      {!smtp ? <p className="alert alert-info">{t("inv.noSmtp")}</p> : null}

      {actionData && "url" in actionData ? <LinkNotice link={actionData} timeZone={timeZone} /> : null}
      {actionData && "revoked" in actionData ? (
        <p className="alert alert-info" role="status">
          {t(actionData.revoked ? "inv.revoked" : "inv.nothingToRevoke")}
        </p>
      ) : null}

      {progress ? (
        <div className="send-progress" role="status" aria-live="polite">
          <label htmlFor="send-progress">{t("inv.progress", { done: progress.results.length, total: progress.total })}</label>
          <progress id="send-progress" max={progress.total} value={progress.results.length} />
        </div>
      ) : null}
      {sent && sent.results.length > 0 ? <SendSummary kind={sent.kind} results={sent.results} names={names} /> : null}

      {canWrite && preview && !progress ? (
        <section className="alert alert-warning bulk-preview" aria-labelledby="bulk-preview-title">
          <h2 id="bulk-preview-title" role="status">
            {t(preview.choice.bulk === "remind" ? "inv.preview.titleRemind" : "inv.preview.titleInvite", { count: preview.speakers.length })}
          </h2>
          {!smtp ? <p className="alert alert-error">{t("inv.preview.noSmtp")}</p> : null}
          {preview.speakers.length === 0 ? (
            <p>{t("inv.preview.empty")}</p>
          ) : (
            <Form method="post" action={pathname} onSubmit={startBulk}>
              <ul className="bulk-preview-names">
                {preview.speakers.map((s) => (
                  <li key={s.uuid}>
                    {s.name} <span className="muted">({t(`inv.state.${s.state}`)})</span>
                    <input type="hidden" name="speaker" value={s.uuid} />
                  </li>
                ))}
              </ul>
              <input type="hidden" name="intent" value="send" />
              <input type="hidden" name="kind" value={preview.choice.bulk === "remind" ? "reminder" : "invitation"} />
              <p>{t("inv.preview.keep")}</p>
              <div className="checkbox">
                <input id="bulk-reissue" type="checkbox" name="reissue" aria-describedby="bulk-reissue-help" />
                <label htmlFor="bulk-reissue">{t("inv.preview.reissue")}</label>
                <p id="bulk-reissue-help" className="help">
                  {t("inv.preview.reissueHelp")}
                </p>
              </div>
              <div className="form-actions">
                <button type="submit" className="button button-primary" disabled={busy}>
                  {t(preview.choice.bulk === "remind" ? "inv.preview.confirmRemind" : "inv.preview.confirmInvite", { count: preview.speakers.length })}
                </button>
                <a href={pathname} className="button">
                  {t("inv.preview.back")}
                </a>
              </div>
            </Form>
          )}
        </section>
      ) : null}
      {previewFailure ? (
        <p className="alert alert-error" role="alert">
          {t((Object.values(previewFailure.errors)[0] ?? "inv.noneSelected") as "inv.noneSelected")}
        </p>
      ) : null}

      {canWrite ? <BulkChoiceForms q={filter.q} preview={preview} weekAgo={weekAgo} /> : null}

      <Form method="get" className="filter-bar" role="search" aria-label={t("inv.filter")}>
        <div className="field">
          <label htmlFor="inv-q">{t("inv.search")}</label>
          <input id="inv-q" name="q" type="search" defaultValue={filter.q} />
        </div>
        <div className="field">
          <label htmlFor="inv-state">{t("inv.state")}</label>
          <select id="inv-state" name="state" defaultValue={filter.state}>
            <option value="">{t("inv.allStates")}</option>
            {INVITATION_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`inv.state.${s}`)} ({counts[s]})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("inv.applyFilter")}
        </button>
      </Form>

      <InvitationsTable rows={rows} timeZone={timeZone} canWrite={canWrite} busy={busy} />
      {rows.length === 0 ? <p>{t("inv.empty")}</p> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
