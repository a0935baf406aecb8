import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { ConfirmForm } from "~/components/forms/confirm-form";
import { askConfirmation } from "~/utils/confirm.server";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SpeakerForm } from "~/components/speakers/speaker-form";
import { History } from "~/components/history";
import { SpeakerChangesPanel } from "~/components/invitations/speaker-changes";
import { SpeakerSessions } from "~/components/speakers/speaker-sessions";
import { SpeakerPhoto } from "~/components/speakers/speaker-photo";
import { speakerPhotoState } from "~/models/speaker-photos.server";
import { photoProblemOf } from "~/domain/images";
import { SpeakerDataRights } from "~/components/speakers/speaker-data-rights";
import { eraseSpeakerData } from "~/services/erasure.server";
import { localDate } from "~/domain/time";
import { StaleNotice } from "~/components/stale-notice";
import { getDb } from "~/db/client.server";
import { useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { organiserActor } from "~/models/audit.server";
import { listSpeakerChanges } from "~/models/speaker-changes.server";
import { compactDatabase } from "~/models/personal-data.server";
import { getSpeakerPage, type SpeakerState } from "~/models/speakers.server";
import { deleteSpeaker, setSessionConfirmation, updateSpeaker } from "~/models/speaker-writes.server";
import { StaleVersionError } from "~/models/versioning.server";
import { retypedFormValues, speakerPageActionSchema } from "~/schemas/speakers";
import { SENSITIVE_SPEAKER_COLUMNS } from "~/domain/personal-data";
import { canWrite, may, requireEdition } from "~/services/access.server";
import { availabilityDays, localStamp, speakerFormValues, staleSpeakerSave } from "~/services/speakers.server";
import { type FormFailure, formDataToObject, parseIntent } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { isStaleSave, type StaleSave } from "~/utils/stale";
import { notFound } from "~/utils/http.server";
import { withDone } from "~/utils/done";
import { SaveStatus } from "~/components/save-status";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.speaker.publicName ?? ""} · Barouf` }];

// Organisers of this edition (viewers read only); a speaker of another edition is not found.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const page = (await getSpeakerPage(await getDb(), { editionId: edition.id, speakerUuid: params.speakerId ?? "" })) ?? notFound();
  // Sensitive data (accessibility needs, the data map) is for editors and admins, not viewers.
  const seesSensitive = may(organiser, "write");
  const values = seesSensitive ? speakerFormValues(page.speaker, edition.timeZone) : withoutSensitive(speakerFormValues(page.speaker, edition.timeZone));
  const speakerChanges = await listSpeakerChanges(await getDb(), { editionId: edition.id, organiserId: organiser.id, speakerUuid: page.speaker.uuid });
  const photo = (await speakerPhotoState(await getDb(), { editionId: edition.id, speakerUuid: page.speaker.uuid })) ?? notFound();
  return {
    speakerChanges,
    edition: { slug: edition.slug, timeZone: edition.timeZone },
    speaker: {
      uuid: page.speaker.uuid,
      publicName: page.speaker.publicName,
      version: page.speaker.version,
      isSample: page.speaker.isSample,
      erasureRequestedOn: page.speaker.erasureRequestedAt === null ? null : localDate(page.speaker.erasureRequestedAt, edition.timeZone),
      consentsUpdatedAt: page.speaker.consentsUpdatedAt === null ? null : localStamp(page.speaker.consentsUpdatedAt, edition.timeZone),
    },
    values,
    photo,
    photoProblem: photoProblemOf(new URL(request.url).searchParams.get("photoProblem")),
    days: availabilityDays(edition, values.availability),
    organisationNames: page.organisationNames,
    sessions: page.sessions.map((session) => ({
      ...session,
      startsAt: session.startsAt === null ? null : localStamp(session.startsAt, edition.timeZone),
      endsAt: session.endsAt === null ? null : localStamp(session.endsAt, edition.timeZone),
    })),
    history: page.history,
    canEdit: canWrite(organiser),
    seesSensitive,
  };
}

function withoutSensitive<T extends object>(values: T): T {
  return { ...values, ...Object.fromEntries(SENSITIVE_SPEAKER_COLUMNS.map((column) => [column, ""])) };
}

type ActionAnswer =
  | FormFailure
  | StaleSave
  | { ok: false; intent: "confirmation"; session: string; stale: false; current: string }
  | { ok: false; intent: "delete"; reason: "hasSessions" | "stale"; sessions?: number };

// Editors and admins: save the form, set one session's confirmation, or delete the speaker.
export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const speakerUuid = params.speakerId ?? "";
  const values = formDataToObject(await request.formData());
  const db = await getDb();
  const actor = organiserActor(organiser);
  const here = `/editions/${edition.slug}/speakers/${speakerUuid}`;

  const parsed = parseIntent(values, speakerPageActionSchema(edition.timeZone));
  if (!parsed.ok) return invalid(parsed.failure);
  const input = parsed.data;

  if (input.intent === "confirmation") {
    const result = await setSessionConfirmation(db, {
      editionId: edition.id,
      speakerUuid,
      sessionUuid: input.session,
      confirmation: input.confirmation,
      version: input.version,
      actor,
    });
    if (!result) notFound();
    if (!result.ok) {
      return data({ ok: false, intent: "confirmation", session: input.session, stale: false, current: result.current } as const, { status: 409 });
    }
    throw redirect(`${here}?confirmed=${encodeURIComponent(input.session)}#sessions`);
  }

  if (input.intent === "delete") {
    const ask = askConfirmation(values, "delete");
    if (ask) return ask;
    const result = (await deleteSpeaker(db, { editionId: edition.id, timeZone: edition.timeZone, speakerUuid, version: input.version, actor })) ?? notFound();
    if (!result.ok) {
      return data(
        { ok: false, intent: "delete", reason: result.reason, sessions: result.reason === "hasSessions" ? result.sessions : undefined } as const,
        { status: 409 },
      );
    }
    await compactDatabase(db);
    throw redirect(withDone(`/editions/${edition.slug}/speakers`, "speakers.deleted"));
  }

  if (input.intent === "erase") {
    const ask = askConfirmation(values, "erase");
    if (ask) return ask;
    (await eraseSpeakerData(db, { editionId: edition.id, speakerUuid, actor, now: Date.now() })) ?? notFound();
    throw redirect(`${here}?erased=1#speaker-rights`);
  }

  const { intent: _intent, ...speaker } = input;
  try {
    const result = await updateSpeaker(db, {
      editionId: edition.id,
      timeZone: edition.timeZone,
      speakerUuid,
      version: speaker.version,
      actor,
      input: speaker,
    });
    if (!result) notFound();
    if (!result.ok) return invalid({ ok: false, errors: result.errors, values });
    throw redirect(withDone(here, result.changed ? "speakers.saved" : "speakers.unchanged"));
  } catch (error) {
    if (!(error instanceof StaleVersionError)) throw error;
    return staleSpeakerSave(db, {
      current: error.current as SpeakerState,
      readVersion: speaker.version,
      submitted: values,
      timeZone: edition.timeZone,
      locale: await getLocale(request),
    });
  }
}

