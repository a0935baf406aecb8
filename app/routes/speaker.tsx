import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { Field, TextAreaField as TextArea } from "~/components/forms/field";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { LocaleSwitch } from "~/components/locale-switch";
import { SpeakerRights } from "~/components/speakers/speaker-rights";
import { getLocale } from "~/i18n/locale.server";
import { speakerRights } from "~/services/speaker-rights.server";
import { getDb } from "~/db/client.server";
import { formatLocalDate } from "~/domain/format";
import { useLocale, useT, type MessageKey } from "~/i18n";
import {
  answerSession,
  loadAvailability,
  loadSpeakerProfile,
  loadSpeakerSessions,
  setAvailability,
  SpeakerStaleError,
  updateSpeakerPractical,
  updateSpeakerProfile,
  type SpeakerSession,
} from "~/models/speaker-self.server";
import {
  availabilitySchema,
  confirmSchema,
  declineSchema,
  MAX_LINKS,
  PHOTO_MAX_BYTES,
  PHOTO_TYPES,
  practicalSchema,
  profileSchema,
  proposeSchema,
} from "~/schemas/speaker";
import { storeSpeakerPhoto } from "~/services/photos.server";
import { requireSpeaker, TOKEN_PAGE_HEADERS } from "~/services/speaker-auth.server";
import { type FormFailure, formDataToObject, nestFormValues, parseValues } from "~/utils/forms";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Barouf" }, { name: "robots", content: "noindex, nofollow" }];
export const headers: HeadersFunction = () => TOKEN_PAGE_HEADERS;

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

type Intent = "confirm" | "decline" | "propose" | "profile" | "practical" | "availability" | "photo";
export type SpeakerActionData =
  | { ok: true; intent: Intent; session?: string }
  | (FormFailure & { intent: Intent | "unknown"; session?: string; message?: MessageKey });

function failure(intent: Intent | "unknown", f: FormFailure, status = 400, extra: { session?: string; message?: MessageKey } = {}) {
  return data<SpeakerActionData>({ ...f, intent, ...extra }, { status, headers: TOKEN_PAGE_HEADERS });
}

const ANSWERS = { confirm: confirmSchema, decline: declineSchema, propose: proposeSchema } as const;

export async function action({ request }: ActionFunctionArgs) {
  const speaker = await requireSpeaker(request);
  const formData = await request.formData();
  const values = formDataToObject(formData);
  const intent = values.intent;
  const scope = { speakerId: speaker.id, editionId: speaker.editionId };
  const now = Date.now();
  const db = await getDb();
  const ok = (i: Intent, session?: string) => data<SpeakerActionData>({ ok: true, intent: i, session }, { headers: TOKEN_PAGE_HEADERS });
  try {
    if (intent === "confirm" || intent === "decline" || intent === "propose") {
      const parsed = parseValues(values, ANSWERS[intent]);
      const session = typeof values.session === "string" ? values.session : undefined;
      if (!parsed.ok) return failure(intent, parsed.failure, 400, { session });
      const input = parsed.data;
      await db.transaction(async (tx) =>
        (await answerSession(tx, {
          ...scope,
          sessionUuid: input.session,
          version: input.version,
          now,
          answer:
            input.intent === "decline"
              ? { intent: "decline", reason: input.reason }
              : input.intent === "propose"
                ? { intent: "propose", proposedTime: input.proposedTime }
                : { intent: "confirm" },
        })) || notFound(),
      );
      return ok(intent, input.session);
    }
    if (intent === "profile") {
      const parsed = parseValues(values, profileSchema);
      if (!parsed.ok) return failure(intent, parsed.failure);
      await db.transaction(async (tx) => (await updateSpeakerProfile(tx, { ...scope, version: parsed.data.version, now, input: parsed.data })) ?? notFound());
      return ok(intent);
    }
    if (intent === "practical") {
      const parsed = parseValues(values, practicalSchema);
      if (!parsed.ok) return failure(intent, parsed.failure);
      await db.transaction(async (tx) => (await updateSpeakerPractical(tx, { ...scope, version: parsed.data.version, now, input: parsed.data })) ?? notFound());
      return ok(intent);
    }
    if (intent === "availability") {
      const parsed = parseValues(values, availabilitySchema);
      if (!parsed.ok) return failure(intent, parsed.failure);
      const saved = await db.transaction((tx) => setAvailability(tx, { ...scope, ...speaker.edition, now, input: parsed.data }));
      if (saved === null) throw new Response("Not an edition day", { status: 400 });
      if (!saved.ok) return failure(intent, { ok: false, errors: saved.errors, values });
      return ok(intent);
    }
    if (intent === "photo") {
      const stored = await storeSpeakerPhoto({ ...scope, speakerUuid: speaker.uuid }, formData.get("photo"), now);
      if (!stored.ok) return failure(intent, { ok: false, errors: { photo: stored.problem }, values: {} });
      return ok(intent);
    }
  } catch (error) {
    if (error instanceof SpeakerStaleError) {
      const i = intent as Intent;
      const session = typeof values.session === "string" ? values.session : undefined;
      return failure(i, { ok: false, errors: {}, values }, 409, { session, message: "speaker.stale" });
    }
    throw error;
  }
  return failure("unknown", { ok: false, errors: { intent: "speaker.unknownAction" }, values: {} });
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
        <PhotoForm hasPhoto={profile.hasPhoto} failure={failureFor("photo")} saved={savedFor("photo")} version={profile.version} />
        <AvailabilityForm key={`availability-${JSON.stringify(availability)}`} days={availability} failure={failureFor("availability")} saved={savedFor("availability")} />
        <PracticalForm key={`practical-${profile.version}`} profile={profile} failure={failureFor("practical")} saved={savedFor("practical")} />
        <SpeakerRights rights={rights} />
      </main>
    </div>
  );
}

