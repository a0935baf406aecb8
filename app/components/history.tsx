import { Link } from "@remix-run/react";
import { useId } from "react";
import { formatInstant } from "~/domain/format";
import { changeLine, changeTexts, objectName, objectText, type HistoryText } from "~/domain/history-text";
import { isMessageKey, useLocale, useT } from "~/i18n";
import type { AuditEntryView, AuditGroupView } from "~/models/audit-log.server";

/** Labels for audit entries: known actions, entities and fields are translated, others shown as recorded. */
export function useAuditText() {
  const t = useT();
  const locale = useLocale();
  const label = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? t(key) : value;
  };
  return {
    locale,
    action: (action: string) => label("audit.action", action),
    entity: (entity: string) => label("audit.entity", entity),
    field: (field: string) => label("audit.field", field),
    author: (entry: Pick<AuditEntryView, "actorType" | "authorName">) => {
      if (entry.actorType === "system") return t("audit.author.system");
      if (!entry.authorName) return t("audit.author.unknown");
      return entry.actorType === "speaker" ? t("audit.author.speaker", { name: entry.authorName }) : entry.authorName;
    },
    when: (at: number, timeZone: string) => formatInstant(at, timeZone, locale),
  };
}

/** What the history formatter needs: the language, the edition's zone and the names the loader resolved. */
export function useHistoryText(timeZone: string, names: Readonly<Record<string, string>> = {}): HistoryText {
  const t = useT();
  const locale = useLocale();
  return { locale, timeZone, t, names };
}

/** A readable before/after table of one entry's changed fields, under their forms' labels. */
export function AuditChanges({
  entry,
  timeZone,
  names,
}: {
  entry: Pick<AuditEntryView, "entity" | "action" | "before" | "after">;
  timeZone: string;
  names?: Readonly<Record<string, string>>;
}) {
  const t = useT();
  const text = useAuditText();
  const rows = changeTexts(entry, useHistoryText(timeZone, names));
  if (rows.length === 0) return <p className="audit-no-changes">{t("audit.noChanges")}</p>;
  return (
    <table className="table audit-changes">
      <caption className="visually-hidden">{t("audit.changes.caption", { action: text.action(entry.action) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("audit.changes.field")}</th>
          <th scope="col">{t("audit.changes.before")}</th>
          <th scope="col">{t("audit.changes.after")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field}>
            <th scope="row">{row.label}</th>
            <td className="audit-before">{row.before}</td>
            <td className="audit-after">{row.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * An entity's history on its own page (a speaker, a session…): who changed what and
 * when, in the edition's time zone, newest first. Load the entries with listEntityHistory.
 */
export function History({ entries, timeZone, headingLevel = 2 }: { entries: AuditEntryView[]; timeZone: string; headingLevel?: 2 | 3 }) {
  const t = useT();
  const text = useAuditText();
  const titleId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="history" aria-labelledby={titleId}>
      <Heading id={titleId}>{t("audit.history")}</Heading>
      {entries.length === 0 ? (
        <p>{t("audit.historyEmpty")}</p>
      ) : (
        <ol className="history-list">
          {entries.map((entry) => (
            <li key={entry.id} className="history-entry">
              <p className="history-summary">
                <strong>{text.author(entry)}</strong>
                {" · "}
                <time dateTime={new Date(entry.at).toISOString()}>{text.when(entry.at, timeZone)}</time>
                {" · "}
                <span className="history-action">{text.action(entry.action)}</span>
              </p>
              <AuditChanges entry={entry} timeZone={timeZone} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** An entry's changes as lines in the organisers' words: « Début : 9 mars 2016 10:00 → 11:00 ». */
export function ChangeLines({ entry, text }: { entry: Pick<AuditEntryView, "entity" | "action" | "before" | "after">; text: HistoryText }) {
  const t = useT();
  const lines = changeTexts(entry, text);
  if (lines.length === 0) return <p className="audit-no-changes">{t("audit.noChanges")}</p>;
  const kind = entry.before === null ? "create" : entry.after === null ? "delete" : "update";
  return (
    <ul className="audit-lines">
      {lines.map((line) => (
        <li key={line.field}>{changeLine(line, text, kind)}</li>
      ))}
    </ul>
  );
}

/**
 * One line of the audit log's table: who, when, the object named and what changed; an
 * action that wrote several entries (a template applied to 84 slots) lists them in a
 * collapsible list.
 */
export function AuditEntryRow({ entry, text, href }: { entry: AuditGroupView; text: HistoryText; href: string | null }) {
  const t = useT();
  const words = useAuditText();
  const grouped = entry.size > 1;
  const object = objectName(entry, text);
  return (
    <tr data-testid="audit-entry">
      <td>
        <time dateTime={new Date(entry.at).toISOString()}>{words.when(entry.at, text.timeZone)}</time>
      </td>
      <td>{words.author(entry)}</td>
      <td>
        {grouped ? (
          t("history.group", { count: entry.size, kind: object.kind })
        ) : object.name && href ? (
          <>
            {object.kind} <Link to={href}>{object.name}</Link>
          </>
        ) : (
          objectText(entry, text)
        )}
      </td>
      <td>{words.action(entry.action)}</td>
      <td>
        {grouped ? (
          <details>
            <summary>{t("history.groupItems", { count: entry.size })}</summary>
            <ul className="audit-group">
              {entry.items.map((item) => (
                <li key={item.id}>
                  {objectText(item, text)}
                  <ChangeLines entry={item} text={text} />
                </li>
              ))}
              {entry.size > entry.items.length ? <li>{t("history.groupMore", { count: entry.size - entry.items.length })}</li> : null}
            </ul>
          </details>
        ) : (
          <ChangeLines entry={entry} text={text} />
        )}
      </td>
    </tr>
  );
}
