import { expect, test, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./helpers.ts";

// #14 item 18: long names overflowed cards. At phone width a campaign card with a 60-character name
// (no spaces: the worst case) must wrap inside its card, keep the full name as a tooltip, and never
// widen the page. The name is set in the rendered page only, so no demo record changes.

const LONG = "Relay".repeat(12);

async function overflow(page: Page, selector: string) {
  return page.evaluate(
    ([sel, name]) => {
      // The phone card, not the table's copy hidden below md.
      const el = [...document.querySelectorAll<HTMLElement>(sel!)].find((e) => e.getClientRects().length > 0);
      if (!el) return null;
      el.textContent = name!;
      const box = el.getBoundingClientRect();
      return {
        right: box.right,
        viewport: window.innerWidth,
        pageWidth: document.documentElement.scrollWidth,
        title: el.getAttribute("title"),
      };
    },
    [selector, LONG],
  );
}

test("a 60-character campaign name wraps inside its card at 390 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ADMIN.email);
  await page.goto("/crm/campaigns");
  const selector = 'a[href^="/crm/campaigns/"] span[title]';
  const card = page.locator(selector).locator("visible=true").first();
  await expect(card).toBeVisible();
  const before = await card.getAttribute("title");
  expect(before?.length).toBeGreaterThan(0);
  const measured = await overflow(page, selector);
  console.log(`campaign card at 390 px: ${JSON.stringify(measured)}`);
  expect(measured).not.toBeNull();
  expect(measured!.right).toBeLessThanOrEqual(measured!.viewport);
  expect(measured!.pageWidth).toBeLessThanOrEqual(measured!.viewport);
});

test("a 60-character lead name wraps inside its card at 390 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ADMIN.email);
  await page.goto("/crm/leads?tab=all");
  const selector = "a[data-lead-who]";
  await expect(page.locator(selector).locator("visible=true").first()).toBeVisible();
  const measured = await overflow(page, selector);
  expect(measured).not.toBeNull();
  expect(measured!.title?.length).toBeGreaterThan(0);
  expect(measured!.right).toBeLessThanOrEqual(measured!.viewport);
  expect(measured!.pageWidth).toBeLessThanOrEqual(measured!.viewport);
});
