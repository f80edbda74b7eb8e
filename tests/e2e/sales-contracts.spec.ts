import { expect, test } from "@playwright/test";
import type { RowDataPacket } from "mysql2/promise";
import { approveFromQueue } from "./support/approvals.ts";
import { withE2eConnection } from "./support/db.ts";
import { ADMIN, memberPage, signIn } from "./support/sign-in.ts";

// Sales contracts end to end (issue #18 item 6): 周明 drafts a contract for zone A's company from the
// demo template, adds a product, splits the payment plan in two (the first due today), submits it; the
// sales manager approves step 1 from 待我审核 and 周明 step 2 on the contract; 周明 downloads the PDF,
// records a partial payment and publishes the contract; the zone's customer admin sees it read-only with
// its plan. Each run makes its own contract (a unique name); no demo record another spec reads changes.

const ZONE_A_ADMIN = "zone-a-admin@relay-demo.cn";
const MANAGER = "wang.lei@relay-demo.cn";

test.describe.configure({ mode: "serial", timeout: 240_000 });

async function zoneCompanyId(): Promise<number> {
  return withE2eConnection(async (conn) => {
    const [rows] = await conn.query<RowDataPacket[]>("SELECT companyId FROM `Member` WHERE email = ?", [ZONE_A_ADMIN]);
    return Number(rows[0]!.companyId);
  });
}

const today = () =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());

test("a contract is drafted, approved in two steps, paid in part and shown in the zone", async ({ browser, page }) => {
  const name = `空压机配套 e2e ${Date.now().toString(36)}`;
  const companyId = await zoneCompanyId();
  await signIn(page, ADMIN.email);

  await page.goto(`/crm/contracts/new?company=${companyId}`);
  await page.getByLabel("合同名称").fill(name);
  await page.getByLabel("合同模板").selectOption({ label: "标准销售合同" });
  await page.getByLabel("合同类型").selectOption({ label: "追加购买" });
  await page.getByLabel("结算方式").selectOption({ label: "电汇" });
  await page.getByRole("button", { name: "新建", exact: true }).click();
  await expect(page).toHaveURL(/\/crm\/contracts\/\d+$/);
  const contractUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("contract-status").first()).toHaveText("拟定中");

  // A product line; the amount follows.
  await page.goto(`${contractUrl}/lines`);
  await page.getByLabel("数量").fill("2");
  await page.getByRole("button", { name: "添加产品" }).click();
  await expect(page.getByTestId("contract-amount")).toContainText("¥");

  // Submitting without a plan is refused; an even plan of two, the first due today, then submit.
  await page.goto(contractUrl);
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("收款计划合计必须等于合同金额")).toBeVisible();
  await page.goto(`${contractUrl}/plan`);
  const even = page.locator("form", { has: page.getByRole("button", { name: "按期平均拆分" }) });
  await even.getByLabel("期数").fill("2");
  await even.getByLabel("首期应收日期").fill(today());
  await even.getByRole("button", { name: "按期平均拆分" }).click();
  await expect(page.getByTestId("instalment-due")).toHaveCount(1);
  await page.goto(contractUrl);
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByTestId("contract-status").first()).toHaveText("审核中");

  // Step 1: the sales manager, from the queue.
  await approveFromQueue(browser, MANAGER, name);

  // Step 2: 周明 on the contract's approval panel → in execution.
  await page.goto(contractUrl);
  await page.getByRole("button", { name: "核准" }).click();
  await expect(page.getByTestId("contract-status").first()).toHaveText("执行中");

  const pdf = await page.request.get(`${contractUrl}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // A partial payment against the first instalment; more than is owed is refused.
  await page.goto(`${contractUrl}/plan`);
  const receive = page.locator("form", { has: page.getByRole("button", { name: "登记收款" }) });
  await receive.getByLabel("收款金额").fill("99999999");
  await receive.getByLabel("收款日期").fill(today());
  await receive.getByRole("button", { name: "登记收款" }).click();
  await expect(page.getByText("收款金额不能超过这一期的未收金额")).toBeVisible();
  await receive.getByLabel("收款金额").fill("100");
  await receive.getByLabel("收款日期").fill(today());
  await receive.getByRole("button", { name: "登记收款" }).click();
  await expect(page.getByTestId("instalment-partial")).toHaveCount(1);

  await page.goto(contractUrl);
  await page.getByRole("button", { name: "发布到客户专区" }).click();
  await expect(page.getByRole("button", { name: "从客户专区撤下" })).toBeVisible();

  // The customer admin sees it in the zone, read-only, with its plan.
  const member = await memberPage(browser, ZONE_A_ADMIN);
  await member.goto("/zone/sales-contracts");
  await member.getByRole("link", { name: new RegExp(name) }).click();
  await expect(member.getByTestId("contract-amount")).toContainText("¥");
  await expect(member.getByTestId("instalment-partial")).toHaveCount(1);
  await expect(member.getByRole("button", { name: "登记收款" })).toHaveCount(0);
  await member.context().close();
});
