// Whether this process's search engine can answer yet (issue #12 item 3, decision 055): /readyz
// reports "not ready" until the embedded index is loaded from its snapshot (or rebuilt) and caught up
// with the change feed, so a load balancer sends no searches to an instance that would answer them
// empty or wait tens of seconds. Kept on globalThis like the engine itself (dev-server reloads).

export type SearchReadinessState = "not-started" | "loading" | "ready" | "failed";

interface Tracker {
  state: SearchReadinessState;
  /** Starts the warm-up again after a failure (the database was down at start, say). */
  retry: (() => void) | null;
  startedAt: number | null;
  readyAt: number | null;
}

const g = globalThis as unknown as { __relaySearchReadiness?: Tracker };
function tracker(): Tracker {
  return (g.__relaySearchReadiness ??= { state: "not-started", retry: null, startedAt: null, readyAt: null });
}

/** Follows one warm-up of the process's engine: loading until it settles, then ready or failed. */
export function trackSearchWarmup(warmup: Promise<unknown>, retry: () => void): void {
  const t = tracker();
  t.state = "loading";
  t.retry = retry;
  t.startedAt = Date.now();
  warmup.then(
    () => {
      t.state = "ready";
      t.readyAt = Date.now();
    },
    () => {
      t.state = "failed";
    },
  );
}

export interface SearchReadiness {
  ready: boolean;
  state: SearchReadinessState;
}

/**
 * "not-started" counts as ready: the server starts the warm-up when it loads, so only tests and
 * scripts that never search see it. A failed warm-up is retried from here (the next probe sees
 * "loading"), since no search request reaches an instance the load balancer keeps out of rotation.
 */
export function searchReadiness(): SearchReadiness {
  const t = tracker();
  if (t.state === "failed" && t.retry) t.retry();
  return { ready: t.state === "ready" || t.state === "not-started", state: t.state };
}

/** Tests: forget the warm-up. */
export function resetSearchReadiness(): void {
  g.__relaySearchReadiness = { state: "not-started", retry: null, startedAt: null, readyAt: null };
}
