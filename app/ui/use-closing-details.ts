import { useCallback, useEffect, useRef } from "react";
import { useLocation } from "react-router";

/**
 * For a menu or drawer built on `<details>` (it opens and closes without JavaScript): once hydrated
 * it closes on every navigation. Returns the element's `ref` and `close()` for Escape, a backdrop
 * click or a click elsewhere.
 */
export function useClosingDetails() {
  const ref = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  const close = useCallback(() => {
    if (ref.current) ref.current.open = false;
  }, []);
  useEffect(() => {
    close();
  }, [close, location.key]);
  return { ref, close };
}
