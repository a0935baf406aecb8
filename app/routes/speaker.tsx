import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { LocaleSwitch } from "~/components/locale-switch";
import { SpeakerRights } from "~/components/speakers/speaker-rights";
import { getLocale } from "~/i18n/locale.server";
import { speakerRights } from "~/services/speaker-rights.server";
import { getDb } from "~/db/client.server";
import { useT, type MessageKey } from "~/i18n";
import { answerSession, loadAvailability, loadSpeakerProfile, loadSpeakerSessions, setAvailability, SpeakerStaleError, updateSpeakerPractical, updateSpeakerProfile } from "~/models/speaker-self.server";
import { speakerActionSchema, type SpeakerIntent } from "~/schemas/speaker";
import { deleteSpeakerPhoto, storeSpeakerPhoto } from "~/services/photos.server";
import { requireSpeaker, SPEAKER_PAGE_HEADERS } from "~/services/speaker-auth.server";
import { type FormFailure, formDataToObject, parseIntent } from "~/utils/forms";
import { askConfirmation } from "~/utils/confirm.server";
import { notFound } from "~/utils/http.server";
import { AvailabilityForm } from "~/components/speaker-page/availability-form";
import { PhotoForm } from "~/components/speaker-page/photo-form";
import { PracticalForm } from "~/components/speaker-page/practical-form";
import { ProfileForm } from "~/components/speaker-page/profile-form";
import { SessionCard } from "~/components/speaker-page/session-card";

export const meta: MetaFunction = () => [{ title: "Barouf" }, { name: "robots", content: "noindex, nofollow" }];
export const headers: HeadersFunction = () => SPEAKER_PAGE_HEADERS;

// Public route, guarded by the speaker cookie an invitation link gives: only this speaker's data.
export async function loader({ request }: LoaderFunctionArgs) {
  const speaker = await requireSpeaker(request);
  const db = await getDb();
  const scope = { speakerId: speaker.id, editionId: speaker.editionId };
  const { edition } = speaker;
  const [profile, sessions, availability, rights] = await Promise.all([
    loadSpeakerProfile(db, scope),
    loadSpeakerSessions(db, { ...scope, timeZone: edition.timeZone }),
    loadAvailability(db, { ...scope, ...edition }),
    speakerRights(db, { ...scope, timeZone: edition.timeZone, locale: await getLocale(request) }),
  ]);
  if (!profile) notFound();
  return { edition: { title: edition.title, timeZone: edition.timeZone }, profile, sessions, availability, rights };
}

type Intent = SpeakerIntent;
export type SpeakerActionData =
  | { ok: true; intent: Intent; session?: string }
  | (FormFailure & { intent: Intent | "unknown"; session?: string; message?: MessageKey });

function failure(intent: Intent | "unknown", f: FormFailure, status = 400, extra: { session?: string; message?: MessageKey } = {}) {
  return data<SpeakerActionData>({ ...f, intent, ...extra }, { status, headers: SPEAKER_PAGE_HEADERS });
}

