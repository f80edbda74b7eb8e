import type { Db } from "#app/lib/db.server.ts";
import { conflict, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { submitForApproval } from "#app/modules/approvals/approvals.server.ts";
import { staffAuditWriter, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { lockForChange, lockRefusal } from "./proposals.server.ts";

// A proposal's way to the customer (decision 050): drafting → pending approval (the generic approval
// service, item type "proposal", the A AND B steps the administrator configured; without an active
// flow it is approved at once, as quotes are) → approved → published to the company's zone. A
// rejection returns it to drafting with the approvers' comment (proposal-approval.server.ts). Reopening
// an approved or published proposal takes it off the zone and back to drafting: what the customer
// reads is always what was approved. Every step holds the proposal's row lock.

const audit = staffAuditWriter("Proposal", "proposal");

class Aborted extends Error {
  constructor(readonly result: ServiceResult<never>) {
    super("proposal change aborted");
  }
}

/** 提交审核: a drafting proposal with at least one part. */
export async function submitProposal(
  db: Db,
  actor: StaffActor,
  id: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ status: "pending_approval" | "approved" }>> {
  try {
    return await db.$transaction(async (tx) => {
      const found = await lockForChange(tx, actor, id);
      if (found.kind !== "ok") return lockRefusal(found.kind);
      if ((await tx.proposalPart.count({ where: { proposalId: id } })) === 0)
        return conflict("proposals.error.noParts");
      await tx.proposal.update({ where: { id }, data: { status: "pending_approval" } });
      const submitted = await submitForApproval(tx, actor, { itemType: "proposal", itemId: id });
      // Roll the status change back with the transaction if the approval service refused.
      if (submitted.status !== "ok") throw new Aborted(submitted as ServiceResult<never>);
      const status = submitted.value.status === "no-flow" ? "approved" : "pending_approval";
      await tx.proposal.update({ where: { id }, data: { status, reviewComment: null } });
      await audit(tx, actor, meta, "submitted", id, null, { status, requestId: submitted.value.requestId });
      return ok({ status });
    });
  } catch (error) {
    if (error instanceof Aborted) return error.result;
    throw error;
  }
}

/** 发布到用户专区: an approved proposal of a company that has a zone; publishing again changes nothing. */
export async function publishProposal(
  db: Db,
  actor: StaffActor,
  id: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ publishedAt: Date | null }>> {
  return db.$transaction(async (tx) => {
    const found = await lockForChange(tx, actor, id, false);
    if (found.kind !== "ok") return lockRefusal(found.kind);
    const { row } = found;
    if (row.status === "published") return ok({ publishedAt: null });
    if (row.status !== "approved") return conflict("proposals.error.notApproved");
    const zoneId = row.company.zone?.id;
    if (zoneId === undefined) return conflict("quotes.error.noZone");
    const publishedAt = new Date();
    await tx.proposal.update({ where: { id }, data: { status: "published", publishedAt } });
    await audit(tx, actor, meta, "published", id, null, { zoneId });
    return ok({ publishedAt });
  });
}

/** 重新编辑: an approved or published proposal leaves the zone and goes back to drafting. */
export async function reopenProposal(
  db: Db,
  actor: StaffActor,
  id: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  return db.$transaction(async (tx) => {
    const found = await lockForChange(tx, actor, id, false);
    if (found.kind !== "ok") return lockRefusal(found.kind);
    const before = found.row.status;
    if (before !== "approved" && before !== "published") return conflict("proposals.error.notReopenable");
    await tx.proposal.update({ where: { id }, data: { status: "drafting", publishedAt: null } });
    await audit(tx, actor, meta, "reopened", id, { status: before }, { status: "drafting" });
    return ok({ id });
  });
}
