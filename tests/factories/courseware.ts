import type { ClassroomVisibility, CoursewareStatus } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";

// Classrooms, chapters and lessons for courseware tests, straight into the database.

let serial = 0;

export async function createTestClassroom(
  db: Db,
  options: { name?: string; visibility?: ClassroomVisibility; archived?: boolean } = {},
) {
  serial++;
  return db.classroom.create({
    data: {
      name: options.name ?? `测试教室 ${serial}`,
      visibility: options.visibility ?? "everyone",
      archivedAt: options.archived ? new Date() : null,
    },
  });
}

export async function createTestChapter(
  db: Db,
  classroomId: number,
  options: { title?: string; status?: CoursewareStatus; position?: number } = {},
) {
  serial++;
  return db.courseChapter.create({
    data: {
      classroomId,
      title: options.title ?? `第 ${serial} 章`,
      summary: "章节简介",
      status: options.status ?? "published",
      position: options.position ?? serial,
    },
  });
}

export async function createTestLesson(
  db: Db,
  chapterId: number,
  options: { title?: string; status?: CoursewareStatus; bodyHtml?: string; position?: number } = {},
) {
  serial++;
  const status = options.status ?? "published";
  return db.courseLesson.create({
    data: {
      chapterId,
      title: options.title ?? `课程 ${serial}`,
      summary: `摘要 ${serial}`,
      bodyHtml: options.bodyHtml ?? `<p>正文 ${serial}</p>`,
      status,
      position: options.position ?? serial,
      publishedAt: status === "published" ? new Date() : null,
    },
  });
}

/** A classroom with one published chapter holding a published and a draft lesson, and a draft chapter with a published lesson. */
export async function createTestCourse(db: Db, visibility: ClassroomVisibility = "everyone") {
  const classroom = await createTestClassroom(db, { visibility });
  const chapter = await createTestChapter(db, classroom.id);
  const published = await createTestLesson(db, chapter.id, { title: `${visibility} 已发布` });
  const draft = await createTestLesson(db, chapter.id, { title: `${visibility} 草稿`, status: "draft" });
  const draftChapter = await createTestChapter(db, classroom.id, { status: "draft" });
  const inDraftChapter = await createTestLesson(db, draftChapter.id, { title: `${visibility} 草稿章节中的课` });
  return { classroom, chapter, published, draft, draftChapter, inDraftChapter };
}
