// The fuzzy-match index is built when the server starts, and the server is not ready until it is
// (issue #15 item 8: built by the first request, it made the first user wait 13 s quiet, 96 s at
// 100k). /healthz answers 503 "starting" meanwhile, so a load balancer or Playwright's webServer
// sends no traffic yet. Bounded: a build that fails, or outlasts MATCH_INDEX_READY_TIMEOUT_MS
// (default 5 min), is logged and the server reports ready anyway — matching then builds on first
// use as before, which is slower for one user but better than a server that never comes up.
import type { DbOrTx } from "#app/lib/db.server.ts";
import { matchIndex } from "#search/fuzzy/contact-index.server.ts";

export type MatchIndexState = "not-started" | "building" | "ready" | "failed" | "timed-out";

interface ReadinessRecord {
  state: MatchIndexState;
  startedAt: number | null;
  finishedAt: number | null;
}

const g = globalThis as unknown as { __relayMatchReadiness?: ReadinessRecord };
function record(): ReadinessRecord {
  return (g.__relayMatchReadiness ??= { state: "not-started", startedAt: null, finishedAt: null });
}

export interface MatchIndexReadiness {
  /** False only while the start-up build runs (within its bound). */
  ready: boolean;
  state: MatchIndexState;
}

export function matchIndexReadiness(): MatchIndexReadiness {
  const { state } = record();
  // "not-started": nothing asked for a warm-up (tests, scripts): nothing to wait for.
  return { ready: state !== "building", state };
}

export interface WarmupOptions {
  timeoutMs?: number;
  /** The build itself (tests inject a slow or failing one). */
  build?: () => Promise<void>;
  log?: Pick<Console, "info" | "warn" | "error">;
}

export const DEFAULT_READY_TIMEOUT_MS = 300_000;

/** Starts the index build once per process; resolves when the server may report ready. */
export function startMatchIndexWarmup(db: DbOrTx, options: WarmupOptions = {}): Promise<void> {
  const rec = record();
  if (rec.state !== "not-started") return Promise.resolve();
  const timeoutMs = options.timeoutMs ?? (Number(process.env.MATCH_INDEX_READY_TIMEOUT_MS) || DEFAULT_READY_TIMEOUT_MS);
  const log = options.log ?? console;
  const build = options.build ?? (() => matchIndex().ready(db, true));
  rec.state = "building";
  rec.startedAt = Date.now();
  log.info("match index: building before the server reports ready");
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      if (rec.state !== "building") return;
      rec.state = "timed-out";
      log.warn(`match index: still building after ${timeoutMs} ms; reporting ready, it finishes in the background`);
      resolve();
    }, timeoutMs);
    timer.unref?.();
    build().then(
      () => {
        clearTimeout(timer);
        rec.finishedAt = Date.now();
        const wasTimedOut = rec.state === "timed-out";
        rec.state = "ready";
        const stats = matchIndex().stats();
        log.info(
          `match index: ready in ${rec.finishedAt - (rec.startedAt ?? rec.finishedAt)} ms` +
            ` (${stats.contacts} contacts, ${stats.companies} companies${wasTimedOut ? ", after the bound" : ""})`,
        );
        resolve();
      },
      (error: unknown) => {
        clearTimeout(timer);
        rec.finishedAt = Date.now();
        rec.state = "failed";
        log.error("match index: start-up build failed; it will build on first use", error);
        resolve();
      },
    );
  });
}

/** Tests: forget the warm-up so another can start. */
export function resetMatchIndexReadiness(): void {
  g.__relayMatchReadiness = { state: "not-started", startedAt: null, finishedAt: null };
}
