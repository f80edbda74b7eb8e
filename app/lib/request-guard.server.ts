import { MULTIPART_MAX_BYTES } from "#app/modules/files/attachments.server.ts";
import { logAccess } from "./access-log.server.ts";
import { isDatabaseUnavailable } from "./database-errors.server.ts";
import { errorFields, log } from "./log.server.ts";
import { requestIdFor, runWithRequestContext, type RequestContext } from "./request-context.server.ts";
import { applySecurityHeaders } from "./security-headers.server.ts";
import { unavailableResponse } from "./unavailable-response.server.ts";

// The edge every request passes before React Router sees it (issue #13): body limits per route class
// enforced on the stream, and bodies an action cannot read refused with 400/415 instead of failing
// inside the action as a 500. scripts/serve.mjs calls `handleGuarded` (exported through
// entry.server.tsx, so it ships in the server build); the fuzz suite calls the same function.

/** Form posts (and React Router's `.data` action requests): a form is a few kilobytes. */
export const FORM_MAX_BYTES = 1024 * 1024;
/** JSON APIs (`/api/*`, `/crm/api/*`); the intake API reads at most 64 KiB of it itself. */
export const JSON_API_MAX_BYTES = 256 * 1024;
/** Multipart uploads on the routes that take attachments: the configured attachment cap. */
export const UPLOAD_MAX_BYTES = MULTIPART_MAX_BYTES;

export type RouteClass = "form" | "json-api" | "upload";

/** Routes whose forms carry attachments (multipart), by URL path without a `.data` suffix. */
const UPLOAD_PATHS: readonly RegExp[] = [
  /^\/zone\/requests\/(new|\d+)$/,
  /^\/crm\/service\/(new|\d+)$/,
  /^\/crm\/knowledge\/\d+$/,
];

const API_PATH = /^\/(crm\/)?api\//;
const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

function routePath(url: URL): string {
  const path = url.pathname.replace(/\.data$/, "");
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

/** Which limit applies to a request with a body. */
export function routeClassOf(url: URL, contentType: string | null): RouteClass {
  const path = routePath(url);
  if (API_PATH.test(path)) return "json-api";
  if (mediaType(contentType) === "multipart/form-data" && UPLOAD_PATHS.some((re) => re.test(path))) return "upload";
  return "form";
}

export function maxBytesOf(routeClass: RouteClass): number {
  return routeClass === "upload" ? UPLOAD_MAX_BYTES : routeClass === "json-api" ? JSON_API_MAX_BYTES : FORM_MAX_BYTES;
}

/** A multipart type with a usable boundary parameter (RFC 2046: 1–70 characters). */
function hasBoundary(contentType: string): boolean {
  const match = /;\s*boundary=("?)([^";]{1,70})\1\s*(;|$)/i.exec(contentType);
  return match !== null;
}

