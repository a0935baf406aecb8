import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { refusalOf } from "~/domain/access-rights";
import { isMessageKey, useT } from "~/i18n";

/** One error view for every route: a clear sentence per HTTP status, never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = `error.${status}`;
  // A refused right is named (the guards' 403 body, app/domain/access-rights.ts).
  const refusal = status === 403 && isRouteErrorResponse(error) ? refusalOf(error.data) : null;
  const message = refusal
    ? t(refusal.where === "edition" ? "access.missingOnEdition" : "access.missing", { right: t(`access.right.${refusal.right}`) })
    : isMessageKey(key)
      ? t(key)
      : t("error.500");
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
