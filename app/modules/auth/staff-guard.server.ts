import { data, redirect } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { noteRequestPrincipal, oncePerRequest } from "#app/lib/request-context.server.ts";
import { getTranslator } from "#app/lib/i18n/locale.server.ts";
import { can } from "./permissions.ts";
import { policyName, type StaffActor, type StaffPolicy } from "./staff-actor.ts";
import { clearStaffCookie, readStaffCookie, serializeStaffCookie } from "./staff-cookie.server.ts";
import { actorOf, loadStaffPrincipal, type StaffPrincipal } from "./staff-principal.server.ts";
import { validateStaffSessionToken } from "./staff-session.server.ts";

export { actorOf };

// The one guard every back-office loader and action starts with (decision 023). It throws responses
// (redirect to sign-in or 401 JSON, 403), so a route body only runs for a permitted actor, and it runs
// before the route looks anything up. The layout alone uses requireStaffAuth (it refreshes the cookie).

export interface StaffAuth {
  principal: StaffPrincipal;
  /** Set when the sliding expiry moved; the layout route sends it back to the browser. */
  setCookie: string | null;
}

// Parallel loaders of one request share the same Request object: validate the session once.
const perRequest = new WeakMap<Request, Promise<StaffAuth | null>>();

export function getStaffAuth(request: Request): Promise<StaffAuth | null> {
  let pending = perRequest.get(request);
  if (!pending) {
    // Keyed by method and cookie: an action's answer (which may sign out or change the account) is
    // not reused by the loaders that run after it in the same request.
    pending = oncePerRequest(`staffAuth:${request.method}:${readStaffCookie(request) ?? ""}`, () =>
      resolveStaffAuth(request),
    );
    perRequest.set(request, pending);
  }
  return pending;
}

async function resolveStaffAuth(request: Request): Promise<StaffAuth | null> {
  const validated = await validateStaffSessionToken(db, readStaffCookie(request));
  if (!validated) return null;
  const principal = await loadStaffPrincipal(db, validated.session.ownerId, validated.session.id);
  if (!principal) return null;
  noteRequestPrincipal({ staffId: validated.session.ownerId });
  const token = readStaffCookie(request);
  return {
    principal,
    setCookie: validated.refreshed && token ? serializeStaffCookie(token, validated.session.expiresAt) : null,
  };
}

export function signInPath(request: Request): string {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return back === "/crm" || back === "/crm/" ? "/crm/login" : `/crm/login?redirectTo=${encodeURIComponent(back)}`;
}

/** The signed-in staff member and a refreshed cookie, or a redirect to sign-in (clearing a dead cookie). */
export async function requireStaffAuth(request: Request): Promise<StaffAuth> {
  const auth = await getStaffAuth(request);
  if (!auth) {
    const headers = readStaffCookie(request) ? { "Set-Cookie": clearStaffCookie() } : undefined;
    throw redirect(signInPath(request), { headers });
  }
  return auth;
}

/** For sign-in pages: an already signed-in user goes straight to the back office. */
export async function requireAnonymousStaff(request: Request): Promise<void> {
  if (await getStaffAuth(request)) throw redirect("/crm");
}

export function allows(actor: StaffActor, policy: StaffPolicy): boolean {
  if (policy === "signedIn") return true;
  if ("module" in policy) return can(actor, policy.module, policy.action);
  if ("anyOf" in policy) return policy.anyOf.some((p) => can(actor, p.module, p.action));
  return policy.allows(actor);
}

/**
 * The one guard for back-office pages: signed in (else a redirect to sign-in) and allowed by `policy`
 * (else the shell's 403 page). Returns the actor every service takes.
 */
export async function requireStaffActor(request: Request, policy: StaffPolicy): Promise<StaffActor> {
  const actor = actorOf((await requireStaffAuth(request)).principal);
  if (!allows(actor, policy)) throw data({ policy: policyName(policy) }, { status: 403 });
  return actor;
}

/** The same guard for JSON endpoints: 401 / 403 as JSON instead of a redirect or an HTML page. */
export async function requireStaffActorJson(request: Request, policy: StaffPolicy): Promise<StaffActor> {
  const auth = await getStaffAuth(request);
  const headers = { "Cache-Control": "private, no-store" };
  if (!auth) {
    const { t } = await getTranslator(request);
    throw Response.json(
      { error: "unauthenticated", message: t("error.unauthenticated.body") },
      { status: 401, headers },
    );
  }
  const actor = actorOf(auth.principal);
  if (!allows(actor, policy)) {
    const { t } = await getTranslator(request);
    throw Response.json(
      { error: "forbidden", policy: policyName(policy), message: t("error.forbidden.body") },
      { status: 403, headers },
    );
  }
  return actor;
}
