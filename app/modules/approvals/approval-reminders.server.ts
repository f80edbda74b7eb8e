import type { DbOrTx } from "#app/lib/db.server.ts";
import { describeApprovalItem } from "./approval-items.server.ts";
import { notifyApprovers } from "./approvals.server.ts";
import { parseSteps, type ApprovalItemType } from "./approval-types.ts";

// Reminders (seed §2.P.4: approval events pop up): approvers of a request pending longer than N hours
// are notified again, at most once per request and day. The worker calls this every tick; the
// conditional update on `remindedOn` is the claim, so several worker instances remind once.

export const REMIND_AFTER_HOURS = 24;

export async function remindPendingApprovals(
  db: DbOrTx,
  options: { now?: Date; afterHours?: number } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
  const cutoff = new Date(now.getTime() - (options.afterHours ?? REMIND_AFTER_HOURS) * 3_600_000);
  const due = await db.approvalRequest.findMany({
    where: {
      status: "pending",
      submittedAt: { lte: cutoff },
      OR: [{ remindedOn: null }, { remindedOn: { lt: today } }],
    },
    select: { id: true, itemType: true, itemId: true, currentStep: true, steps: true, decisions: true },
    take: 100,
  });
  let notified = 0;
  for (const r of due) {
    const claimed = await db.approvalRequest.updateMany({
      where: { id: r.id, status: "pending", OR: [{ remindedOn: null }, { remindedOn: { lt: today } }] },
      data: { remindedOn: today },
    });
    if (claimed.count === 0) continue;
    const step = parseSteps(r.steps)[r.currentStep];
    if (!step) continue;
    const voted = r.decisions.filter((d) => d.step === r.currentStep).map((d) => d.staffId);
    const info = (await describeApprovalItem(db, r.itemType as ApprovalItemType, r.itemId)) ?? {
      title: `#${r.itemId}`,
      link: null,
    };
    notified += await notifyApprovers(db, step, voted, "adminSystem.approvals.notify.reminder", info, r.id);
  }
  return notified;
}
