import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { isMessageKey, useT } from "~/i18n";

/** One error view for every route: a clear sentence per HTTP status, never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = `error.${status}`;
  const message = isMessageKey(key) ? t(key) : t("error.500");
  return (
    <section className="error-panel" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">
        {t("error.title")} <span className="error-status">({status})</span>
      </h1>
      <p>{message}</p>
      <p>
        <Link to="/">{t("error.back")}</Link>
      </p>
    </section>
  );
}
