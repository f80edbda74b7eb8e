import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaff } from "#app/modules/auth/staff-guard.server.ts";
import { attachmentResponse, readAttachment } from "#app/modules/files/attachments.server.ts";
import { deskViewer, staffMayReadServiceAttachment } from "#app/modules/service/service-queries.server.ts";

// Staff download of an attachment: service-request and reply files need the `service` permission
// with the request in scope (internal-note files included); knowledge-base files need `knowledge`
// browse; asset files need `service` browse. Anything else, or a refusal: 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requireStaff(request);
  const found = await readAttachment(db, Number(params.attachmentId), async (a) => {
    if (a.ownerType === "service_request" || a.ownerType === "service_reply") {
      return can(principal, "service", "browse") && staffMayReadServiceAttachment(db, deskViewer(principal), a);
    }
    if (a.ownerType === "knowledge_article") return can(principal, "knowledge", "browse");
    if (a.ownerType === "asset") return can(principal, "service", "browse");
    return false;
  });
  if (!found) return new Response("Not Found", { status: 404 });
  return attachmentResponse(found.attachment, found.body);
}
