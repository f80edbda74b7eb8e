import { redirect, type ActionFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { requireSameOrigin } from "#app/lib/same-origin.server.ts";
import { clearStaffCookie } from "#app/modules/auth/staff-cookie.server.ts";
import { getStaffAuth } from "#app/modules/auth/staff-guard.server.ts";
import { signOutStaff } from "#app/modules/auth/staff-sign-in.server.ts";

const SignOutForm = z.object({ intent: z.enum(["sign-out", "sign-out-everywhere"]).catch("sign-out") });

// POST only: signing out by GET would let any page log staff out with an <img>. A resource route gets
// no Origin check from React Router, so it makes its own (issue #13: a sibling port signed people out).
export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const { intent } = SignOutForm.parse(Object.fromEntries(await request.formData()));
  const auth = await getStaffAuth(request);
  if (auth) {
    await signOutStaff(
      db,
      { staffId: auth.principal.staff.id, sessionId: auth.principal.sessionId },
      { everywhere: intent === "sign-out-everywhere", ipAddress: clientIp(context) },
    );
  }
  return redirect("/crm/login?signedOut=1", { headers: { "Set-Cookie": clearStaffCookie() } });
}

export function loader() {
  return redirect("/crm");
}
