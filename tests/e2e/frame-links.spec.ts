import { expect, test, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./helpers.ts";

// The frame's navigation is plain anchors with one click handler per container (decision 064): a
// plain click still navigates inside the app (no document load), the entry shown is marked
// aria-current, and the anchors stay ordinary links for the browser.

/** Marks the loaded document; the mark survives only client-side navigations. */
async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { __frameMark?: number }).__frameMark = 1));
}
async function sameDocument(page: Page) {
  return page.evaluate(() => (window as unknown as { __frameMark?: number }).__frameMark === 1);
}

test("the back office sidebar navigates in the app and marks the current entry", async ({ page }) => {
  await signIn(page, ADMIN.email);
  const nav = page.getByRole("navigation", { name: "后台主导航" });
  await expect(nav.getByRole("link", { name: "工作台", exact: true })).toHaveAttribute("aria-current", "page");
  await markDocument(page);

  await nav.getByRole("link", { name: "线索", exact: true }).click();
  await expect(page).toHaveURL(/\/crm\/leads$/);
  await expect(nav.getByRole("link", { name: "线索", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "工作台", exact: true })).not.toHaveAttribute("aria-current", "page");
  expect(await sameDocument(page)).toBe(true);

  // The bell in the top bar is one of these links too.
  await page.getByRole("banner").getByRole("link", { name: /通知/ }).click();
  await expect(page).toHaveURL(/\/crm\/notifications$/);
  expect(await sameDocument(page)).toBe(true);
});

test("the portal header and footer navigate in the app", async ({ page }) => {
  await page.goto("/");
  await markDocument(page);
  const header = page.getByRole("banner").getByRole("navigation").first();
  await header.getByRole("link", { name: "知识库", exact: true }).click();
  await expect(page).toHaveURL(/\/knowledge$/);
  await expect(header.getByRole("link", { name: "知识库", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(header.getByRole("link", { name: "首页", exact: true })).not.toHaveAttribute("aria-current", "page");
  expect(await sameDocument(page)).toBe(true);

  await page.getByRole("contentinfo").getByRole("link", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(await sameDocument(page)).toBe(true);
});
