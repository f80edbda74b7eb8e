import { expect, test } from "@playwright/test";
import { signIn } from "./helpers.ts";

// 知识库 end to end: a visitor finds a public solution; an internal one stays hidden; a CSR writes and
// publishes a solution in the back office and a visitor then finds it by its keyword.

const SHOTS_DIR = process.env.KNOWLEDGE_SHOTS_DIR ?? "test-results/screenshots";

test("a visitor searches the knowledge base and opens a public solution", async ({ page }) => {
  await page.goto("/knowledge");
  await expect(page.getByRole("heading", { level: 1, name: "知识库" })).toBeVisible();
  await page.getByRole("searchbox", { name: "搜索知识库" }).fill("校准");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/knowledge\?q=/);
  const result = page.getByRole("link", { name: /平衡机开机后如何进行校准/ });
  await expect(result).toBeVisible();
  await page.screenshot({ path: `${SHOTS_DIR}/knowledge-portal-search.png`, fullPage: true });
  await result.click();
  await expect(page.getByRole("heading", { level: 1, name: /平衡机开机后如何进行校准/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "解决方案" })).toBeVisible();

  // Internal and customer-only solutions are not found by a visitor, and their pages are 404.
  await page.goto("/knowledge?q=返厂");
  await expect(page.getByText("没有找到匹配的解决方案")).toBeVisible();
  const response = await page.goto("/knowledge/7");
  expect(response?.status()).toBe(404);
});

test("a CSR publishes a solution in the back office and a visitor finds it by keyword", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const keyword = `E2E${Date.now().toString(36)}`;
  const summary = `E2E 测试：主轴异响的排查 ${keyword}`;

  await signIn(page, "service@relay-demo.cn");
  await page.goto("/crm/knowledge/new");
  await page.getByLabel("问题摘要").fill(summary);
  const solution = page.getByRole("textbox", { name: "解决方案" });
  await solution.click();
  await page.keyboard.type("先检查轴承润滑，再测量主轴径向跳动。");
  await page.getByLabel("索引关键字").fill(`主轴, 异响, ${keyword}`);
  await page.getByRole("radio", { name: /公开/ }).check();
  await page.getByRole("button", { name: "保存并发布" }).click();
  await expect(page.getByText("已发布到门户。")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: summary })).toBeVisible();

  const visitor = await browser.newContext();
  const portal = await visitor.newPage();
  // The search index follows through the job queue: allow the worker a moment.
  await expect(async () => {
    await portal.goto(`/knowledge?q=${encodeURIComponent(keyword)}`);
    await expect(portal.getByRole("link", { name: summary })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await portal.getByRole("link", { name: summary }).click();
  await expect(portal.getByText("先检查轴承润滑，再测量主轴径向跳动。")).toBeVisible();
  await visitor.close();

  await page.goto("/crm/service/satisfaction");
  await expect(page.getByRole("heading", { level: 1, name: "满意度" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${SHOTS_DIR}/knowledge-satisfaction.png`, fullPage: true });
});
