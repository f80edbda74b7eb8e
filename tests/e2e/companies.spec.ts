import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./helpers";

// 单位 (#15): create a company with the region picker (province → city → district loaded level by
// level), find it in the list by province and city, open its 360° page, walk the tabs and edit it.

test("companies: create with the region picker, filter by region, tabs and edit", async ({ page }) => {
  const name = `杭州云栖测绘${Date.now() % 100000}有限公司`;
  await signIn(page, ADMIN.email);

  await page.goto("/crm/companies");
  await expect(page.getByRole("heading", { level: 1, name: "单位" })).toBeVisible();
  await expect(page.getByTestId("list-total")).toContainText(/共 [\d,]+ 条/);
  await page.getByRole("link", { name: "新建单位" }).first().click();
  await expect(page).toHaveURL(/\/crm\/companies\/new/);

  // Once the picker is hydrated (its no-JS refresh button gone), each level loads on change.
  await expect(page.locator("[data-region-picker][data-ready]")).toHaveCount(1);
  await page.getByLabel("单位名称").fill(name);
  await page.getByLabel("单位类型").selectOption({ label: "客户-代理" });
  await page.getByLabel("省份").selectOption({ label: "浙江省" });
  await expect(page.getByLabel("城市").locator("option", { hasText: "杭州市" })).toHaveCount(1);
  await page.getByLabel("城市").selectOption({ label: "杭州市" });
  await expect(page.getByLabel("区县").locator("option", { hasText: "西湖区" })).toHaveCount(1);
  await page.getByLabel("区县").selectOption({ label: "西湖区" });
  await page.getByRole("button", { name: "创建单位" }).click();
  // A similar demo company may exist: the matcher warns first; confirm and save.
  const warning = page.getByText("可能已存在相同的单位");
  if (await warning.isVisible().catch(() => false)) {
    await page.getByLabel("我已核对，仍然保存为新单位").check();
    await page.getByRole("button", { name: "创建单位" }).click();
  }
  await expect(page).toHaveURL(/\/crm\/companies\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const companyUrl = page.url();
  const facts = page.getByRole("region", { name: "单位资料" });
  await expect(facts).toContainText("浙江省 · 杭州市 · 西湖区");

  // The list, filtered by province then city, finds it.
  await page.goto("/crm/companies");
  await expect(page.locator("[data-region-picker][data-ready]")).toHaveCount(1);
  await page.getByLabel("省份").selectOption({ label: "浙江省" });
  await expect(page.getByLabel("城市").locator("option", { hasText: "杭州市" })).toHaveCount(1);
  await page.getByLabel("城市").selectOption({ label: "杭州市" });
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page).toHaveURL(/province=33/);
  await expect(page).toHaveURL(/city=3301/);
  await page.getByRole("link", { name }).first().click();
  await expect(page).toHaveURL(companyUrl);

  // Each tab is its own route.
  const tabs = page.getByRole("navigation", { name: "单位页面" });
  for (const [tab, path] of [
    ["联系人", "/contacts"],
    ["组织结构", "/organisation"],
    ["机会", "/opportunities"],
    ["附件", "/attachments"],
    ["活动", "/activity"],
  ] as const) {
    await tabs.getByRole("link", { name: tab, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
  }
  await expect(page.getByRole("region", { name: "变更记录" })).toContainText("创建了单位");
  await tabs.getByRole("link", { name: "概览" }).click();

  // Edit: a short name and another district of the same city.
  const edit = page.getByRole("region", { name: "编辑单位" });
  await expect(edit.locator("[data-region-picker][data-ready]")).toHaveCount(1);
  await edit.getByLabel("简称").fill("云栖测绘");
  await expect(edit.getByLabel("区县").locator("option", { hasText: "余杭区" })).toHaveCount(1);
  await edit.getByLabel("区县").selectOption({ label: "余杭区" });
  await edit.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  await expect(page.getByRole("region", { name: "单位资料" })).toContainText("浙江省 · 杭州市 · 余杭区");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("云栖测绘");
});
