import { expect, test, type Page } from "@playwright/test";
import { memberSignIn as signInAs } from "./support/sign-in.ts";

// The thread page's per-post controls after decision 065: one like form per page (each post's button
// names it with `form=`), one report form per page (a dialog with JavaScript, in place under the post
// without). Leaves the demo data as it found it: the like is taken back, no report is sent.

const THREAD = "忘记密码，收不到重置邮件怎么办？";
const memberSignIn = (page: Page) => signInAs(page, "member@relay-demo.cn");

async function openThread(page: Page) {
  await page.goto("/forum");
  await page.getByRole("link", { name: /常见问题/ }).click();
  await page.getByRole("link", { name: THREAD }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(THREAD);
}

test("likes through the page's one like form and takes the like back", async ({ page }) => {
  await memberSignIn(page);
  await openThread(page);
  expect(await page.locator("form#forum-like").count()).toBe(1);
  const like = page.locator("article").first().locator('button[form="forum-like"]');
  const before = Number((await like.textContent())?.match(/\d+/)?.[0]);
  await like.click();
  await expect(like).toHaveAttribute("aria-pressed", "true");
  await expect(like).toContainText(String(before + 1));
  await like.click();
  await expect(like).toHaveAttribute("aria-pressed", "false");
  await expect(like).toContainText(String(before));
});

test("opens one report dialog for the post whose link was clicked", async ({ page }) => {
  await memberSignIn(page);
  await openThread(page);
  expect(await page.locator("select[name=reason]").count()).toBe(0);
  const post = page
    .locator("article")
    .filter({ has: page.getByRole("link", { name: "举报" }) })
    .first();
  const postId = await post.getAttribute("data-post-id");
  await post.getByRole("link", { name: "举报" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.locator("input[name=postId]")).toHaveValue(postId!);
  expect(await page.locator("select[name=reason]").count()).toBe(1);
  expect(new URL(page.url()).searchParams.get("report")).toBeNull(); // no navigation, no reload
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
});

test("without JavaScript the report link shows the form in place under that post", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await memberSignIn(page);
  await openThread(page);
  const post = page
    .locator("article")
    .filter({ has: page.getByRole("link", { name: "举报" }) })
    .first();
  const postId = await post.getAttribute("data-post-id");
  await post.getByRole("link", { name: "举报" }).click();
  expect(new URL(page.url()).searchParams.get("report")).toBe(postId);
  const form = page.locator(`#post-${postId} form:has(select[name=reason])`);
  await expect(form).toBeVisible();
  await expect(form.locator("input[name=postId]")).toHaveValue(postId!);
  expect(await page.locator("select[name=reason]").count()).toBe(1);
  await context.close();
});
