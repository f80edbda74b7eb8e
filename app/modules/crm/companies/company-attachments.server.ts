import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere } from "#app/modules/crm/access/record-scope.server.ts";
import {
  attachStored,
  discardStored,
  readAttachment,
  storeFormFiles,
  type UploadError,
} from "#app/modules/files/attachments.server.ts";
import { companyInScope } from "./company-workspace.server.ts";

// 附件 of a company (Attachment ownerType "company"): upload for those who may modify the company,
// download for those who may browse it; anything else (also another company's file id) is not found.

export type AddAttachmentsResult =
  { status: "ok"; count: number } | { status: "not-found" } | { status: "upload-errors"; errors: UploadError[] };

export async function addCompanyAttachments(
  db: Db,
  actor: StaffActor,
  companyId: number,
  form: FormData,
  meta: AuditMeta = {},
): Promise<AddAttachmentsResult> {
  const scope = await recordScopeWhere(db, actor, "company", "modify");
  const company = scope
    ? await db.company.findFirst({ where: { AND: [scope, { id: companyId }] }, select: { id: true } })
    : null;
  if (!company) return { status: "not-found" };
  const stored = await storeFormFiles(form);
  if (!stored.ok) return { status: "upload-errors", errors: stored.errors };
  if (stored.stored.length === 0) return { status: "upload-errors", errors: [] };
  try {
    const rows = await db.$transaction(async (tx) => {
      const created = await attachStored(
        tx,
        stored.stored,
        { type: "company", id: companyId },
        { staffId: actor.staffId },
      );
      await recordStaffAudit(tx, actor, {
        action: "company.attached",
        entityType: "company",
        entityId: companyId,
        after: { files: created.map((a) => a.fileName) },
        ipAddress: meta.ipAddress,
      });
      return created;
    });
    return { status: "ok", count: rows.length };
  } catch (error) {
    await discardStored(stored.stored);
    throw error;
  }
}

/** One of the company's files for download, or null (company out of scope, or not its file). */
export async function readCompanyAttachment(db: DbOrTx, actor: StaffActor, companyId: number, attachmentId: number) {
  const company = await companyInScope(db, actor, companyId);
  if (!company) return null;
  return readAttachment(db, attachmentId, (a) => a.ownerType === "company" && a.ownerId === companyId);
}
