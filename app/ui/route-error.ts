import { isRouteErrorResponse } from "react-router";
import type { MessageKey } from "#app/lib/i18n/translate.ts";

// What an error boundary shows for a thrown route response, shared by both shells' boundaries.

/** An i18n area with its own not-found and forbidden texts (`<prefix>.notFound.title` …). */
type Prefixes<K> = K extends `${infer P}.notFound.title` ? P : never;
export type ErrorTexts = {
  [P in Prefixes<MessageKey>]: `${P}.notFound.body` | `${P}.forbidden.title` | `${P}.forbidden.body` extends MessageKey
    ? P
    : never;
}[Prefixes<MessageKey>];

/** Areas that also word the "something broke" case themselves (else the common text is used). */
type WithGeneric = {
  [P in ErrorTexts]: `${P}.generic.title` | `${P}.generic.body` extends MessageKey ? P : never;
}[ErrorTexts];
const OWN_GENERIC = new Set<string>(["zones.error"] satisfies WithGeneric[]);

export interface RouteErrorView {
  status: number;
  title: MessageKey;
  body: MessageKey;
  /**
   * The guard refused the whole module (its 403 carries the policy), as opposed to one record: the
   * way back is then the home page, since the module's own list is refused too.
   */
  moduleRefused: boolean;
}

export function routeErrorView(error: unknown, texts: ErrorTexts = "error"): RouteErrorView {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const payload: unknown = isRouteErrorResponse(error) ? error.data : null;
  const moduleRefused =
    status === 403 && !!payload && typeof payload === "object" && ("policy" in payload || "module" in payload);
  const area: string = moduleRefused ? "error" : texts;
  if (status === 404) return { status, ...keys(texts, "notFound"), moduleRefused };
  if (status === 403) return { status, ...keys(area, "forbidden"), moduleRefused };
  return { status, ...keys(OWN_GENERIC.has(texts) ? texts : "error", "generic"), moduleRefused };
}

function keys(area: string, kind: "notFound" | "forbidden" | "generic") {
  // The prefixes are checked by the ErrorTexts type; the composed keys exist for each of them.
  return { title: `${area}.${kind}.title` as MessageKey, body: `${area}.${kind}.body` as MessageKey };
}
