// Keys and clicks made before the page's data is decoded stay the browser's own (ADR 0031).
//
// React 18 answers a click or a key on a page that is still hydrating by hydrating it at once,
// synchronously. RemixBrowser's first render waits for the page's data (the single-fetch stream)
// to be decoded, and a synchronous render cannot wait: React gives up (its error #345) and the
// page is never hydrated. So from the moment React listens until the route tree renders (the
// data is decoded then, and a synchronous hydration succeeds), these events do not reach React:
// a form posts as a plain form, a link navigates, a key types, exactly as before the script came.
import { createContext, useContext } from "react";

/** The events React 18 hydrates synchronously for (its "discrete replayable" events). */
const EVENTS_THAT_FORCE_HYDRATION = [
  "mousedown", "mouseup", "auxclick", "click", "dblclick", "contextmenu",
  "pointerdown", "pointerup", "pointercancel", "touchstart", "touchend", "touchcancel",
  "dragstart", "dragend", "drop",
  "keydown", "keypress", "keyup", "compositionstart", "compositionend", "input", "textInput", "change",
  "copy", "cut", "paste", "reset", "submit",
] as const;

function keepFromReact(event: Event) {
  event.stopPropagation();
}

/** Holds the events back, on the window in its capture phase (before React's own listeners); returns the release. */
export function holdEarlyEvents(target: Window): () => void {
  for (const type of EVENTS_THAT_FORCE_HYDRATION) target.addEventListener(type, keepFromReact, true);
  return () => {
    for (const type of EVENTS_THAT_FORCE_HYDRATION) target.removeEventListener(type, keepFromReact, true);
  };
}

/** The release, given by the client entry; nothing to release on the server. */
export const ReleaseEarlyEvents = createContext<() => void>(() => {});

/**
 * Called by the root layout as it renders: it renders only once the data is decoded. Releasing
 * twice (a render repeated) does nothing more.
 */
export function useReleaseEarlyEvents() {
  useContext(ReleaseEarlyEvents)();
}
