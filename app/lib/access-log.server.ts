import { log } from "./log.server.ts";
import type { RequestContext } from "./request-context.server.ts";

// One line per request (issue #12 item 6): method, path without the query string (queries carry
// names and phone numbers), status, time to the response head, and who asked (ids only).
// Off under test runs (thousands of requests in the fuzz suite) and when ACCESS_LOG=0.
export function accessLogEnabled(): boolean {
  if (process.env.ACCESS_LOG === "0") return false;
  if (process.env.ACCESS_LOG === "1") return true;
  return process.env.NODE_ENV !== "test" && process.env.VITEST === undefined;
}

export function logAccess(context: RequestContext, status: number) {
  if (!accessLogEnabled()) return;
  const durationMs = Math.round((performance.now() - context.startedAt) * 10) / 10;
  const level = status >= 500 ? "error" : "info";
  log[level]("http.request", {
    method: context.method,
    path: context.path,
    status,
    durationMs,
    staffId: context.staffId,
    memberId: context.memberId,
  });
}
