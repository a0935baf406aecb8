import { Form, useLocation } from "@remix-run/react";
import { useLocale, useT } from "~/i18n";

/** A plain form, so the switch works without JavaScript too. */
export function LocaleSwitch() {
  const locale = useLocale();
  const t = useT();
  const location = useLocation();
  const other = locale === "fr" ? "en" : "fr";
  return (
    <Form method="post" action="/locale" className="locale-switch" aria-label={t("locale.switch")}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" name="locale" value={other} lang={other}>
        {t(other === "fr" ? "locale.fr" : "locale.en")}
      </button>
    </Form>
  );
}
