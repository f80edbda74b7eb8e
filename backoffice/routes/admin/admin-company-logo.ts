import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { attachmentResponse } from "#app/modules/files/attachments.server.ts";
import { readCompanyLogo } from "#app/modules/settings/company-profile.server.ts";

// The company logo as uploaded on /crm/admin/company: the admin page and every staff member's shell
// header show it (it is no secret: quotes and reports carry it; those embed it server-side through
// readCompanyLogo).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, "signedIn");
  const found = await readCompanyLogo(db);
  if (!found) return new Response("Not Found", { status: 404 });
  return attachmentResponse(found.attachment, found.body);
}
