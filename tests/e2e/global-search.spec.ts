import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./helpers.ts";

// The global search box in the back-office top bar, on the seeded demo data (the first demo
// company is 沈阳恒通科技集团有限公司, its first contact 蒋振华). The embedded index fills itself from
// the database on the first search.

test("finds a company by part of its name and a contact by full pinyin and initials", async ({ page }) => {
  await signIn(page, ADMIN.email);
  const box = page.getByRole("combobox", { name: "全局搜索" });
  const results = page.getByRole("listbox", { name: "全局搜索" });

  await box.fill("恒通");
  await expect(results.getByRole("option", { name: /沈阳恒通科技集团有限公司/ }).first()).toBeVisible();
  await expect(results.getByRole("group", { name: /单位/ })).toBeVisible();
  if (process.env.SEARCH_SCREENSHOT) {
    await page.setViewportSize({ width: 1280, height: 760 });
    await page.screenshot({ path: "docs/screenshots/search-global.png" });
  }

  await box.fill("jiangzhenhua");
  const contact = results.getByRole("option", { name: /蒋振华/ }).first();
  await expect(contact).toBeVisible();
  await expect(contact.locator("mark").first()).toHaveText("蒋振华");

  await box.fill("jzh");
  await expect(results.getByRole("option", { name: /蒋振华/ }).first()).toBeVisible();

  // Keyboard: ↓ selects the first row, Esc closes, Enter with nothing selected opens all results.
  await box.press("ArrowDown");
  await expect(results.getByRole("option", { selected: true })).toHaveCount(1);
  await box.press("Escape");
  await expect(results).toBeHidden();
  await box.press("Enter");
  await expect(page).toHaveURL(/\/crm\/search\?q=jzh$/);
  await expect(page.getByRole("heading", { name: "搜索结果" })).toBeVisible();
  await expect(page.getByRole("link", { name: /蒋振华/ }).first()).toBeVisible();
});

test("the results page shows sections with counts and offers the contact matcher for a person", async ({ page }) => {
  await signIn(page, ADMIN.email);
  await page.goto(`/crm/search?q=${encodeURIComponent("蒋振华")}`);
  await expect(page.getByRole("link", { name: /联系人\s*\d+/ })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "查找此人" })).toHaveAttribute(
    "href",
    /\/crm\/match\?q=/,
  );
});
