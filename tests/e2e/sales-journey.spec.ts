import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { createDb, type Db } from "#app/lib/db.server.ts";
import { approversOfStep, decideApproval } from "#app/modules/approvals/approvals.server.ts";
import { parseSteps } from "#app/modules/approvals/approval-types.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { saveEvenPlan } from "#app/modules/contracts/contract-edit.server.ts";
import { createContractFromQuote } from "#app/modules/contracts/contract-from-quote.server.ts";
import {
  enqueuePaymentReminders,
  PAYMENT_REMINDER_JOB,
  sendPaymentReminder,
} from "#app/modules/contracts/contract-reminders.server.ts";
import { transitionContract } from "#app/modules/contracts/contracts.server.ts";
import { publishQuote } from "#app/modules/quotes/quote-send.server.ts";
import { createQuote, submitQuote } from "#app/modules/quotes/quotes.server.ts";
import { ADMIN, signIn } from "./helpers.ts";

// Issue #18's sales journey, from the portal basket to the customer's assets: a zone member of
// 沈阳恒通科技集团有限公司 fills a basket of 3 products (one crossing a tier), prints and submits it;
// the lead is converted onto that company and the opportunity's items equal the basket to the fen;
// a quote is built from those items and approved by 王磊 AND 陈静 (the quote flow is set to one
// A-and-B step for this test and restored afterwards), published to the zone, where the member
// accepts it; the accepted quote becomes a contract whose payment plan (one instalment due in three
// days) is approved through the contract flow and sends its "upcoming" reminder on the worker's
// check; a sales order is made from the contract (lines to the fen), shipped and delivered with
// serial numbers; the delivered units appear in the zone (资产) and the member's 我的订单 shows the
// order as delivered. The quote and contract steps call their services (their pages were being built
// in the same session); the portal, the conversion, the zone and every order step go through the
// pages. The quote, contract, order and assets are removed afterwards (zone specs read zone A).

const MEMBER = { email: "zone-a-user@relay-demo.cn", password: "Relay-member-2026" };
const COMPANY = "沈阳恒通科技集团有限公司";
const BASKET = [
  { sku: "BAL-SY3240", quantity: 5 },
  { sku: "AIR-LG15", quantity: 3 },
  { sku: "MEA-VT200", quantity: 1 },
] as const;
const SERIALS = ["SY3240-E2E-0001", "SY3240-E2E-0002", "SY3240-E2E-0003", "SY3240-E2E-0004", "SY3240-E2E-0005"];

function e2eDatabaseUrl(): string {
  const base = process.env.DATABASE_URL ?? execFileSync("bash", ["scripts/db.sh", "url"], { encoding: "utf8" }).trim();
  const url = new URL(base);
  url.pathname = `/${process.env.E2E_DB ?? "relay_e2e"}`;
  return url.toString();
}

let db: Db;
let orderNumber: string | null = null;
let createdQuoteId: number | null = null;
let createdContractId: number | null = null;
/** The quote flow's steps before the test, to put back. */
let savedSteps: Array<{
  position: number;
  mode: "and" | "or";
  approvers: Array<{ staffId: number | null; roleId: number | null }>;
}> = [];

test.beforeAll(() => {
  db = createDb(e2eDatabaseUrl());
});

test.afterAll(async () => {
  const flow = await db.approvalFlow.findUnique({ where: { itemType: "quote" } });
  if (flow && savedSteps.length > 0) {
    await db.approvalStep.deleteMany({ where: { flowId: flow.id } });
    for (const step of savedSteps) {
      await db.approvalStep.create({
        data: { flowId: flow.id, position: step.position, mode: step.mode, approvers: { create: step.approvers } },
      });
    }
  }
  // The zone's quote list and assets go back to what the other specs expect.
  if (createdContractId !== null) await db.salesContract.deleteMany({ where: { id: createdContractId } });
  if (createdQuoteId !== null) await db.quote.deleteMany({ where: { id: createdQuoteId } });
  if (orderNumber) {
    await db.asset.deleteMany({ where: { salesOrderLine: { order: { number: orderNumber } } } });
    await db.salesOrder.deleteMany({ where: { number: orderNumber } });
  }
  await db.$disconnect();
});

