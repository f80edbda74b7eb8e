import { expect as baseExpect, test } from "@playwright/test";
import type { RowDataPacket } from "mysql2/promise";
import { approveFromQueue } from "./support/approvals.ts";
import { withE2eConnection } from "./support/db.ts";
import { ADMIN, memberPage, signIn } from "./support/sign-in.ts";

// Quotes end to end (issue #18 item 5): 周明 quotes zone A's company during a call (a catalog line
// priced by its scheme and a custom line), submits it; the sales manager approves it from 待我审核;
// 周明 downloads the PDF and publishes it to the zone; the zone's customer admin accepts it there; the
// quote shows the answer. Each run makes its own quote (a unique title), so the order of specs and
// other runs do not matter, and no demo record another spec reads is changed.

const ZONE_A_ADMIN = "zone-a-admin@relay-demo.cn";
const MANAGER = "wang.lei@relay-demo.cn";

test.describe.configure({ mode: "serial", timeout: 240_000 });
// The shared machine is slow under load: give each expectation more time than the default 5 s.
test.use({ actionTimeout: 30_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

async function zoneCompanyId(): Promise<number> {
  return withE2eConnection(async (conn) => {
    const [rows] = await conn.query<RowDataPacket[]>("SELECT companyId FROM `Member` WHERE email = ?", [ZONE_A_ADMIN]);
    return Number(rows[0]!.companyId);
  });
}

test("a quote is priced, approved, published and accepted by the customer in the zone", async ({ browser, page }) => {
  const title = `平衡机报价 e2e ${Date.now().toString(36)}`;
  const companyId = await zoneCompanyId();
  await signIn(page, ADMIN.email);

  // New quote from the company's page link target, prefilled with the company.
  await page.goto(`/crm/quotes/new?company=${companyId}`);
  await page.getByLabel("报价主题").fill(title);
  await page.getByRole("button", { name: "创建报价单" }).click();
  await expect(page).toHaveURL(/\/crm\/quotes\/\d+$/, { timeout: 30_000 });
  const quoteUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("quote-status")).toHaveText("草稿");

  // A catalog line, priced by the schemes, and a custom line typed during the call.
  const catalog = page.getByRole("form", { name: "从产品目录添加" });
  await catalog.getByLabel("产品").selectOption({ index: 1 });
  await catalog.getByLabel("数量").fill("2");
  await catalog.getByRole("button", { name: "从产品目录添加" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  const custom = page.getByRole("form", { name: "自定义明细" });
  await custom.getByLabel("名称").fill("安装调试");
  await custom.getByLabel("单价").fill("3000");
  await custom.getByRole("button", { name: "自定义明细" }).click();
  await expect(page.getByRole("form", { name: "安装调试" })).toBeVisible();
  await expect(page.getByTestId("quote-total")).toContainText("¥");

  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("已提交审核。")).toBeVisible();
  await expect(page.getByTestId("quote-status")).toHaveText("审核中");

  // The sales manager approves it from the queue.
  await approveFromQueue(browser, MANAGER, title);

  // 周明: approved → the PDF downloads, then publish to the zone.
  await page.goto(quoteUrl);
  await expect(page.getByTestId("quote-status")).toHaveText("已审核");
  const pdf = await page.request.get(`${quoteUrl}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await page.getByRole("button", { name: "发布到用户专区" }).click();
  await expect(page.getByText("已发布到用户专区。")).toBeVisible();
  await expect(page.getByTestId("quote-status")).toHaveText("已发送");

  // The customer admin finds it in the zone and accepts it.
  const member = await memberPage(browser, ZONE_A_ADMIN);
  await member.goto("/zone/quotes");
  await member.getByRole("link", { name: new RegExp(title) }).click();
  await expect(member.getByTestId("quote-total")).toContainText("¥");
  await member.getByRole("button", { name: "接受报价" }).click();
  await expect(member.getByText("感谢您接受报价")).toBeVisible();
  await expect(member.getByTestId("zone-quote-answer")).toBeVisible();
  await expect(member.getByRole("button", { name: "接受报价" })).toHaveCount(0);
  await member.context().close();

  await page.goto(quoteUrl);
  await expect(page.getByTestId("quote-status")).toHaveText("客户已接受");
  await expect(page.getByTestId("quote-response")).toBeVisible();
});
