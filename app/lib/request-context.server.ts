import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

// What the server knows about the request being handled, reachable from any code it calls (logs,
// error handling) without threading it through every function (issue #12 item 6).

export interface RequestContext {
  requestId: string;
  method: string;
  path: string;
  startedAt: number;
  /** Set when a loader or action failed because the database could not be reached. */
  databaseUnavailable: boolean;
  staffId?: number;
  memberId?: number;
  /** Work done once per request and shared by its loaders (see `oncePerRequest`). */
  memo?: Map<string, Promise<unknown>>;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** A client's X-Request-Id is kept when it is a plain token (a proxy's id); anything else is replaced. */
const FORWARDED_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function requestIdFor(request: Request): string {
  const forwarded = request.headers.get("X-Request-Id")?.trim();
  return forwarded && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
}

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Who is signed in, for the access log (ids only). */
export function noteRequestPrincipal(principal: { staffId?: number; memberId?: number }) {
  const context = storage.getStore();
  if (!context) return;
  if (principal.staffId !== undefined) context.staffId = principal.staffId;
  if (principal.memberId !== undefined) context.memberId = principal.memberId;
}

/**
 * Run `compute` once per request for `key` and share the promise with every loader of the request.
 * React Router hands each loader of a data request its own Request object, so a memo keyed by the
 * Request alone validated the session once per loader; the request context spans them all.
 * Outside a request (tests, jobs) it simply computes.
 */
export function oncePerRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const context = storage.getStore();
  if (!context) return compute();
  context.memo ??= new Map();
  let pending = context.memo.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = compute();
    context.memo.set(key, pending);
  }
  return pending;
}
