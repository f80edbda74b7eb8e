import { expect, test, type Page } from "@playwright/test";
import { memberPage, signIn } from "./support/sign-in.ts";

// Service request end to end: a zone member reports a fault on an asset; the CSR sees it in the queue
// with its SLA, replies, publishes the solution and closes it; the member rates it; a colleague in
// the same zone reads the published answer; a member of another company gets a 404.

const REQUESTER = "zone-a-user@relay-demo.cn";
const COLLEAGUE = "zone-a-admin@relay-demo.cn";
const OTHER_COMPANY = "zone-b-admin@relay-demo.cn";
const CSR = "service@relay-demo.cn";
const SUBJECT = `平衡机开机自检失败 ${Date.now().toString(36)}`;
const SOLUTION = "更换测量单元保险丝后自检通过";

test.describe.configure({ mode: "serial", timeout: 120_000 });

async function editorReady(page: Page) {
  // Tiptap mounts after hydration; its toolbar shows it is ready.
  await expect(page.getByRole("toolbar", { name: "格式工具栏" }).first()).toBeVisible();
}

let requestUrl = "";

test("a zone member submits a fault on an asset", async ({ browser }) => {
  const page = await memberPage(browser, REQUESTER);
  await page.goto("/zone/requests/new");
  await page.getByRole("radio", { name: "故障" }).check();
  await page.getByLabel("主题").fill(SUBJECT);
  const asset = page.getByLabel("相关资产");
  const option = asset.locator("option", { hasText: "SY3240平衡机" }).first();
  await asset.selectOption((await option.getAttribute("value")) ?? "");
  await editorReady(page);
  await page
    .getByRole("textbox", { name: "问题描述" })
    .fill("开机后自检提示测量单元故障，<script>alert(1)</script>无法进入测量界面。");
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page).toHaveURL(/\/zone\/requests\/\d+/);
  await expect(page.getByRole("status")).toContainText("已提交");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SUBJECT);
  // The customer learns when to expect our first answer (#14 item 11).
  await expect(page.getByTestId("expected-response")).toContainText("我们将在");
  // Sanitised: the text survives as text, no script element.
  await expect(page.locator("script:text('alert(1)')")).toHaveCount(0);
  requestUrl = new URL(page.url()).pathname;
  await page.context().close();
});

test("the CSR sees it in the queue with its SLA, replies, publishes and closes it", async ({ page }) => {
  await signIn(page, CSR);
  await page.goto("/crm/service?view=mine");
  const row = page.getByRole("row").filter({ hasText: SUBJECT });
  await expect(row).toBeVisible();
  await expect(row).toContainText(/内响应|已超时/);
  await page.screenshot({ path: "docs/screenshots/service-desk-queue.png", fullPage: true });
  await row.getByRole("link", { name: SUBJECT }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SUBJECT);
  // Response and resolution SLA side by side (#14 item 16).
  await expect(
    page
      .locator("header")
      .getByText(/内解决|超时/)
      .first(),
  ).toBeVisible();

  await editorReady(page);
  await page.getByRole("textbox", { name: "回复客户" }).fill("请检查测量单元的保险丝是否熔断。");
  await page.getByRole("button", { name: "发送" }).click();
  await expect(page.getByRole("status")).toHaveText("回复已发送。");

  await page.getByRole("tab", { name: "内部备注" }).click();
  await page.getByRole("textbox", { name: "内部备注" }).fill("内部备注：保内免费更换。");
  await page.getByRole("button", { name: "添加内部备注" }).click();
  await expect(page.getByRole("status")).toHaveText("内部备注已添加。");

  await editorReady(page);
  await page.getByRole("textbox", { name: "解决方案" }).fill(SOLUTION);
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("已发布到专区。");

  const statusForm = page.locator("form").filter({ has: page.getByLabel("变更为") });
  await statusForm.getByLabel("变更为").selectOption({ label: "已关闭" });
  await statusForm.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存。");
  await expect(page.locator("header").getByText("已关闭")).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/service-request-detail.png", fullPage: true });
});

test("the member rates the closed request", async ({ browser }) => {
  const page = await memberPage(browser, REQUESTER);
  await page.goto(requestUrl);
  await expect(page.getByText("请检查测量单元的保险丝是否熔断。")).toBeVisible();
  await expect(page.getByText("保内免费更换")).toHaveCount(0);
  await page.getByLabel("5 星").check();
  await page.getByLabel("评价（可选）").fill("处理及时");
  await page.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByRole("status")).toHaveText("感谢您的评价！");
  await expect(page.getByText("您的评价：5 星")).toBeVisible();
  await page.context().close();
});

test("a colleague in the same zone reads the published answer", async ({ browser }) => {
  const page = await memberPage(browser, COLLEAGUE);
  await page.goto("/zone/requests?tab=published");
  await page.getByRole("link", { name: new RegExp(SUBJECT) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SUBJECT);
  await expect(page.getByText(SOLUTION)).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/service-zone-request.png", fullPage: true });
  await expect(page.getByText("保内免费更换")).toHaveCount(0);
  // Reading, not replying or rating: those belong to the requester.
  await expect(page.getByRole("button", { name: "发送回复" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "提交评价" })).toHaveCount(0);
  await page.context().close();
});

test("a member of another company cannot open it", async ({ browser }) => {
  const page = await memberPage(browser, OTHER_COMPANY);
  const response = await page.goto(requestUrl);
  expect([403, 404]).toContain(response?.status());
  await expect(page.getByText(SUBJECT)).toHaveCount(0);
  await page.goto("/zone/requests?tab=published");
  await expect(page.getByText(SUBJECT)).toHaveCount(0);
  await page.context().close();
});
