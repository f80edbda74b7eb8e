import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import type { Db } from "#app/lib/db.server.ts";
import { enqueuePaymentReminders } from "#app/modules/contracts/contract-reminders.server.ts";
import { approveFromQueue } from "./support/approvals.ts";
import { e2eDb } from "./support/db.ts";
import { readMail } from "./support/mail.ts";
import { ADMIN, memberPage, staffPage } from "./support/sign-in.ts";

// Issue #18's sales journey, every step through the pages, each person in their own browser:
// a zone member of 沈阳恒通科技集团有限公司 fills a basket of 3 products (SY3240 crossing its 5-台 tier),
// prints it and submits it; the purchase lead is routed to a salesperson (the demo's 产品订购轮值:
// 王磊, decision 051), who finds it among 我的新线索 and converts it onto the member's company — the
// opportunity's items equal the printed basket to the fen — quotes from the opportunity in the quote
// editor and submits it; 陈静 AND 周明 approve it from 待我审核 (the quote flow is one A-and-B step
// for this test, restored afterwards); the salesperson publishes it to the zone, where the member
// accepts it; the accepted quote becomes a contract whose one instalment (due in three days) is
// approved (陈静, then 周明) and reminds its owner by e-mail (the worker runs the reminder job; the
// spec only makes the hourly check happen now); the contract becomes a sales order, shipped and
// delivered with serial numbers; the units appear in the zone's 资产 and 我的订单 shows the order
// delivered. The quote, contract, order and assets are removed afterwards (zone specs read zone A).

