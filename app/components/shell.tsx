import { Form, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT, type MessageKey } from "~/i18n";
import { LocaleSwitch } from "./locale-switch";

export type ShellEdition = { slug: string; title: string };

/** The organiser sections of an edition, in menu order. */
const SECTIONS: { path: string; label: MessageKey; end?: boolean }[] = [
  { path: "", label: "nav.dashboard", end: true },
  { path: "board", label: "nav.board" },
  { path: "sessions", label: "nav.sessions" },
  { path: "speakers", label: "nav.speakers" },
  { path: "conflicts", label: "nav.conflicts" },
  { path: "invitations", label: "nav.invitations" },
  { path: "versions", label: "nav.versions" },
  { path: "webhooks", label: "nav.webhooks" },
  { path: "settings", label: "nav.settings" },
  { path: "audit", label: "nav.audit" },
];

export function Shell(props: {
  edition: ShellEdition;
  editions: ShellEdition[];
  organiser: { name: string; role: "admin" | "editor" | "viewer"; canImport: boolean; canAdminister: boolean };
  children: ReactNode;
}) {
  const t = useT();
  const location = useLocation();
  const base = `/editions/${props.edition.slug}`;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="shell-header">
        <p className="brand">
          <NavLink to={base}>{t("app.name")}</NavLink>
        </p>
        <Form method="get" action="/editions/switch" className="edition-switch">
          <label htmlFor="edition-switch">{t("nav.edition")}</label>
          <select id="edition-switch" name="edition" defaultValue={props.edition.slug}>
            {props.editions.map((edition) => (
              <option key={edition.slug} value={edition.slug}>
                {edition.title}
              </option>
            ))}
          </select>
          <button type="submit" className="button button-small">
            {t("nav.go")}
          </button>
        </Form>
        <div className="shell-user">
          <span>{t("auth.signedInAs", { name: props.organiser.name, role: t(`role.${props.organiser.role}`) })}</span>
          <LocaleSwitch />
          <Form method="post" action="/logout">
            <input type="hidden" name="from" value={location.pathname} />
            <button type="submit" className="button button-small">
              {t("auth.logout")}
            </button>
          </Form>
        </div>
      </header>
      <nav className="shell-nav" aria-label={t("nav.main")}>
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.path}>
              <NavLink to={section.path ? `${base}/${section.path}` : base} end={section.end} prefetch="intent">
                {t(section.label)}
              </NavLink>
            </li>
          ))}
          {props.organiser.canImport ? (
            <li>
              <NavLink to="/editions/import">{t("import.title")}</NavLink>
            </li>
          ) : null}
          {props.organiser.canAdminister ? (
            <li>
              <NavLink to="/admin/organisers" prefetch="intent">
                {t("nav.organisers")}
              </NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <main id="main" className="page" tabIndex={-1}>
        {props.children}
      </main>
    </div>
  );
}
