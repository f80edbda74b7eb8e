import type { Prisma } from "#app/generated/prisma/client.ts";
import { classroomWhere, type ForumViewer } from "#app/modules/forum/forum-access.ts";

// Who sees which part of the courseware (decision 036). The classroom's level decides whether the
// courseware exists for the viewer at all (the forum's rule, decision 035, applied in every query);
// within a visible classroom visitors see titles and summaries only — the seed's "学员登录后方可展开"
// — and signed-in members see bodies and attachments. Drafts are for staff only.

export type CourseViewer = ForumViewer;

/** Bodies, attachments and progress are for signed-in members (verification done) and staff. */
export function canExpand(viewer: CourseViewer): boolean {
  if (viewer.kind === "staff") return true;
  return viewer.kind === "member" && viewer.audience !== "visitor";
}

/** Published only, unless staff. */
function statusFilter(viewer: CourseViewer): { status?: "published" } {
  return viewer.kind === "staff" ? {} : { status: "published" };
}

/** The chapters of one classroom the viewer may see (classroom level and status in the query). */
export function chapterWhere(viewer: CourseViewer, classroomId: number): Prisma.CourseChapterWhereInput {
  return { classroomId, ...statusFilter(viewer), classroom: classroomWhere(viewer) };
}

/** The lessons of one classroom the viewer may see: a draft chapter hides its lessons too. */
export function lessonWhere(viewer: CourseViewer, classroomId: number): Prisma.CourseLessonWhereInput {
  return { ...statusFilter(viewer), chapter: chapterWhere(viewer, classroomId) };
}
