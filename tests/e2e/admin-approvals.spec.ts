import { expect, test, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./helpers.ts";

// Approvals end to end (#16): 林晓雯 records an expense typed from the system table (费用类型) on the demo
// campaign and submits it to the demo "expense" flow (林晓雯 OR 周明); she takes it back (撤回) from
// 待我审核 and submits it again; 周明 finds it behind the navigation's count and approves it with a
// comment; the ledger shows it approved. The added expense stays: no other spec reads this campaign's
// costs, and each run's line has its own description.

const MARKETING = "marketing@relay-demo.cn";
const run = Date.now().toString(36);
const description = `e2e 展位费 ${run}`;

test.describe.configure({ timeout: 120_000 });

async function openLedger(page: Page) {
  await page.goto("/crm/campaigns");
  await page.getByRole("link", { name: "2026 秋季新品推广" }).first().click();
  await page.locator('a[href$="/expenses"]').first().click();
  await expect(page).toHaveURL(/\/crm\/campaigns\/\d+\/expenses$/);
}

const line = (page: Page) => page.locator("li", { hasText: description });

test("an expense goes through its approval flow: withdrawn by its author, approved from the queue", async ({
  browser,
}) => {
  const marketingContext = await browser.newContext();
  const page = await marketingContext.newPage();
  await signIn(page, MARKETING);
  await openLedger(page);
  await page.getByLabel("费用说明").fill(description);
  await page.getByLabel("金额（元）").fill("880");
  await page.getByLabel("费用类型").selectOption({ label: "会展费" });
  await page.getByRole("button", { name: "记录费用" }).click();
  await expect(line(page)).toContainText("会展费");
  await line(page).getByRole("button", { name: "提交审核" }).click();
  await expect(line(page)).toContainText("审核中");

  // 撤回 from the queue's "my pending submissions"; the line says so and may be submitted again.
  await page.goto("/crm/approvals");
  const mine = page.getByRole("region", { name: "我提交的待审事项" }).locator("li", { hasText: description });
  await mine.getByRole("button", { name: "撤回" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  await expect(mine).toHaveCount(0);
  await openLedger(page);
  await expect(line(page)).toContainText("已撤回");
  await line(page).getByRole("button", { name: "提交审核" }).click();
  await expect(line(page)).toContainText("审核中");

  // 周明: the navigation counts what waits for him; he approves with a comment.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ADMIN.email);
  const navItem = admin
    .getByRole("navigation")
    .first()
    .getByRole("link", { name: /^待我审核/ });
  await expect(navItem).toContainText(/\d+/);
  await navItem.click();
  const card = admin.locator("li", { hasText: description });
  await card.getByLabel("审核意见").fill("展会预算内，同意");
  await card.getByRole("button", { name: "核准" }).click();
  await expect(admin.getByText("已保存。")).toBeVisible();
  await expect(admin.locator("li", { hasText: description })).toHaveCount(0);

  await openLedger(page);
  await expect(line(page)).toContainText("已核准");
  await marketingContext.close();
  await adminContext.close();
});
