import { NavLink, useParams } from "@remix-run/react";
import { useT } from "~/i18n";

/** The invitations section's own pages: the list, the outbox and what speakers changed. */
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
      </ul>
    </nav>
  );
}
