import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { decideFromForm } from "#app/modules/approvals/approval-actions.server.ts";
import { saveApprovalFlow } from "#app/modules/approvals/approval-flows.server.ts";
import { latestApprovalFor } from "#app/modules/approvals/approvals.server.ts";
import { mergeGrants, type Action, type Scope } from "#app/modules/auth/permissions.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { runWorkerOnce } from "#app/modules/jobs/worker.server.ts";
import { createSalesCompany, createSalesOpportunity, createSalesTeam } from "#tests/factories/sales.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { recordReceipt, savePlan, addLine, saveEvenPlan } from "./contract-edit.server.ts";
import { contractForOrder, getContract, getZoneSalesContract, listContracts } from "./contract-queries.server.ts";
import { enqueuePaymentReminders, sendPaymentReminder } from "./contract-reminders.server.ts";
import { createContractFromQuote } from "./contract-from-quote.server.ts";
import { createContract, setPublished, transitionContract } from "./contracts.server.ts";

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

async function salesPerson(scope: Scope, options: { teamId?: number | null; approve?: boolean } = {}) {
  const actions: Action[] = ["browse", "add", "modify", ...(options.approve ? (["approve"] as const) : [])];
  const grants = [
    ...actions.map((action) => ({ module: "opportunities" as const, action, scope })),
    ...(["browse", "add", "modify"] as const).map((action) => ({ module: "companies" as const, action, scope })),
    ...(["browse"] as const).map((action) => ({ module: "contacts" as const, action, scope })),
  ];
  const { staff } = await createTestStaff(db, { grants, teamId: options.teamId ?? null });
  return { staff, actor: staffActorFor(staff, { grants: mergeGrants(grants) }) };
}

async function product(sku: string, unitPrice: string, taxRateBp = 1300) {
  return db.product.create({ data: { sku, name: `产品${sku}`, unit: "台", unitPrice, taxRateBp } });
}

const header = {
  contactId: null,
  opportunityId: null,
  typeCode: "new",
  settlementCode: "wire",
  deliveryCode: "rail",
  signedOn: day("2027-01-05"),
  startDate: day("2027-01-19"),
  endDate: null,
  terms: null,
  templateId: null,
  fromOpportunity: false,
};

/** A draft of `owner` with one line of 2 × ¥12,800.50 and an even 2-instalment plan. */
async function draftWithPlan(owner: Awaited<ReturnType<typeof salesPerson>>) {
  const company = await createSalesCompany(db, { ownerId: owner.staff.id });
  const created = await createContract(db, owner.actor, { ...header, name: "空压机配套", companyId: company.id });
  if (created.status !== "ok") throw new Error(JSON.stringify(created));
  const id = created.value.id;
  const p = await product(`P${id}`, "12800.50");
  expect(
    (await addLine(db, owner.actor, id, { productId: p.id, quantity: 2, unitPrice: null, revision: 0 })).status,
  ).toBe("ok");
  const plan = await saveEvenPlan(db, owner.actor, id, {
    count: 2,
    firstDue: day("2027-02-01"),
    monthsApart: 1,
    revision: 1,
  });
  expect(plan.status).toBe("ok");
  return { id, company, number: created.value.number };
}