async function staffActor(email: string) {
  const staff = await db.staff.findUniqueOrThrow({ where: { email } });
  return staffActorFor(staff, { isAdmin: email === ADMIN.email });
}

/** The quote flow as one step that needs both 王磊 AND 陈静. */
async function quoteFlowAandB() {
  const flow = await db.approvalFlow.upsert({
    where: { itemType: "quote" },
    create: { itemType: "quote", active: true },
    update: { active: true },
    include: { steps: { include: { approvers: true } } },
  });
  savedSteps = flow.steps.map((s) => ({
    position: s.position,
    mode: s.mode,
    approvers: s.approvers.map((a) => ({ staffId: a.staffId, roleId: a.roleId })),
  }));
  const [a, b] = await Promise.all(
    ["wang.lei@relay-demo.cn", "chen.jing@relay-demo.cn"].map((email) =>
      db.staff.findUniqueOrThrow({ where: { email } }),
    ),
  );
  await db.approvalStep.deleteMany({ where: { flowId: flow.id } });
  await db.approvalStep.create({
    data: {
      flowId: flow.id,
      position: 0,
      mode: "and",
      approvers: { create: [{ staffId: a!.id }, { staffId: b!.id }] },
    },
  });
}

/** Every approver of each step in turn votes yes, until the request is decided. */
async function approveAll(itemType: string, itemId: number) {
  for (let round = 0; round < 8; round++) {
    const request = await db.approvalRequest.findFirstOrThrow({ where: { itemType, itemId }, orderBy: { id: "desc" } });
    if (request.status !== "pending") return request.status;
    const step = parseSteps(request.steps)[request.currentStep];
    if (!step) return request.status;
    for (const staffId of await approversOfStep(db, step)) {
      const staff = await db.staff.findUniqueOrThrow({ where: { id: staffId } });
      await decideApproval(db, staffActorFor(staff), request.id, "approve", null);
    }
  }
  return "pending";
}

async function memberSignIn(page: Page) {
  await page.context().clearCookies();
  const response = await page.request.post("/login", { form: MEMBER, maxRedirects: 0 });
  expect(response.status()).toBe(302);
}

