import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { attachmentResponse, readAttachment } from "#app/modules/files/attachments.server.ts";
import { findClassroomCover } from "#app/modules/forum/forum-covers.server.ts";
import { portalCourseViewer } from "#app/modules/courseware/course-viewer.server.ts";

// GET /forum/covers/:classroomId — a classroom's cover image for whoever may open the classroom.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const classroomId = requireIdParam(params.classroomId);
  // Staff with forum:browse preview covers too (the back office shows them).
  const viewer = await portalCourseViewer(request);
  const cover = await findClassroomCover(db, viewer, classroomId);
  const found = cover ? await readAttachment(db, cover.id, () => true) : null;
  return found ? attachmentResponse(found.attachment, found.body) : new Response("Not Found", { status: 404 });
}
