import { expect, test, type Page } from "@playwright/test";
import type { Db } from "#app/lib/db.server.ts";
import { HANDOVER_TYPES } from "#app/modules/admin/handover-types.ts";
import { e2eDb } from "./support/db.ts";
import { readMail } from "./support/mail.ts";
import { ADMIN, DEMO_PASSWORD, SALES, signIn } from "./support/sign-in.ts";

// 系统管理 / 用户管理 end to end (issue #16): the admin invites a salesperson, who sets a password
// from the mailed link and signs in; the admin puts them in the token group; 李娜 is set away until
// tomorrow and the next web leads skip her; a leaver's hand-over moves all their records (counts
// before and after on the page) while the leaver's session ends and sign-in is refused.

const run = Date.now().toString(36);
const GUEST_KEY = "rk_webguestkey2_gueststandsecret23456789";
const LEAVER = { email: "liu.yang@relay-demo.cn", name: "刘洋" };

test.describe.configure({ timeout: 180_000 });

let db: Db;
test.beforeAll(() => {
  db = e2eDb();
});
test.afterAll(async () => {
  // Leave the shared demo organisation as the later specs expect it: 李娜 back, the leaver active
  // again (the rules spec puts 刘洋 in a group), the newcomer out of the rotation.
  await db.staff.updateMany({
    where: { email: { in: [SALES.email, LEAVER.email] } },
    data: { status: "active", awayUntil: null, deactivatedAt: null },
  });
  await db.tokenGroupMember.deleteMany({ where: { staff: { email: { startsWith: `qian.${run}` } } } });
  await db.$disconnect();
});

async function chooseOption(page: Page, select: string, text: string) {
  const value = await page.locator(`${select} option`, { hasText: text }).first().getAttribute("value");
  expect(value, `option "${text}" in ${select}`).toBeTruthy();
  await page.locator(select).selectOption(value!);
}

