import type { Db } from "#app/lib/db.server.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import { saveAttachments, validateUploads, type UploadError } from "#app/modules/files/attachments.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { KNOWLEDGE_ATTACHMENT_OWNER, mayChange } from "./knowledge-articles.server.ts";

// Files attached to a solution (manuals, calibration sheets). Changing them is modifying the article,
// so the same knowledge:modify grant and scope apply.

export type AttachmentChange =
  | { ok: true; count: number }
  | { ok: false; reason: "not-found" | "forbidden" }
  | { ok: false; reason: "invalid"; errors: UploadError[] };

/** Why the actor may not change this article's attachments, or null when they may. */
async function refusal(db: Db, actor: StaffActor, articleId: number): Promise<AttachmentChange | null> {
  const article = await db.knowledgeArticle.findUnique({
    where: { id: articleId },
    select: { id: true, authorId: true },
  });
  if (!article) return { ok: false, reason: "not-found" };
  if (!(await mayChange(db, actor, "modify", article))) return { ok: false, reason: "forbidden" };
  return null;
}

export async function addArticleAttachments(
  db: Db,
  actor: StaffActor,
  articleId: number,
  files: File[],
  meta: AuditMeta = {},
): Promise<AttachmentChange> {
  const refused = await refusal(db, actor, articleId);
  if (refused) return refused;
  const errors = files.length === 0 ? [] : await validateUploads(files);
  if (errors.length > 0) return { ok: false, reason: "invalid", errors };
  if (files.length === 0) return { ok: true, count: 0 };
  const rows = await saveAttachments(
    db,
    files,
    { type: KNOWLEDGE_ATTACHMENT_OWNER, id: articleId },
    { staffId: actor.staffId },
  );
  await recordStaffAudit(db, actor, {
    action: "knowledge.attachment.add",
    entityType: "KnowledgeArticle",
    entityId: articleId,
    after: { files: rows.map((r) => r.fileName) },
    ipAddress: meta.ipAddress,
  });
  return { ok: true, count: rows.length };
}

export async function removeArticleAttachment(
  db: Db,
  actor: StaffActor,
  articleId: number,
  attachmentId: number,
  meta: AuditMeta = {},
): Promise<AttachmentChange> {
  const refused = await refusal(db, actor, articleId);
  if (refused) return refused;
  const removed = await db.$transaction(async (tx) => {
    const { count } = await tx.attachment.deleteMany({
      where: { id: attachmentId, ownerType: KNOWLEDGE_ATTACHMENT_OWNER, ownerId: articleId },
    });
    if (count > 0) {
      await recordStaffAudit(tx, actor, {
        action: "knowledge.attachment.remove",
        entityType: "KnowledgeArticle",
        entityId: articleId,
        before: { attachmentId },
        ipAddress: meta.ipAddress,
      });
    }
    return count;
  });
  return removed > 0 ? { ok: true, count: removed } : { ok: false, reason: "not-found" };
}
