import { redirect, type ActionFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { requireSameOrigin } from "#app/lib/same-origin.server.ts";
import { getMemberAuth } from "#app/modules/members/member-guard.server.ts";
import { memberCookie } from "#app/modules/members/member-session.server.ts";
import { signOutMember } from "#app/modules/members/member-sign-in.server.ts";

// POST only: signing out by GET would let any page sign members out with an <img>. The session row
// is deleted on the server, so a copied cookie stops working too. A resource route gets no Origin
// check from React Router, so it makes its own (issue #13).
export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const auth = await getMemberAuth(request);
  if (auth) {
    await signOutMember(
      db,
      { memberId: auth.principal.member.id, sessionId: auth.principal.sessionId },
      { ipAddress: clientIp(context) },
    );
  }
  return redirect("/?signedOut=1", { headers: { "Set-Cookie": memberCookie.clear() } });
}

export function loader() {
  return redirect("/");
}
