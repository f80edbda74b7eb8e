import { expect, test, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./helpers";

// Lists keep their whole state in the URL; a saved view stores filters + sort + columns and opens
// the same rows in the same order; the column chooser remembers each person's choice.

async function leadNumbers(page: Page): Promise<string[]> {
  const rows = page.locator("table tbody tr");
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector("a")?.textContent?.trim() ?? ""));
}

function header(page: Page) {
  return page.locator("table thead");
}

test("a saved view of the lead list reopens the same rows in the same order", async ({ page }) => {
  await signIn(page, ADMIN.email);
  await page.goto("/crm/leads");
  await page.getByRole("navigation", { name: "线索视图" }).getByRole("link", { name: "全部线索" }).click();
  await expect(page).toHaveURL(/tab=all/);
  await expect(page.getByTestId("list-total")).toContainText(/共 [\d,]+ 条/);

  // Filter (created since 2020: every demo lead, but a real filter) and sort by contact, descending.
  await page.getByText("更多筛选").click();
  await page.getByLabel("创建日期从").fill("2020-01-01");
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page).toHaveURL(/from=2020-01-01/);
  await header(page)
    .getByRole("link", { name: /^联系人 @ 单位/ })
    .click();
  await expect(page).toHaveURL(/sort=contact/);
  await expect(header(page).getByRole("columnheader", { name: /联系人 @ 单位/ })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  await header(page)
    .getByRole("link", { name: /^联系人 @ 单位/ })
    .click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(header(page).getByRole("columnheader", { name: /联系人 @ 单位/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  const expected = await leadNumbers(page);
  expect(expected.length).toBeGreaterThan(1);

  // Save it as a view.
  const name = `按联系人倒序 ${Date.now().toString(36)}`;
  await page.getByTestId("saved-views-save-as").locator("summary").click();
  await page.getByTestId("saved-views-save-as").getByLabel("视图名称").fill(name);
  await page.getByTestId("saved-views-save-as").getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/view=\d+/);
  await expect(page.getByTestId("saved-views-menu").locator("summary")).toContainText(name);
  expect(await leadNumbers(page)).toEqual(expected);

  // Reload: the same rows in the same order.
  await page.reload();
  expect(await leadNumbers(page)).toEqual(expected);

  // From the plain list, open the view from the menu.
  await page.goto("/crm/leads");
  await page.getByTestId("saved-views-menu").locator("summary").click();
  await page.getByTestId("saved-views-menu").getByRole("link", { name }).click();
  await expect(page).toHaveURL(/sort=contact/);
  await expect(page).toHaveURL(/from=2020-01-01/);
  expect(await leadNumbers(page)).toEqual(expected);
  await expect(page.getByLabel("创建日期从")).toHaveValue("2020-01-01");
});

test("the column chooser remembers the columns per user", async ({ page }) => {
  await signIn(page, ADMIN.email);
  await page.goto("/crm/leads?tab=all");
  await expect(header(page)).toContainText("分配方式");
  await expect(header(page).getByRole("columnheader", { name: /^单位/ })).toHaveCount(0);

  await page.getByText("显示列").click();
  await page.getByRole("checkbox", { name: "分配方式" }).uncheck();
  await page.getByRole("checkbox", { name: "单位", exact: true }).check();
  await page.getByRole("button", { name: "保存列设置" }).click();
  await expect(header(page)).not.toContainText("分配方式");
  await expect(header(page).getByRole("columnheader", { name: /^单位/ })).toBeVisible();

  // A new visit to the list keeps the choice.
  await page.goto("/crm/leads?tab=all");
  await expect(header(page)).not.toContainText("分配方式");
  await expect(header(page).getByRole("columnheader", { name: /^单位/ })).toBeVisible();

  // Back to the default columns (other specs expect them).
  await page.getByText("显示列").click();
  await page.getByRole("button", { name: "恢复默认列" }).click();
  await expect(header(page)).toContainText("分配方式");
});
