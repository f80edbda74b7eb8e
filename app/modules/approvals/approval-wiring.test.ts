import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { addCampaignExpense } from "#app/modules/campaigns/campaigns.server.ts";
import { createContract, transitionContract } from "#app/modules/service/service-contracts.server.ts";
import { createSalesCampaign, createSalesStaff } from "#tests/factories/sales.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { createTestZone } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { decideFromForm, withdrawFromForm } from "./approval-actions.server.ts";
import { saveApprovalFlow } from "./approval-flows.server.ts";
import { latestApprovalFor } from "./approvals.server.ts";
import { expenseApprovalView, submitExpenseForApproval } from "./expense-approvals.server.ts";

async function flowFor(itemType: "service_contract" | "expense") {
  const { staff: admin } = await createTestStaff(db, { isAdmin: true });
  const { staff: approver } = await createTestStaff(db);
  const approverActor = staffActorFor(approver);
  const saved = await saveApprovalFlow(db, staffActorFor(admin, { isAdmin: true }), {
    itemType,
    active: true,
    steps: [{ mode: "or", staffIds: [approver.id], roleIds: [] }],
  });
  expect(saved.status).toBe("ok");
  return approverActor;
}

const contractInput = (companyId: number) => ({
  companyId,
  name: "年度维保",
  responseMode: "h8x5" as const,
  responseTime: "next_business_day" as const,
  startDate: "2027-01-01",
  endDate: "2027-12-31",
});

describe("approvals wired into service contracts and campaign expenses", { timeout: 60_000 }, () => {
  beforeEach(() => resetDatabase());

  it("a new service contract goes to the flow; the flow's decision sets its approval state", async () => {
    const approver = await flowFor("service_contract");
    const { company, csr } = await createTestZone(db);
    const { id } = await createContract(db, contractInput(company.id), csr.actor);
    const panel = await latestApprovalFor(db, approver, "service_contract", id);
    expect(panel).toMatchObject({ status: "pending", mayDecide: true });
    // The built-in approve is refused while the flow decides.
    await expect(
      transitionContract(db, { contractId: id, transition: "approve", actor: csr.actor, canApprove: true }),
    ).rejects.toMatchObject({ code: "invalid-state" });
    // Rejected by the flow: back to the author, who resubmits; then approved.
    const rejected = await decideFromForm(db, approver, {
      intent: "approval-reject",
      requestId: String(panel!.requestId),
      comment: "缺少资产清单",
    });
    expect(rejected.status).toBe("ok");
    expect((await db.serviceContract.findUniqueOrThrow({ where: { id } })).approvalState).toBe("rejected");
    await transitionContract(db, { contractId: id, transition: "submit", actor: csr.actor, canApprove: false });
    const again = await latestApprovalFor(db, approver, "service_contract", id);
    expect(again?.requestId).not.toBe(panel!.requestId);
    await decideFromForm(db, approver, { intent: "approval-approve", requestId: String(again!.requestId) });
    expect((await db.serviceContract.findUniqueOrThrow({ where: { id } })).approvalState).toBe("approved");
    expect(
      await transitionContract(db, { contractId: id, transition: "activate", actor: csr.actor, canApprove: false }),
    ).toEqual({ status: "in_force", approvalState: "approved" });
  });

  it("the author withdraws a contract's request: the draft returns to them and may be submitted again", async () => {
    const approver = await flowFor("service_contract");
    const { company, csr } = await createTestZone(db);
    const { id } = await createContract(db, contractInput(company.id), csr.actor);
    const panel = await latestApprovalFor(db, csr.actor, "service_contract", id);
    expect(panel).toMatchObject({ status: "pending", mayWithdraw: true, mayDecide: false });
    expect(await withdrawFromForm(db, approver, { requestId: String(panel!.requestId) })).toMatchObject({
      status: "not-found",
    });
    expect(await withdrawFromForm(db, csr.actor, { requestId: String(panel!.requestId) })).toMatchObject({
      status: "ok",
    });
    expect((await db.serviceContract.findUniqueOrThrow({ where: { id } })).approvalState).toBe("rejected");
    expect(await latestApprovalFor(db, approver, "service_contract", id)).toMatchObject({
      status: "withdrawn",
      mayDecide: false,
    });
    await transitionContract(db, { contractId: id, transition: "submit", actor: csr.actor, canApprove: false });
    expect(await latestApprovalFor(db, approver, "service_contract", id)).toMatchObject({
      status: "pending",
      mayDecide: true,
    });
  });

  it("without a flow a service contract keeps the built-in approval", async () => {
    const { company, csr } = await createTestZone(db);
    const { id } = await createContract(db, contractInput(company.id), csr.actor);
    expect(await db.approvalRequest.count()).toBe(0);
    await transitionContract(db, { contractId: id, transition: "approve", actor: csr.actor, canApprove: true });
    expect((await db.serviceContract.findUniqueOrThrow({ where: { id } })).approvalState).toBe("approved");
  });

  it("a campaign expense is submitted by who may modify the campaign and shows its status", async () => {
    const approver = await flowFor("expense");
    const marketing = await createSalesStaff(db, "marketing");
    const stranger = await createSalesStaff(db, "none");
    const campaign = await createSalesCampaign(db, marketing.staff.id);
    const added = await addCampaignExpense(db, marketing.actor, campaign.id, {
      amount: "3200",
      description: "展位费",
      spentOn: "2027-03-01",
    });
    if (added.kind !== "ok") throw new Error("expense not added");
    expect(await submitExpenseForApproval(db, stranger.actor, campaign.id, added.id)).toMatchObject({
      status: "not-found",
    });
    expect(await submitExpenseForApproval(db, marketing.actor, campaign.id + 1, added.id)).toMatchObject({
      status: "not-found",
    });
    expect(await submitExpenseForApproval(db, marketing.actor, campaign.id, added.id)).toMatchObject({
      status: "ok",
      value: { status: "pending" },
    });
    expect(await expenseApprovalView(db, [added.id])).toEqual({ flow: true, statuses: { [added.id]: "pending" } });
    const [row] = await db.approvalRequest.findMany();
    await decideFromForm(db, approver, { intent: "approval-approve", requestId: String(row!.id) });
    expect((await expenseApprovalView(db, [added.id])).statuses[added.id]).toBe("approved");
    expect(await decideFromForm(db, approver, { intent: "approval-approve", requestId: "abc" })).toMatchObject({
      status: "not-found",
    });
  });
});
