import { data, redirect } from "react-router";
import type { MemberStatus } from "#app/generated/prisma/client.ts";
import { db } from "#app/lib/db.server.ts";
import { noteRequestPrincipal, oncePerRequest } from "#app/lib/request-context.server.ts";
import { getSetting } from "#app/modules/settings/settings.server.ts";
import { audienceAllows, type Audience, type MemberLevel } from "./member-levels.ts";
import { memberCookie, memberSessions } from "./member-session.server.ts";

// Guards for portal loaders and actions. The portal never imports the staff guard and vice versa.

export interface MemberPrincipal {
  sessionId: string;
  member: {
    id: number;
    email: string;
    nickname: string;
    level: MemberLevel;
    status: MemberStatus;
    realNameVerified: boolean;
    contactId: number | null;
    companyId: number | null;
  };
  /** What the member may see: their level, or "visitor"-level while real-name verification is pending. */
  audience: Audience;
  /** True when the site requires real-name verification and this member is not verified yet. */
  verificationPending: boolean;
}

export interface MemberAuth {
  principal: MemberPrincipal;
  setCookie: string | null;
}

const perRequest = new WeakMap<Request, Promise<MemberAuth | null>>();

export function getMemberAuth(request: Request): Promise<MemberAuth | null> {
  let pending = perRequest.get(request);
  if (!pending) {
    // Once per request across its loaders (they get Request objects of their own); an action's
    // answer is not reused by the loaders after it (see the staff guard).
    pending = oncePerRequest(`memberAuth:${request.method}:${memberCookie.read(request) ?? ""}`, () =>
      resolveMemberAuth(request),
    );
    perRequest.set(request, pending);
  }
  return pending;
}

async function resolveMemberAuth(request: Request): Promise<MemberAuth | null> {
  const token = memberCookie.read(request);
  const validated = await memberSessions.validate(db, token);
  // The session's own statement reads the member row too (member-session.server.ts).
  const member = validated?.owner;
  if (!validated || !member) return null;
  noteRequestPrincipal({ memberId: member.id });
  const requireVerification = await getSetting(db, "members.requireRealNameVerification");
  const verificationPending = requireVerification && member.realNameVerifiedAt === null;
  return {
    principal: {
      sessionId: validated.session.id,
      member: {
        id: member.id,
        email: member.email,
        nickname: member.nickname,
        level: member.level,
        status: member.status,
        realNameVerified: member.realNameVerifiedAt !== null,
        contactId: member.contactId,
        companyId: member.companyId,
      },
      audience: verificationPending ? "visitor" : member.level,
      verificationPending,
    },
    setCookie: validated.refreshed && token ? memberCookie.serialize(token, validated.session.expiresAt) : null,
  };
}

export async function getOptionalMember(request: Request): Promise<MemberPrincipal | null> {
  return (await getMemberAuth(request))?.principal ?? null;
}

function signInPath(request: Request): string {
  const url = new URL(request.url);
  return `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
}

/** The signed-in member, or a redirect to the portal sign-in page (clearing a dead cookie). */
export async function requireMember(request: Request): Promise<MemberPrincipal> {
  const auth = await getMemberAuth(request);
  if (!auth) {
    const headers = memberCookie.read(request) ? { "Set-Cookie": memberCookie.clear() } : undefined;
    throw redirect(signInPath(request), { headers });
  }
  return auth.principal;
}

/**
 * As requireMember, and 403 unless the member's audience is one of `allowed`. Visitors are sent to
 * sign in first; signed-in members who lack the level get a page explaining what unlocks it.
 */
export async function requireMemberLevel(request: Request, allowed: readonly Audience[]): Promise<MemberPrincipal> {
  const principal = await requireMember(request);
  if (!audienceAllows(principal.audience, allowed)) {
    throw data({ reason: principal.verificationPending ? "verification-pending" : "level", allowed }, { status: 403 });
  }
  return principal;
}

export async function requireAnonymousMember(request: Request): Promise<void> {
  if (await getMemberAuth(request)) throw redirect("/account");
}
