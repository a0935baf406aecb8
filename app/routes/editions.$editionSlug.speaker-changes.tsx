import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InvitationsNav } from "~/components/invitations/sub-nav";
import { SpeakerChangeList } from "~/components/invitations/speaker-changes";
import type { SpeakerChange } from "~/domain/audit-display";
import { getDb } from "~/db/client.server";
import { useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { resolveHistoryNames } from "~/models/history-names.server";
import { listSpeakerChanges, markSpeakerChangesSeen } from "~/models/speaker-changes.server";
import { speakerChangesActionSchema } from "~/schemas/invitations";
import { canWrite, requireEdition } from "~/services/access.server";
import { invalid } from "~/utils/forms.server";
import { safeRedirect } from "~/utils/redirect";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Modifications des intervenant·es · Barouf" }];

// Organisers of this edition: what speakers changed since this organiser last looked.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const db = await getDb();
  const changes = await listSpeakerChanges(db, { editionId: edition.id, organiserId: organiser.id });
  const names = await resolveHistoryNames(db, { editionId: edition.id, entries: changes.map((c) => ({ ...c, entityUuid: null })), locale: await getLocale(request) });
  const bySpeaker = new Map<string, { speakerUuid: string; speakerName: string; changes: SpeakerChange[] }>();
  for (const change of changes) {
    const group = bySpeaker.get(change.speakerUuid) ?? { speakerUuid: change.speakerUuid, speakerName: change.speakerName, changes: [] };
    group.changes.push(change);
    bySpeaker.set(change.speakerUuid, group);
  }
  return { groups: [...bySpeaker.values()], names, timeZone: edition.timeZone, slug: edition.slug, canWrite: canWrite(organiser) };
}

// Editors and admins: mark one speaker's changes, or all, as seen.
export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const parsed = await parseForm(request, speakerChangesActionSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  const input = parsed.data;
  const marked = await markSpeakerChangesSeen(await getDb(), {
    editionId: edition.id,
    organiserId: organiser.id,
    speakerUuid: input.intent === "seen" ? input.speaker : undefined,
    now: Date.now(),
  });
  if (marked === 0) notFound();
  // From a speaker's page: back there (same-origin paths only).
  if (input.intent === "seen" && input.redirectTo) throw redirect(safeRedirect(input.redirectTo));
  return data({ marked });
}

export default function SpeakerChanges() {
  const { groups, names, timeZone, slug, canWrite } = useLoaderData<typeof loader>();
  const t = useT();
  const navigation = useNavigation();
  return (
    <>
      <InvitationsNav />
      <h1>{t("changes.title")}</h1>
      <p className="lead">{t("changes.lead")}</p>
      {groups.length === 0 ? (
        <p className="alert alert-info">{t("changes.none")}</p>
      ) : (
        <>
          {canWrite ? (
            <Form method="post">
              <input type="hidden" name="intent" value="seen-all" />
              <button type="submit" className="button" disabled={navigation.state !== "idle"}>
                {t("changes.seenAll")}
              </button>
            </Form>
          ) : null}
          {groups.map((group) => (
            <section key={group.speakerUuid} className="change-group" aria-labelledby={`changes-${group.speakerUuid}`}>
              <h2 id={`changes-${group.speakerUuid}`}>
                <a href={`/editions/${slug}/speakers/${group.speakerUuid}`}>{group.speakerName}</a>{" "}
                <span className="muted">({t("changes.count", { count: group.changes.length })})</span>
              </h2>
              <SpeakerChangeList changes={group.changes} timeZone={timeZone} names={names} />
              {canWrite ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="seen" />
                  <input type="hidden" name="speaker" value={group.speakerUuid} />
                  <button type="submit" className="button button-small" disabled={navigation.state !== "idle"}>
                    {t("changes.seen")}
                    <span className="visually-hidden"> — {group.speakerName}</span>
                  </button>
                </Form>
              ) : null}
            </section>
          ))}
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