function plain(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

/**
 * The 413. The server discards whatever of the body is still arriving and hangs up a second after the
 * answer (scripts/serve.mjs), so the client reads the 413 rather than a reset connection.
 */
export function payloadTooLarge(maxBytes: number): Response {
  return plain(413, `Payload Too Large (limit ${Math.floor(maxBytes / 1024)} KiB)`);
}

/**
 * Why a request's body cannot be accepted before anything reads it, or null. Forms accept only what
 * HTML forms send (urlencoded, multipart with a boundary); JSON APIs judge their own content types.
 */
export function refuseBeforeReading(request: Request): Response | null {
  if (!BODY_METHODS.has(request.method)) return null;
  const url = new URL(request.url);
  const contentType = request.headers.get("Content-Type");
  const routeClass = routeClassOf(url, contentType);
  const declared = request.headers.get("Content-Length");
  if (declared !== null) {
    const length = Number(declared);
    if (!/^\d+$/.test(declared.trim())) return plain(400, "Bad Request (Content-Length)");
    if (length > maxBytesOf(routeClass)) return payloadTooLarge(maxBytesOf(routeClass));
  }
  if (routeClass === "json-api") return null;
  const type = mediaType(contentType);
  if (type === "application/x-www-form-urlencoded") return null;
  if (type === "multipart/form-data") {
    return hasBoundary(contentType ?? "") ? null : plain(400, "Bad Request (multipart without boundary)");
  }
  return plain(415, "Unsupported Media Type (send a form: application/x-www-form-urlencoded or multipart/form-data)", {
    Accept: "application/x-www-form-urlencoded, multipart/form-data",
  });
}

/** Thrown into the body stream when it grows past its class's limit. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`request body larger than ${maxBytes} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * The request with its body counted as it streams: past `maxBytes` the stream errors (whoever reads
 * it — formData(), json(), a multipart parser — fails at once, having buffered at most the limit),
 * and `tripped()` says so, whether or not Content-Length was sent (chunked uploads).
 */
export function limitBody(request: Request, maxBytes: number): { request: Request; tripped: () => boolean } {
  if (request.body === null) return { request, tripped: () => false };
  let total = 0;
  let tripped = false;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        tripped = true;
        controller.error(new BodyTooLargeError(maxBytes));
        return;
      }
      controller.enqueue(chunk);
    },
  });
  const limited = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    // preventCancel: a tripped limit must not cancel the source, which would destroy the socket
    // before the 413 is written; the server discards the rest instead.
    body: request.body.pipeThrough(counter, { preventCancel: true }),
    signal: request.signal,
    // Node's fetch needs half duplex for a streamed request body.
    duplex: "half",
  } as RequestInit & { duplex: "half" });
  return { request: limited, tripped: () => tripped };
}

/**
 * Runs `handle` (React Router's request handler) behind the guard: refusals answer before the body
 * is read; a body that outgrows its limit while streaming answers 413 whatever the route made of the
 * failed read.
 */
export async function handleGuarded(
  request: Request,
  handle: (request: Request) => Promise<Response>,
): Promise<Response> {
  const refusal = refuseBeforeReading(request);
  if (refusal) return refusal;
  if (!BODY_METHODS.has(request.method)) return handle(request);
  const maxBytes = maxBytesOf(routeClassOf(new URL(request.url), request.headers.get("Content-Type")));
  const limited = limitBody(request, maxBytes);
  try {
    const response = await handle(limited.request);
    if (!limited.tripped()) return response;
    await response.body?.cancel();
  } catch (error) {
    if (!limited.tripped()) throw error;
  }
  return payloadTooLarge(maxBytes);
}

/** A copy of `response` whose headers can be changed (some Responses have immutable headers). */
function mutable(response: Response): Response {
  try {
    response.headers.set("X-Content-Type-Options", "nosniff");
    return response;
  } catch {
    return new Response(response.body, response);
  }
}

/**
 * What the production server runs for every request React Router answers: a request id and context
 * (logs, error pages), the guard above, a 503 with Retry-After when the database could not serve,
 * the security headers on whatever came back (documents already carry their nonce policy), and one
 * access-log line.
 */
export async function handleAppRequest(
  request: Request,
  handle: (request: Request) => Promise<Response>,
  options: { production: boolean },
): Promise<Response> {
  const url = new URL(request.url);
  const context: RequestContext = {
    requestId: requestIdFor(request),
    method: request.method,
    path: url.pathname,
    startedAt: performance.now(),
    databaseUnavailable: false,
  };
  return runWithRequestContext(context, async () => {
    let response: Response;
    try {
      response = mutable(await handleGuarded(request, handle));
    } catch (error) {
      // React Router answers loader/action failures itself; what escapes is a failure of the handler.
      if (isDatabaseUnavailable(error)) context.databaseUnavailable = true;
      else log.error("http.unhandled", errorFields(error));
      response = new Response("Internal Server Error", { status: 500, headers: { "Content-Type": "text/plain" } });
    }
    if (response.status >= 500 && context.databaseUnavailable) {
      response = await unavailableResponse(request, response, context.requestId);
    }
    response.headers.set("X-Request-Id", context.requestId);
    applySecurityHeaders(response.headers, options);
    logAccess(context, response.status);
    return response;
  });
}
