import { Form } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useErrorText } from "~/components/forms/field";
import { useT } from "~/i18n";
import type { StaleSave } from "~/utils/stale";

/**
 * The answer to a refused save: someone else saved this record after the organiser read it.
 *
 * Usage (the action answers with `staleSave()` from ~/utils/stale.server, status 409):
 *
 *   const actionData = useActionData<typeof action>();
 *   {isStaleSave(actionData) ? <StaleNotice stale={actionData} /> : null}
 *   // and the page's own form keeps `actionData.values` as its default values.
 *
 * It shows, field by field, what is saved now and what the organiser typed, who saved in
 * between and when. "Re-apply my change on top" is a real <Form method="post"> whose hidden
 * inputs re-send exactly what the organiser submitted with the current version, so it
 * works with JavaScript off. The page's own form keeps the version it was read at: saving
 * it again is refused again rather than silently overwriting.
 */
export function StaleNotice({ stale, action }: { stale: StaleSave; action?: string }) {
  const t = useT();
  const label = useErrorText();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [stale]);
  const hidden: [string, string][] = [];
  for (const [name, value] of Object.entries(stale.values)) {
    if (name === stale.versionField) continue;
    for (const one of Array.isArray(value) ? value : [value]) hidden.push([name, one]);
  }
  return (
    <section className="stale-notice alert alert-error" role="alert" aria-labelledby="stale-title" data-testid="stale-notice">
      <h2 id="stale-title" tabIndex={-1} ref={heading}>
        {t("stale.title")}
      </h2>
      <p>
        {stale.changedBy && stale.changedAt
          ? t("stale.byWhom", { name: stale.changedBy, date: stale.changedAt.date, time: stale.changedAt.time })
          : t("stale.unknown")}
        {stale.savesSince > 1 ? ` ${t("stale.saves", { count: stale.savesSince })}` : null}
      </p>
      {stale.changes.length > 0 ? (
        <table className="table stale-changes">
          <caption>{t("stale.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("stale.field")}</th>
              <th scope="col">{t("stale.theirs")}</th>
              <th scope="col">{t("stale.yours")}</th>
            </tr>
          </thead>
          <tbody>
            {stale.changes.map((change) => (
              <tr key={change.field} data-field={change.field}>
                <th scope="row">
                  {label(change.label)}
                  {change.changedByOther ? <span className="stale-marker"> {t("stale.changedByOther")}</span> : null}
                </th>
                <td className="stale-theirs">{change.theirs || t("stale.empty")}</td>
                <td className="stale-yours">{change.yours || t("stale.empty")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("stale.noDifference")}</p>
      )}
      <p>{t("stale.explain")}</p>
      <div className="stale-actions">
        <Form method="post" action={action}>
          {hidden.map(([name, value], index) => (
            <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name={stale.versionField} value={stale.currentVersion} />
          <button type="submit" className="button button-primary">
            {t("stale.reapply")}
          </button>
        </Form>
        <a className="button" href="?">
          {t("stale.discard")}
        </a>
      </div>
    </section>
  );
}
