import type { Db } from "#app/lib/db.server.ts";
import { forbidden, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { staffAuditWriter, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { saveAttachments, validateUploads, type UploadError } from "#app/modules/files/attachments.server.ts";
import { mayEditCourse } from "./course-editor.server.ts";
import { LESSON_ATTACHMENT_OWNER } from "./course-reader.server.ts";

// A lesson's files: images, PDF handouts and video (MP4/WebM, streamed with range requests by the
// portal's file route). Changing them is editing the lesson, so the same right applies.

const audit = staffAuditWriter("CourseLesson", "courseware.attachment");

export type AttachmentResult = ServiceResult<{ count: number }> | { status: "upload-invalid"; errors: UploadError[] };

async function lessonIn(db: Db, actor: StaffActor, classroomId: number, lessonId: number) {
  const lesson = await db.courseLesson.findFirst({
    where: { id: lessonId, chapter: { classroomId } },
    select: { id: true },
  });
  if (!lesson) return "not-found" as const;
  return (await mayEditCourse(db, actor, classroomId)) ? lesson : ("forbidden" as const);
}

export async function addLessonAttachments(
  db: Db,
  actor: StaffActor,
  classroomId: number,
  lessonId: number,
  files: File[],
  meta: AuditMeta = {},
): Promise<AttachmentResult> {
  const lesson = await lessonIn(db, actor, classroomId, lessonId);
  if (lesson === "not-found") return notFound("courseware.error.lessonNotFound");
  if (lesson === "forbidden") return forbidden();
  if (files.length === 0) return invalid({ attachments: ["courseware.error.noFile"] });
  const errors = await validateUploads(files, { video: true });
  if (errors.length > 0) return { status: "upload-invalid", errors };
  const rows = await db.$transaction(async (tx) => {
    const saved = await saveAttachments(
      tx,
      files,
      { type: LESSON_ATTACHMENT_OWNER, id: lesson.id },
      { staffId: actor.staffId },
      { video: true },
    );
    await audit(tx, actor, meta, "add", lesson.id, null, { files: saved.map((r) => r.fileName) });
    return saved;
  });
  return ok({ count: rows.length });
}

export async function removeLessonAttachment(
  db: Db,
  actor: StaffActor,
  classroomId: number,
  lessonId: number,
  attachmentId: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ count: number }>> {
  const lesson = await lessonIn(db, actor, classroomId, lessonId);
  if (lesson === "not-found") return notFound("courseware.error.lessonNotFound");
  if (lesson === "forbidden") return forbidden();
  const count = await db.$transaction(async (tx) => {
    const removed = await tx.attachment.deleteMany({
      where: { id: attachmentId, ownerType: LESSON_ATTACHMENT_OWNER, ownerId: lesson.id },
    });
    if (removed.count > 0) await audit(tx, actor, meta, "remove", lesson.id, { attachmentId }, null);
    return removed.count;
  });
  return count > 0 ? ok({ count }) : notFound("courseware.error.attachmentNotFound");
}
