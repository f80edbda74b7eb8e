import type { ApprovalRequestStatus } from "#app/generated/prisma/enums.ts";
import type { Tx } from "#app/lib/db.server.ts";

// The proposal's side of the generic approval service (item type "proposal"), registered in
// approvals/approval-items.server.ts; kept apart from the workflow, which submits through that service
// (no import cycle). Approved → approved (the owner may publish it); rejected → back to drafting with
// the approvers' comment; withdrawn → drafting. Only a proposal still pending moves, so a late
// decision never touches a proposal reopened or published meanwhile.

export async function describeProposal(db: Tx, itemId: number) {
  const p = await db.proposal.findUnique({ where: { id: itemId }, select: { title: true } });
  return p ? { title: p.title, link: `/crm/proposals/${itemId}` } : null;
}

export async function applyProposalDecision(tx: Tx, itemId: number, status: ApprovalRequestStatus): Promise<void> {
  if (status === "pending") return;
  if (status === "approved") {
    await tx.proposal.updateMany({
      where: { id: itemId, status: "pending_approval" },
      data: { status: "approved", reviewComment: null },
    });
    return;
  }
  // The rejecting vote was written in this same transaction, before the outcome is applied.
  const veto =
    status === "rejected"
      ? await tx.approvalDecision.findFirst({
          where: { vote: "reject", request: { itemType: "proposal", itemId } },
          orderBy: { id: "desc" },
          select: { comment: true },
        })
      : null;
  await tx.proposal.updateMany({
    where: { id: itemId, status: "pending_approval" },
    data: { status: "drafting", reviewComment: veto?.comment ?? null },
  });
}
