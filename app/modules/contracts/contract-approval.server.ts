import type { ApprovalRequestStatus } from "#app/generated/prisma/enums.ts";
import type { Tx } from "#app/lib/db.server.ts";

// What the approval service needs of a sales contract (item type "contract"): a title and link for
// the queue and notifications, and the outcome. Approved → in execution; rejected or withdrawn → back
// to the salesperson as a draft (seed L1313: one veto returns it). Only a contract still waiting in
// approval moves, so a late decision never touches a terminated or already executing contract.

export async function describeContract(db: Tx, itemId: number) {
  const c = await db.salesContract.findUnique({ where: { id: itemId }, select: { number: true, name: true } });
  return c ? { title: `${c.number} ${c.name}`, link: `/crm/contracts/${itemId}` } : null;
}

export async function applyContractDecision(tx: Tx, itemId: number, status: ApprovalRequestStatus): Promise<void> {
  if (status === "pending") return;
  await tx.salesContract.updateMany({
    where: { id: itemId, status: "approval" },
    data: { status: status === "approved" ? "in_execution" : "drafting", revision: { increment: 1 } },
  });
}
