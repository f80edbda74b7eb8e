import type { DbOrTx } from "#app/lib/db.server.ts";
import { forbidden, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { canExpand, lessonWhere, type CourseViewer } from "./courseware-access.ts";

// 学过: a member marks a lesson they may read as learned (or takes the mark back). Idempotent both ways.

export async function setLessonLearned(
  db: DbOrTx,
  viewer: CourseViewer,
  classroomId: number,
  lessonId: number,
  learned: boolean,
): Promise<ServiceResult<{ learned: boolean }>> {
  if (viewer.kind !== "member" || !canExpand(viewer)) return forbidden();
  const lesson = await db.courseLesson.findFirst({
    where: { id: lessonId, ...lessonWhere(viewer, classroomId) },
    select: { id: true },
  });
  if (!lesson) return notFound("courseware.error.lessonNotFound");
  const key = { memberId_lessonId: { memberId: viewer.memberId, lessonId: lesson.id } };
  if (learned) {
    await db.courseProgress.upsert({ where: key, create: key.memberId_lessonId, update: {} });
  } else {
    await db.courseProgress.deleteMany({ where: key.memberId_lessonId });
  }
  return ok({ learned });
}
