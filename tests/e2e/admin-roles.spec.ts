import { expect, test } from "@playwright/test";
import { ADMIN, SALES, signIn } from "./helpers.ts";

// The role matrix end to end (#16): the administrator takes "browse" on 机会 away from 销售代表, and
// 李娜 (signed in meanwhile in her own browser) is refused on her very next navigation — no new
// sign-in; the administrator restores it and she is let in again.

test.describe.configure({ mode: "serial", timeout: 120_000 });

test("a permission removed in the matrix is refused on the next navigation, and restored", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const salesContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const sales = await salesContext.newPage();
  await signIn(admin, ADMIN.email);
  await signIn(sales, SALES.email);
  expect((await sales.goto("/crm/opportunities"))?.status()).toBe(200);

  await admin.goto("/crm/admin/roles");
  await admin.getByRole("link", { name: "销售代表" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "销售代表" })).toBeVisible();
  const cell = admin.getByLabel("机会：浏览");
  await expect(cell).toHaveValue("own");
  await cell.selectOption("none");
  await admin.getByRole("button", { name: "保存权限" }).click();
  await expect(admin.getByText("已保存。")).toBeVisible();
  await expect(admin.getByLabel("机会：浏览")).toHaveValue("none");

  const refused = await sales.goto("/crm/opportunities");
  expect(refused?.status()).toBe(403);
  await expect(sales.getByRole("heading", { name: "没有权限" })).toBeVisible();

  await admin.getByLabel("机会：浏览").selectOption("own");
  await admin.getByRole("button", { name: "保存权限" }).click();
  await expect(admin.getByText("已保存。")).toBeVisible();
  expect((await sales.goto("/crm/opportunities"))?.status()).toBe(200);

  // The change is in the audit log, with the cell before and after.
  await admin.goto("/crm/admin/audit?entityType=Role");
  await expect(admin.getByText("role.permissions").first()).toBeVisible();
  await expect(admin.getByText("opportunities.browse:").first()).toBeVisible();

  await adminContext.close();
  await salesContext.close();
});
