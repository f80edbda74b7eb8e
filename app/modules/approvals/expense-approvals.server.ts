import type { ApprovalRequestStatus } from "#app/generated/prisma/enums.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { notFound, type ServiceResult } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { campaignAccess } from "#app/modules/campaigns/campaign-access.server.ts";
import { approvalStatuses, hasActiveFlow, submitForApproval, type SubmitOutcome } from "./approvals.server.ts";

// Campaign expenses (营销战役 费用) under approval: whoever may modify the campaign submits an expense;
// the "expense" flow's approvers decide. The ledger shows each expense's latest approval status.

export async function submitExpenseForApproval(
  db: Db,
  actor: StaffActor,
  campaignId: number,
  expenseId: number,
): Promise<ServiceResult<SubmitOutcome>> {
  const access = await campaignAccess(db, actor, campaignId);
  if (!access.canModify) return notFound();
  const expense = await db.campaignExpense.findFirst({ where: { id: expenseId, campaignId }, select: { id: true } });
  if (!expense) return notFound();
  return db.$transaction((tx) => submitForApproval(tx, actor, { itemType: "expense", itemId: expense.id }));
}

/** Latest approval status per expense of a ledger page, and whether expenses need approval at all. */
export async function expenseApprovalView(
  db: DbOrTx,
  expenseIds: number[],
): Promise<{ flow: boolean; statuses: Record<number, ApprovalRequestStatus> }> {
  const [flow, statuses] = await Promise.all([
    hasActiveFlow(db, "expense"),
    approvalStatuses(db, "expense", expenseIds),
  ]);
  return { flow, statuses: Object.fromEntries(statuses) };
}
