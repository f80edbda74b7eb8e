import type { DbOrTx } from "#app/lib/db.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { getStaffAuth } from "#app/modules/auth/staff-guard.server.ts";
import type { StaffPrincipal } from "#app/modules/auth/staff-principal.server.ts";
import { getOptionalMember, type MemberPrincipal } from "#app/modules/members/member-guard.server.ts";
import { CUSTOMER_LEVELS } from "#app/modules/members/member-levels.ts";
import { VISITOR, type KnowledgeReader } from "./knowledge-visibility.ts";

// Resolves who is reading the knowledge base (decision 020). A member who is a customer — level
// customer/partner, or confirmed into their company's zone — also sees `customers` solutions.

const ACTIVE_MEMBER_STATUSES = new Set(["active", "verified"]);

export async function knowledgeReaderFor(
  db: DbOrTx,
  who: { member?: MemberPrincipal | null; staff?: StaffPrincipal | null },
): Promise<KnowledgeReader> {
  if (who.staff && can(who.staff, "knowledge", "browse")) return { kind: "staff", staffId: who.staff.staff.id };
  const principal = who.member;
  // Members awaiting real-name verification browse with visitor rights (their audience says so).
  if (!principal || principal.audience === "visitor" || !ACTIVE_MEMBER_STATUSES.has(principal.member.status)) {
    return VISITOR;
  }
  const { member } = principal;
  let customer = CUSTOMER_LEVELS.includes(member.level);
  if (!customer && member.companyId !== null) {
    const membership = await db.zoneMembership.findFirst({
      where: { memberId: member.id, status: "active", zone: { companyId: member.companyId } },
      select: { id: true },
    });
    customer = membership !== null;
  }
  return { kind: "member", memberId: member.id, customer };
}

/**
 * The reader of a portal request. A signed-in member reads as a member; a staff session with
 * knowledge:browse (a CSR previewing a draft from the back office) reads as staff.
 */
export async function portalKnowledgeReader(db: DbOrTx, request: Request): Promise<KnowledgeReader> {
  const [member, staffAuth] = await Promise.all([getOptionalMember(request), getStaffAuth(request)]);
  return knowledgeReaderFor(db, { member, staff: staffAuth?.principal ?? null });
}
