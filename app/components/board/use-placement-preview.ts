// The place/move form's live preview, for exactly the values the form holds: each answer is
// kept under the query it answers, and only the answer to the current query is shown (an
// earlier request answering late is ignored; until the current one answers, it is pending).
import { useEffect, useRef, useState } from "react";
import type { BoardPreview } from "~/domain/board/view";

export type PlacementPreviewState =
  | { status: "invalid" }
  | { status: "pending"; query: string }
  | { status: "ready"; query: string; preview: BoardPreview }
  /** The server refused the values (a day outside the edition, a time that does not exist). */
  | { status: "refused"; query: string };

type Answer = { query: string; preview: BoardPreview | null };

/** `query`: the preview route's query string for the form's values, or null when they cannot be previewed. `stamp`: the programme state answers hold for. */
export function usePlacementPreview(url: string, query: string | null, stamp: string): PlacementPreviewState {
  const answers = useRef(new Map<string, BoardPreview | null>());
  const [answer, setAnswer] = useState<Answer | null>(null);

  // A new programme state: answers computed against the old one are void.
  useEffect(() => {
    answers.current.clear();
    setAnswer(null);
  }, [stamp]);

  useEffect(() => {
    if (query === null || answers.current.has(query)) return;
    const controller = new AbortController();
    fetch(`${url}?${query}`, { signal: controller.signal, headers: { Accept: "application/json" } })
      .then(async (response) => {
        const preview = response.ok ? ((await response.json()) as BoardPreview) : null;
        if (controller.signal.aborted) return;
        answers.current.set(query, preview);
        setAnswer({ query, preview });
      })
      // Aborted (the values changed) or offline: the preview stays pending for these values.
      .catch(() => undefined);
    return () => controller.abort();
  }, [url, query, stamp]);

  if (query === null) return { status: "invalid" };
  const known = answers.current.get(query);
  const preview = answer?.query === query ? answer.preview : known;
  if (preview === undefined) return { status: "pending", query };
  return preview === null ? { status: "refused", query } : { status: "ready", query, preview };
}
