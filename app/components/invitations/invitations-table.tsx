// The invitations page's table: each speaker's invitation state, link and last email, and
// (for editors) send, make a link by hand, revoke.
import { Form } from "@remix-run/react";
import { ConfirmForm } from "~/components/forms/confirm-form";
import { useT } from "~/i18n";
import type { InvitationRow } from "~/models/invitations.server";
import { When } from "./when";

export function InvitationsTable({ rows, timeZone, canWrite, busy }: { rows: InvitationRow[]; timeZone: string; canWrite: boolean; busy: boolean }) {
  const t = useT();
  return (
    <table className="table invitations-table">
      <caption className="visually-hidden">{t("inv.title")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("inv.speaker")}</th>
          <th scope="col">{t("inv.state")}</th>
          <th scope="col">{t("inv.link")}</th>
          <th scope="col">{t("inv.lastEmail")}</th>
          {canWrite ? <th scope="col">{t("inv.actions")}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.speakerUuid} data-speaker={row.speakerUuid}>
            <th scope="row">
              {row.publicName}
              <span className="muted-line">
                {row.email ?? t("inv.noEmail")} · {row.locale.toUpperCase()}
              </span>
            </th>
            <td>
              <span className={`badge badge-${row.state}`} data-testid="state">
                {t(`inv.state.${row.state}`)}
              </span>
            </td>
            <td>
              {t(`inv.linkStatus.${row.link}`)}
              {row.link === "active" ? (
                <span className="muted-line">
                  {t("inv.expires")} <When at={row.expiresAt} timeZone={timeZone} />
                </span>
              ) : null}
              {row.lastOpenedAt ? (
                <span className="muted-line">
                  {t("inv.opened")} <When at={row.lastOpenedAt} timeZone={timeZone} />
                </span>
              ) : null}
            </td>
            <td>
              {row.lastEmail ? (
                <>
                  {t(`outbox.state.${row.lastEmail.state}`)}
                  <span className="muted-line">
                    <When at={row.lastEmail.at} timeZone={timeZone} />
                  </span>
                </>
              ) : (
                "—"
              )}
            </td>
            {canWrite ? (
              <td>
                <div className="row-actions">
                  <Form method="post">
                    <input type="hidden" name="intent" value="send" />
                    <input type="hidden" name="speaker" value={row.speakerUuid} />
                    <button type="submit" className="button button-small" disabled={!row.email || busy}>
                      {t(row.link === "none" ? "inv.send" : "inv.resend")}
                      <span className="visually-hidden"> — {row.publicName}</span>
                    </button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value="link" />
                    <input type="hidden" name="speaker" value={row.speakerUuid} />
                    <button type="submit" className="button button-small" disabled={busy}>
                      {t("inv.makeLink")}
                      <span className="visually-hidden"> — {row.publicName}</span>
                    </button>
                  </Form>
                  {row.link === "active" ? (
                    <ConfirmForm
                      intent="revoke"
                      target={row.speakerUuid}
                      fields={{ speaker: row.speakerUuid }}
                      small
                      disabled={busy}
                      label={
                        <>
                          {t("inv.revoke")}
                          <span className="visually-hidden"> — {row.publicName}</span>
                        </>
                      }
                      consequence={t("inv.revokeConsequence", { name: row.publicName })}
                      confirmLabel={t("inv.revokeConfirm")}
                    />
                  ) : null}
                </div>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
