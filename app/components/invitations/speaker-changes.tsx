// The list of what speakers changed, for the speaker-changes page and for a speaker's own
// page (load it with `listSpeakerChanges(db, { editionId, organiserId, speakerUuid })`).
import { Form } from "@remix-run/react";
import type { SpeakerChange } from "~/domain/audit-display";
import { changeLine, changeTexts } from "~/domain/history-text";
import { isMessageKey, useT } from "~/i18n";
import { useHistoryText } from "../history";
import { When } from "./when";

/** Each change with its fields under their forms' labels and its values in words (app/domain/history-text.ts). */
export function SpeakerChangeList({ changes, timeZone, names }: { changes: SpeakerChange[]; timeZone: string; names?: Readonly<Record<string, string>> }) {
  const t = useT();
  const text = useHistoryText(timeZone, names);
  return (
    <ol className="change-list">
      {changes.map((change) => {
        const lines = changeTexts(change, text);
        const what = `changes.what.${change.entity}.${change.action}`;
        return (
          <li key={change.id} className="change" data-change={change.entity}>
            <p className="change-head">
              <When at={change.at} timeZone={timeZone} /> · <strong>{t("changes.by", { name: change.speakerName })}</strong> ·{" "}
              {isMessageKey(what) ? t(what) : `${change.entity} ${change.action}`}
              {change.sessionTitle ? <> · {t("history.object", { kind: t("audit.entity.session"), name: change.sessionTitle })}</> : null}
            </p>
            {lines.length > 0 ? (
              <ul className="change-fields">
                {lines.map((line) => (
                  <li key={line.field}>{changeLine(line, text, change.before === null ? "create" : "update")}</li>
                ))}
              </ul>
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
  names?: Readonly<Record<string, string>>;
  editionSlug: string;
  speakerUuid: string;
  canMarkSeen: boolean;
}) {
  const t = useT();
  if (props.changes.length === 0) return null;
  return (
    <section aria-labelledby="speaker-own-changes" className="form-section speaker-own-changes">
      <h2 id="speaker-own-changes">{t("changes.sinceYouLooked", { count: props.changes.length })}</h2>
      <SpeakerChangeList changes={props.changes} timeZone={props.timeZone} names={props.names} />
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
