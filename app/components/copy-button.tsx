import { useState } from "react";
import { useT } from "~/i18n";
import { useHydrated } from "./use-hydrated";

/**
 * Copies `value` to the clipboard. It shows only once the page runs JavaScript: without it, the
 * text stays selectable in its field (`targetId`), which is also selected when the browser
 * refuses the clipboard (an http page, a denied permission).
 */
export function CopyButton({ value, targetId }: { value: string; targetId: string }) {
  const t = useT();
  const hydrated = useHydrated();
  const [state, setState] = useState<"idle" | "done" | "failed">("idle");
  if (!hydrated) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState("done");
    } catch {
      const field = document.getElementById(targetId);
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
        field.focus();
        field.select();
      }
      setState("failed");
    }
  };
  return (
    <>
      <button type="button" className="button button-small" aria-describedby={`${targetId}-copy-status`} onClick={() => void copy()}>
        {t("copy.button")}
      </button>
      <span id={`${targetId}-copy-status`} role="status" className="copy-status">
        {state === "done" ? t("copy.done") : state === "failed" ? t("copy.failed") : ""}
      </span>
    </>
  );
}
