import { NavLink, useParams } from "@remix-run/react";
import { useT } from "~/i18n";

/** The invitations section's own pages: the list, the outbox, what speakers changed and the messages' texts. */
export function InvitationsNav() {
  const t = useT();
  const { editionSlug } = useParams();
  const base = `/editions/${editionSlug}`;
  return (
    <nav className="sub-nav" aria-label={t("inv.section")}>
      <ul>
        <li>
          <NavLink to={`${base}/invitations`}>{t("inv.title")}</NavLink>
        </li>
        <li>
          <NavLink to={`${base}/outbox`}>{t("outbox.title")}</NavLink>
        </li>
        <li>
          <NavLink to={`${base}/speaker-changes`}>{t("changes.title")}</NavLink>
        </li>
        <li>
          <NavLink to={`${base}/email-texts`}>{t("emailTexts.title")}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
