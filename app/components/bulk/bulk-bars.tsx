// The bulk bars of the sessions and speakers lists: one form each (reloadDocument, so exports
// download and every button works the same with or without JavaScript). Changes are posted to
// the list's action; the export goes to the list's CSV export and the invitation to the
// invitations page's preview (who will receive, live links kept) with the ticked rows.
import { Form } from "@remix-run/react";
import { isMessageKey, useLocale, useT } from "~/i18n";
import { SESSION_STATUSES } from "~/domain/vocabulary";
import { SeparatorField } from "../csv-export";
import type { FieldErrors } from "~/utils/forms";
import { SelectedCount, type Selection } from "./selection";

type Named = { uuid: string; nameFr: string; nameEn: string };

/** What a refused bulk change answered: its errors, the values kept, and the confirmation it asks for. */
export type BulkAnswer = { errors: FieldErrors; values: Record<string, string | string[]>; confirm?: string } | null;

function Errors({ errors }: { errors: FieldErrors }) {
  const t = useT();
  const shown = Object.values(errors);
  if (shown.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert" data-testid="bulk-error">
      {shown.map((message) => (
        <p key={message}>{isMessageKey(message) ? t(message) : message}</p>
      ))}
    </div>
  );
}

function ExportFields({ kind, editionSlug }: { kind: "sessions" | "speakers"; editionSlug: string }) {
  const t = useT();
  return (
    <div className="bulk-group">
      <SeparatorField />
      <button type="submit" className="button" formMethod="get" formAction={`/editions/${editionSlug}/${kind}.csv`}>
        {t("bulk.export")}
      </button>
    </div>
  );
}

export function SessionsBulkBar(props: {
  id: string;
  editionSlug: string;
  selection: Selection;
  options: { formats: Named[]; themes: Named[] };
  canWrite: boolean;
  answer: BulkAnswer;
}) {
  const { id, editionSlug, selection, options, canWrite, answer } = props;
  const t = useT();
  const locale = useLocale();
  const name = (named: Named) => (locale === "en" ? named.nameEn : named.nameFr);
  const kept = (field: string) => {
    const value = answer?.values[field];
    return typeof value === "string" ? value : "";
  };
  const asked = answer?.confirm === "bulkStatus";
  return (
    <Form method="post" reloadDocument id={id} className="bulk-bar" aria-label={t("bulk.bar")} hidden={selection.hydrated && selection.ticked.size === 0 && !answer}>
      <SelectedCount selection={selection} />
      {answer ? <Errors errors={answer.errors} /> : null}
      {asked ? (
        <div className="alert alert-warning" role="alert" data-testid="bulk-confirm">
          <p>{t("bulk.cancel.asked", { count: selection.ticked.size })}</p>
          <input type="hidden" name="confirm" value="yes" />
          <button type="submit" name="intent" value="bulkStatus" className="button button-danger">
            {t("bulk.cancel.yes", { count: selection.ticked.size })}
          </button>
        </div>
      ) : null}
      {canWrite ? (
        <>
          <div className="bulk-group">
            <label htmlFor={`${id}-status`}>{t("bulk.status")}</label>
            <select id={`${id}-status`} name="status" defaultValue={kept("status")}>
              <option value="">{t("bulk.choose")}</option>
              {SESSION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
            <button type="submit" name="intent" value="bulkStatus" className="button">
              {t("bulk.apply.status")}
            </button>
          </div>
          <div className="bulk-group">
            <label htmlFor={`${id}-theme`}>{t("bulk.theme")}</label>
            <select id={`${id}-theme`} name="theme" defaultValue={kept("theme")}>
              <option value="">{t("bulk.choose")}</option>
              {options.themes.map((theme) => (
                <option key={theme.uuid} value={theme.uuid}>
                  {name(theme)}
                </option>
              ))}
              <option value="none">{t("bulk.noTheme")}</option>
            </select>
            <button type="submit" name="intent" value="bulkTheme" className="button">
              {t("bulk.apply.theme")}
            </button>
          </div>
          <div className="bulk-group">
            <label htmlFor={`${id}-format`}>{t("bulk.format")}</label>
            <select id={`${id}-format`} name="format" defaultValue={kept("format")}>
              <option value="">{t("bulk.choose")}</option>
              {options.formats.map((format) => (
                <option key={format.uuid} value={format.uuid}>
                  {name(format)}
                </option>
              ))}
              <option value="none">{t("bulk.noFormat")}</option>
            </select>
            <button type="submit" name="intent" value="bulkFormat" className="button">
              {t("bulk.apply.format")}
            </button>
          </div>
        </>
      ) : null}
      <ExportFields kind="sessions" editionSlug={editionSlug} />
      {canWrite ? (
        <div className="bulk-group">
          <button type="submit" name="bulk" value="selection" className="button" formMethod="get" formAction={`/editions/${editionSlug}/invitations`}>
            {t("bulk.inviteSessions")}
          </button>
        </div>
      ) : null}
    </Form>
  );
}

/** The speakers list's bar: nothing is posted from it; both buttons lead to a page or a file. */
export function SpeakersBulkBar({ id, editionSlug, selection, canWrite }: { id: string; editionSlug: string; selection: Selection; canWrite: boolean }) {
  const t = useT();
  return (
    <Form method="get" reloadDocument id={id} className="bulk-bar" aria-label={t("bulk.bar")} hidden={selection.hydrated && selection.ticked.size === 0}>
      <SelectedCount selection={selection} />
      {canWrite ? (
        <div className="bulk-group">
          <button type="submit" name="bulk" value="selection" className="button" formAction={`/editions/${editionSlug}/invitations`}>
            {t("bulk.inviteSpeakers")}
          </button>
        </div>
      ) : null}
      <ExportFields kind="speakers" editionSlug={editionSlug} />
    </Form>
  );
}
