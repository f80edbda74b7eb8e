import { can } from "#app/modules/auth/permissions.ts";
import { getStaffAuth } from "#app/modules/auth/staff-guard.server.ts";
import type { StaffPrincipal } from "#app/modules/auth/staff-principal.server.ts";
import { getOptionalMember, type MemberPrincipal } from "#app/modules/members/member-guard.server.ts";
import { VISITOR } from "#app/modules/forum/forum-access.ts";
import type { CourseViewer } from "./courseware-access.ts";

// Resolves who reads the courseware on a portal request. Staff with forum:browse preview as staff
// (drafts included); an active member reads as a member; everyone else is a visitor.

const ACTIVE_MEMBER_STATUSES = new Set(["active", "verified"]);

export function courseViewerFor(who: { member?: MemberPrincipal | null; staff?: StaffPrincipal | null }): CourseViewer {
  if (who.staff && can(who.staff, "forum", "browse")) return { kind: "staff", staffId: who.staff.staff.id };
  const principal = who.member;
  if (!principal || !ACTIVE_MEMBER_STATUSES.has(principal.member.status)) return VISITOR;
  return { kind: "member", memberId: principal.member.id, audience: principal.audience };
}

export async function portalCourseViewer(request: Request): Promise<CourseViewer> {
  const [member, staffAuth] = await Promise.all([getOptionalMember(request), getStaffAuth(request)]);
  return courseViewerFor({ member, staff: staffAuth?.principal ?? null });
}
