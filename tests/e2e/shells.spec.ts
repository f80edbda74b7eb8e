import { expect, test, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./helpers.ts";

// Both shells in both languages, at desktop and phone widths. The screenshots land in
// test-results/screenshots for people to look at; the assertions check the language really switched.

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

async function switchLanguage(page: Page, to: "English" | "中文") {
  await page.getByRole("button", { name: to }).first().click();
  await page.waitForLoadState("networkidle");
}

test("the portal shell in zh-CN and English", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("link", { name: "知识库" }).first()).toBeVisible();
  await shot(page, "portal-home-zh-desktop");

  await switchLanguage(page, "English");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Knowledge base" }).first()).toBeVisible();
  await shot(page, "portal-home-en-desktop");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/knowledge");
  await shot(page, "portal-knowledge-en-mobile");
  await switchLanguage(page, "中文");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page).toHaveURL(/\/knowledge$/);
});

test("the back-office shell in zh-CN and English", async ({ page }) => {
  await signIn(page, ADMIN.email);
  await expect(page.getByRole("link", { name: "线索" }).first()).toBeVisible();
  await shot(page, "crm-dashboard-zh-desktop");

  await switchLanguage(page, "English");
  await expect(page.getByRole("link", { name: "Leads" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(ADMIN.name);
  await shot(page, "crm-dashboard-en-desktop");

  await page.goto("/crm/opportunities");
  await shot(page, "crm-module-en-desktop");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/crm");
  await shot(page, "crm-dashboard-en-mobile");
  await switchLanguage(page, "中文");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(ADMIN.name);
});

test("the admin can send a test mail and read it in the dev inbox", async ({ page }) => {
  await signIn(page, ADMIN.email);
  await page.goto("/crm/dev/mail");
  await page.getByRole("button", { name: "给我发一封测试邮件" }).click();
  await expect(page.getByRole("status")).toContainText("测试邮件已加入发送队列");
  await expect(page.getByText(`发往 ${ADMIN.email}`)).toBeVisible();
  // The in-process worker moves it from 待发送 to the dev inbox within a few seconds.
  await expect(async () => {
    await page.reload();
    const rows = page.locator("main a[href^='/crm/dev/mail/']");
    expect(await rows.count()).toBeGreaterThan(0);
    await expect(page.locator("main").getByText("待发送")).toHaveCount(0);
  }).toPass({ timeout: 20_000 });
  await shot(page, "crm-dev-mail-zh-desktop");
  await page.locator("main a[href^='/crm/dev/mail/']").first().click();
  await expect(page.locator("iframe")).toBeVisible();
  await shot(page, "crm-dev-mail-message-zh-desktop");
});