export async function action({ request }: ActionFunctionArgs) {
  const speaker = await requireSpeaker(request);
  const formData = await request.formData();
  const values = formDataToObject(formData);
  const session = typeof values.session === "string" ? values.session : undefined;
  const parsed = parseIntent(values, speakerActionSchema);
  if (!parsed.ok) {
    const known = speakerActionSchema.options.some((option) => option.shape.intent.value === values.intent);
    return failure(known ? (values.intent as Intent) : "unknown", parsed.failure, 400, { session });
  }
  const input = parsed.data;
  const scope = { speakerId: speaker.id, editionId: speaker.editionId };
  const now = Date.now();
  const db = await getDb();
  const ok = () => data<SpeakerActionData>({ ok: true, intent: input.intent, session }, { headers: SPEAKER_PAGE_HEADERS });
  try {
    switch (input.intent) {
      case "confirm":
      case "decline":
      case "propose": {
        const answer =
          input.intent === "decline"
            ? { intent: "decline" as const, reason: input.reason }
            : input.intent === "propose"
              ? { intent: "propose" as const, proposedTime: input.proposedTime }
              : { intent: "confirm" as const };
        await db.transaction(async (tx) => (await answerSession(tx, { ...scope, sessionUuid: input.session, version: input.version, now, answer })) || notFound());
        return ok();
      }
      case "profile":
        await db.transaction(async (tx) => (await updateSpeakerProfile(tx, { ...scope, version: input.version, now, input })) ?? notFound());
        return ok();
      case "practical":
        await db.transaction(async (tx) => (await updateSpeakerPractical(tx, { ...scope, version: input.version, now, input })) ?? notFound());
        return ok();
      case "availability": {
        const saved = await db.transaction((tx) => setAvailability(tx, { ...scope, ...speaker.edition, now, input }));
        if (saved === null) throw new Response("Not an edition day", { status: 400 });
        if (!saved.ok) return failure(input.intent, { ok: false, errors: saved.errors, values });
        return ok();
      }
      case "photo": {
        const stored = (await storeSpeakerPhoto({ owner: scope, actor: { type: "speaker", speakerId: speaker.id }, now }, formData.get("photo"))) ?? notFound();
        if (!stored.ok) return failure(input.intent, { ok: false, errors: { photo: stored.problem }, values: {} });
        return ok();
      }
      case "removePhoto": {
        const ask = askConfirmation(values, input.intent);
        if (ask) return ask;
        (await deleteSpeakerPhoto({ owner: scope, actor: { type: "speaker", speakerId: speaker.id }, now })) ?? notFound();
        return ok();
      }
    }
  } catch (error) {
    if (error instanceof SpeakerStaleError) return failure(input.intent, { ok: false, errors: {}, values }, 409, { session, message: "speaker.stale" });
    throw error;
  }
}

export default function SpeakerPage() {
  const { edition, profile, sessions, availability, rights } = useLoaderData<typeof loader>();
  const actionData = useActionData<SpeakerActionData>();
  const t = useT();
  const failureFor = (intent: Intent, session?: string) =>
    actionData && !actionData.ok && actionData.intent === intent && (session === undefined || actionData.session === session) ? actionData : undefined;
  const savedFor = (intent: Intent, session?: string) =>
    Boolean(actionData?.ok && actionData.intent === intent && (session === undefined || actionData.session === session));
  return (
    <div className="speaker-shell">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="speaker-header">
        <p className="brand">{edition.title}</p>
        <LocaleSwitch />
      </header>
      <main id="main" className="speaker-page" tabIndex={-1}>
        <h1>{t("speaker.hello", { name: profile.publicName })}</h1>
        <p className="lead">{t("speaker.lead")}</p>
        {actionData && !actionData.ok && actionData.message ? (
          <p className="alert alert-error" role="alert">
            {t(actionData.message)}
          </p>
        ) : null}

        <section aria-labelledby="sessions-title">
          <h2 id="sessions-title">{t("speaker.sessions")}</h2>
          {sessions.length === 0 ? <p>{t("speaker.noSessions")}</p> : null}
          <ul className="speaker-sessions">
            {sessions.map((session) => (
              <li key={`${session.uuid}-${session.version}`}>
                <SessionCard
                  session={session}
                  failure={failureFor("decline", session.uuid) ?? failureFor("propose", session.uuid) ?? failureFor("confirm", session.uuid)}
                  saved={savedFor("confirm", session.uuid) || savedFor("decline", session.uuid) || savedFor("propose", session.uuid)}
                />
              </li>
            ))}
          </ul>
        </section>

        <ProfileForm key={`profile-${profile.version}`} profile={profile} failure={failureFor("profile")} saved={savedFor("profile")} />
        <PhotoForm photoKey={profile.photoKey} failure={failureFor("photo")} saved={savedFor("photo") || savedFor("removePhoto")} />
        <AvailabilityForm key={`availability-${JSON.stringify(availability)}`} days={availability} failure={failureFor("availability")} saved={savedFor("availability")} />
        <PracticalForm key={`practical-${profile.version}`} profile={profile} failure={failureFor("practical")} saved={savedFor("practical")} />
        <SpeakerRights rights={rights} />
      </main>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <main id="main" className="page page-narrow speaker-page">
      <h1>{t("speaker.errorTitle")}</h1>
      <p role="alert">{t(status === 401 ? "speaker.sessionEnded" : status === 404 ? "error.404" : "error.500")}</p>
    </main>
  );
}
