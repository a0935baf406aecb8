import { Form, Link } from "@remix-run/react";
import { formatLocalDate } from "~/domain/format";
import { useLocale, useT } from "~/i18n";
import { CONFIRMATIONS } from "~/domain/vocabulary";

type Stamp = { date: string; time: string };
type Row = {
  sessionUuid: string;
  title: string;
  startsAt: Stamp | null;
  endsAt: Stamp | null;
  room: string | null;
  themeFr: string | null;
  themeEn: string | null;
  role: string;
  confirmation: string;
  declineReason: string | null;
  version: number;
};

/** The speaker's sessions, each with their role and their confirmation, which an editor may set by hand. */
export function SpeakerSessions(props: {
  sessions: Row[];
  editionSlug: string;
  canEdit: boolean;
  changedSession: string | null;
  stale?: { session: string; current: string };
}) {
  const t = useT();
  const locale = useLocale();
  const label = (key: string) => t(key as Parameters<typeof t>[0]);
  return (
    <section aria-labelledby="speaker-sessions" className="form-section" id="sessions">
      <h2 id="speaker-sessions">{t("speakers.section.sessions")}</h2>
      {props.sessions.length === 0 ? (
        <p>{t("speakers.sessions.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("speakers.sessions.title")}</th>
                <th scope="col">{t("speakers.sessions.when")}</th>
                <th scope="col">{t("speakers.sessions.role")}</th>
                <th scope="col">{t("speakers.sessions.confirmation")}</th>
              </tr>
            </thead>
            <tbody>
              {props.sessions.map((session) => {
                const selectId = `confirmation-${session.sessionUuid}`;
                const theme = locale === "en" ? session.themeEn : session.themeFr;
                return (
                  <tr key={session.sessionUuid} data-testid="speaker-session">
                    <th scope="row">
                      <Link to={`/editions/${props.editionSlug}/sessions/${session.sessionUuid}`}>{session.title}</Link>
                      {theme ? <span className="muted-line">{theme}</span> : null}
                    </th>
                    <td>
                      {session.startsAt && session.endsAt
                        ? `${formatLocalDate(session.startsAt.date, locale)}, ${session.startsAt.time}–${session.endsAt.time}${session.room ? ` · ${session.room}` : ""}`
                        : t("speakers.sessions.unscheduled")}
                    </td>
                    <td>{label(`speakers.role.${session.role}`)}</td>
                    <td>
                      {props.stale?.session === session.sessionUuid ? (
                        <p className="alert alert-error" role="alert">
                          {t("speakers.sessions.stale", { state: label(`speakers.confirmation.${props.stale.current}`) })}
                        </p>
                      ) : null}
                      {props.changedSession === session.sessionUuid ? (
                        <p className="alert alert-info" role="status">
                          {t("speakers.sessions.changed", { title: session.title })}
                        </p>
                      ) : null}
                      {props.canEdit ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="confirmation" />
                          <input type="hidden" name="session" value={session.sessionUuid} />
                          <input type="hidden" name="version" value={session.version} />
                          <label htmlFor={selectId} className="visually-hidden">
                            {t("speakers.sessions.setConfirmation", { title: session.title })}
                          </label>
                          <select id={selectId} name="confirmation" defaultValue={session.confirmation} key={`${session.confirmation}-${session.version}`}>
                            {CONFIRMATIONS.map((state) => (
                              <option key={state} value={state}>
                                {label(`speakers.confirmation.${state}`)}
                              </option>
                            ))}
                          </select>
                          <button type="submit" className="button button-small">
                            {t("speakers.sessions.apply")}
                          </button>
                        </Form>
                      ) : (
                        <span className={`tag tag-${session.confirmation}`}>{label(`speakers.confirmation.${session.confirmation}`)}</span>
                      )}
                      {session.declineReason ? (
                        <p className="muted-line">{t("speakers.sessions.declineReason", { reason: session.declineReason })}</p>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
