import { useActionData, useLocation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useT } from "~/i18n";
import { doneOf } from "~/utils/done";

/**
 * What the last save did, said in a live region and given the focus (so a screen reader reads
 * it after the page changed under the form). Shows nothing once the page answers a new post
 * (its own errors or notices then speak).
 */
export function SaveStatus() {
  const [search] = useSearchParams();
  const { key } = useLocation();
  const answered = useActionData() !== undefined;
  const t = useT();
  const done = answered ? null : doneOf(search);
  const message = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) message.current?.focus();
    // Once per arrival: the location's key changes with each redirect back here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return (
    <div role="status" aria-live="polite" className="save-status">
      {done ? (
        <p ref={message} tabIndex={-1} className="alert alert-success" data-testid="save-status">
          {t(done.message, { count: done.count })}
        </p>
      ) : null}
    </div>
  );
}
