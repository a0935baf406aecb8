import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n";
import { LocaleSwitch } from "./locale-switch";

/** The frame of pages outside an edition (the editions list, a new edition, administration). */
export function PlainPage({ admin, children }: { admin: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="shell-header">
        <p className="brand">
          <Link to="/">{t("app.name")}</Link>
        </p>
        <div className="shell-user">
          <LocaleSwitch />
          <Form method="post" action="/logout">
            <button type="submit" className="button button-small">
              {t("auth.logout")}
            </button>
          </Form>
        </div>
      </header>
      <nav className="shell-nav" aria-label={t("nav.main")}>
        <ul>
          <li>
            <NavLink to="/editions" end>
              {t("editions.title")}
            </NavLink>
          </li>
          {admin ? (
            <>
              <li>
                <NavLink to="/admin/organisers">{t("nav.organisers")}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/organisations">{t("organisations.title")}</NavLink>
              </li>
            </>
          ) : null}
        </ul>
      </nav>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
