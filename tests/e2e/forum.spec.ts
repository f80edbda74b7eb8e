import { expect, test, type Page } from "@playwright/test";

// Training classroom forum (issue #17), on the demo classrooms (prisma/seed/demo-forum.ts): a visitor
// sees titles and is asked to sign in; a member asks and sees similar questions while typing; the
// hidden demo post (a purchase intent) is absent for visitors and other members, pages and .data.

const MEMBER_PASSWORD = "Relay-member-2026";
const HIDDEN_TITLE = "我们公司打算采购 30 套，能不能单独报价？";

async function memberSignIn(page: Page, email: string) {
  await page.goto("/login");
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill(MEMBER_PASSWORD);
  await page.locator("form:has(input[name=password]) button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

test("a visitor sees titles but is asked to sign in, and never sees the hidden post", async ({ page }) => {
  await page.goto("/forum");
  await expect(page.getByRole("link", { name: /常见问题/ })).toBeVisible();
  await page.getByRole("link", { name: /常见问题/ }).click();
  await expect(page.getByRole("link", { name: "忘记密码，收不到重置邮件怎么办？" })).toBeVisible();
  await expect(page.getByText(HIDDEN_TITLE)).toHaveCount(0);
  await expect(page.getByTestId("forum-sign-in").first()).toBeVisible();
  const data = await page.request.get(`${new URL(page.url()).pathname}.data`);
  expect(await data.text()).not.toContain(HIDDEN_TITLE);
});

test("a member asks and sees similar questions while typing; an XSS title renders as text", async ({ page }) => {
  await memberSignIn(page, "member@relay-demo.cn");
  await page.goto("/forum");
  await page.getByRole("link", { name: /常见问题/ }).click();
  await expect(page.getByText(HIDDEN_TITLE)).toHaveCount(0);
  await page.getByRole("link", { name: "我要提问" }).click();
  await page.getByRole("textbox", { name: "标题" }).fill("重置密码的邮件一直收不到");
  await expect(page.getByTestId("similar-questions")).toContainText("忘记密码，收不到重置邮件怎么办？");
  const title = `e2e 提问 ${Date.now()} <img src=x onerror=alert(1)>`;
  await page.getByRole("textbox", { name: "标题" }).fill(title);
  await page.locator("[contenteditable=true]").first().fill("邮箱是企业邮箱，垃圾箱里也没有。");
  await page.getByRole("button", { name: "发布问题" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  expect(await page.locator("img[src=x]").count()).toBe(0);
});
