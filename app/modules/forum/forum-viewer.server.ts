import { getOptionalMember } from "#app/modules/members/member-guard.server.ts";
import { VISITOR, type ForumViewer } from "./forum-access.ts";

// Who reads the portal forum. Staff act from the back office (/crm/forum), so a portal request is a
// member or a visitor; members awaiting verification or not active read as visitors.

const ACTING_STATUSES = new Set(["active", "verified"]);

export async function portalForumViewer(request: Request): Promise<ForumViewer> {
  const principal = await getOptionalMember(request);
  if (!principal || principal.audience === "visitor" || !ACTING_STATUSES.has(principal.member.status)) {
    return VISITOR;
  }
  return { kind: "member", memberId: principal.member.id, audience: principal.audience };
}
