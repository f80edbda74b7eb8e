import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./helpers.ts";

// 课件 end to end (issue #17 item 2): a visitor sees lesson titles and is asked to sign in to expand;
// a member signs in, expands, opens the PDF, the video route answers range requests, and marks the
// lesson learned (then unmarks it); staff publish a draft lesson they wrote (then delete it).
// Independent of other specs: it finds the demo classroom through the back office and leaves the
// demo data as it found it.

const SHOTS = process.env.COURSEWARE_SHOTS_DIR ?? "docs/screenshots/courseware";
const MEMBER = { email: "member@relay-demo.cn", password: "Relay-member-2026" };
const LESSON = "门户与后台：两个入口，一套数据";
const DRAFT = "把线索转化为机会（草稿）";

/** The id of the demo classroom 产品入门, read from the courseware editor's list. */
async function classroomId(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "service@relay-demo.cn");
  await page.goto("/crm/courseware");
  const href = await page.getByRole("link", { name: "产品入门", exact: true }).getAttribute("href");
  await context.close();
  const id = /\/crm\/courseware\/(\d+)/.exec(href ?? "")?.[1];
  if (!id) throw new Error(`no classroom link: ${href}`);
  return id;
}

async function signInMember(page: Page) {
  await page.getByLabel("邮箱").fill(MEMBER.email);
  await page.getByLabel("密码").fill(MEMBER.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

test("a visitor sees titles and is asked to sign in; a member expands, opens the PDF and marks it learned", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const id = await classroomId(browser);

  await page.goto(`/classroom/${id}/course`);
  await expect(page.getByRole("heading", { level: 1, name: "产品入门" })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(LESSON) })).toBeVisible();
  await expect(page.getByText(DRAFT)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "登录后查看完整课件" })).toBeVisible();

  await page.getByRole("link", { name: new RegExp(LESSON) }).click();
  await expect(page.getByRole("heading", { level: 1, name: LESSON })).toBeVisible();
  await expect(page.getByText("访客与会员使用门户")).toBeVisible();
  await expect(page.getByRole("heading", { name: "两个入口", exact: true })).toHaveCount(0);
  const lessonUrl = page.url();

  await page.getByRole("region", { name: "登录后查看完整课件" }).getByRole("link", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await signInMember(page);
  await expect(page).toHaveURL(lessonUrl);
  await expect(page.getByRole("heading", { name: "两个入口", exact: true })).toBeVisible();
  await expect(page.getByRole("img", { name: "接力流程示意图.png" })).toBeVisible();

  const pdfLink = page.getByRole("link", { name: /打开 PDF/ });
  const href = (await pdfLink.getAttribute("href"))!;
  const pdf = await page.request.get(href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  // The same route streams in ranges (what a video player does when seeking).
  const part = await page.request.get(href, { headers: { Range: "bytes=0-7" } });
  expect(part.status()).toBe(206);
  expect(part.headers()["content-range"]).toBe(`bytes 0-7/${bytes.length}`);
  expect((await page.request.get(href, { headers: { Range: `bytes=${bytes.length}-` } })).status()).toBe(416);
  const popup = page.waitForEvent("popup");
  await pdfLink.click();
  const viewer = await popup;
  await expect(viewer).toHaveURL(new RegExp(`${href}$`));
  await viewer.close();

  await page.getByRole("button", { name: "标记为学过" }).click();
  await expect(page.getByText("您已学过本课")).toBeVisible();
  await page.getByRole("link", { name: "返回课程目录" }).click();
  await expect(page.getByText(/已学 1 \/ \d+ 课/)).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(LESSON) }).getByText("学过")).toBeVisible();

  // Leave the demo member's progress as it was.
  await page.goto(lessonUrl);
  await page.getByRole("button", { name: "取消“学过”" }).click();
  await expect(page.getByRole("button", { name: "标记为学过" })).toBeVisible();

  // Visitors never reach a lesson's files.
  const visitor = await browser.newContext();
  expect((await visitor.request.get(`${new URL(lessonUrl).origin}${href}`)).status()).toBe(404);
  await visitor.close();
});

