import { expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { signIn } from "../helpers.ts";

// Signing in as the demo staff and members, in the page given or in a browser context of its own (one
// person per context: an approver, a customer admin and the salesperson each keep their own cookies).

export { ADMIN, DEMO_PASSWORD, SALES, signIn } from "../helpers.ts";

/** Every demo member's password (prisma/seed). */
export const MEMBER_PASSWORD = "Relay-member-2026";

/** The context options most specs use: zh-CN at a desktop width. */
const DESKTOP: BrowserContextOptions = { locale: "zh-CN", viewport: { width: 1280, height: 900 } };

/** A new browser context signed in to the back office as `email`; close it with `page.context().close()`. */
export async function staffPage(browser: Browser, email: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext({ ...DESKTOP, ...options })).newPage();
  await signIn(page, email);
  return page;
}

/**
 * Signs a member in through the portal's login form, as a member would; waits until the portal has
 * left /login (the form sends members to /account, or back to where they were asked to sign in).
 */
export async function memberSignIn(page: Page, email: string, password = MEMBER_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill(password);
  await page.locator("form:has(input[name=password]) button[type=submit]").click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/, { timeout: 20_000 });
}

/** A new browser context with `email` signed in to the portal; close it with `page.context().close()`. */
export async function memberPage(browser: Browser, email: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext({ ...DESKTOP, ...options })).newPage();
  await memberSignIn(page, email);
  return page;
}

/**
 * Replaces the page's cookies with a member session posted straight to /login (no form): for specs
 * whose subject is not the sign-in, where the page switches between staff and member.
 */
export async function memberSession(page: Page, email: string, password = MEMBER_PASSWORD): Promise<void> {
  await page.context().clearCookies();
  const response = await page.request.post("/login", { form: { email, password }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
}
