import { expect, type Browser } from "@playwright/test";
import { ADMIN, staffPage } from "./sign-in.ts";

// Mail is read the way a tester would: the admin opens the dev inbox (/crm/dev/mail, switched on by
// DEV_MAIL_INBOX=1 in scripts/e2e-server.sh) in a browser context of their own.

/**
 * The text version of the newest mail to `to` whose subject contains `subject` (and, with
 * `containing`, whose text contains that too: for mails whose subject is the same every time); waits
 * up to `timeout` ms for the in-process mail worker to deliver it.
 */
export async function readMail(
  browser: Browser,
  to: string,
  subject: string,
  { timeout = 30_000, containing }: { timeout?: number; containing?: string } = {},
): Promise<string> {
  const admin = await staffPage(browser, ADMIN.email);
  const list = `/crm/dev/mail?q=${encodeURIComponent(to)}`;
  let text = "";
  try {
    await expect(async () => {
      await admin.goto(list);
      const row = admin.locator("main a[href^='/crm/dev/mail/']", { hasText: subject }).first();
      await expect(row).toBeVisible({ timeout: 1_000 });
      await row.click();
      await expect(admin.getByRole("heading", { level: 1 })).toContainText(subject);
      text = (await admin.locator("main pre").innerText()).trim();
      if (containing) expect(text).toContain(containing);
    }).toPass({ timeout });
    return text;
  } finally {
    await admin.context().close();
  }
}
