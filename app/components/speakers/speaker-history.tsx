import { isMessageKey, useT } from "~/i18n";

type Entry = {
  id: number;
  at: { date: string; time: string };
  action: string;
  actorType: string;
  actorName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.map((item) => (typeof item === "object" ? JSON.stringify(item) : String(item))).join(", ") || "—";
  if (typeof value === "object") return JSON.stringify(value);
  const text = String(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
};

/** The speaker's audit entries, newest first: who, when, and each field before and after. */
export function SpeakerHistory({ entries }: { entries: Entry[] }) {
  const t = useT();
  const label = (key: string) => {
    const field = `speakers.field.${key}`;
    return isMessageKey(field) ? t(field) : key;
  };
  const value = (key: string, raw: unknown) => {
    if (key === "confirmation" && typeof raw === "string") {
      const state = `speakers.confirmation.${raw}`;
      if (isMessageKey(state)) return t(state);
    }
    if (typeof raw === "boolean") return t(raw ? "speakers.yes" : "speakers.no");
    return show(raw);
  };
  return (
    <section aria-labelledby="speaker-history" className="form-section">
      <h2 id="speaker-history">{t("speakers.section.history")}</h2>
      {entries.length === 0 ? (
        <p>{t("speakers.history.none")}</p>
      ) : (
        <ol className="history">
          {entries.map((entry) => {
            const action = `speakers.history.action.${entry.action}`;
            const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])].filter(
              (key) => key !== "sessionUuid",
            );
            return (
              <li key={entry.id} data-testid="history-entry">
                <p className="history-head">
                  <strong>{isMessageKey(action) ? t(action) : entry.action}</strong>{" "}
                  {t("speakers.history.entry", {
                    date: entry.at.date,
                    time: entry.at.time,
                    who: entry.actorName ?? t("speakers.history.system"),
                  })}
                </p>
                {entry.action === "update" || entry.action === "confirmation" ? (
                  <dl className="history-changes">
                    {keys.map((key) => (
                      <div key={key}>
                        <dt>{label(key)}</dt>
                        <dd>
                          {entry.before && key in entry.before ? value(key, entry.before[key]) : "—"} →{" "}
                          {entry.after && key in entry.after ? value(key, entry.after[key]) : "—"}
                        </dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
