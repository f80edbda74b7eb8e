import { data } from "react-router";
import { db } from "#app/lib/db.server.ts";
import {
  getOptionalMember,
  requireMemberLevel,
  type MemberPrincipal,
} from "#app/modules/members/member-guard.server.ts";
import { audienceAllows, CUSTOMER_LEVELS } from "#app/modules/members/member-levels.ts";

// The one gate in front of every portal zone page, data endpoint and download (用户专区). A member is
// in at most one active zone: their company's (decision 018). Entry needs both confirmations, so only
// an `active` membership opens the door; requested / half-confirmed / declined / removed do not.

export interface ZoneContext {
  member: { id: number; nickname: string; email: string };
  zone: { id: number; companyId: number; name: string };
  membership: { id: number; isCustomerAdmin: boolean };
}

/** Member statuses that may use a zone. Suspended/terminated members lose their sessions anyway. */
const ZONE_MEMBER_STATUSES = new Set(["active", "verified"]);

async function contextFor(principal: MemberPrincipal): Promise<ZoneContext | null> {
  const { member } = principal;
  if (!ZONE_MEMBER_STATUSES.has(member.status) || member.companyId === null) return null;
  // zones are for customers and partners (a pending real-name check counts as visitor)
  if (!audienceAllows(principal.audience, CUSTOMER_LEVELS)) return null;
  const membership = await db.zoneMembership.findFirst({
    where: { memberId: member.id, status: "active", zone: { companyId: member.companyId } },
    select: { id: true, isCustomerAdmin: true, zone: { select: { id: true, companyId: true, name: true } } },
  });
  if (!membership) return null;
  return {
    member: { id: member.id, nickname: member.nickname, email: member.email },
    zone: membership.zone,
    membership: { id: membership.id, isCustomerAdmin: membership.isCustomerAdmin },
  };
}

/** The zone of the signed-in member, or null (visitor, or no active membership). Never throws. */
export async function getZoneContext(request: Request): Promise<ZoneContext | null> {
  const principal = await getOptionalMember(request);
  return principal ? contextFor(principal) : null;
}

/**
 * Visitor → redirect to /login?redirectTo=…; a member below customer level → 403 `{ reason: "level" |
 * "verification-pending" }`; without an active membership in their company's zone → 403
 * `{ reason: "zone-membership" }` (thrown). Use in every zone loader and action, and in downloads.
 */
export async function requireZoneAccess(request: Request): Promise<ZoneContext> {
  const principal = await requireMemberLevel(request, CUSTOMER_LEVELS);
  const context = await contextFor(principal);
  if (!context) throw data({ reason: "zone-membership" }, { status: 403 });
  return context;
}

/** As requireZoneAccess, and 403 unless the member is one of the zone's appointed customer admins. */
export async function requireZoneAdmin(request: Request): Promise<ZoneContext> {
  const context = await requireZoneAccess(request);
  if (!context.membership.isCustomerAdmin) throw data({ reason: "zone-admin" }, { status: 403 });
  return context;
}