describe("creating contracts", { timeout: 60_000 }, () => {
  it("numbers it CTRT…, copies the opportunity's items to the fen and sums them as the amount", async () => {
    const rep = await salesPerson("own");
    const company = await createSalesCompany(db, { ownerId: rep.staff.id });
    const opp = await createSalesOpportunity(db, { ownerId: rep.staff.id, companyId: company.id });
    const p = await product("BAL-01", "9990.00");
    await db.opportunityItem.createMany({
      data: [
        {
          opportunityId: opp.id,
          productId: p.id,
          sku: "BAL-01",
          name: "平衡机",
          quantity: 3,
          unitPrice: "9990.00",
          lineTotal: "26973.00",
        },
        {
          opportunityId: opp.id,
          productId: null,
          sku: "SVC",
          name: "安装调试",
          quantity: 1,
          unitPrice: "0.01",
          lineTotal: "0.01",
        },
      ],
    });
    const created = await createContract(db, rep.actor, {
      ...header,
      name: "平衡机采购",
      companyId: company.id,
      opportunityId: opp.id,
      fromOpportunity: true,
    });
    expect(created.status).toBe("ok");
    if (created.status !== "ok") return;
    expect(created.value.number).toMatch(/^CTRT\d{8}\d{4}$/);
    const page = await getContract(db, rep.actor, created.value.id);
    expect(page?.contract.amountFen).toBe(2_697_301);
    expect(page?.contract.lines.map((l) => [l.sku, l.quantity, l.grossFen, l.netFen + l.taxFen])).toEqual([
      ["BAL-01", 3, 2_697_300, 2_697_300],
      ["SVC", 1, 1, 1],
    ]);
  });

  it("refuses a company outside the actor's scope and an unknown contract type, creating nothing", async () => {
    const rep = await salesPerson("own");
    const other = await salesPerson("own");
    const theirs = await createSalesCompany(db, { ownerId: other.staff.id });
    const mine = await createSalesCompany(db, { ownerId: rep.staff.id });
    const a = await createContract(db, rep.actor, { ...header, name: "x", companyId: theirs.id });
    expect(a).toMatchObject({ status: "invalid", fieldErrors: { companyId: ["validation.choose"] } });
    const b = await createContract(db, rep.actor, { ...header, name: "x", companyId: mine.id, typeCode: "bogus" });
    expect(b).toMatchObject({ status: "invalid", fieldErrors: { typeCode: ["validation.choose"] } });
    expect(await db.salesContract.count()).toBe(0);
  });
});

describe("scope", { timeout: 60_000 }, () => {
  it("own sees own, team sees the team's, all sees all; out of scope is not-found", async () => {
    const team = await createSalesTeam(db);
    const rep = await salesPerson("own", { teamId: team.id });
    const mate = await salesPerson("own", { teamId: team.id });
    const manager = await salesPerson("team", { teamId: team.id });
    const outsider = await salesPerson("team");
    const boss = await salesPerson("all");
    const { id } = await draftWithPlan(rep);
    expect(await getContract(db, rep.actor, id)).not.toBeNull();
    expect(await getContract(db, mate.actor, id)).toBeNull();
    expect(await getContract(db, manager.actor, id)).not.toBeNull();
    expect(await getContract(db, outsider.actor, id)).toBeNull();
    expect(await getContract(db, boss.actor, id)).not.toBeNull();
    expect((await listContracts(db, mate.actor)).rows).toHaveLength(0);
    expect((await listContracts(db, manager.actor)).rows.map((r) => r.id)).toEqual([id]);
    expect(await transitionContract(db, mate.actor, id, "submit")).toMatchObject({ status: "not-found" });
    expect(await savePlan(db, outsider.actor, id, { instalments: [], revision: 2 })).toMatchObject({
      status: "not-found",
    });
    expect(await contractForOrder(db, mate.actor, id)).toMatchObject({ status: "not-found" });
  });
});