async function openStaff(page: Page, name: string) {
  await page.goto(`/crm/admin/staff?q=${encodeURIComponent(name)}`);
  await page.locator("main").getByRole("link", { name, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

async function postGuestLead(page: Page, n: number): Promise<number> {
  const response = await page.request.post("/api/v1/leads", {
    headers: { Authorization: `Bearer ${GUEST_KEY}`, "Content-Type": "application/json" },
    data: {
      contact: { name: `轮值客户${run}${n}`, mobile: `1390000${String(1000 + n)}` },
      company: { name: `轮值测试${run}${n}有限公司`, city: "北京" },
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

test("admin invites, sets away, and hands over a leaver's work", async ({ page, browser }) => {
  const newcomer = { name: `钱新${run.slice(-3)}`, email: `qian.${run}@relay-demo.cn`, password: `Relay-new-${run}` };
  await signIn(page, ADMIN.email);

  // The admin home links every admin area.
  await page.goto("/crm/admin");
  await expect(page.getByRole("heading", { level: 1, name: "系统管理" })).toBeVisible();
  for (const area of [
    "用户管理",
    "团队管理",
    "离职移交",
    "角色与权限",
    "审核管理",
    "审计日志",
    "系统表",
    "编号规则",
    "本公司信息",
  ])
    await expect(page.locator("main").getByRole("link", { name: new RegExp(`^${area}`) })).toBeVisible();

  // 1. Invite: the account exists without a password; the invitation goes through the outbox.
  await page
    .locator("main")
    .getByRole("link", { name: /^用户管理/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "用户管理" })).toBeVisible();
  await expect(page.locator("main")).toContainText(SALES.name);
  await page.getByRole("link", { name: "邀请员工" }).click();
  await expect(page).toHaveURL(/\/crm\/admin\/staff\/new$/);
  await page.getByLabel("姓名").fill(newcomer.name);
  await page.getByLabel("邮箱（登录账号）").fill(newcomer.email);
  await chooseOption(page, "#teamId", "销售一部（华北）");
  await page.getByLabel("销售代表").check();
  await page.getByRole("button", { name: "发送邀请" }).click();
  await expect(page.getByRole("heading", { level: 1, name: newcomer.name })).toBeVisible();
  await expect(page.locator("main")).toContainText("已邀请，未设置密码");

  const mail = await readMail(browser, newcomer.email, "邀请你加入接力 CRM");
  const link = mail.match(/https?:\/\/\S+\/crm\/set-password\/[a-z2-9]{24}\.[a-z2-9]{24}/)?.[0];
  expect(link, mail).toBeTruthy();
  const newbie = await (await browser.newContext()).newPage();
  await newbie.goto(new URL(link!).pathname);
  await newbie.getByLabel("新密码", { exact: true }).fill(newcomer.password);
  await newbie.getByLabel("再次输入新密码").fill(newcomer.password);
  await newbie.getByRole("button", { name: "设置密码并去登录" }).click();
  await expect(newbie.getByText("密码已设置，请登录。")).toBeVisible();
  // The link works once.
  await newbie.goto(new URL(link!).pathname);
  await expect(newbie.getByText("链接已经使用过")).toBeVisible();
  await signIn(newbie, newcomer.email, newcomer.password);
  await newbie.context().close();

  // 2. The admin adds the newcomer to the token group.
  await page.goto("/crm/rules/token-groups");
  await page.locator("main a[href^='/crm/rules/token-groups/']", { hasText: "华北销售轮值" }).first().click();
  await chooseOption(page, "#add-staff", newcomer.name);
  await page.getByRole("button", { name: "添加到队尾" }).click();
  await expect(page.getByTestId("group-member").filter({ hasText: newcomer.name })).toHaveCount(1);

  // 3. 李娜 is away until tomorrow: a whole round of web leads goes past her.
  await openStaff(page, SALES.name);
  const tomorrow = new Date(Date.now() + 8 * 3600_000 + 24 * 3600_000).toISOString().slice(0, 10);
  const statusCard = page.getByRole("region", { name: "状态" });
  await statusCard.getByLabel("状态").selectOption("away");
  await statusCard.getByLabel("返回日期（可选）").fill(tomorrow);
  await statusCard.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("heading", { level: 1, name: SALES.name })).toBeVisible();
  await expect(page.locator("main header").first()).toContainText("外出至");

  const group = await db.tokenGroup.findUniqueOrThrow({ where: { name: "华北销售轮值" }, include: { members: true } });
  const owners: string[] = [];
  for (let i = 0; i < group.members.length; i++) {
    const id = await postGuestLead(page, i);
    owners.push((await db.lead.findUniqueOrThrow({ where: { id }, include: { owner: true } })).owner.name);
  }
  expect(owners).not.toContain(SALES.name);
  expect(owners).toContain(newcomer.name);

  // 4. Hand-over of a leaver, who is signed in somewhere.
  const leaverPage = await (await browser.newContext()).newPage();
  await signIn(leaverPage, LEAVER.email);
  const leaver = await db.staff.findUniqueOrThrow({ where: { email: LEAVER.email } });
  const expected = {
    lead: await db.lead.count({ where: { ownerId: leaver.id } }),
    opportunity: await db.opportunity.count({ where: { ownerId: leaver.id } }),
  };

  await openStaff(page, LEAVER.name);
  await page.getByRole("link", { name: "开始移交" }).click();
  await expect(page.getByTestId("before-lead")).toHaveText(String(expected.lead));
  await expect(page.getByTestId("before-opportunity")).toHaveText(String(expected.opportunity));
  await chooseOption(page, "#toStaffId", "陈静");
  await expect(page.getByLabel("同时停用此账号")).toBeChecked();
  await page.getByRole("button", { name: "开始移交" }).click();

  // The run page refreshes itself until the job is done, then shows the report.
  await expect(page.getByText("已完成").first()).toBeVisible({ timeout: 60_000 });
  for (const type of HANDOVER_TYPES) {
    const before = await page.getByTestId(`before-${type}`).innerText();
    await expect(page.getByTestId(`moved-${type}`)).toHaveText(before);
    await expect(page.getByTestId(`after-${type}`)).toHaveText("0");
  }
  await expect(page.getByTestId("before-lead")).toHaveText(String(expected.lead));
  expect(await db.lead.count({ where: { ownerId: leaver.id } })).toBe(0);

  // The leaver's session ended, and signing in is refused.
  await leaverPage.reload();
  await expect(leaverPage).toHaveURL(/\/crm\/login/);
  await leaverPage.getByLabel("工作邮箱").fill(LEAVER.email);
  await leaverPage.getByLabel("密码").fill(DEMO_PASSWORD);
  await leaverPage.getByRole("button", { name: "登录" }).click();
  await expect(leaverPage).toHaveURL(/\/crm\/login/);
  await leaverPage.context().close();
});
