import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { holdEarlyEvents, ReleaseEarlyEvents } from "./components/early-events";

// Until the route tree renders, clicks and keys stay the browser's own (ADR 0031).
const release = holdEarlyEvents(window);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <ReleaseEarlyEvents.Provider value={release}>
        <RemixBrowser />
      </ReleaseEarlyEvents.Provider>
    </StrictMode>,
  );
});