export default function SpeakerPage() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<ActionAnswer>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const stale = isStaleSave(answer) ? answer : undefined;
  const failure = answer && "values" in answer && !stale ? answer : undefined;
  const typed = stale ?? failure;
  const deleteAnswer = answer && "intent" in answer && answer.intent === "delete" ? answer : undefined;
  const confirmationAnswer = answer && "intent" in answer && answer.intent === "confirmation" ? answer : undefined;
  const { speaker } = loaded;
  return (
    <>
      <p>
        <Link to={`/editions/${loaded.edition.slug}/speakers`}>{t("speakers.backToList")}</Link>
      </p>
      <h1>
        {speaker.publicName}
        {speaker.isSample ? <span className="tag">{t("speakers.sample")}</span> : null}
      </h1>
      <p>
        <Link to={`/editions/${loaded.edition.slug}/sessions?speaker=${speaker.uuid}`} data-testid="speaker-sessions-link">{t("bulk.speakerSessions")}</Link>
      </p>
      <SaveStatus />
      {loaded.canEdit ? null : <p className="alert alert-info">{t("speakers.readOnly")}</p>}
      <SpeakerChangesPanel
        changes={loaded.speakerChanges}
        timeZone={loaded.edition.timeZone}
        editionSlug={loaded.edition.slug}
        speakerUuid={speaker.uuid}
        canMarkSeen={loaded.canEdit}
      />
      {stale ? <StaleNotice stale={stale} /> : null}
      <SpeakerForm
        key={typed ? JSON.stringify(typed.values) : `v${speaker.version}`}
        mode="edit"
        timeZone={loaded.edition.timeZone}
        days={loaded.days}
        organisationNames={loaded.organisationNames}
        defaultValues={typed ? retypedFormValues(typed.values) : loaded.values}
        serverErrors={failure?.errors}
        readOnly={!loaded.canEdit}
        showSensitive={loaded.seesSensitive}
        consentsNote={
          speaker.consentsUpdatedAt ? t("speakers.field.consentsUpdatedAt", speaker.consentsUpdatedAt) : undefined
        }
      />

      <SpeakerPhoto editionSlug={loaded.edition.slug} speaker={speaker} photo={loaded.photo} problem={loaded.photoProblem} canEdit={loaded.canEdit} />

      <SpeakerSessions
        sessions={loaded.sessions}
        editionSlug={loaded.edition.slug}
        canEdit={loaded.canEdit}
        changedSession={searchParams.get("confirmed")}
        stale={confirmationAnswer ? { session: confirmationAnswer.session, current: confirmationAnswer.current } : undefined}
      />

      <History entries={loaded.history} timeZone={loaded.edition.timeZone} />

      {loaded.canEdit ? <SpeakerDataRights editionSlug={loaded.edition.slug} speaker={speaker} erased={searchParams.has("erased")} /> : null}

      {loaded.canEdit ? (
        <section aria-labelledby="speaker-delete" className="form-section danger-zone">
          <h2 id="speaker-delete">{t("speakers.section.danger")}</h2>
          <p>{t("speakers.deleteExplain")}</p>
          {deleteAnswer ? (
            <p className="alert alert-error" role="alert" data-testid="delete-refused">
              {deleteAnswer.reason === "hasSessions"
                ? t("speakers.deleteRefused", { count: deleteAnswer.sessions ?? 0 })
                : t("speakers.deleteStale")}
            </p>
          ) : null}
          <ConfirmForm
            intent="delete"
            fields={{ version: speaker.version }}
            label={t("speakers.delete")}
            consequence={t("speakers.deleteConsequence", { name: speaker.publicName })}
            confirmLabel={t("speakers.deleteConfirm")}
          />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
