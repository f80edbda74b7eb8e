import { Transform, type TransformCallback } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { ServerRouter, type EntryContext } from "react-router";
import { env } from "./lib/env.server.ts";
// Registers both dictionaries, so server renders never wait for one (lib/i18n/catalog.ts).
import "./lib/i18n/translate.ts";
import { createNonce, documentPolicy } from "./lib/security-headers.server.ts";
import { startWorker } from "./modules/jobs/worker.server.ts";
import { ensureSearchReady } from "#search/reindex.server.ts";
import { stopSearchFollower } from "#search/feed-follower.server.ts";
import { getSearchEngine } from "#search/engine-selection.server.ts";
import { db } from "./lib/db.server.ts";
import { isDatabaseUnavailable } from "./lib/database-errors.server.ts";
import { errorFields, log } from "./lib/log.server.ts";
import { currentRequestContext } from "./lib/request-context.server.ts";
import { startMatchIndexWarmup } from "./modules/crm/matching/index-readiness.server.ts";
import { flushForumViews } from "./modules/forum/forum-view-counter.server.ts";

// The production server (scripts/serve.mjs) takes the request guard from the server build.
export { handleAppRequest } from "./lib/request-guard.server.ts";

export const streamTimeout = 5_000;

/**
 * Every loader/action/render failure, as one structured log line with the request id; failures
 * because the database could not serve mark the request, so the server answers 503 + Retry-After
 * instead of 500 (request-guard.server.ts). Aborted requests (client went away) are not errors.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  if (isDatabaseUnavailable(error)) {
    const context = currentRequestContext();
    if (context) context.databaseUnavailable = true;
    log.warn("database.unavailable", errorFields(error));
    return;
  }
  log.error("request.failed", errorFields(error));
}

// The web process also runs the background worker (outbox delivery, search sync) unless
// RUN_WORKER=0; claims use SKIP LOCKED, so any number of instances may run it side by side.
const g = globalThis as unknown as { __relayWorkerStarted?: boolean; __relayStopWorker?: () => Promise<void> };
if (env.RUN_WORKER === "1" && env.NODE_ENV !== "test" && !g.__relayWorkerStarted) {
  g.__relayWorkerStarted = true;
  g.__relayStopWorker = startWorker();
}

/**
 * Graceful shutdown (issue #12 item 3), called by scripts/serve.mjs on SIGTERM after the listener
 * closed: the in-process worker finishes the batch it holds, then the database pool closes.
 */
export async function shutdownBackgroundWork(): Promise<void> {
  await g.__relayStopWorker?.();
  // The search feed follower writes its last index snapshot, so the next start loads it.
  await stopSearchFollower(getSearchEngine()).catch((error: unknown) =>
    log.error("search.stop.failed", errorFields(error)),
  );
  // Thread views counted in memory since the last flush (decision 065).
  await flushForumViews().catch((error: unknown) => log.error("forum.views.flush.failed", errorFields(error)));
  await db.$disconnect();
}

// The embedded search index lives in memory: start rebuilding it with the server rather than on the
// first search, so the first person to type in the search box does not wait for it.
const gs = globalThis as unknown as { __relaySearchWarm?: boolean };
if (env.NODE_ENV !== "test" && !gs.__relaySearchWarm) {
  gs.__relaySearchWarm = true;
  ensureSearchReady().catch((error: unknown) => log.error("search.warmup.failed", errorFields(error)));
  // The fuzzy-match index too; /healthz reports "starting" until it is built (bounded).
  void startMatchIndexWarmup(db);
}

/**
 * Joins the small chunks React writes in one burst into one chunk. The response adapter flushes the
 * compressor after every chunk it receives, so React's ~2 KB writes became one Brotli/gzip flush and
 * one socket write each: a third more bytes and a measurable share of a page's CPU time. Chunks
 * still leave at the end of the tick, so Suspense boundaries stream as before.
 */
class CoalescingStream extends Transform {
  private chunks: Buffer[] = [];
  private scheduled = false;

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback) {
    this.chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.release());
    }
    callback();
  }

  override _flush(callback: TransformCallback) {
    this.release();
    callback();
  }

  private release() {
    this.scheduled = false;
    if (this.chunks.length === 0) return;
    const joined = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    this.chunks = [];
    this.push(joined);
  }
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
) {
  // One nonce per document: React Router's inline scripts and React's streaming scripts carry it.
  const nonce = createNonce();
  if (env.NODE_ENV === "production") responseHeaders.set("Content-Security-Policy", documentPolicy(nonce));
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // Bots and no-JS clients get the whole document at once; browsers get it streamed.
    const readyEvent =
      isbot(request.headers.get("user-agent") ?? "") || routerContext.isSpaMode ? "onAllReady" : "onShellReady";
    const router = <ServerRouter context={routerContext} url={request.url} nonce={nonce} />;
    const { pipe, abort } = renderToPipeableStream(router, {
      nonce,
      [readyEvent]() {
        shellRendered = true;
        const body = new CoalescingStream();
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        resolve(
          new Response(createReadableStreamFromReadable(body), {
            headers: responseHeaders,
            status: responseStatusCode,
          }),
        );
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) log.error("render.failed", errorFields(error));
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}
