import type { AppLoadContext } from "react-router";

declare module "react-router" {
  interface AppLoadContext {
    /** Client address as resolved by the HTTP server (Express `req.ip`, honouring `trust proxy`). */
    clientIp?: string;
  }
}

/** The caller's IP. The production server always sets it; the Vite dev server does not. */
export function clientIp(context: AppLoadContext | undefined): string {
  return context?.clientIp ?? "127.0.0.1";
}

export function userAgent(request: Request): string | null {
  return request.headers.get("User-Agent")?.slice(0, 255) ?? null;
}

// One redirect-target parser for the whole app (issue #13); re-exported where callers always found it.
export { safeRedirectPath } from "./safe-redirect.ts";
