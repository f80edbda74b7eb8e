import type { Attachment, CoursewareStatus } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { listAttachments, type AttachmentSummary } from "#app/modules/files/attachments.server.ts";
import { classroomWhere } from "#app/modules/forum/forum-access.ts";
import { canExpand, chapterWhere, lessonWhere, type CourseViewer } from "./courseware-access.ts";

// Reading the courseware on the portal: the outline of a classroom and one lesson. Visibility is part
// of every query (courseware-access.ts): what the viewer may not see is simply not found, so ids
// cannot be probed. Bodies and attachments are loaded only for viewers who may expand them.

export const LESSON_ATTACHMENT_OWNER = "course_lesson";

export interface OutlineLesson {
  id: number;
  title: string;
  summary: string | null;
  status: CoursewareStatus;
  learned: boolean;
}

export interface OutlineChapter {
  id: number;
  title: string;
  summary: string | null;
  status: CoursewareStatus;
  lessons: OutlineLesson[];
}

export interface CourseOutline {
  classroom: { id: number; name: string; description: string | null };
  chapters: OutlineChapter[];
  /** Lessons marked 学过 out of the lessons shown (members only; 0 for others). */
  learnedCount: number;
  lessonCount: number;
  canExpand: boolean;
}

/** Chapters and lessons in the editor's order. */
export const COURSE_ORDER = [{ position: "asc" as const }, { id: "asc" as const }];
/** What an outline shows of a chapter or a lesson. */
export const outlineItemSelect = { id: true, title: true, summary: true, status: true } as const;

async function visibleClassroom(db: DbOrTx, viewer: CourseViewer, classroomId: number) {
  return db.classroom.findFirst({
    where: { id: classroomId, ...classroomWhere(viewer) },
    select: { id: true, name: true, description: true },
  });
}

async function learnedIds(db: DbOrTx, viewer: CourseViewer, lessonIds: number[]): Promise<Set<number>> {
  if (viewer.kind !== "member" || lessonIds.length === 0) return new Set();
  const rows = await db.courseProgress.findMany({
    where: { memberId: viewer.memberId, lessonId: { in: lessonIds } },
    select: { lessonId: true },
  });
  return new Set(rows.map((r) => r.lessonId));
}

/** A classroom's chapters and lessons as the viewer may see them; null when the classroom is not visible. */
export async function getCourseOutline(
  db: DbOrTx,
  viewer: CourseViewer,
  classroomId: number,
): Promise<CourseOutline | null> {
  const classroom = await visibleClassroom(db, viewer, classroomId);
  if (!classroom) return null;
  const lessonFilter = viewer.kind === "staff" ? {} : { status: "published" as const };
  const chapters = await db.courseChapter.findMany({
    where: chapterWhere(viewer, classroomId),
    orderBy: COURSE_ORDER,
    select: {
      ...outlineItemSelect,
      lessons: { where: lessonFilter, orderBy: COURSE_ORDER, select: outlineItemSelect },
    },
  });
  const ids = chapters.flatMap((c) => c.lessons.map((l) => l.id));
  const learned = await learnedIds(db, viewer, ids);
  return {
    classroom,
    chapters: chapters.map((c) => ({
      ...c,
      lessons: c.lessons.map((l) => ({ ...l, learned: learned.has(l.id) })),
    })),
    learnedCount: learned.size,
    lessonCount: ids.length,
    canExpand: canExpand(viewer),
  };
}

export interface LessonView {
  classroom: { id: number; name: string };
  chapter: { id: number; title: string };
  lesson: {
    id: number;
    title: string;
    summary: string | null;
    status: CoursewareStatus;
    publishedAt: Date | null;
    updatedAt: Date;
  };
  /** Null for visitors: the body, attachments and discussion are behind sign-in. */
  expanded: {
    bodyHtml: string;
    attachments: AttachmentSummary[];
    threadId: number | null;
    learned: boolean;
  } | null;
  previousId: number | null;
  nextId: number | null;
}

/** One lesson as the viewer may see it; null when it does not exist for them. */
export async function getLessonView(
  db: DbOrTx,
  viewer: CourseViewer,
  classroomId: number,
  lessonId: number,
): Promise<LessonView | null> {
  const expand = canExpand(viewer);
  const row = await db.courseLesson.findFirst({
    where: { id: lessonId, ...lessonWhere(viewer, classroomId) },
    select: {
      id: true,
      title: true,
      summary: true,
      status: true,
      publishedAt: true,
      updatedAt: true,
      bodyHtml: expand,
      threadId: expand,
      chapter: { select: { id: true, title: true, classroom: { select: { id: true, name: true } } } },
    },
  });
  if (!row) return null;
  // Neighbours in reading order across chapters, among the lessons this viewer may see.
  const order = await db.courseLesson.findMany({
    where: lessonWhere(viewer, classroomId),
    orderBy: [{ chapter: { position: "asc" } }, { chapter: { id: "asc" } }, ...COURSE_ORDER],
    select: { id: true },
  });
  const at = order.findIndex((l) => l.id === row.id);
  const { chapter, bodyHtml, threadId, ...lesson } = row;
  let expanded: LessonView["expanded"] = null;
  if (expand) {
    const [attachments, learned] = await Promise.all([
      listAttachments(db, LESSON_ATTACHMENT_OWNER, [row.id]),
      learnedIds(db, viewer, [row.id]),
    ]);
    expanded = { bodyHtml: bodyHtml ?? "", attachments, threadId: threadId ?? null, learned: learned.has(row.id) };
  }
  return {
    classroom: chapter.classroom,
    chapter: { id: chapter.id, title: chapter.title },
    lesson,
    expanded,
    previousId: at > 0 ? order[at - 1]!.id : null,
    nextId: at >= 0 && at < order.length - 1 ? order[at + 1]!.id : null,
  };
}

/**
 * An attachment of a lesson the viewer may expand; null (→ 404) when the lesson is not visible, the
 * viewer may not expand it, or the file belongs to something else.
 */
export async function findLessonAttachment(
  db: DbOrTx,
  viewer: CourseViewer,
  classroomId: number,
  lessonId: number,
  attachmentId: number,
): Promise<Attachment | null> {
  if (!canExpand(viewer)) return null;
  const lesson = await db.courseLesson.findFirst({
    where: { id: lessonId, ...lessonWhere(viewer, classroomId) },
    select: { id: true },
  });
  if (!lesson) return null;
  return db.attachment.findFirst({
    where: { id: attachmentId, ownerType: LESSON_ATTACHMENT_OWNER, ownerId: lesson.id },
  });
}
