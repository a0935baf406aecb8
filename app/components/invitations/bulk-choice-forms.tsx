// The two GET forms that choose who a message to a list goes to (invitations, reminders);
// the loader answers with a preview of the names before anything is sent.
import { Form } from "@remix-run/react";
import { AUDIENCES, REMINDER_AUDIENCES } from "~/domain/invitations";
import { useT } from "~/i18n";
import type { BulkPreview } from "~/schemas/invitations";

export function BulkChoiceForms({ q, preview, weekAgo }: { q: string; preview: { choice: BulkPreview } | null; weekAgo: string }) {
  const t = useT();
  const chosen = (audience: string) => (preview && "audience" in preview.choice ? (preview.choice.audience as string[]).includes(audience) : false);
  const remindChoice = preview?.choice.bulk === "remind" ? preview.choice : null;
  return (
    <div className="bulk-forms">
      <Form method="get" className="bulk-send" aria-labelledby="bulk-invite-title">
        <h2 id="bulk-invite-title">{t("inv.list.title")}</h2>
        <p>{t("inv.list.lead")}</p>
        <input type="hidden" name="bulk" value="invite" />
        {q ? <input type="hidden" name="q" value={q} /> : null}
        <fieldset className="checkbox-group">
          <legend>{t("inv.audience.legend")}</legend>
          {AUDIENCES.map((audience) => (
            <div className="checkbox" key={audience}>
              <input
                id={`invite-${audience}`}
                type="checkbox"
                name="audience"
                value={audience}
                defaultChecked={preview?.choice.bulk === "invite" ? chosen(audience) : audience === "not_invited"}
              />
              <label htmlFor={`invite-${audience}`}>{t(`inv.audience.${audience}`)}</label>
            </div>
          ))}
          <div className="checkbox">
            <input
              id="invite-without-session"
              type="checkbox"
              name="withoutSession"
              defaultChecked={preview?.choice.bulk === "invite" && preview.choice.withoutSession}
            />
            <label htmlFor="invite-without-session">{t("inv.audience.withoutSession")}</label>
          </div>
        </fieldset>
        <button type="submit" className="button">
          {t("inv.preview.invite")}
        </button>
      </Form>
      <Form method="get" className="bulk-remind" aria-labelledby="bulk-remind-title">
        <h2 id="bulk-remind-title">{t("inv.remind.title")}</h2>
        <p>{t("inv.remind.lead")}</p>
        <input type="hidden" name="bulk" value="remind" />
        {q ? <input type="hidden" name="q" value={q} /> : null}
        <div className="field">
          <label htmlFor="remind-since">{t("inv.remind.since")}</label>
          <input id="remind-since" type="date" name="since" required defaultValue={remindChoice?.since ?? weekAgo} />
        </div>
        <fieldset className="checkbox-group">
          <legend>{t("inv.audience.legend")}</legend>
          {REMINDER_AUDIENCES.map((audience) => (
            <div className="checkbox" key={audience}>
              <input id={`remind-${audience}`} type="checkbox" name="audience" value={audience} defaultChecked={remindChoice ? chosen(audience) : true} />
              <label htmlFor={`remind-${audience}`}>{t(`inv.audience.${audience}`)}</label>
            </div>
          ))}
          <div className="checkbox">
            <input id="remind-without-session" type="checkbox" name="withoutSession" defaultChecked={remindChoice?.withoutSession ?? false} />
            <label htmlFor="remind-without-session">{t("inv.audience.withoutSession")}</label>
          </div>
        </fieldset>
        <button type="submit" className="button">
          {t("inv.preview.remind")}
        </button>
      </Form>
    </div>
  );
}