describe("plan and transitions", { timeout: 60_000 }, () => {
  it("refuses a plan that does not sum to the amount, and a submit while it does not", async () => {
    const rep = await salesPerson("own");
    const { id } = await draftWithPlan(rep);
    // amount 2 × ¥12,800.50 = ¥25,601.00
    const bad = await savePlan(db, rep.actor, id, {
      instalments: [
        { label: "预付款", dueDate: day("2027-02-01"), amount: 10_000_00 },
        { label: "尾款", dueDate: day("2027-03-01"), amount: 15_600_99 },
      ],
      revision: 2,
    });
    expect(bad).toMatchObject({ status: "invalid", fieldErrors: { instalments: ["contracts.error.planSum"] } });
    // another line breaks the plan's sum: submit refuses until the plan is fixed
    const p = await product("EXTRA", "1.00");
    await addLine(db, rep.actor, id, { productId: p.id, quantity: 1, unitPrice: null, revision: 2 });
    expect(await transitionContract(db, rep.actor, id, "submit")).toMatchObject({
      status: "conflict",
      message: "contracts.error.planSum",
    });
    const good = await savePlan(db, rep.actor, id, {
      instalments: [
        { label: "预付款", dueDate: day("2027-02-01"), amount: 10_000_00 },
        { label: "尾款", dueDate: day("2027-03-01"), amount: 15_602_00 },
      ],
      revision: 3,
    });
    expect(good.status).toBe("ok");
    // a stale page is refused
    expect(await savePlan(db, rep.actor, id, { instalments: [], revision: 3 })).toMatchObject({
      status: "conflict",
      message: "contracts.error.stale",
    });
    expect(await transitionContract(db, rep.actor, id, "submit")).toMatchObject({ status: "ok" });
    // the approved terms are fixed: no edits outside drafting
    expect(await savePlan(db, rep.actor, id, { instalments: [], revision: 5 })).toMatchObject({
      status: "conflict",
      message: "contracts.error.notDraft",
    });
  });

  it("without a flow a holder of the approve grant decides; guarded transitions to completed", async () => {
    const rep = await salesPerson("own");
    const approver = await salesPerson("all", { approve: true });
    const { id } = await draftWithPlan(rep);
    expect(await transitionContract(db, rep.actor, id, "complete")).toMatchObject({ status: "conflict" });
    expect(await transitionContract(db, rep.actor, id, "submit")).toMatchObject({ value: { status: "approval" } });
    expect(await transitionContract(db, rep.actor, id, "approve")).toMatchObject({ status: "forbidden" });
    expect(await transitionContract(db, approver.actor, id, "reject")).toMatchObject({ value: { status: "drafting" } });
    await transitionContract(db, rep.actor, id, "submit");
    expect(await transitionContract(db, approver.actor, id, "approve")).toMatchObject({
      value: { status: "in_execution" },
    });
    expect(await transitionContract(db, rep.actor, id, "terminate", { reason: " " })).toMatchObject({
      status: "invalid",
    });
    expect(await transitionContract(db, rep.actor, id, "complete")).toMatchObject({ value: { status: "completed" } });
    expect(await transitionContract(db, rep.actor, id, "terminate", { reason: "客户违约" })).toMatchObject({
      status: "conflict",
    });
    const audits = await db.auditLog.findMany({ where: { entityType: "SalesContract", entityId: String(id) } });
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(["contract.created", "contract.submit", "contract.approve", "contract.complete"]),
    );
  });

  it("under an approval flow the flow decides: approved → in execution, rejected → back to drafting", async () => {
    const { staff: admin } = await createTestStaff(db, { isAdmin: true });
    const { staff: a } = await createTestStaff(db);
    const saved = await saveApprovalFlow(db, staffActorFor(admin, { isAdmin: true }), {
      itemType: "contract",
      active: true,
      steps: [{ mode: "and", staffIds: [a.id], roleIds: [] }],
    });
    expect(saved.status).toBe("ok");
    const rep = await salesPerson("own", { approve: true });
    const { id } = await draftWithPlan(rep);
    await transitionContract(db, rep.actor, id, "submit");
    expect(await transitionContract(db, rep.actor, id, "approve")).toMatchObject({
      status: "conflict",
      message: "contracts.error.flowDecides",
    });
    const panel = await latestApprovalFor(db, staffActorFor(a), "contract", id);
    expect(panel).toMatchObject({ status: "pending", mayDecide: true });
    await decideFromForm(db, staffActorFor(a), { intent: "approval-reject", requestId: String(panel!.requestId) });
    expect((await db.salesContract.findUniqueOrThrow({ where: { id } })).status).toBe("drafting");
    await transitionContract(db, rep.actor, id, "submit");
    const again = await latestApprovalFor(db, staffActorFor(a), "contract", id);
    await decideFromForm(db, staffActorFor(a), { intent: "approval-approve", requestId: String(again!.requestId) });
    expect((await db.salesContract.findUniqueOrThrow({ where: { id } })).status).toBe("in_execution");
  });
});

async function executing() {
  const rep = await salesPerson("own", { approve: true });
  const { id, company } = await draftWithPlan(rep);
  await transitionContract(db, rep.actor, id, "submit");
  await transitionContract(db, rep.actor, id, "approve");
  const instalments = await db.paymentInstalment.findMany({ where: { contractId: id }, orderBy: { position: "asc" } });
  return { rep, id, company, instalments };
}

