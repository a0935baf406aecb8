// The one way a destructive or far-reaching action asks first (issue 14 item 8): a disclosure
// whose summary names the action and whose content says what will happen, with the button that
// sends the confirmed request (`confirm=yes`). It works without JavaScript (a native <details>);
// a request that skipped it gets the step back, open (see app/utils/confirm.server.ts).
import { Form, useActionData } from "@remix-run/react";
import { useId } from "react";
import { useT } from "~/i18n";

export function ConfirmForm({
  intent,
  target,
  action,
  fields = {},
  label,
  consequence,
  confirmLabel,
  className,
  small = false,
  disabled = false,
}: {
  intent: string;
  /** Which of several forms of one intent on the page (as the action's askConfirmation was told). */
  target?: string;
  /** The route that acts, when it is not the page's own (a resource route). */
  action?: string;
  /** Hidden fields the action reads (version, speaker…). */
  fields?: Record<string, string | number>;
  /** What the button says, e.g. « Supprimer cette salle ». */
  label: React.ReactNode;
  /** What will happen, in the organisers' words. */
  consequence: string;
  /** The confirming button; defaults to « Oui, {label} ». */
  confirmLabel?: string;
  className?: string;
  small?: boolean;
  disabled?: boolean;
}) {
  const t = useT();
  const answer = useActionData<unknown>();
  const id = useId();
  const asked =
    typeof answer === "object" && answer !== null && "confirm" in answer && answer.confirm === intent && (!target || ("target" in answer && answer.target === target));
  return (
    <details className={`confirm${className ? ` ${className}` : ""}`} open={asked || undefined} data-confirm={intent}>
      <summary className={`button button-danger${small ? " button-small" : ""}`} aria-disabled={disabled || undefined}>
        {label}
      </summary>
      <Form method="post" action={action} className="confirm-step" aria-labelledby={`${id}-what`}>
        <input type="hidden" name="intent" value={intent} />
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={String(value)} />
        ))}
        <input type="hidden" name="confirm" value="yes" />
        <p id={`${id}-what`} className={asked ? "alert alert-warning" : "confirm-what"} role={asked ? "alert" : undefined} data-testid="confirm-consequence">
          {asked ? `${t("confirm.asked")} ` : null}
          {consequence}
        </p>
        <button type="submit" className={`button button-danger${small ? " button-small" : ""}`} disabled={disabled}>
          {confirmLabel ?? t("confirm.yes")}
        </button>
      </Form>
    </details>
  );
}
