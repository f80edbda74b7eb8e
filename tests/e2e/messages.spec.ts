import { execSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import mysql from "mysql2/promise";
import { ADMIN, SALES, signIn } from "./helpers.ts";

// 站内短消息 end to end: a member writes, staff see the unread count, answer, the member sees the
// reply and its badge in the portal header, and the notification mail lands in the dev inbox.

const MEMBER = { email: "member@relay-demo.cn", password: "Relay-member-2026", nickname: "小周同学" };
const SHOTS = process.env.SHOTS_DIR ?? "test-results/screenshots";
mkdirSync(SHOTS, { recursive: true });

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/messages-${name}.png`, fullPage: true });
}

async function memberSignIn(page: Page) {
  await page.goto("/login");
  await page.locator("input[name=email]").fill(MEMBER.email);
  await page.locator("input[name=password]").fill(MEMBER.password);
  await page.locator("main").getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/account/);
}

function e2eDatabaseUrl(): string {
  const base = process.env.DATABASE_URL ?? execSync("bash scripts/db.sh url").toString().trim();
  return `${base.slice(0, base.lastIndexOf("/"))}/${process.env.E2E_DB ?? "relay_e2e"}`;
}

// The badges below count from zero: the demo member starts with everything read. Other specs (the
// forum journey's notices and 转交销售 message) may have left unread messages for this member, so
// mark them read, as the member would by opening them.
test.beforeAll(async () => {
  const conn = await mysql.createConnection(e2eDatabaseUrl());
  try {
    await conn.query(
      "UPDATE MessageThread t JOIN Member m ON m.id = t.memberId SET t.memberUnreadCount = 0 WHERE m.email = ?",
      [MEMBER.email],
    );
  } finally {
    await conn.end();
  }
});

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN" });
  return context.newPage();
}

// Two browsers, a dozen page loads and a wait for the mail worker: more than the default 30 s.
test.describe.configure({ mode: "serial", timeout: 120_000 });

test("a member and staff exchange site messages, with unread badges and an e-mail", async ({ browser }) => {
  const subject = `发票抬头变更 ${Date.now().toString(36)}`;
  const member = await newPage(browser);
  const staff = await newPage(browser);

  // The member signs in: the header now shows the member menu instead of 登录/注册.
  await memberSignIn(member);
  const header = member.locator("header").first();
  await expect(header.getByRole("link", { name: "注册" })).toHaveCount(0);
  await expect(header.getByRole("link", { name: "站内消息", exact: true })).toBeVisible();

  await member.goto("/account/messages");
  await expect(member.getByRole("heading", { name: "站内消息", level: 1 })).toBeVisible();
  await shot(member, "portal-list-before");
  await member.getByRole("link", { name: "写新消息" }).first().click();
  await expect(member).toHaveURL(/\/account\/messages\/new$/);

  // Bad input changes nothing and says why.
  await member.getByRole("button", { name: "发送", exact: true }).click();
  await expect(member.getByText("此项为必填项。").first()).toBeVisible();

  await member.getByLabel("主题").fill(subject);
  await member.getByLabel("内容").fill("我们公司名称已经变更，请问发票抬头怎么修改？\n需要提供哪些材料？");
  await member.getByRole("button", { name: "发送", exact: true }).click();
  await expect(member).toHaveURL(/\/account\/messages\/\d+/);
  const threadPath = new URL(member.url()).pathname;
  await expect(member.getByRole("heading", { name: subject })).toBeVisible();
  await expect(member.getByRole("status")).toContainText("消息已发送");
  await expect(member.getByText("需要提供哪些材料？")).toBeVisible();

  // Staff: the sidebar shows the unread count; the inbox lists the thread first.
  await signIn(staff, ADMIN.email);
  await expect(staff.getByRole("link", { name: /站内消息\s*（1 条未读）/ }).first()).toBeVisible();
  await expect(staff.getByRole("link", { name: "登记分类" }).first()).toBeVisible();
  await expect(staff.getByRole("link", { name: "线索持有人" }).first()).toBeVisible();
  await staff
    .getByRole("link", { name: /站内消息/ })
    .first()
    .click();
  await expect(staff).toHaveURL(/\/crm\/messages$/);
  const row = staff.locator("tbody tr").filter({ hasText: subject });
  await expect(row).toContainText(MEMBER.nickname);
  await expect(row).toContainText(MEMBER.email);
  await expect(row).toContainText("未分配");
  await expect(row.getByLabel("1 条未读")).toBeVisible();
  await shot(staff, "crm-inbox");

  await row.getByRole("link", { name: subject }).click();
  await expect(staff.getByRole("heading", { name: subject })).toBeVisible();
  await expect(staff.getByRole("link", { name: MEMBER.nickname })).toHaveAttribute("href", /\/crm\/members\/\d+$/);
  // Opening it cleared the staff-side badge.
  await expect(staff.getByRole("link", { name: /站内消息\s*（1 条未读）/ })).toHaveCount(0);
  await staff
    .getByLabel(`回复 ${MEMBER.nickname}`)
    .fill("您好，请在账户资料中上传工商变更证明，我们一个工作日内处理。");
  await staff.getByRole("button", { name: "发送回复" }).click();
  await expect(staff.getByRole("status")).toContainText("回复已发送，并已邮件通知会员。");
  // The first reply made the admin the handler.
  await expect(staff.getByRole("button", { name: "分配给我" })).toHaveCount(0);
  await shot(staff, "crm-thread");

  // The member sees the badge in the portal header, then the reply from 客服 周明.
  await member.goto("/");
  const envelope = member.locator("header").getByRole("link", { name: "站内消息（1 条未读）" });
  await expect(envelope.first()).toBeVisible();
  await shot(member, "portal-header-unread");
  await envelope.first().click();
  await expect(member.locator("main").getByText("1 条未读").first()).toBeVisible();
  await member
    .locator("main")
    .getByRole("link", { name: new RegExp(subject) })
    .click();
  await expect(member.getByText(`客服 ${ADMIN.name}`, { exact: true })).toBeVisible();
  await expect(member.getByText("上传工商变更证明")).toBeVisible();
  await expect(member.locator("header").getByRole("link", { name: "站内消息", exact: true }).first()).toBeVisible();
  await expect(member.locator("header").getByRole("link", { name: /条未读/ })).toHaveCount(0);

  // The member answers: the handler hears it in the bell.
  await member.getByLabel("回复", { exact: true }).fill("好的，已经上传，请查收。");
  await member.getByRole("button", { name: "发送回复" }).click();
  await expect(member.getByText("好的，已经上传，请查收。")).toBeVisible();
  await shot(member, "portal-thread");
  await staff.goto("/crm");
  const bell = staff.getByRole("link", { name: /^通知（\d+ 条未读）$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(staff).toHaveURL(/\/crm\/notifications/);
  await expect(staff.locator("main")).toContainText(MEMBER.nickname);

  // The notification e-mail is in the dev inbox, addressed to the member, with a link to the thread.
  // The in-process worker moves the mail from the outbox to the dev inbox within a few seconds.
  const mailRow = staff.locator("tbody tr").filter({ hasText: MEMBER.email }).filter({ hasText: subject });
  await expect(async () => {
    await staff.goto("/crm/dev/mail");
    await expect(mailRow.first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await mailRow.first().getByRole("link").click();
  const mailFrame = staff.frameLocator("iframe");
  await expect(mailFrame.getByRole("link", { name: "查看并回复" })).toHaveAttribute(
    "href",
    new RegExp(`${threadPath.replace(/\//g, "\\/")}$`),
  );

  // Another member cannot open this thread.
  const api = member.context().request;
  expect((await api.get("/account/messages/999999", { maxRedirects: 0 })).status()).toBe(404);

  await member.context().close();
  await staff.context().close();
});

