// GET /crm/companies/:companyId/files/:attachmentId — one of the company's attachments, for staff who
// may browse the company; anything else (another company's file, out of scope) is a 404.
import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { readCompanyAttachment } from "#app/modules/crm/companies/company-attachments.server.ts";
import { attachmentResponse } from "#app/modules/files/attachments.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "companies", action: "browse" });
  const found = await readCompanyAttachment(
    db,
    actor,
    requireIdParam(params.companyId),
    requireIdParam(params.attachmentId),
  );
  if (!found) return new Response("Not Found", { status: 404 });
  return attachmentResponse(found.attachment, found.body);
}
