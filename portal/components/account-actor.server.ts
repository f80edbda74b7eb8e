import type { ActionFunctionArgs } from "react-router";
import { clientIp } from "#app/lib/http.server.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import type { AccountActor } from "#app/modules/members/member-reauth.server.ts";

/**
 * The signed-in member changing their own account (profile, password, e-mail, sessions, 注销帐户):
 * who, from which session (kept when the others are signed out) and from where (for the audit log
 * and the re-authentication limit).
 */
export async function requireAccountActor({
  request,
  context,
}: Pick<ActionFunctionArgs, "request" | "context">): Promise<AccountActor> {
  const principal = await requireMember(request);
  return { memberId: principal.member.id, sessionId: principal.sessionId, ipAddress: clientIp(context) };
}