test("the member menu works on a phone and signs out with a POST", async ({ browser }) => {
  const page = await newPage(browser);
  await page.setViewportSize({ width: 390, height: 844 });
  await memberSignIn(page);
  await page.goto("/account/messages");
  await shot(page, "portal-list-mobile");
  await page.locator("header summary[aria-label='菜单']").click();
  const header = page.locator("header").first();
  await expect(header.getByRole("link", { name: "我的账户" })).toBeVisible();
  await expect(header.getByText(MEMBER.nickname).filter({ visible: true })).toBeVisible();
  await shot(page, "portal-menu-mobile");
  await header.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/(\?signedOut=1)?$/);
  // A visitor again: the drawer offers 登录/注册, and the account area asks to sign in.
  await page.locator("header summary[aria-label='菜单']").click();
  await expect(header.getByRole("link", { name: "登录" }).filter({ visible: true })).toBeVisible();
  await page.goto("/account/messages");
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await page.context().close();
});

test("desktop member menu in English, and a salesperson without member access sees no messages", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await memberSignIn(page);
  await page.getByRole("button", { name: "English" }).first().click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/account/messages");
  await expect(page.getByRole("heading", { name: "Site messages", level: 1 })).toBeVisible();
  await page.locator("header summary[aria-label^='Member menu']").click();
  await expect(page.locator("header").getByRole("link", { name: "My account" })).toBeVisible();
  await expect(page.locator("header").getByRole("button", { name: "Sign out" })).toBeVisible();
  await shot(page, "portal-menu-en-desktop");
  const first = page.locator("main ul a[href^='/account/messages/']").first();
  if ((await first.count()) > 0) {
    await page.keyboard.press("Escape");
    await first.click();
    await shot(page, "portal-thread-en-desktop");
  }
  await page.context().close();

  const sales = await newPage(browser);
  await signIn(sales, SALES.email);
  await expect(sales.getByRole("link", { name: /站内消息/ })).toHaveCount(0);
  await expect(sales.getByRole("link", { name: "登记分类" })).toHaveCount(0);
  await expect(sales.getByRole("link", { name: /^通知/ })).toBeVisible();
  expect((await sales.goto("/crm/messages"))?.status()).toBe(403);
  await sales.context().close();
});