const money = (amount: string) => `¥${Number(amount).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;

test("basket → lead → opportunity → quote (A and B) → accepted in the zone → contract and reminder → order → assets", async ({
  page,
}) => {
  test.setTimeout(180_000);

  // 1. The member's basket: SY3240 at its 5-台 tier, two more products; print; submit.
  await memberSignIn(page);
  await page.goto("/order");
  for (const { sku, quantity } of BASKET) await page.locator(`input[name="qty.${sku}"]`).fill(String(quantity));
  await expect(page.getByTestId("basket-note-BAL-SY3240")).toContainText("阶梯价");
  const summary = page.getByTestId("basket-summary");
  await expect(summary).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "提交订单" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await page.getByLabel("单位名称").fill(COMPANY);
  await page.getByLabel("手机").fill("13912345671");
  await page.getByRole("button", { name: "提交订单" }).click();
  await expect(page.getByRole("status")).toHaveText("提交成功");
  const leadNumber = (await page.getByTestId("lead-number").textContent())?.trim() ?? "";
  const lead = await db.lead.findUniqueOrThrow({ where: { number: leadNumber }, include: { items: true } });
  const basket = lead.items
    .map((i) => [i.sku, i.quantity, i.unitPrice?.toFixed(2), i.lineTotal?.toFixed(2)] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
  expect(basket.map((l) => [l[0], l[1]])).toEqual(BASKET.map((b) => [b.sku, b.quantity]).sort());

  // 2. Converted onto the member's company; the opportunity's items equal the basket to the fen.
  await page.context().clearCookies();
  await signIn(page, ADMIN.email);
  await page.goto(`/crm/leads/${lead.id}/convert`);
  await page
    .getByRole("radio", { name: new RegExp(COMPANY) })
    .first()
    .check();
  await page.getByRole("radio", { name: /新建联系人/ }).check();
  await page.getByLabel("机会名称").fill(`门户订单 ${leadNumber}`);
  await page.getByRole("button", { name: "确认转换" }).click();
  await expect(page).toHaveURL(/\/crm\/opportunities\/\d+\?converted=1$/);
  const opportunity = await db.opportunity.findFirstOrThrow({
    where: { leadId: lead.id },
    include: { items: true, company: true },
  });
  expect(opportunity.company?.name).toBe(COMPANY);
  const items = opportunity.items
    .map((i) => [i.sku, i.quantity, i.unitPrice.toFixed(2), i.lineTotal.toFixed(2)] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
  expect(items).toEqual(basket);

  // 3. A quote from the opportunity's items, approved by A AND B, published to the zone.
  const admin = await staffActor(ADMIN.email);
  await quoteFlowAandB();
  const created = await createQuote(db, admin, {
    title: `平衡机及空压机报价 ${leadNumber}`,
    companyId: opportunity.companyId!,
    contactId: opportunity.contactId,
    opportunityId: opportunity.id,
    validUntil: new Date(Date.now() + 30 * 86_400_000),
    terms: "",
    remark: null,
    templateId: null,
    copyItems: true,
  });
  expect(created.status).toBe("ok");
  if (created.status !== "ok") return;
  const quoteId = created.value.id;
  createdQuoteId = quoteId;
  const quoteLines = await db.quoteLine.findMany({ where: { quoteId }, orderBy: { position: "asc" } });
  expect(quoteLines.map((l) => [l.sku, l.quantity]).sort()).toEqual(BASKET.map((b) => [b.sku, b.quantity]).sort());
  const version = async () => (await db.quote.findUniqueOrThrow({ where: { id: quoteId } })).updatedAt;
  expect(await submitQuote(db, admin, quoteId, { version: await version() })).toMatchObject({
    status: "ok",
    value: { status: "pending_approval" },
  });
  const request = await db.approvalRequest.findFirstOrThrow({ where: { itemType: "quote", itemId: quoteId } });
  expect(
    (await decideApproval(db, await staffActor("wang.lei@relay-demo.cn"), request.id, "approve", null)).status,
  ).toBe("ok");
  // A alone is not enough.
  expect((await db.quote.findUniqueOrThrow({ where: { id: quoteId } })).status).toBe("pending_approval");
  expect(
    (await decideApproval(db, await staffActor("chen.jing@relay-demo.cn"), request.id, "approve", null)).status,
  ).toBe("ok");
  expect((await db.quote.findUniqueOrThrow({ where: { id: quoteId } })).status).toBe("approved");
  expect((await publishQuote(db, admin, quoteId, { version: await version() })).status).toBe("ok");

  // 4. The member accepts it in the zone.
  await memberSignIn(page);
  await page.goto(`/zone/quotes/${quoteId}`);
  await page.getByRole("button", { name: "接受报价" }).click();
  await expect.poll(async () => (await db.quote.findUniqueOrThrow({ where: { id: quoteId } })).status).toBe("accepted");

  // 5. The accepted quote becomes a contract; its payment plan is approved and reminds the owner.
  const contract = await createContractFromQuote(db, admin, quoteId, { typeCode: "new", name: null });
  expect(contract.status).toBe("ok");
  if (contract.status !== "ok") return;
  const contractId = contract.value.id;
  createdContractId = contractId;
  const revision = async () => (await db.salesContract.findUniqueOrThrow({ where: { id: contractId } })).revision;
  const today = new Date(`${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00.000Z`);
  const firstDue = new Date(today.getTime() + 3 * 86_400_000);
  const plan = await saveEvenPlan(db, admin, contractId, {
    revision: await revision(),
    count: 1,
    firstDue,
    monthsApart: 1,
  });
  expect(plan.status).toBe("ok");
  expect((await transitionContract(db, admin, contractId, "submit")).status).toBe("ok");
  expect(await approveAll("contract", contractId)).toBe("approved");
  expect((await db.salesContract.findUniqueOrThrow({ where: { id: contractId } })).status).toBe("in_execution");
  await enqueuePaymentReminders(db, new Date());
  const instalments = await db.paymentInstalment.findMany({ where: { contractId }, select: { id: true } });
  const jobs = await db.job.findMany({ where: { type: PAYMENT_REMINDER_JOB } });
  const ours = jobs.filter((j) =>
    instalments.some((i) => (j.payload as { instalmentId?: number } | null)?.instalmentId === i.id),
  );
  expect(ours.length).toBeGreaterThan(0);
  // As the worker does: run our jobs (a worker that got there first makes this a no-op).
  for (const job of ours) await sendPaymentReminder(db, job.payload);
  const reminders = await db.paymentReminder.findMany({ where: { instalment: { contractId } } });
  expect(reminders.map((r) => r.kind)).toEqual(["upcoming"]);

  // 6. The sales order from the contract (what "生成销售订单" posts): its lines equal the contract's,
  // and so the quote's, to the fen; asking again opens the same order.
  await page.context().clearCookies();
  await signIn(page, ADMIN.email);
  const make = () =>
    page.request.post("/crm/sales-orders", {
      form: { intent: "create", source: "contract", sourceId: String(contractId) },
      maxRedirects: 0,
    });
  const first = await make();
  expect(first.status()).toBe(302);
  const order = await db.salesOrder.findFirstOrThrow({ where: { contractId }, include: { lines: true } });
  orderNumber = order.number;
  expect(first.headers().location).toContain(`/crm/sales-orders/${order.id}`);
  expect((await make()).headers().location).toContain(`/crm/sales-orders/${order.id}`);
  expect(await db.salesOrder.count({ where: { contractId } })).toBe(1);
  expect(order.number).toMatch(/^SO\d{12}$/);
  const fen = (n: bigint) => (Number(n) / 100).toFixed(2);
  expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPrice.toFixed(2), l.lineTotal.toFixed(2)]).sort()).toEqual(
    quoteLines.map((l) => [l.sku, l.quantity, fen(l.unitPriceFen), fen(l.lineTotalFen)]).sort(),
  );
  const total = quoteLines.reduce((sum, l) => sum + l.lineTotalFen, 0n);
  expect(fen(total)).toBe(order.totalAmount.toFixed(2));
  await page.goto(`/crm/sales-orders/${order.id}`);
  await expect(page.getByTestId("order-total")).toHaveText(money(fen(total)));
  await expect(page.getByTestId("order-status")).toHaveText("已确认");

  // 7. Shipped, then delivered with the machines' serial numbers.
  await page.goto(`/crm/sales-orders/${order.id}/fulfilment`);
  await page.getByRole("button", { name: "标记为已发货" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("已发货");
  const delivery = page.getByRole("form", { name: "登记交付" });
  await delivery.locator("fieldset", { hasText: "BAL-SY3240" }).getByLabel("序列号").fill(SERIALS.join("\n"));
  await delivery.getByRole("button", { name: "登记交付" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("已交付");
  await page.goto(`/crm/sales-orders/${order.id}/assets`);
  for (const serial of SERIALS) await expect(page.getByRole("cell", { name: serial })).toBeVisible();
  expect(await db.asset.count({ where: { salesOrderLine: { orderId: order.id } } })).toBe(5 + 3 + 1);

  // 8. The member sees the assets in the zone and the order in 我的订单.
  await memberSignIn(page);
  await page.goto("/zone/assets");
  for (const serial of SERIALS) await expect(page.getByText(serial, { exact: true })).toBeVisible();
  await page.goto("/account/orders");
  const salesOrders = page.getByRole("region", { name: "销售订单" });
  const row = salesOrders.getByTestId("member-order").filter({ hasText: order.number });
  await expect(row.getByTestId("order-status")).toHaveText("已交付");
  const requests = page.getByRole("region", { name: "已提交的订购" });
  await expect(requests.getByTestId("member-order").filter({ hasText: leadNumber })).toContainText("已受理");
});
