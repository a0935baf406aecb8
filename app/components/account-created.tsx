// The answer to a new organiser account (an organisation's own, or a partner's): what was
// created and, when the admin typed none, the generated password, shown this once. The forms sit
// below the page's lists, so the notice takes the focus: it is scrolled into the window and read
// by a screen reader.
import { useEffect, useRef } from "react";
import { useT } from "~/i18n";

export function AccountCreatedNotice({ message, name, generatedPassword, testId }: { message: string; name: string; generatedPassword: string | null; testId: string }) {
  const t = useT();
  const notice = useRef<HTMLElement>(null);
  useEffect(() => {
    notice.current?.focus();
  }, [message, generatedPassword]);
  return (
    <section ref={notice} tabIndex={-1} className="alert alert-info account-created" role="status" data-testid={testId}>
      <p>{message}</p>
      {generatedPassword ? (
        <p>
          {t("organisers.generatedPassword")} <code data-testid="generated-password">{generatedPassword}</code>{" "}
          {t("organisers.generatedPasswordHint", { name })}
        </p>
      ) : null}
    </section>
  );
}
