import { useId } from "react";
import { changeRows, formatAuditValue } from "~/domain/audit-display";
import { formatInstant } from "~/domain/format";
import { isMessageKey, useLocale, useT } from "~/i18n";
import type { AuditEntryView } from "~/models/audit-log.server";

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
    words: { yes: t("audit.value.yes"), no: t("audit.value.no"), empty: t("audit.value.empty"), withheld: t("audit.value.withheld") },
  };
}

/** A readable before/after table of one entry's changed fields. */
export function AuditChanges({ entry, timeZone }: { entry: Pick<AuditEntryView, "action" | "before" | "after">; timeZone: string }) {
  const t = useT();
  const text = useAuditText();
  const rows = changeRows(entry.before, entry.after);
  if (rows.length === 0) return <p className="audit-no-changes">{t("audit.noChanges")}</p>;
  const format = (field: string, value: unknown) => formatAuditValue(field, value, { timeZone, locale: text.locale, words: text.words });
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
            <th scope="row">{text.field(row.field)}</th>
            <td className="audit-before">{format(row.field, row.before)}</td>
            <td className="audit-after">{format(row.field, row.after)}</td>
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
