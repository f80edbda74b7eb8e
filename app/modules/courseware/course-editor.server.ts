import type { CoursewareStatus } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { normaliseRichTextInput } from "#app/lib/rich-text.server.ts";
import { forbidden, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { staffAuditWriter, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import { can, scopeFor } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { listAttachments, type AttachmentSummary } from "#app/modules/files/attachments.server.ts";
import { syncLessonSearch } from "#app/modules/forum/forum-search.server.ts";
import { COURSE_ORDER, LESSON_ATTACHMENT_OWNER, outlineItemSelect } from "./course-reader.server.ts";
import type { ChapterInput, LessonInput, MoveDirection } from "./courseware-input.ts";

// Writing courseware in the back office. Reading it needs forum:browse; changing a classroom's
// courseware needs forum:modify for all records, or being one of that classroom's administrators
// (ClassroomAdmin). Every change writes its audit row in the change's transaction.

const auditChapter = staffAuditWriter("CourseChapter", "courseware.chapter");
const auditLesson = staffAuditWriter("CourseLesson", "courseware.lesson");

/** May the actor change this classroom's courseware? */
export async function mayEditCourse(db: DbOrTx, actor: StaffActor, classroomId: number): Promise<boolean> {
  if (scopeFor(actor, "forum", "modify") === "all") return true;
  const admin = await db.classroomAdmin.findUnique({
    where: { classroomId_staffId: { classroomId, staffId: actor.staffId } },
    select: { staffId: true },
  });
  return admin !== null;
}

/** The classrooms with their courseware size, for the editor's index. */
export async function listCourseClassrooms(db: DbOrTx) {
  const rooms = await db.classroom.findMany({
    orderBy: [{ archivedAt: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      visibility: true,
      archivedAt: true,
      courseChapters: { select: { status: true, lessons: { select: { status: true } } } },
    },
  });
  return rooms.map(({ courseChapters, ...room }) => {
    const lessons = courseChapters.flatMap((c) => c.lessons);
    return {
      ...room,
      chapterCount: courseChapters.length,
      lessonCount: lessons.length,
      publishedLessonCount: lessons.filter((l) => l.status === "published").length,
    };
  });
}

export interface EditorLesson {
  id: number;
  title: string;
  summary: string | null;
  status: CoursewareStatus;
  attachmentCount: number;
  learnedCount: number;
}

/** A classroom's whole courseware, drafts included; null when the classroom does not exist. */
export async function getCourseEditor(db: DbOrTx, actor: StaffActor, classroomId: number) {
  const classroom = await db.classroom.findUnique({
    where: { id: classroomId },
    select: { id: true, name: true, visibility: true, archivedAt: true },
  });
  if (!classroom) return null;
  const chapters = await db.courseChapter.findMany({
    where: { classroomId },
    orderBy: COURSE_ORDER,
    select: {
      ...outlineItemSelect,
      lessons: { orderBy: COURSE_ORDER, select: { ...outlineItemSelect, _count: { select: { progress: true } } } },
    },
  });
  const lessonIds = chapters.flatMap((c) => c.lessons.map((l) => l.id));
  const files = await listAttachments(db, LESSON_ATTACHMENT_OWNER, lessonIds);
  const fileCount = (id: number) => files.filter((f) => f.ownerId === id).length;
  return {
    classroom,
    canEdit: await mayEditCourse(db, actor, classroomId),
    chapters: chapters.map((c) => ({
      ...c,
      lessons: c.lessons.map(({ _count, ...l }): EditorLesson => ({
        ...l,
        attachmentCount: fileCount(l.id),
        learnedCount: _count.progress,
      })),
    })),
  };
}

/** One lesson with its chapter choices and attachments, for the lesson editor. */
export async function getLessonEditor(db: DbOrTx, actor: StaffActor, classroomId: number, lessonId: number) {
  const lesson = await db.courseLesson.findFirst({
    where: { id: lessonId, chapter: { classroomId } },
    select: {
      id: true,
      chapterId: true,
      title: true,
      summary: true,
      bodyHtml: true,
      status: true,
      threadId: true,
      publishedAt: true,
      updatedAt: true,
      chapter: { select: { classroom: { select: { id: true, name: true } } } },
    },
  });
  if (!lesson) return null;
  const [chapters, attachments, canEdit] = await Promise.all([
    chapterChoices(db, classroomId),
    listAttachments(db, LESSON_ATTACHMENT_OWNER, [lesson.id]),
    mayEditCourse(db, actor, classroomId),
  ]);
  const { chapter, ...rest } = lesson;
  return { classroom: chapter.classroom, lesson: rest, chapters, attachments, canEdit };
}

export type LessonAttachment = AttachmentSummary;

export function chapterChoices(db: DbOrTx, classroomId: number) {
  return db.courseChapter.findMany({
    where: { classroomId },
    orderBy: COURSE_ORDER,
    select: { id: true, title: true },
  });
}

// ───────────────────────────── Chapters ─────────────────────────────

type Refusal = ReturnType<typeof forbidden> | ReturnType<typeof notFound>;

/** The refusal for an actor who may not edit, or for a classroom that does not exist. */
async function editRefusal(db: DbOrTx, actor: StaffActor, classroomId: number): Promise<Refusal | null> {
  if (!can(actor, "forum", "browse")) return forbidden();
  const room = await db.classroom.findUnique({ where: { id: classroomId }, select: { id: true } });
  if (!room) return notFound("courseware.error.classroomNotFound");
  return (await mayEditCourse(db, actor, classroomId)) ? null : forbidden();
}

async function nextPosition(tx: DbOrTx, where: { classroomId: number } | { chapterId: number }): Promise<number> {
  const agg =
    "classroomId" in where
      ? await tx.courseChapter.aggregate({ where, _max: { position: true } })
      : await tx.courseLesson.aggregate({ where, _max: { position: true } });
  return (agg._max.position ?? -1) + 1;
}

export async function createChapter(
  db: Db,
  actor: StaffActor,
  classroomId: number,
  input: ChapterInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  const refused = await editRefusal(db, actor, classroomId);
  if (refused) return refused;
  return db.$transaction(async (tx) => {
    const row = await tx.courseChapter.create({
      data: { classroomId, ...input, position: await nextPosition(tx, { classroomId }) },
      select: { id: true },
    });
    await auditChapter(tx, actor, meta, "create", row.id, null, { classroomId, ...input });
    return ok({ id: row.id });
  });
}

async function findChapter(db: DbOrTx, classroomId: number, chapterId: number) {
  return db.courseChapter.findFirst({
    where: { id: chapterId, classroomId },
    select: { id: true, title: true, summary: true, status: true },
  });
}

type Change = ServiceResult<{ id: number }>;
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * The frame of every change to one existing chapter or lesson: refuse who may not edit, 404 for an id
 * outside the classroom, otherwise run `change` in one transaction (with its audit row).
 */
async function changeOne<Row>(
  db: Db,
  actor: StaffActor,
  classroomId: number,
  find: () => Promise<Row | null>,
  missing: "courseware.error.chapterNotFound" | "courseware.error.lessonNotFound",
  change: (tx: Tx, before: Row) => Promise<void>,
  id: number,
): Promise<Change> {
  const refused = await editRefusal(db, actor, classroomId);
  if (refused) return refused;
  const before = await find();
  if (!before) return notFound(missing);
  await db.$transaction((tx) => change(tx, before));
  return ok({ id });
}

function changeChapter(
  db: Db,
  actor: StaffActor,
  classroomId: number,
  chapterId: number,
  change: (tx: Tx, before: NonNullable<Awaited<ReturnType<typeof findChapter>>>) => Promise<void>,
): Promise<Change> {
  const find = () => findChapter(db, classroomId, chapterId);
  // A chapter's status or deletion decides whether its lessons are searchable (ids read before a delete).
  const changeAndSync = async (tx: Tx, before: NonNullable<Awaited<ReturnType<typeof findChapter>>>) => {
    const lessonIds = (await tx.courseLesson.findMany({ where: { chapterId }, select: { id: true } })).map((l) => l.id);
    await change(tx, before);
    await syncLessonSearch(tx, lessonIds);
  };
  return changeOne(db, actor, classroomId, find, "courseware.error.chapterNotFound", changeAndSync, chapterId);
}

export function updateChapter(
  db: Db,
  actor: StaffActor,
  classroomId: number,
  chapterId: number,
  input: ChapterInput,
  meta: AuditMeta = {},
): Promise<Change> {
  return changeChapter(db, actor, classroomId, chapterId, async (tx, before) => {
    await tx.courseChapter.update({ where: { id: chapterId }, data: input });
    await auditChapter(tx, actor, meta, "update", chapterId, before, input);
  });
}

/** Publishing a chapter shows its published lessons; taking it back hides them all. */
export function setChapterStatus(
  db: Db,
  actor: StaffActor,
  classroomId: number,
  chapterId: number,
  status: CoursewareStatus,
  meta: AuditMeta = {},
): Promise<Change> {
  return changeChapter(db, actor, classroomId, chapterId, async (tx, before) => {
    await tx.courseChapter.update({ where: { id: chapterId }, data: { status } });
    await auditChapter(tx, actor, meta, "status", chapterId, { status: before.status }, { status });
  });
}

/** Deleting a chapter deletes its lessons (and their progress and attachment rows). */
export function deleteChapter(
  db: Db,
  actor: StaffActor,
  classroomId: number,
  chapterId: number,
  meta: AuditMeta = {},
): Promise<Change> {
  return changeChapter(db, actor, classroomId, chapterId, async (tx, before) => {
    const lessons = await tx.courseLesson.findMany({ where: { chapterId }, select: { id: true } });
    await tx.attachment.deleteMany({
      where: { ownerType: LESSON_ATTACHMENT_OWNER, ownerId: { in: lessons.map((l) => l.id) } },
    });
    await tx.courseChapter.delete({ where: { id: chapterId } });
    await auditChapter(tx, actor, meta, "delete", chapterId, { ...before, lessons: lessons.length }, null);
  });
}

/**
 * Swaps an item with its neighbour and renumbers the siblings 0..n-1 (so ties left by concurrent
 * inserts straighten out). Moving the first item up or the last down changes nothing.
 */
function reorder<T extends { id: number }>(siblings: T[], id: number, direction: MoveDirection): T[] | null {
  const at = siblings.findIndex((s) => s.id === id);
  if (at < 0) return null;
  const to = direction === "up" ? at - 1 : at + 1;
  const next = [...siblings];
  if (to >= 0 && to < next.length) [next[at], next[to]] = [next[to]!, next[at]!];
  return next;
}

export async function moveChapter(
  db: Db,
  actor: StaffActor,
  classroomId: number,
  chapterId: number,
  direction: MoveDirection,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  const refused = await editRefusal(db, actor, classroomId);
  if (refused) return refused;
  return db.$transaction(async (tx) => {
    const siblings = await tx.courseChapter.findMany({
      where: { classroomId },
      orderBy: COURSE_ORDER,
      select: { id: true },
    });
    const order = reorder(siblings, chapterId, direction);
    if (!order) return notFound("courseware.error.chapterNotFound");
    for (const [position, s] of order.entries()) {
      await tx.courseChapter.update({ where: { id: s.id }, data: { position } });
    }
    await auditChapter(tx, actor, meta, "move", chapterId, null, { direction });
    return ok({ id: chapterId });
  });
}

// ───────────────────────────── Lessons ─────────────────────────────

/** Body sanitised, chapter and thread checked to belong to the classroom. */
async function cleanLesson(db: DbOrTx, classroomId: number, input: LessonInput) {
  const chapter = await db.courseChapter.findFirst({
    where: { id: input.chapterId, classroomId },
    select: { id: true },
  });
  if (!chapter) return invalid({ chapterId: ["courseware.error.chapterNotFound"] });
  if (input.threadId !== null) {
    const thread = await db.forumThread.findFirst({
      where: { id: input.threadId, classroomId, deletedAt: null },
      select: { id: true },
    });
    if (!thread) return invalid({ threadId: ["courseware.error.threadNotFound"] });
  }
  return ok({ ...input, bodyHtml: normaliseRichTextInput(input.bodyHtml) });
}

function lessonSnapshot(l: { title: string; summary: string | null; chapterId: number; threadId: number | null }) {
  return { title: l.title, summary: l.summary, chapterId: l.chapterId, threadId: l.threadId };
}

export async function createLesson(
  db: Db,
  actor: StaffActor,
  classroomId: number,
  input: LessonInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  const refused = await editRefusal(db, actor, classroomId);
  if (refused) return refused;
  const clean = await cleanLesson(db, classroomId, input);
  if (clean.status !== "ok") return clean;
  const value = clean.value;
  return db.$transaction(async (tx) => {
    const row = await tx.courseLesson.create({
      data: { ...value, position: await nextPosition(tx, { chapterId: value.chapterId }) },
      select: { id: true },
    });
    await auditLesson(tx, actor, meta, "create", row.id, null, lessonSnapshot(value));
    await syncLessonSearch(tx, [row.id]);
    return ok({ id: row.id });
  });
}

async function findLesson(db: DbOrTx, classroomId: number, lessonId: number) {
  return db.courseLesson.findFirst({
    where: { id: lessonId, chapter: { classroomId } },
    select: { id: true, title: true, summary: true, chapterId: true, threadId: true, status: true, publishedAt: true },
  });
}

function changeLesson(
  db: Db,
  actor: StaffActor,
  classroomId: number,
  lessonId: number,
  change: (tx: Tx, before: NonNullable<Awaited<ReturnType<typeof findLesson>>>) => Promise<void>,
): Promise<Change> {
  const find = () => findLesson(db, classroomId, lessonId);
  const changeAndSync = async (tx: Tx, before: NonNullable<Awaited<ReturnType<typeof findLesson>>>) => {
    await change(tx, before);
    await syncLessonSearch(tx, [lessonId]);
  };
  return changeOne(db, actor, classroomId, find, "courseware.error.lessonNotFound", changeAndSync, lessonId);
}

export async function updateLesson(
  db: Db,
  actor: StaffActor,
  classroomId: number,
  lessonId: number,
  input: LessonInput,
  meta: AuditMeta = {},
): Promise<Change> {
  const clean = await cleanLesson(db, classroomId, input);
  if (clean.status !== "ok") {
    // A refusal to edit or a missing lesson outranks a form error.
    const refused = await editRefusal(db, actor, classroomId);
    if (refused) return refused;
    return (await findLesson(db, classroomId, lessonId)) ? clean : notFound("courseware.error.lessonNotFound");
  }
  const value = clean.value;
  return changeLesson(db, actor, classroomId, lessonId, async (tx, before) => {
    // Moving to another chapter puts the lesson at that chapter's end.
    const position =
      value.chapterId === before.chapterId ? undefined : await nextPosition(tx, { chapterId: value.chapterId });
    await tx.courseLesson.update({ where: { id: lessonId }, data: { ...value, position } });
    await auditLesson(tx, actor, meta, "update", lessonId, lessonSnapshot(before), lessonSnapshot(value));
  });
}

export function setLessonStatus(
  db: Db,
  actor: StaffActor,
  classroomId: number,
  lessonId: number,
  status: CoursewareStatus,
  meta: AuditMeta = {},
): Promise<Change> {
  return changeLesson(db, actor, classroomId, lessonId, async (tx, before) => {
    // The first publication date stays; re-publishing after a take-back keeps it.
    const publishedAt = status === "published" ? (before.publishedAt ?? new Date()) : before.publishedAt;
    await tx.courseLesson.update({ where: { id: lessonId }, data: { status, publishedAt } });
    // Publishing a lesson of a draft chapter publishes the chapter too: otherwise nobody would see it.
    if (status === "published") {
      await tx.courseChapter.update({ where: { id: before.chapterId }, data: { status: "published" } });
    }
    await auditLesson(tx, actor, meta, "status", lessonId, { status: before.status }, { status });
  });
}

export function deleteLesson(
  db: Db,
  actor: StaffActor,
  classroomId: number,
  lessonId: number,
  meta: AuditMeta = {},
): Promise<Change> {
  return changeLesson(db, actor, classroomId, lessonId, async (tx, before) => {
    await tx.attachment.deleteMany({ where: { ownerType: LESSON_ATTACHMENT_OWNER, ownerId: lessonId } });
    await tx.courseLesson.delete({ where: { id: lessonId } });
    await auditLesson(tx, actor, meta, "delete", lessonId, lessonSnapshot(before), null);
  });
}

export function moveLesson(
  db: Db,
  actor: StaffActor,
  classroomId: number,
  lessonId: number,
  direction: MoveDirection,
  meta: AuditMeta = {},
): Promise<Change> {
  return changeLesson(db, actor, classroomId, lessonId, async (tx, lesson) => {
    const siblings = await tx.courseLesson.findMany({
      where: { chapterId: lesson.chapterId },
      orderBy: COURSE_ORDER,
      select: { id: true },
    });
    for (const [position, s] of (reorder(siblings, lessonId, direction) ?? siblings).entries()) {
      await tx.courseLesson.update({ where: { id: s.id }, data: { position } });
    }
    await auditLesson(tx, actor, meta, "move", lessonId, null, { direction });
  });
}
