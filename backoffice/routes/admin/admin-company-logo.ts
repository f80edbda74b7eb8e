import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { attachmentResponse } from "#app/modules/files/attachments.server.ts";
import { readCompanyLogo } from "#app/modules/settings/company-profile.server.ts";

// The company logo as uploaded on /crm/admin/company (the admin page shows it; quotes and reports will
// embed it server-side).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "browse" });
  const found = await readCompanyLogo(db);
  if (!found) return new Response("Not Found", { status: 404 });
  return attachmentResponse(found.attachment, found.body);
}
