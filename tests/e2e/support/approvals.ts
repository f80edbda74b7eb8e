import { expect, type Browser } from "@playwright/test";
import { staffPage } from "./sign-in.ts";

// An approver acts the way they would: in their own browser, from 待我审核 (/crm/approvals).

/**
 * `email` signs in in a context of their own, finds the card whose text contains `itemText` in
 * 待我审核 and approves it (with `comment` when given); the context is closed afterwards.
 */
export async function approveFromQueue(
  browser: Browser,
  email: string,
  itemText: string,
  { comment }: { comment?: string } = {},
): Promise<void> {
  const approver = await staffPage(browser, email);
  try {
    await approver.goto("/crm/approvals");
    const card = approver.locator("li", { hasText: itemText }).first();
    if (comment) await card.getByLabel("审核意见").fill(comment);
    await card.getByRole("button", { name: "核准" }).click();
    // The decision is a POST and a redirect with a flash: slow when the machine is busy.
    await expect(approver.getByText("已保存。")).toBeVisible({ timeout: 30_000 });
  } finally {
    await approver.context().close();
  }
}
