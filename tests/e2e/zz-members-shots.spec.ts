import { test } from "@playwright/test";
import { ADMIN, signIn } from "./helpers.ts";

// TEMPORARY (members helper): screenshots of the refactored pages; deleted after review.
const DIR = "test-results/members-shots";
test.describe.configure({ timeout: 240_000 });

test("shots", async ({ page }) => {
  await page.setViewportSize({ width: 1360, height: 900 });
  await signIn(page, ADMIN.email);
  await page.goto("/crm/members?q=member%40relay-demo.cn");
  await page.getByRole("link", { name: "小周同学" }).first().click();
  await page.waitForURL(/\/crm\/members\/\d+$/);
  const base = new URL(page.url()).pathname;
  for (const lang of ["zh", "en"]) {
    if (lang === "en") {
      await page.getByRole("button", { name: "English" }).first().click();
      await page.waitForLoadState("networkidle");
    }
    for (const tab of ["", "/links", "/moderation", "/audit"]) {
      await page.goto(base + tab);
      await page.screenshot({ path: `${DIR}/member${tab.replace("/", "-") || "-profile"}-${lang}.png`, fullPage: true });
    }
    await page.goto("/crm/campaigns");
    const href = await page.locator("main a[href^='/crm/campaigns/']").first().getAttribute("href");
    for (const tab of ["", "/participants", "/expenses", "/work", "/activity"]) {
      await page.goto(href! + tab);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${DIR}/campaign${tab.replace("/", "-") || "-overview"}-${lang}.png`, fullPage: true });
    }
    await page.goto("/crm/messages");
    await page.screenshot({ path: `${DIR}/messages-${lang}.png`, fullPage: true });
    await page.goto("/crm/notifications");
    await page.screenshot({ path: `${DIR}/notifications-${lang}.png`, fullPage: true });
    await page.goto("/crm/members/settings");
    await page.screenshot({ path: `${DIR}/settings-${lang}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(base + "/links");
  await page.screenshot({ path: `${DIR}/member-links-mobile.png`, fullPage: true });
  await page.goto("/crm/notifications");
  await page.screenshot({ path: `${DIR}/notifications-mobile.png`, fullPage: true });
});
