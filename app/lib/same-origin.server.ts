import { data } from "react-router";

// The Origin check React Router applies to page actions, for the resource routes it skips (issue #13:
// sign-out and sign-out-everywhere were posted from a sibling port). A browser names the page that
// sent a POST in `Origin`; when it does not (older browsers), `Sec-Fetch-Site` still says whether the
// request came from another site. Clients that send neither (curl, tests) carry no ambient cookies
// from another page and pass, as they do React Router's own check.

/** Whether a browser sent this request from a page of another origin. */
export function isCrossOrigin(request: Request): boolean {
  const origin = request.headers.get("Origin");
  if (origin !== null) {
    if (origin === "null") return true;
    try {
      return new URL(origin).origin !== new URL(request.url).origin;
    } catch {
      return true;
    }
  }
  const site = request.headers.get("Sec-Fetch-Site");
  return site !== null && site !== "same-origin" && site !== "none";
}

/** Throws 403 for a cross-origin request (a state-changing resource route calls it first). */
export function requireSameOrigin(request: Request): void {
  if (isCrossOrigin(request)) throw data({ error: "cross-origin request refused" }, { status: 403 });
}
