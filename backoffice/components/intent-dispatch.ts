import { data } from "react-router";

/**
 * An action's dispatch by the posted `intent`: runs `handlers[intent](context)`. An intent the page
 * does not know (including inherited names such as "toString") is a bad request, unless `unknown`
 * answers it (e.g. with a form error).
 */
export function dispatchIntent<C, R>(
  intent: string,
  context: C,
  handlers: Readonly<Record<string, (context: C) => R>>,
  unknown?: () => R,
): R {
  const handle = Object.hasOwn(handlers, intent) ? handlers[intent] : undefined;
  if (handle) return handle(context);
  if (unknown) return unknown();
  throw data(null, { status: 400 });
}