// RHF fills fields from the browser; these attributes put the same values in the server's
// HTML, so every form works with JavaScript off.
type AnyForm = { register: (name: never) => { name: string }; getValues: (name: never) => unknown };
function bind(form: AnyForm, name: string) {
  const value = form.getValues(name as never);
  return { ...form.register(name as never), defaultValue: value === null || value === undefined ? "" : String(value) };
}
function bindChecked(form: AnyForm, name: string) {
  const value = form.getValues(name as never);
  return { ...form.register(name as never), defaultChecked: value === true || value === "on" };
}

function Saved({ show }: { show: boolean }) {
  const t = useT();
  return show ? (
    <p className="alert alert-success" role="status">
      {t("speaker.saved")}
    </p>
  ) : null;
}

function typed(failure: FormFailure | undefined) {
  return failure ? (nestFormValues(failure.values) as Record<string, unknown>) : undefined;
}

function SessionCard({ session, failure, saved }: { session: SpeakerSession; failure?: FormFailure & { intent: string }; saved: boolean }) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const pick = (fr: string | null, en: string | null) => (locale === "en" ? en || fr : fr || en);
  const title = pick(session.titleFr, session.titleEn) ?? t("speaker.untitled");
  const base = { session: session.uuid, version: String(session.version) };
  const decline = useValidatedForm(declineSchema, {
    defaultValues: { intent: "decline", ...base, reason: String(failure?.intent === "decline" ? (failure.values.reason ?? "") : (session.declineReason ?? "")) } as never,
    serverErrors: failure?.intent === "decline" ? failure.errors : undefined,
  });
  const propose = useValidatedForm(proposeSchema, {
    defaultValues: { intent: "propose", ...base, proposedTime: String(failure?.intent === "propose" ? (failure.values.proposedTime ?? "") : (session.proposedTime ?? "")) } as never,
    serverErrors: failure?.intent === "propose" ? failure.errors : undefined,
  });
  const headingId = `session-${session.uuid}`;
  return (
    <article className={`speaker-session confirmation-${session.confirmation}`} aria-labelledby={headingId} data-session={session.uuid}>
      <h3 id={headingId}>{title}</h3>
      <dl className="session-facts">
        <div>
          <dt>{t("speaker.when")}</dt>
          <dd>
            {session.day ? `${formatLocalDate(session.day, locale)}, ${session.start}–${session.end}` : t("speaker.notScheduled")}
          </dd>
        </div>
        <div>
          <dt>{t("speaker.room")}</dt>
          <dd>{session.room ?? t("speaker.roomTbd")}</dd>
        </div>
        <div>
          <dt>{t("speaker.format")}</dt>
          <dd>{pick(session.formatFr, session.formatEn) ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("speaker.theme")}</dt>
          <dd>{pick(session.themeFr, session.themeEn) ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("speaker.role")}</dt>
          <dd>{t(`speaker.role.${session.role}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t("speaker.with")}</dt>
          <dd>{session.others.length ? session.others.map((o) => o.publicName).join(", ") : t("speaker.alone")}</dd>
        </div>
      </dl>
      <p className="confirmation-status" data-testid="confirmation">
        <strong>{t("speaker.yourAnswer")}</strong> {t(`speaker.confirmation.${session.confirmation}`)}
        {session.confirmation === "declined" && session.declineReason ? <> — « {session.declineReason} »</> : null}
      </p>
      {session.confirmation === "must_reconfirm" ? (
        <p className="alert alert-warning" role="note">
          {t("speaker.mustReconfirm")}
        </p>
      ) : null}
      <Saved show={saved} />
      <div className="answer-actions">
        {session.confirmation !== "confirmed" ? (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="session" value={session.uuid} />
            <input type="hidden" name="version" value={session.version} />
            <button type="submit" className="button button-primary" disabled={navigation.state !== "idle"}>
              {t("speaker.confirm")}
            </button>
          </Form>
        ) : null}
        {session.confirmation !== "declined" ? (
          <details open={failure?.intent === "decline"}>
            <summary className="button">{t("speaker.decline")}</summary>
            <Form method="post" onSubmit={decline.onSubmit} noValidate className="stack" preventScrollReset>
              <input type="hidden" {...bind(decline.form, "intent")} />
              <input type="hidden" {...bind(decline.form, "session")} />
              <input type="hidden" {...bind(decline.form, "version")} />
              <TextArea label={t("speaker.reason")} rows={3} error={decline.errorOf("reason")} {...bind(decline.form, "reason")} />
              <button type="submit" className="button button-danger" disabled={navigation.state !== "idle"}>
                {t("speaker.sendDecline")}
              </button>
            </Form>
          </details>
        ) : null}
        <details open={failure?.intent === "propose"}>
          <summary className="button">{t("speaker.propose")}</summary>
          <Form method="post" onSubmit={propose.onSubmit} noValidate className="stack" preventScrollReset>
            <input type="hidden" {...bind(propose.form, "intent")} />
            <input type="hidden" {...bind(propose.form, "session")} />
            <input type="hidden" {...bind(propose.form, "version")} />
            <TextArea
              label={t("speaker.proposedTime")}
              hint={t("speaker.proposedHint")}
              rows={2}
              error={propose.errorOf("proposedTime")}
              {...bind(propose.form, "proposedTime")}
            />
            <button type="submit" className="button" disabled={navigation.state !== "idle"}>
              {t("speaker.sendProposal")}
            </button>
          </Form>
        </details>
      </div>
      {session.proposedTime ? (
        <p className="muted">
          {t("speaker.yourProposal")} « {session.proposedTime} »
        </p>
      ) : null}
    </article>
  );
}

type Profile = NonNullable<Awaited<ReturnType<typeof loadSpeakerProfile>>>;

function ProfileForm({ profile, failure, saved }: { profile: Profile; failure?: FormFailure; saved: boolean }) {
  const t = useT();
  const navigation = useNavigation();
  const kept = typed(failure);
  const links = Array.from({ length: MAX_LINKS }, (_, i) => profile.links[i] ?? { label: "", url: "" });
  const { form, onSubmit, errorOf } = useValidatedForm(profileSchema, {
    defaultValues: (kept ?? {
      intent: "profile",
      version: String(profile.version),
      publicName: profile.publicName,
      organisation: profile.organisation ?? "",
      jobTitle: profile.jobTitle ?? "",
      bioFr: profile.bioFr ?? "",
      bioEn: profile.bioEn ?? "",
      links,
    }) as never,
    serverErrors: failure?.errors,
  });
  return (
    <section aria-labelledby="profile-title" className="speaker-section">
      <h2 id="profile-title">{t("speaker.profile")}</h2>
      <p className="field-hint">{t("speaker.profileHint")}</p>
      <Saved show={saved} />
      <Form method="post" onSubmit={onSubmit} noValidate className="stack" preventScrollReset>
        <input type="hidden" {...bind(form, "intent")} />
        <input type="hidden" {...bind(form, "version")} />
        <Field label={t("speaker.publicName")} required error={errorOf("publicName")} {...bind(form, "publicName")} />
        <Field label={t("speaker.organisation")} error={errorOf("organisation")} {...bind(form, "organisation")} />
        <Field label={t("speaker.jobTitle")} error={errorOf("jobTitle")} {...bind(form, "jobTitle")} />
        <TextArea label={t("speaker.bioFr")} lang="fr" rows={6} error={errorOf("bioFr")} {...bind(form, "bioFr")} />
        <TextArea label={t("speaker.bioEn")} lang="en" rows={6} error={errorOf("bioEn")} {...bind(form, "bioEn")} />
        <fieldset className="links-fieldset">
          <legend>{t("speaker.links")}</legend>
          {links.map((_, i) => (
            <div className="link-row" key={i}>
              <Field label={t("speaker.linkLabel", { n: i + 1 })} error={errorOf(`links.${i}.label`)} {...bind(form, `links.${i}.label`)} />
              <Field
                label={t("speaker.linkUrl", { n: i + 1 })}
                type="url"
                inputMode="url"
                placeholder="https://"
                error={errorOf(`links.${i}.url`)}
                {...bind(form, `links.${i}.url`)}
              />
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button button-primary" disabled={navigation.state !== "idle"}>
          {t("speaker.saveProfile")}
        </button>
      </Form>
    </section>
  );
}

function PhotoForm({ hasPhoto, failure, saved, version }: { hasPhoto: boolean; failure?: FormFailure; saved: boolean; version: number }) {
  const t = useT();
  const navigation = useNavigation();
  return (
    <section aria-labelledby="photo-title" className="speaker-section">
      <h2 id="photo-title">{t("speaker.photo")}</h2>
      {hasPhoto ? <img src={`/speaker/photo?v=${version}`} alt={t("speaker.photoAlt")} className="speaker-photo" width={160} /> : <p>{t("speaker.noPhoto")}</p>}
      <Saved show={saved} />
      <Form method="post" encType="multipart/form-data" className="stack" preventScrollReset>
        <input type="hidden" name="intent" value="photo" />
        <div className="field">
          <label htmlFor="speaker-photo">{t("speaker.photoFile")}</label>
          <p className="field-hint" id="speaker-photo-hint">
            {t("speaker.photoHint", { size: Math.round(PHOTO_MAX_BYTES / 1024) })}
          </p>
          <input
            id="speaker-photo"
            type="file"
            name="photo"
            accept={PHOTO_TYPES.join(",")}
            aria-invalid={failure?.errors.photo ? true : undefined}
            aria-describedby={failure?.errors.photo ? "speaker-photo-hint speaker-photo-error" : "speaker-photo-hint"}
          />
          {failure?.errors.photo ? (
            <p className="field-error" id="speaker-photo-error">
              {t(failure.errors.photo as MessageKey)}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={navigation.state !== "idle"}>
          {t("speaker.sendPhoto")}
        </button>
      </Form>
    </section>
  );
}

function AvailabilityForm({
  days,
  failure,
  saved,
}: {
  days: { date: string; mode: "all" | "part" | "none"; from: string; to: string }[];
  failure?: FormFailure;
  saved: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const kept = typed(failure);
  const { form, onSubmit, errorOf } = useValidatedForm(availabilitySchema, {
    defaultValues: (kept ?? { intent: "availability", days }) as never,
    serverErrors: failure?.errors,
  });
  return (
    <section aria-labelledby="availability-title" className="speaker-section">
      <h2 id="availability-title">{t("speaker.availability")}</h2>
      <p className="field-hint">{t("speaker.availabilityHint")}</p>
      <Saved show={saved} />
      <Form method="post" onSubmit={onSubmit} noValidate className="stack" preventScrollReset>
        <input type="hidden" {...bind(form, "intent")} />
        {days.map((day, i) => (
          <fieldset key={day.date} className="availability-day">
            <legend>{formatLocalDate(day.date, locale)}</legend>
            <input type="hidden" {...bind(form, `days.${i}.date`)} />
            <div className="field">
              <label htmlFor={`day-${i}-mode`}>{t("speaker.dayMode")}</label>
              <select id={`day-${i}-mode`} {...bind(form, `days.${i}.mode`)}>
                <option value="all">{t("speaker.mode.all")}</option>
                <option value="part">{t("speaker.mode.part")}</option>
                <option value="none">{t("speaker.mode.none")}</option>
              </select>
            </div>
            <div className="time-row">
              <Field label={t("speaker.from")} type="time" error={errorOf(`days.${i}.from`)} {...bind(form, `days.${i}.from`)} />
              <Field label={t("speaker.to")} type="time" error={errorOf(`days.${i}.to`)} {...bind(form, `days.${i}.to`)} />
            </div>
          </fieldset>
        ))}
        <button type="submit" className="button button-primary" disabled={navigation.state !== "idle"}>
          {t("speaker.saveAvailability")}
        </button>
      </Form>
    </section>
  );
}

function PracticalForm({ profile, failure, saved }: { profile: Profile; failure?: FormFailure; saved: boolean }) {
  const t = useT();
  const navigation = useNavigation();
  const kept = typed(failure);
  const { form, onSubmit, errorOf } = useValidatedForm(practicalSchema, {
    defaultValues: (kept
      ? { ...kept, consentRecording: kept.consentRecording === "on", consentPhotos: kept.consentPhotos === "on", consentPublishBio: kept.consentPublishBio === "on" }
      : {
          intent: "practical",
          version: String(profile.version),
          consentRecording: profile.consentRecording,
          consentPhotos: profile.consentPhotos,
          consentPublishBio: profile.consentPublishBio,
          accessibilityNeeds: profile.accessibilityNeeds ?? "",
          practicalNotes: profile.practicalNotes ?? "",
          preferredLocale: profile.preferredLocale,
        }) as never,
    serverErrors: failure?.errors,
  });
  return (
    <section aria-labelledby="practical-title" className="speaker-section">
      <h2 id="practical-title">{t("speaker.practical")}</h2>
      <Saved show={saved} />
      <Form method="post" onSubmit={onSubmit} noValidate className="stack" preventScrollReset>
        <input type="hidden" {...bind(form, "intent")} />
        <input type="hidden" {...bind(form, "version")} />
        <fieldset>
          <legend>{t("speaker.consents")}</legend>
          {(["consentRecording", "consentPhotos", "consentPublishBio"] as const).map((name) => (
            <div className="checkbox" key={name}>
              <input id={`consent-${name}`} type="checkbox" value="on" {...bindChecked(form, name)} />
              <label htmlFor={`consent-${name}`}>{t(`speaker.${name}`)}</label>
            </div>
          ))}
        </fieldset>
        <TextArea label={t("speaker.accessibility")} hint={t("speaker.privateHint")} rows={3} error={errorOf("accessibilityNeeds")} {...bind(form, "accessibilityNeeds")} />
        <TextArea label={t("speaker.notes")} hint={t("speaker.privateHint")} rows={3} error={errorOf("practicalNotes")} {...bind(form, "practicalNotes")} />
        <div className="field">
          <label htmlFor="preferred-locale">{t("speaker.messagesLanguage")}</label>
          <select id="preferred-locale" {...bind(form, "preferredLocale")}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={navigation.state !== "idle"}>
          {t("speaker.savePractical")}
        </button>
      </Form>
    </section>
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