test.describe.configure({ timeout: 300_000 });
// The shared machine is slow under load: more time for each expectation than the default 5 s.
test.use({ actionTimeout: 30_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

const MEMBER = "zone-a-user@relay-demo.cn";
const COMPANY = "沈阳恒通科技集团有限公司";
/** The quote's A-and-B step, and the contract flow's two steps: neither is in the order rotation. */
const APPROVER_A = "chen.jing@relay-demo.cn";
const APPROVER_B = ADMIN.email;
const BASKET = [
  { sku: "BAL-SY3240", quantity: 5 },
  { sku: "AIR-LG15", quantity: 3 },
  { sku: "MEA-VT200", quantity: 1 },
] as const;
const SERIALS = ["SY3240-E2E-0001", "SY3240-E2E-0002", "SY3240-E2E-0003", "SY3240-E2E-0004", "SY3240-E2E-0005"];

type Line = readonly [sku: string, quantity: number, unitPriceFen: number, lineTotalFen: number];

let db: Db;
let quoteId: number | null = null;
let contractId: number | null = null;
let orderId: number | null = null;
/** The quote flow's steps before the test, to put back. */
let savedSteps: Array<{
  position: number;
  mode: "and" | "or";
  approvers: Array<{ staffId: number | null; roleId: number | null }>;
}> | null = null;

test.beforeAll(() => {
  db = e2eDb();
});

test.afterAll(async () => {
  const flow = await db.approvalFlow.findUnique({ where: { itemType: "quote" } });
  if (flow && savedSteps) {
    await db.approvalStep.deleteMany({ where: { flowId: flow.id } });
    for (const step of savedSteps) {
      await db.approvalStep.create({
        data: { flowId: flow.id, position: step.position, mode: step.mode, approvers: { create: step.approvers } },
      });
    }
  }
  // Zone A's quotes, contracts and assets go back to what the other specs expect.
  if (orderId !== null) {
    await db.asset.deleteMany({ where: { salesOrderLine: { orderId } } });
    await db.salesOrder.deleteMany({ where: { id: orderId } });
  }
  if (contractId !== null) await db.salesContract.deleteMany({ where: { id: contractId } });
  if (quoteId !== null) await db.quote.deleteMany({ where: { id: quoteId } });
  await db.$disconnect();
});

/** The quote flow as one step that needs both approvers (test setup, not part of the journey). */
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
  const approvers = await db.staff.findMany({ where: { email: { in: [APPROVER_A, APPROVER_B] } } });
  expect(approvers).toHaveLength(2);
  await db.approvalStep.deleteMany({ where: { flowId: flow.id } });
  await db.approvalStep.create({
    data: {
      flowId: flow.id,
      position: 0,
      mode: "and",
      approvers: { create: approvers.map((a) => ({ staffId: a.id })) },
    },
  });
}

/** "¥12,800.00" → 1280000 */
function fenOf(text: string): number {
  const match = /¥\s*([\d,]+)\.(\d{2})/.exec(text);
  if (!match) throw new Error(`no amount in ${text}`);
  return Number(match[1]!.replace(/,/g, "")) * 100 + Number(match[2]);
}

const decimalFen = (value: { toFixed(digits: number): string }) => Math.round(Number(value.toFixed(2)) * 100);
const sorted = (lines: Line[]) => [...lines].sort((a, b) => a[0].localeCompare(b[0]));

/** The Shanghai calendar day `days` from now, as a date input takes it. */
function shanghaiDay(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** The member's basket as printed: each line's quantity, unit price and total read off the summary. */
async function printedBasket(page: Page): Promise<Line[]> {
  const lines: Line[] = [];
  for (const { sku, quantity } of BASKET) {
    const cells = page.getByTestId(`basket-line-${sku}`).getByRole("cell");
    await expect(cells.nth(1)).toContainText(String(quantity));
    lines.push([sku, quantity, fenOf(await cells.nth(2).innerText()), fenOf(await cells.nth(3).innerText())]);
  }
  return sorted(lines);
}

/** 1. The member fills the basket, prints it and submits it; returns what was printed and the lead. */
async function memberOrders(browser: Browser) {
  const member = await memberPage(browser, MEMBER);
  await member.goto("/order");
  const products = await db.product.findMany({ where: { sku: { in: BASKET.map((b) => b.sku) } } });
  for (const { sku, quantity } of BASKET) {
    const name = products.find((p) => p.sku === sku)!.name;
    await member.getByLabel(`${name} 的数量`, { exact: true }).fill(String(quantity));
  }
  await expect(member.getByTestId("basket-note-BAL-SY3240")).toContainText("阶梯价");
  const basket = await printedBasket(member);
  const gross = fenOf(await member.getByTestId("basket-summary").locator("dd").last().innerText());

  // 打印订单 opens the browser's print dialog; on paper only the order shows, not the form.
  await member.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await member.getByRole("button", { name: "打印订单" }).click();
  expect(await member.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await member.emulateMedia({ media: "print" });
  await expect(member.getByTestId("basket-summary")).toBeVisible();
  await expect(member.getByRole("button", { name: "提交订单" })).toBeHidden();
  await member.emulateMedia({ media: "screen" });

  await member.getByLabel("单位名称").fill(COMPANY);
  await member.getByLabel("手机").fill("13912345671");
  await member.getByRole("button", { name: "提交订单" }).click();
  await expect(member.getByRole("status")).toHaveText("提交成功");
  const leadNumber = (await member.getByTestId("lead-number").innerText()).trim();
  const ownerLine = await member.getByText(/我们的 .+ 将与您联系。/).innerText();
  const ownerName = /我们的 (.+) 将与您联系。/.exec(ownerLine)?.[1] ?? "";
  await member.context().close();
  return { basket, gross, leadNumber, ownerName };
}

test("basket → routed lead → opportunity → quote (A and B) → accepted in the zone → contract and reminder → order → assets", async ({
  browser,
}) => {
  const { basket, gross, leadNumber, ownerName } = await memberOrders(browser);
  expect(leadNumber).toMatch(/^LEAD\d{12}$/);
  // Routed to a salesperson who may convert (decision 051: 王磊 in the demo), not to marketing.
  const owner = await db.staff.findFirstOrThrow({ where: { name: ownerName } });
  expect(owner.email).toBe("wang.lei@relay-demo.cn");

  // 2. The owner finds the lead among 我的新线索 and converts it onto the member's company.
  const sales = await staffPage(browser, owner.email);
  await sales.goto("/crm/leads");
  const row = sales.getByRole("row").filter({ hasText: leadNumber });
  await row.getByRole("link").first().click();
  await expect(sales).toHaveURL(/\/crm\/leads\/\d+$/);
  await sales.getByRole("link", { name: "转换线索" }).click();
  await sales
    .getByRole("radio", { name: new RegExp(`关联现有单位 ${COMPANY}`) })
    .first()
    .check();
  await sales.getByRole("radio", { name: /新建联系人/ }).check();
  await sales.getByLabel("机会名称").fill(`门户订单 ${leadNumber}`);
  await sales.getByRole("button", { name: "确认转换" }).click();
  await expect(sales).toHaveURL(/\/crm\/opportunities\/\d+\?converted=1$/);
  await expect(sales.getByRole("link", { name: COMPANY }).first()).toBeVisible();
  const opportunityId = Number(/\/crm\/opportunities\/(\d+)/.exec(sales.url())![1]);
  const opportunity = await db.opportunity.findUniqueOrThrow({
    where: { id: opportunityId },
    include: { items: true },
  });
  expect(opportunity.ownerId).toBe(owner.id);
  expect(
    sorted(
      opportunity.items.map((i) => [i.sku, i.quantity, decimalFen(i.unitPrice), decimalFen(i.lineTotal)] as const),
    ),
  ).toEqual(basket);

  // 3. A quote from the opportunity's items in the quote editor, submitted for approval.
  await quoteFlowAandB();
  const title = `平衡机及空压机报价 ${leadNumber}`;
  await sales.getByRole("link", { name: "为此机会报价" }).click();
  await sales.getByLabel("报价主题").fill(title);
  await expect(sales.getByLabel("带入机会的产品明细")).toBeChecked();
  await sales.getByRole("button", { name: "创建报价单" }).click();
  await expect(sales).toHaveURL(/\/crm\/quotes\/\d+$/);
  const quoteUrl = new URL(sales.url()).pathname;
  quoteId = Number(quoteUrl.split("/").pop());
  const quoteLines = await db.quoteLine.findMany({ where: { quoteId } });
  expect(
    sorted(quoteLines.map((l) => [l.sku ?? "", l.quantity, Number(l.unitPriceFen), Number(l.lineTotalFen)] as const)),
  ).toEqual(basket);
  const quoteTotal = fenOf(await sales.getByTestId("quote-total").innerText());
  expect(quoteTotal).toBeGreaterThanOrEqual(basket.reduce((sum, l) => sum + l[3], 0));
  expect(quoteTotal).toBeLessThanOrEqual(gross);
  await sales.getByRole("button", { name: "提交审核" }).click();
  await expect(sales.getByTestId("quote-status")).toHaveText("审核中");
  const quoteNumber = (await db.quote.findUniqueOrThrow({ where: { id: quoteId } })).number;

  // A alone is not enough; A AND B approve it, each from their own 待我审核.
  await approveFromQueue(browser, APPROVER_A, quoteNumber);
  await sales.reload();
  await expect(sales.getByTestId("quote-status")).toHaveText("审核中");
  await approveFromQueue(browser, APPROVER_B, quoteNumber);
  await sales.reload();
  await expect(sales.getByTestId("quote-status")).toHaveText("已审核");
  await sales.getByRole("button", { name: "发布到用户专区" }).click();
  await expect(sales.getByText("已发布到用户专区。")).toBeVisible();

  // 4. The member accepts it in the zone.
  const member = await memberPage(browser, MEMBER);
  await member.goto("/zone/quotes");
  await member.getByRole("link", { name: new RegExp(title) }).click();
  expect(fenOf(await member.getByTestId("quote-total").innerText())).toBe(quoteTotal);
  await member.getByRole("button", { name: "接受报价" }).click();
  await expect(member.getByText("感谢您接受报价")).toBeVisible();
  await member.context().close();

  // 5. The accepted quote becomes a contract; one instalment due in three days; approved in two steps.
  await sales.goto(quoteUrl);
  await expect(sales.getByTestId("quote-status")).toHaveText("客户已接受");
  await sales.getByRole("button", { name: "由报价单生成合同" }).click();
  await expect(sales).toHaveURL(/\/crm\/contracts\/\d+$/);
  const contractUrl = new URL(sales.url()).pathname;
  contractId = Number(contractUrl.split("/").pop());
  await sales.goto(`${contractUrl}/plan`);
  const even = sales.locator("form", { has: sales.getByRole("button", { name: "按期平均拆分" }) });
  await even.getByLabel("期数").fill("1");
  await even.getByLabel("首期应收日期").fill(shanghaiDay(3));
  await even.getByRole("button", { name: "按期平均拆分" }).click();
  await expect(sales.getByTestId("instalment-open")).toHaveCount(1);
  await sales.goto(contractUrl);
  await sales.getByRole("button", { name: "提交审核" }).click();
  await expect(sales.getByTestId("contract-status").first()).toHaveText("审核中");
  const contractNumber = (await db.salesContract.findUniqueOrThrow({ where: { id: contractId } })).number;
  await approveFromQueue(browser, APPROVER_A, contractNumber);
  await approveFromQueue(browser, APPROVER_B, contractNumber);
  await sales.reload();
  await expect(sales.getByTestId("contract-status").first()).toHaveText("执行中");

  // The worker's hourly payment check, now (the only step not taken in a browser); the worker then
  // runs the reminder job and the owner's mail arrives in the dev inbox.
  await enqueuePaymentReminders(db, new Date());
  const mail = await readMail(browser, owner.email, "收款提醒", { containing: contractNumber, timeout: 60_000 });
  expect(mail).toContain(COMPANY);
  expect(mail).toContain(shanghaiDay(3));

  // 6. The sales order from the contract: its lines equal the quote's to the fen.
  await sales.getByRole("button", { name: "生成销售订单" }).click();
  await expect(sales).toHaveURL(/\/crm\/sales-orders\/\d+/);
  orderId = Number(/\/crm\/sales-orders\/(\d+)/.exec(sales.url())![1]);
  const order = await db.salesOrder.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true } });
  expect(order.contractId).toBe(contractId);
  expect(
    sorted(
      order.lines.map((l) => [l.sku ?? "", l.quantity, decimalFen(l.unitPrice), decimalFen(l.lineTotal)] as const),
    ),
  ).toEqual(basket);
  await expect(sales.getByTestId("order-status")).toHaveText("已确认");
  expect(fenOf(await sales.getByTestId("order-total").innerText())).toBe(basket.reduce((sum, l) => sum + l[3], 0));

  // 7. Shipped, then delivered with the machines' serial numbers.
  await sales.goto(`/crm/sales-orders/${orderId}/fulfilment`);
  await sales.getByRole("button", { name: "标记为已发货" }).click();
  await expect(sales.getByTestId("order-status")).toHaveText("已发货");
  const delivery = sales.getByRole("form", { name: "登记交付" });
  await delivery.locator("fieldset", { hasText: "BAL-SY3240" }).getByLabel("序列号").fill(SERIALS.join("\n"));
  await delivery.getByRole("button", { name: "登记交付" }).click();
  await expect(sales.getByTestId("order-status")).toHaveText("已交付");
  await sales.goto(`/crm/sales-orders/${orderId}/assets`);
  for (const serial of SERIALS) await expect(sales.getByRole("cell", { name: serial })).toBeVisible();
  await sales.context().close();

  // 8. The member sees the units in the zone and the order in 我的订单.
  const again = await memberPage(browser, MEMBER);
  await again.goto("/zone/assets");
  for (const serial of SERIALS) await expect(again.getByText(serial, { exact: true })).toBeVisible();
  await again.goto("/account/orders");
  const salesOrders = again.getByRole("region", { name: "销售订单" });
  const orderRow = salesOrders.getByTestId("member-order").filter({ hasText: order.number });
  await expect(orderRow.getByTestId("order-status")).toHaveText("已交付");
  const requests = again.getByRole("region", { name: "已提交的订购" });
  await expect(requests.getByTestId("member-order").filter({ hasText: leadNumber })).toContainText("已受理");
  await again.context().close();
});