describe("receipts", { timeout: 60_000 }, () => {
  it("records partial payments, refuses more than is owed, and keeps the contract's received sum", async () => {
    const { rep, id, instalments } = await executing();
    const first = instalments[0]!; // ¥12,800.50
    const pay = (amount: number, instalmentId = first.id) =>
      recordReceipt(db, rep.actor, id, { instalmentId, amount, receivedOn: day("2026-12-01"), note: null });
    expect((await pay(5_000_00)).status).toBe("ok");
    expect(await pay(7_800_51)).toMatchObject({
      status: "invalid",
      fieldErrors: { amount: ["contracts.error.overpaid"] },
    });
    expect((await pay(7_800_50)).status).toBe("ok");
    expect((await pay(1, instalments[1]!.id)).status).toBe("ok");
    const page = await getContract(db, rep.actor, id, new Date("2026-12-06T00:00:00Z"));
    expect(page?.contract.receivedFen).toBe(12_800_51);
    expect(page?.contract.instalments.map((i) => [i.state, i.outstandingFen])).toEqual([
      ["paid", 0],
      ["partial", 12_800_49],
    ]);
  });

  it("two clerks paying the last fen together: one succeeds", async () => {
    const { rep, id, instalments } = await executing();
    const owed = Number(instalments[0]!.amountFen);
    const results = await Promise.all(
      [0, 1].map(() =>
        recordReceipt(db, rep.actor, id, {
          instalmentId: instalments[0]!.id,
          amount: owed,
          receivedOn: day("2026-12-01"),
          note: null,
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["invalid", "ok"]);
    expect((await db.salesContract.findUniqueOrThrow({ where: { id } })).receivedFen).toBe(BigInt(owed));
  });
});

describe("payment reminders", { timeout: 60_000 }, () => {
  it("sends each kind once per instalment, however many workers claim it", async () => {
    const { rep, id, instalments } = await executing();
    // instalments due 2027-02-01 and 2027-03-01
    const soon = new Date("2027-01-26T02:00:00Z"); // 6 days before the first
    expect(await enqueuePaymentReminders(db, soon)).toBe(1);
    expect(await enqueuePaymentReminders(db, soon)).toBe(1); // dedupe key keeps one job
    expect(await db.job.count({ where: { type: "contract.payment-reminder" } })).toBe(1);
    const payload = { instalmentId: instalments[0]!.id, kind: "upcoming" };
    const sent = await Promise.all([0, 1, 2].map(() => sendPaymentReminder(db, payload, soon)));
    expect(sent.filter(Boolean)).toHaveLength(1);
    const notes = await db.notification.findMany({ where: { staffId: rep.staff.id } });
    expect(notes).toHaveLength(1);
    expect(notes[0]!.link).toBe(`/crm/contracts/${id}/plan`);
    expect(await db.emailOutbox.count({ where: { template: "contract-payment-due" } })).toBe(1);
    // the check does not enqueue it again once sent; on the due day the "due" kind is owed
    await db.job.deleteMany();
    expect(await enqueuePaymentReminders(db, soon)).toBe(0);
    const dueDay = new Date("2027-02-01T03:00:00Z");
    expect(await enqueuePaymentReminders(db, dueDay)).toBe(1);
    // a stale "upcoming" job run on the due day sends nothing
    expect(await sendPaymentReminder(db, payload, dueDay)).toBe(false);
    expect(await sendPaymentReminder(db, { ...payload, kind: "due" }, dueDay)).toBe(true);
  });

  it("sends nothing for a paid instalment or a contract no longer in execution", async () => {
    const { rep, id, instalments } = await executing();
    const first = instalments[0]!;
    await recordReceipt(db, rep.actor, id, {
      instalmentId: first.id,
      amount: Number(first.amountFen),
      receivedOn: day("2026-12-01"),
      note: null,
    });
    const overdue = new Date("2027-02-10T03:00:00Z");
    expect(await enqueuePaymentReminders(db, overdue)).toBe(0);
    expect(await sendPaymentReminder(db, { instalmentId: first.id, kind: "overdue" }, overdue)).toBe(false);
    await transitionContract(db, rep.actor, id, "terminate", { reason: "客户取消" });
    expect(await enqueuePaymentReminders(db, new Date("2027-03-10T03:00:00Z"))).toBe(0);
  });

  it("the worker's job handler delivers a queued reminder once", async () => {
    const { rep, instalments } = await executing();
    await db.paymentInstalment.update({ where: { id: instalments[0]!.id }, data: { dueDate: day("2026-01-01") } });
    expect(await enqueuePaymentReminders(db)).toBe(1);
    await runWorkerOnce(db);
    await runWorkerOnce(db);
    const notes = await db.notification.findMany({
      where: { staffId: rep.staff.id, type: "contract.payment-overdue" },
    });
    expect(notes).toHaveLength(1);
  });
});

describe("the customer's zone", { timeout: 60_000 }, () => {
  it("shows only published, approved contracts of the zone's own company", async () => {
    const { rep, id, company } = await executing();
    expect(await getZoneSalesContract(db, company.id, id)).toBeNull();
    expect((await setPublished(db, rep.actor, id, true)).status).toBe("ok");
    const seen = await getZoneSalesContract(db, company.id, id);
    expect(seen?.instalments).toHaveLength(2);
    expect(seen?.amountFen).toBe(25_601_00);
    const other = await createSalesCompany(db);
    expect(await getZoneSalesContract(db, other.id, id)).toBeNull();
    // a draft cannot be published
    const draft = await draftWithPlan(rep);
    expect(await setPublished(db, rep.actor, draft.id, true)).toMatchObject({ status: "conflict" });
  });
});

describe("contract from an accepted quote", { timeout: 60_000 }, () => {
  it("copies the lines to the fen, inserts the quote's document, and only once under concurrency", async () => {
    const rep = await salesPerson("own");
    const company = await createSalesCompany(db, { ownerId: rep.staff.id });
    const quote = await db.quote.create({
      data: {
        number: "QUOT202612070001",
        currentKey: "QUOT202612070001",
        title: "平衡机报价",
        status: "accepted",
        respondedAt: new Date(),
        companyId: company.id,
        ownerId: rep.staff.id,
        createdById: rep.staff.id,
        validUntil: day("2027-01-31"),
        terms: "交货期 30 天",
        totalFen: 3_000_001n,
        lines: {
          create: [
            {
              sku: "A",
              name: "平衡机",
              unit: "台",
              quantity: 2,
              listPriceFen: 1_000_000n,
              unitPriceFen: 1_000_000n,
              netFen: 1_769_912n,
              taxFen: 230_088n,
              grossFen: 2_000_000n,
              lineTotalFen: 2_000_000n,
            },
            {
              sku: "B",
              name: "夹具",
              unit: "套",
              quantity: 1,
              listPriceFen: 1_000_001n,
              unitPriceFen: 1_000_001n,
              netFen: 884_956n,
              taxFen: 115_045n,
              grossFen: 1_000_001n,
              lineTotalFen: 1_000_001n,
            },
          ],
        },
      },
    });
    const results = await Promise.all(
      [0, 1].map(() => createContractFromQuote(db, rep.actor, quote.id, { typeCode: "new" })),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["conflict", "ok"]);
    const made = results.find((r) => r.status === "ok");
    if (made?.status !== "ok") return;
    const page = await getContract(db, rep.actor, made.value.id);
    expect(page?.contract.amountFen).toBe(3_000_001);
    expect(page?.contract.lines.map((l) => [l.sku, l.grossFen, l.taxFen])).toEqual([
      ["A", 2_000_000, 230_088],
      ["B", 1_000_001, 115_045],
    ]);
    expect(page?.contract.terms).toBe("交货期 30 天");
    expect(page?.contract.parts[0]?.body).toContain("{{products}}");
    expect((await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).consumedByType).toBe("contract");
    // someone who may not see the quote gets not-found, and nothing is made
    const other = await salesPerson("own");
    expect(await createContractFromQuote(db, other.actor, quote.id, { typeCode: "new" })).toMatchObject({
      status: "not-found",
    });
    expect(await db.salesContract.count()).toBe(1);
  });
});
