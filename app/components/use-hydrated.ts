// Whether the page's JavaScript runs: false in the server's HTML and the first client render (so
// hydration matches), true after. Controls that need scripts (drag, copy, tick-all) show then.
import { useEffect, useState } from "react";

export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
