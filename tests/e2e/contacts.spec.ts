import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./helpers";

// 联系人 (#15): the list sorted by name, a contact's 360° page and its tabs, an edit, and a new
// contact that the fuzzy matcher flags as a likely duplicate before it is saved.

test("contacts: sort by name, open, tabs, edit, create with a duplicate warning", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, ADMIN.email);

  await page.goto("/crm/contacts");
  await expect(page.getByRole("heading", { level: 1, name: "联系人" })).toBeVisible();
  await expect(page.getByTestId("list-total")).toContainText(/共 [\d,]+ 条/);
  await page
    .getByRole("link", { name: /按姓名排序/ })
    .first()
    .click();
  await expect(page).toHaveURL(/sort=name/);

  const table = page.getByRole("table");
  const firstLink = table.getByRole("row").nth(1).getByRole("link").first();
  // Name and target read together: the table may still be swapping to the sorted rows.
  const { name, href } = await firstLink.evaluate((a) => ({
    name: a.textContent?.trim() ?? "",
    href: a.getAttribute("href") ?? "",
  }));
  await page.goto(href);
  await expect(page).toHaveURL(/\/crm\/contacts\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  const contactUrl = page.url();

  const tabs = page.getByRole("navigation", { name: "联系人信息" });
  for (const [tab, path] of [
    ["单位与履历", "/company"],
    ["汇报关系", "/org"],
    ["机会", "/opportunities"],
    ["活动", "/activity"],
    ["附件", "/attachments"],
  ] as const) {
    await tabs.getByRole("link", { name: tab, exact: true }).click();
    await expect(page).toHaveURL(`${contactUrl}${path}`);
  }

  // Edit on the overview tab: a new title is saved and shown.
  await tabs.getByRole("link", { name: "概览", exact: true }).click();
  const title = `区域经理${Date.now() % 1000}`;
  await page.getByRole("textbox", { name: /^职务/ }).fill(title);
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  await expect(page.getByRole("region", { name: "联系人资料" })).toContainText(title);

  // A new contact with the demo's 刘志强 e-mail: the matcher warns before anything is saved.
  await page.goto("/crm/contacts/new");
  await page.getByRole("textbox", { name: "姓", exact: true }).fill("刘");
  await page.getByRole("textbox", { name: /^名/ }).fill("志强");
  await page.getByRole("textbox", { name: /^邮箱/ }).fill("liu@xyz.com");
  await page.getByRole("button", { name: "检查并保存" }).click();
  const warning = page.getByTestId("duplicate-warning");
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("刘志强");
  await expect(page).toHaveURL(/\/crm\/contacts\/new$/);
  await expect(page.getByRole("textbox", { name: /^邮箱/ })).toHaveValue("liu@xyz.com");

  // "Not a duplicate" saves it anyway.
  await page.getByLabel("不是重复，仍然保存").check();
  await page.getByRole("button", { name: "检查并保存" }).click();
  await expect(page).toHaveURL(/\/crm\/contacts\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("刘志强");
});
