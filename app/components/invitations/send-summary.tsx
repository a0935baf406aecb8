// What the invitations page shows after sending: the tally of a send, a link made by hand.
import { CopyButton } from "~/components/copy-button";
import { useT } from "~/i18n";
import type { LinkUse, SendKind, SendOutcome } from "~/services/invitations.server";
import { When } from "./when";

export type SendResult = { speakerUuid: string; outcome: SendOutcome; link?: LinkUse };

/** A link made by hand: shown once, with a copy button. */
export function LinkNotice({ link, timeZone }: { link: { url: string; expiresAt: number; speakerName: string }; timeZone: string }) {
  const t = useT();
  return (
    <section className="alert alert-info invitation-link" aria-labelledby="link-title" role="status">
      <h2 id="link-title">{t("inv.linkTitle", { name: link.speakerName })}</h2>
      <p>{t("inv.linkOnce")}</p>
      <label htmlFor="invitation-link">{t("inv.linkLabel")}</label>
      <div className="copy-row">
        <input id="invitation-link" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
        <CopyButton value={link.url} targetId="invitation-link" />
      </div>
      <p>
        {t("inv.expires")} <When at={link.expiresAt} timeZone={timeZone} />
      </p>
    </section>
  );
}

export function SendSummary({ kind, results, names }: { kind: SendKind; results: SendResult[]; names: Map<string, string> }) {
  const t = useT();
  const tally = { sent: 0, stored: 0, failed: 0, no_email: 0, not_found: 0 };
  const links = { kept: 0, new: 0 };
  for (const r of results) {
    tally[r.outcome]++;
    if (r.link) links[r.link]++;
  }
  const problems = results.filter((r) => r.outcome !== "sent");
  return (
    <section className="alert alert-info send-summary" role="status" aria-labelledby="send-summary-title">
      <h2 id="send-summary-title">
        {t(kind === "reminder" ? "inv.remindedSummary" : "inv.summary", { sent: tally.sent, stored: tally.stored, failed: tally.failed })}
      </h2>
      <p>{t("inv.linkUse", { kept: links.kept, new: links.new })}</p>
      {problems.length > 0 ? (
        <ul>
          {problems.map((r) => (
            <li key={r.speakerUuid}>
              {names.get(r.speakerUuid) ?? r.speakerUuid} : {t(`inv.outcome.${r.outcome}`)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
