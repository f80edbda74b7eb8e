import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { attachmentResponse, readAttachment } from "#app/modules/files/attachments.server.ts";
import { findPostAttachment } from "#app/modules/forum/forum-attachments.server.ts";
import { portalForumViewer } from "#app/modules/forum/forum-viewer.server.ts";

// GET /forum/files/:attachmentId — a forum post's image or file, for whoever may read the post
// (hidden or held: its author and the classroom's moderators). Anything else is 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const attachmentId = requireIdParam(params.attachmentId);
  const viewer = await portalForumViewer(request);
  const found = await readAttachment(db, attachmentId, async (row) => {
    return (await findPostAttachment(db, viewer, row.id)) !== null;
  });
  return found ? attachmentResponse(found.attachment, found.body) : new Response("Not Found", { status: 404 });
}
