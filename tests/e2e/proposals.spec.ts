import { expect, test } from "@playwright/test";
import type { RowDataPacket } from "mysql2/promise";
import { approveFromQueue } from "./support/approvals.ts";
import { withE2eConnection } from "./support/db.ts";
import { ADMIN, memberPage, signIn } from "./support/sign-in.ts";

// Proposals end to end (#18, decision 050): 周明 starts a proposal for zone A's company from the demo
// proposal template, inserts the quote and the contract already published to that zone, and submits
// it; 王磊 AND 陈静 approve step 1 from 待我审核, 周明 step 2 on the proposal; he publishes it, and the
// zone's customer admin reads it — the inserted quote and contract included — and downloads its PDF.
// Each run makes its own proposal (a unique title); no demo record another spec reads changes.

const ZONE_A_ADMIN = "zone-a-admin@relay-demo.cn";

test.describe.configure({ mode: "serial", timeout: 240_000 });

async function zoneCompanyId(): Promise<number> {
  return withE2eConnection(async (conn) => {
    const [rows] = await conn.query<RowDataPacket[]>("SELECT companyId FROM `Member` WHERE email = ?", [ZONE_A_ADMIN]);
    return Number(rows[0]!.companyId);
  });
}

test("a proposal from a quote and a contract is approved (A AND B, then C), published and read in the zone", async ({
  browser,
  page,
}) => {
  const title = `改造建议书 e2e ${Date.now().toString(36)}`;
  const companyId = await zoneCompanyId();
  await signIn(page, ADMIN.email);

  await page.goto("/crm/proposals");
  await page.getByLabel("提议标题").fill(title);
  await page.getByLabel("单位").selectOption(String(companyId));
  await page.getByLabel("合同模板").selectOption({ label: "解决方案建议书" });
  await page.getByRole("button", { name: "新建", exact: true }).click();
  await expect(page).toHaveURL(/\/crm\/proposals\/\d+$/);
  const proposalUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("proposal-status")).toHaveText("拟定中");

  // The quote and the contract published to the zone become parts of the proposal.
  for (const [label, text] of [
    ["报价单", "动平衡机及空压机报价（专区）"],
    ["合同", "空压机配套"],
  ] as const) {
    const select = page.getByLabel(label, { exact: true });
    const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
    await select.selectOption(value!);
    await page.locator("form", { has: select }).getByRole("button", { name: "添加" }).click();
    await expect(page.getByTestId("proposal-part").filter({ hasText: text })).toHaveCount(1);
  }
  await expect(page.getByTestId("proposal-part")).toHaveCount(4);

  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByTestId("proposal-status")).toHaveText("审核中");
  // Pending approval: the parts are fixed.
  await expect(page.getByRole("button", { name: "上移" })).toHaveCount(0);

  // Step 1 is A AND B: 王磊 and 陈静, each from their queue; step 2 (周明 OR 市场主管) on the page.
  await approveFromQueue(browser, "wang.lei@relay-demo.cn", title);
  await approveFromQueue(browser, "chen.jing@relay-demo.cn", title);
  await page.goto(proposalUrl);
  await page.getByRole("button", { name: "核准" }).click();
  await expect(page.getByTestId("proposal-status")).toHaveText("已审核");

  await page.getByRole("button", { name: "发布到用户专区" }).click();
  await expect(page.getByTestId("proposal-status")).toHaveText("已发布");

  // The zone's customer admin reads it, read-only, with the quote's and the contract's products.
  const member = await memberPage(browser, ZONE_A_ADMIN);
  await member.goto("/zone/proposals");
  await member.getByRole("link", { name: new RegExp(title) }).click();
  await expect(member.getByRole("heading", { name: title })).toBeVisible();
  const parts = member.getByTestId("proposal-part");
  await expect(parts).toHaveCount(4);
  await expect(parts.filter({ hasText: "动平衡机及空压机报价（专区）" })).toContainText("¥");
  await expect(parts.filter({ hasText: "空压机配套" })).toContainText("¥");
  await expect(member.getByRole("button", { name: "上移" })).toHaveCount(0);
  const pdf = await member.request.get(`${new URL(member.url()).pathname}/pdf`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await member.context().close();
});
