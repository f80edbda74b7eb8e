import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { attachmentResponse, readAttachment } from "#app/modules/files/attachments.server.ts";
import { memberMayReadAttachment } from "#app/modules/service/service-queries.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";

// Attachment download in the customer zone: only files of requests (and public replies) the member
// may read — same zone, their own or published. Internal notes' files and anything else: 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireZoneAccess(request);
  const found = await readAttachment(db, requireIdParam(params.attachmentId), (a) =>
    memberMayReadAttachment(db, ctx, a),
  );
  if (!found) return new Response("Not Found", { status: 404 });
  return attachmentResponse(found.attachment, found.body);
}
