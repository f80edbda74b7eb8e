import { expect, test, type Page } from "@playwright/test";
import { ADMIN, memberPage, SALES, staffPage } from "./support/sign-in.ts";

// The training classroom journey of issue #17: a member asks in a classroom and sees similar questions
// while typing; another member answers; the admin accepts and marks essence, curates the thread into a
// knowledge article (整理为知识) that, once published, appears in 知识库 search; the admin hides a post
// and hands its author to sales (转交销售); the routed owner sees the lead with a link back to the
// post; a visitor sees courseware titles but is asked to sign in to expand.
// Independent of other specs: everything it writes carries its own keyword, and it reads only the
// demo classrooms, members and staff (prisma/seed/demo-forum.ts, demo-members.ts).

const ASKER = "member@relay-demo.cn";
const HELPER = "customer@relay-demo.cn";

/** New members' first posts wait for review (decision 041): the admin lets them through. */
async function approveHeld(admin: Page, threadId: number) {
  await admin.goto(`/crm/forum/threads/${threadId}`);
  const approve = admin.getByRole("button", { name: "通过", exact: true });
  while ((await approve.count()) > 0) {
    await approve.first().click();
    await admin.waitForLoadState("networkidle");
  }
}

function post(page: Page, text: string) {
  return page.locator("article[data-post-id]").filter({ hasText: text });
}

test("ask, answer, accept, curate into knowledge, hide and hand to sales, courseware for visitors", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const kw = `旅程${Date.now().toString(36)}`;
  const title = `重置密码的邮件一直收不到 ${kw}`;
  const answer = `请检查企业邮箱的拦截规则 ${kw}`;
  const intent = `我们打算采购 20 台设备，请联系我 ${kw}`;

  // 1. A member asks in 常见问题 and sees similar questions while typing.
  const asker = await memberPage(browser, ASKER);
  await asker.goto("/forum");
  await asker.getByRole("link", { name: /常见问题/ }).click();
  await asker.getByRole("link", { name: "我要提问" }).click();
  const titleBox = asker.getByRole("textbox", { name: "标题" });
  await titleBox.pressSequentially("重置密码的邮件", { delay: 30 });
  await expect(asker.getByTestId("similar-questions")).toContainText("忘记密码，收不到重置邮件怎么办？");
  await titleBox.fill(title);
  await asker.locator("[contenteditable=true]").first().fill("企业邮箱，垃圾箱里也没有。");
  await asker.getByRole("button", { name: "发布问题" }).click();
  await expect(asker.getByRole("heading", { level: 1 })).toHaveText(title);
  const threadId = Number(/\/forum\/t\/(\d+)/.exec(asker.url())?.[1]);
  expect(threadId).toBeGreaterThan(0);

  const admin = await staffPage(browser, ADMIN.email);
  await approveHeld(admin, threadId);

  // 2. Another member answers.
  const helper = await memberPage(browser, HELPER);
  await helper.goto(`/forum/t/${threadId}`);
  await expect(helper.getByRole("heading", { level: 1 })).toHaveText(title);
  await helper.locator("#reply [contenteditable=true]").fill(answer);
  await helper.getByRole("button", { name: "发布回答" }).click();
  await expect(post(helper, answer)).toBeVisible();
  await approveHeld(admin, threadId);

  // 3. The admin accepts the answer, marks the thread essence and curates it into knowledge.
  await post(admin, answer).getByRole("button", { name: "采纳为答案" }).click();
  await expect(post(admin, answer).getByText("已采纳")).toBeVisible();
  await admin.getByTestId("thread-moderation").getByRole("button", { name: "设为精华" }).click();
  await expect(admin.getByTestId("thread-moderation").getByRole("button", { name: "取消精华" })).toBeVisible();
  await admin.getByLabel(new RegExp(kw)).last().check();
  await admin.getByRole("button", { name: "整理为知识" }).click();
  await admin.waitForURL(/\/crm\/knowledge\/\d+/);
  await admin.getByRole("button", { name: "发布", exact: true }).click();
  await expect(admin.getByText("已发布").first()).toBeVisible();

  // … and the published article is found in 知识库 search (members' visibility: the asker).
  await expect(async () => {
    await asker.goto(`/knowledge?q=${encodeURIComponent(kw)}`);
    await expect(asker.getByRole("link", { name: new RegExp(kw) }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // 4. The asker writes a purchase intent; the admin hides it and hands its author to sales.
  await asker.goto(`/forum/t/${threadId}`);
  await asker.locator("#reply [contenteditable=true]").fill(intent);
  await asker.getByRole("button", { name: "发布回答" }).click();
  await expect(post(asker, intent)).toBeVisible();
  await approveHeld(admin, threadId);
  const intentPost = post(admin, intent);
  await intentPost.locator("summary", { hasText: "隐藏" }).click();
  await intentPost.getByRole("textbox", { name: "原因" }).fill("商机，私下跟进");
  await intentPost.getByRole("button", { name: "隐藏", exact: true }).click();
  await expect(
    post(admin, intent)
      .getByText(/已隐藏|仅/)
      .first(),
  ).toBeVisible();
  // Hidden from the other member, still there for its author.
  await helper.goto(`/forum/t/${threadId}`);
  await expect(helper.getByText(intent)).toHaveCount(0);
  await asker.goto(`/forum/t/${threadId}`);
  await expect(post(asker, intent)).toBeVisible();

  const hidden = post(admin, intent);
  await hidden.locator("summary", { hasText: "转交销售" }).click();
  const form = hidden.getByTestId("hand-to-sales");
  await form.getByLabel("或指定销售人员").selectOption({ label: SALES.name });
  await form.getByLabel("备注").fill(`e2e ${kw}`);
  await form.getByRole("button", { name: "转交销售" }).click();
  await expect(admin.getByText("已发送。")).toBeVisible();

  // 5. The routed owner sees the lead, with a link back to the post.
  const sales = await staffPage(browser, SALES.email);
  await expect(async () => {
    await sales.goto(`/crm/search?q=${encodeURIComponent(kw)}&type=leads`);
    await sales.locator("main a[href^='/crm/leads/']").first().click({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  // The requirement links back to the hidden post in the back office (opened by forum staff).
  const back = sales.getByRole("link", { name: new RegExp(`/crm/forum/threads/${threadId}#post-\\d+`) });
  await expect(back).toBeVisible();
  expect(await back.getAttribute("href")).toMatch(new RegExp(`^/crm/forum/threads/${threadId}#post-\\d+$`));
  await expect(sales.getByText(title).first()).toBeVisible();

  // 6. A visitor sees courseware titles but is asked to sign in to expand.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/forum");
  await visitor.getByRole("link", { name: /产品入门/ }).click();
  const course = await visitor.getByRole("link", { name: "课件", exact: true }).getAttribute("href");
  expect(course).toMatch(/^\/classroom\/\d+\/course$/);
  await visitor.goto(course!);
  await expect(visitor.getByRole("link", { name: /门户与后台：两个入口，一套数据/ })).toBeVisible({ timeout: 15_000 });
  await expect(visitor.getByRole("heading", { name: "登录后查看完整课件" })).toBeVisible();
  // The hidden post is nowhere for a visitor: thread page, search, similar questions.
  await visitor.goto(`/forum/t/${threadId}`);
  await expect(visitor.getByText(intent)).toHaveCount(0);
  const searched = await visitor.request.get(`/forum/search.data?q=${encodeURIComponent(kw)}`);
  expect(await searched.text()).not.toContain("采购 20 台");
});
