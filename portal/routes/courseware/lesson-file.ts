import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { findLessonAttachment } from "#app/modules/courseware/course-reader.server.ts";
import { portalCourseViewer } from "#app/modules/courseware/course-viewer.server.ts";
import { rangeResponse } from "#app/modules/courseware/range-response.server.ts";

// GET/HEAD /classroom/:classroomId/lessons/:lessonId/files/:attachmentId — a lesson's image, PDF or
// video for viewers who may expand the lesson, streamed with HTTP range requests (206 / 416 / If-Range)
// so players can seek. Not visible, not this lesson's, or missing: all 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const classroomId = requireIdParam(params.classroomId);
  const lessonId = requireIdParam(params.lessonId);
  const attachmentId = requireIdParam(params.attachmentId);
  const viewer = await portalCourseViewer(request);
  const attachment = await findLessonAttachment(db, viewer, classroomId, lessonId, attachmentId);
  const response = attachment ? await rangeResponse(request, attachment) : null;
  return response ?? new Response("Not Found", { status: 404 });
}
