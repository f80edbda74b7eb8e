import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Relay-demo-2026";
export const ADMIN = { email: "admin@relay-demo.cn", name: "周明" };
export const SALES = { email: "sales@relay-demo.cn", name: "李娜" };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/crm/login");
  await page.getByLabel("工作邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/crm\/?$/);
}

/** The session cookie's value as the browser holds it (name depends on the secure-cookie setting). */
export async function sessionCookie(page: Page) {
  const cookies = await page.context().cookies();
  return cookies.find((c) => c.name === "__Host-relay_staff" || c.name === "relay_staff");
}

/** A tab of the lead page (概览 / 分发与处理 / 跟进 / 记录): each is its own route. */
export function leadTab(page: Page, name: "概览" | "分发与处理" | "跟进" | "记录") {
  return page.getByRole("navigation", { name: "线索详情" }).getByRole("link", { name });
}
