import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { StaffPolicy } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { attachmentResponse, readAttachment } from "#app/modules/files/attachments.server.ts";
import { staffMayReadServiceAttachment } from "#app/modules/service/service-queries.server.ts";

// Staff download of an attachment: service-request and reply files need the `service` permission
// with the request in scope (internal-note files included); knowledge-base files need `knowledge`
// browse; asset files need `service` browse. Without either module the guard answers 403 before any
// lookup; any other refusal, or a missing file, is a 404 so ids can't be probed.
const FILE_READERS: StaffPolicy = {
  anyOf: [
    { module: "service", action: "browse" },
    { module: "knowledge", action: "browse" },
  ],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, FILE_READERS);
  const found = await readAttachment(db, requireIdParam(params.attachmentId), async (a) => {
    if (a.ownerType === "service_request" || a.ownerType === "service_reply") {
      return can(actor, "service", "browse") && staffMayReadServiceAttachment(db, actor, a);
    }
    if (a.ownerType === "knowledge_article") return can(actor, "knowledge", "browse");
    if (a.ownerType === "asset") return can(actor, "service", "browse");
    return false;
  });
  if (!found) return new Response("Not Found", { status: 404 });
  return attachmentResponse(found.attachment, found.body);
}