test("staff write a draft lesson, publish it, and it appears on the portal", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const id = await classroomId(browser);
  const title = `E2E 新课 ${Date.now().toString(36)}`;
  await signIn(page, "service@relay-demo.cn");
  await page.goto(`/crm/courseware/${id}`);
  const chapter = page.getByRole("region", { name: /日常使用/ });
  await chapter.getByLabel("课程标题").fill(title);
  await chapter.getByRole("button", { name: "新建课程" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("草稿").first()).toBeVisible();
  await page.getByLabel("摘要").fill("E2E 写的摘要。");
  await page.getByRole("textbox", { name: "正文" }).click();
  await page.keyboard.type("发布前只有员工能看到这节课。");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();

  const visitor = await browser.newContext();
  const portal = await visitor.newPage();
  await portal.goto(`/classroom/${id}/course`);
  await expect(portal.getByText(title)).toHaveCount(0);

  await page.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page.getByText("已更新。")).toBeVisible();
  await expect(page.getByText("已发布").first()).toBeVisible();
  await portal.reload();
  await expect(portal.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await visitor.close();

  // Leave the demo classroom as it was.
  await page.getByRole("button", { name: "删除课程" }).click();
  await expect(page.getByText("已删除。")).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
});

test("screenshots of the courseware pages in both languages, desktop and phone", async ({ browser }) => {
  test.setTimeout(180_000);
  const id = await classroomId(browser);
  const devices = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
  for (const locale of ["zh-CN", "en"] as const) {
    for (const [device, viewport] of Object.entries(devices)) {
      const context = await browser.newContext({ viewport, locale });
      const base = test.info().project.use.baseURL!;
      await context.request.post(`${base}/locale`, { form: { locale, redirectTo: "/" }, maxRedirects: 0 });
      const page = await context.newPage();
      const shot = (name: string) =>
        page.screenshot({ path: `${SHOTS}/${name}-${locale === "en" ? "en" : "zh"}-${device}.png`, fullPage: true });
      await page.goto(`/classroom/${id}/course`);
      await shot("portal-course-visitor");
      await page.getByRole("link", { name: new RegExp(LESSON) }).click();
      await page.waitForURL(/\/lessons\//);
      await page.waitForLoadState("networkidle");
      await shot("portal-lesson-visitor");
      await page.goto(`/login?redirectTo=${encodeURIComponent(new URL(page.url()).pathname)}`);
      await page.locator("input[name=email]").fill(MEMBER.email);
      await page.locator("input[name=password]").fill(MEMBER.password);
      await page.locator("form:has(input[name=password]) button[type=submit]").click();
      await page.waitForURL(/\/lessons\//);
      await page.waitForLoadState("networkidle");
      await shot("portal-lesson-member");
      await context.close();

      // Staff sign in on the Chinese page, then switch the language.
      const staff = await browser.newContext({ viewport });
      const crm = await staff.newPage();
      await signIn(crm, "service@relay-demo.cn");
      await staff.request.post(`${base}/locale`, { form: { locale, redirectTo: "/crm" }, maxRedirects: 0 });
      await crm.goto(`/crm/courseware/${id}`);
      await crm.screenshot({
        path: `${SHOTS}/crm-course-${locale === "en" ? "en" : "zh"}-${device}.png`,
        fullPage: true,
      });
      const lessonHref = await crm.getByRole("link", { name: LESSON }).getAttribute("href");
      await crm.goto(lessonHref!);
      await crm.waitForLoadState("networkidle");
      await crm.screenshot({
        path: `${SHOTS}/crm-lesson-${locale === "en" ? "en" : "zh"}-${device}.png`,
        fullPage: true,
      });
      await staff.close();
    }
  }
});
