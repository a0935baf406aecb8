// The people of a session: their order, role and answer, and (for editors) the small forms
// that change them and the search that adds one. Each form posts its own `intent`.
import { Form } from "@remix-run/react";
import { SESSION_ROLES } from "~/domain/vocabulary";
import { useT, type MessageKey } from "~/i18n";
import type { SessionPerson } from "~/models/sessions.server";

type Found = { uuid: string; name: string; organisation: string | null };

export function SessionPeople(props: {
  version: number;
  people: SessionPerson[];
  search: { query: string; found: Found[] | null };
  canWrite: boolean;
  /** The refused people change's message (an i18n key). */
  error?: string;
}) {
  const { people, search, canWrite, error: peopleError } = props;
  const t = useT();
  const session = { version: props.version, people };
  const version = <input type="hidden" name="version" value={session.version} />;
  return (
    <section aria-labelledby="people-title" className="session-people">
      <h2 id="people-title">{t("sessions.peopleTitle")}</h2>
      {peopleError ? (
        <p className="alert alert-error" role="alert">
          {t(peopleError as MessageKey)}
        </p>
      ) : null}
      {session.people.length === 0 ? (
        <p>{t("sessions.peopleNone")}</p>
      ) : (
        <ol className="people-list">
          {session.people.map((person, index) => (
            <li key={person.speakerUuid} data-testid="session-person">
              <span className="person-name">{person.name}</span>
              {person.organisation ? <span className="person-organisation"> · {person.organisation}</span> : null}
              <span className="person-confirmation">
                {" "}
                · {t("sessions.person.confirmation")} : {t(`sessions.confirmation.${person.confirmation}`)}
              </span>
              {canWrite ? (
                <div className="person-actions">
                  <Form method="post" className="inline-form">
                    {version}
                    <input type="hidden" name="intent" value="changeRole" />
                    <input type="hidden" name="speakerId" value={person.speakerUuid} />
                    <label htmlFor={`role-${person.speakerUuid}`} className="visually-hidden">
                      {t("sessions.person.roleOf", { name: person.name })}
                    </label>
                    <select id={`role-${person.speakerUuid}`} name="role" defaultValue={person.role} key={`${person.role}-${session.version}`}>
                      <RoleOptions />
                    </select>
                    <button type="submit" className="button button-small">
                      {t("sessions.person.changeRole")}
                    </button>
                  </Form>
                  <Form method="post" className="inline-form">
                    {version}
                    <input type="hidden" name="speakerId" value={person.speakerUuid} />
                    <input type="hidden" name="intent" value="movePerson" />
                    <button
                      type="submit"
                      name="direction"
                      value="up"
                      className="button button-small"
                      disabled={index === 0}
                      aria-label={t("sessions.person.upOf", { name: person.name })}
                    >
                      ↑ {t("sessions.person.up")}
                    </button>
                    <button
                      type="submit"
                      name="direction"
                      value="down"
                      className="button button-small"
                      disabled={index === session.people.length - 1}
                      aria-label={t("sessions.person.downOf", { name: person.name })}
                    >
                      ↓ {t("sessions.person.down")}
                    </button>
                  </Form>
                  <Form method="post" className="inline-form">
                    {version}
                    <input type="hidden" name="intent" value="removePerson" />
                    <input type="hidden" name="speakerId" value={person.speakerUuid} />
                    <button type="submit" className="button button-small" aria-label={t("sessions.person.removeOf", { name: person.name })}>
                      {t("sessions.person.remove")}
                    </button>
                  </Form>
                </div>
              ) : (
                <span> · {t(`sessions.role.${person.role}`)}</span>
              )}
            </li>
          ))}
        </ol>
      )}
      {canWrite ? (
        <>
          <Form method="get" className="inline-form person-search" role="search">
            <div className="field">
              <label htmlFor="person-search">{t("sessions.person.search")}</label>
              <input id="person-search" type="search" name="person" defaultValue={search.query} />
            </div>
            <button type="submit" className="button">
              {t("sessions.person.searchButton")}
            </button>
          </Form>
          {search.found ? (
            search.found.length === 0 ? (
              <p role="status">{t("sessions.person.noResult")}</p>
            ) : (
              <ul className="person-results" aria-label={t("sessions.person.results")}>
                {search.found.map((speaker) => (
                  <li key={speaker.uuid}>
                    <Form method="post" className="inline-form">
                      {version}
                      <input type="hidden" name="intent" value="addPerson" />
                      <input type="hidden" name="speakerId" value={speaker.uuid} />
                      <label htmlFor={`add-${speaker.uuid}`}>
                        {t("sessions.person.addAs", { name: speaker.name + (speaker.organisation ? ` (${speaker.organisation})` : "") })}
                      </label>
                      <select id={`add-${speaker.uuid}`} name="role" defaultValue="speaker">
                        <RoleOptions />
                      </select>
                      <button type="submit" className="button button-small">
                        {t("sessions.person.add")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The roles a person may hold on a session, in the interface's language. */
function RoleOptions() {
  const t = useT();
  return (
    <>
      {SESSION_ROLES.map((role) => (
        <option key={role} value={role}>
          {t(`sessions.role.${role}`)}
        </option>
      ))}
    </>
  );
}
