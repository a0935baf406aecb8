// The list of what speakers changed, for the speaker-changes page and for a speaker's own
// page (load it with `listSpeakerChanges(db, { editionId, organiserId, speakerUuid })`).
import { Form } from "@remix-run/react";
import type { SpeakerChange } from "~/domain/audit-display";
import { formatLocalDate } from "~/domain/format";
import { isWithheld } from "~/domain/personal-data";
import { isMessageKey, useLocale, useT, type Translate } from "~/i18n";
import { When } from "./when";


/** A stored value in the organisers' words: answers and availability modes are translated. */
function show(value: unknown, key: string, t: Translate): string {
  if (value === null || value === undefined || value === "") return "—";
  if (isWithheld(value)) return t("audit.value.withheld");
  const named = key === "confirmation" ? `speaker.confirmation.${String(value)}` : /^\d{4}-\d{2}-\d{2}$/.test(key) ? `speaker.mode.${String(value)}` : "";
  if (named && isMessageKey(named)) return t(named);
  if (typeof value === "boolean") return t(value ? "common.yes" : "common.no");
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
}

export function SpeakerChangeList({ changes, timeZone }: { changes: SpeakerChange[]; timeZone: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ol className="change-list">
      {changes.map((change) => {
        const keys = Object.keys(change.after ?? change.before ?? {});
        const what = `changes.what.${change.entity}.${change.action}`;
        return (
          <li key={change.id} className="change" data-change={change.entity}>
            <p className="change-head">
              <When at={change.at} timeZone={timeZone} /> ·{" "}
              <strong>{t("changes.by", { name: change.speakerName })}</strong> · {isMessageKey(what) ? t(what) : `${change.entity} ${change.action}`}
              {change.sessionTitle ? <> · « {change.sessionTitle} »</> : null}
            </p>
            {keys.length > 0 ? (
              <dl className="change-fields">
                {keys.map((key) => {
                  const label = `changes.field.${key}`;
                  return (
                    <div key={key}>
                      <dt>{isMessageKey(label) ? t(label) : /^\d{4}-\d{2}-\d{2}$/.test(key) ? formatLocalDate(key, locale) : key}</dt>
                      <dd>
                        <del>{show(change.before?.[key], key, t)}</del> → <ins>{show(change.after?.[key], key, t)}</ins>
                      </dd>
                    </div>
                  );
                })}
              </dl>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** For a speaker's own organiser page: what they changed since this organiser last looked. */
export function SpeakerChangesPanel(props: {
  changes: SpeakerChange[];
  timeZone: string;
  editionSlug: string;
  speakerUuid: string;
  canMarkSeen: boolean;
}) {
  const t = useT();
  if (props.changes.length === 0) return null;
  return (
    <section aria-labelledby="speaker-own-changes" className="form-section speaker-own-changes">
      <h2 id="speaker-own-changes">{t("changes.sinceYouLooked", { count: props.changes.length })}</h2>
      <SpeakerChangeList changes={props.changes} timeZone={props.timeZone} />
      {props.canMarkSeen ? (
        <Form method="post" action={`/editions/${props.editionSlug}/speaker-changes`}>
          <input type="hidden" name="intent" value="seen" />
          <input type="hidden" name="speaker" value={props.speakerUuid} />
          <input type="hidden" name="redirectTo" value={`/editions/${props.editionSlug}/speakers/${props.speakerUuid}`} />
          <button type="submit" className="button button-small">
            {t("changes.seen")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
