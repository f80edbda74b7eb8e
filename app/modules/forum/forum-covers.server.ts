import type { Attachment } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { forbidden, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { staffAuditWriter, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { mayEditCourse } from "#app/modules/courseware/course-editor.server.ts";
import {
  attachStored,
  discardStored,
  INLINE_TYPES,
  storeUploads,
  validateUploads,
} from "#app/modules/files/attachments.server.ts";
import { classroomWhere, type ForumViewer } from "./forum-access.ts";

// Classroom covers (教室封面, issue #17 item 1, decision 043): one raster image per classroom, an
// Attachment with owner type "classroom" referenced by Classroom.coverFileId. Changed by whoever may
// edit the classroom's courseware (forum:modify for all, or the classroom's administrators); shown
// to whoever may open the classroom.

export const CLASSROOM_COVER_OWNER = "classroom" as const;
const audit = staffAuditWriter("Classroom", "forum.classroom.cover");

async function editable(db: DbOrTx, actor: StaffActor, classroomId: number) {
  const classroom = await db.classroom.findUnique({
    where: { id: classroomId },
    select: { id: true, coverFileId: true },
  });
  if (!classroom) return "not-found" as const;
  return (await mayEditCourse(db, actor, classroomId)) ? classroom : ("forbidden" as const);
}

/** Replaces (file) or removes (null) a classroom's cover; the previous attachment row goes. */
export async function setClassroomCover(
  db: Db,
  actor: StaffActor,
  classroomId: number,
  file: File | null,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ coverFileId: number | null }>> {
  const classroom = await editable(db, actor, classroomId);
  if (classroom === "not-found") return notFound("forum.error.notFound");
  if (classroom === "forbidden") return forbidden();
  if (file) {
    const errors = await validateUploads([file]);
    // Only raster images: a cover is shown inline on the portal.
    const image = INLINE_TYPES.has(file.type) || /\.(png|jpe?g|gif|webp)$/i.test(file.name);
    if (errors.length > 0 || !image) return invalid({ cover: ["forumSearch.error.cover"] });
  }
  const stored = file ? await storeUploads([file]) : [];
  if (stored[0] && !INLINE_TYPES.has(stored[0].mimeType)) {
    await discardStored(stored);
    return invalid({ cover: ["forumSearch.error.cover"] });
  }
  try {
    const coverFileId = await db.$transaction(async (tx) => {
      const [row] = await attachStored(
        tx,
        stored,
        { type: CLASSROOM_COVER_OWNER, id: classroomId },
        { staffId: actor.staffId },
      );
      await tx.classroom.update({ where: { id: classroomId }, data: { coverFileId: row?.id ?? null } });
      if (classroom.coverFileId) {
        await tx.attachment.deleteMany({
          where: { id: classroom.coverFileId, ownerType: CLASSROOM_COVER_OWNER, ownerId: classroomId },
        });
      }
      await audit(
        tx,
        actor,
        meta,
        "update",
        classroomId,
        { coverFileId: classroom.coverFileId },
        { coverFileId: row?.id ?? null },
      );
      return row?.id ?? null;
    });
    return ok({ coverFileId });
  } catch (error) {
    await discardStored(stored);
    throw error;
  }
}

/** The cover of a classroom the viewer may open (404 otherwise). */
export async function findClassroomCover(
  db: DbOrTx,
  viewer: ForumViewer,
  classroomId: number,
): Promise<Attachment | null> {
  const classroom = await db.classroom.findFirst({
    where: { id: classroomId, ...classroomWhere(viewer) },
    select: { coverFileId: true },
  });
  if (!classroom?.coverFileId) return null;
  return db.attachment.findFirst({
    where: { id: classroom.coverFileId, ownerType: CLASSROOM_COVER_OWNER, ownerId: classroomId },
  });
}
