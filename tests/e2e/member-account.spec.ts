import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { ResultSetHeader, RowDataPacket } from "mysql2/promise";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import { withE2eConnection } from "./support/db.ts";

// The member's self-service account end to end: profile, password, e-mail change, sessions,
// deregistration, and the customer-zone gate for each level. Members whose password or account
// these tests change are created here, straight in the e2e database, so the shared demo members
// (used read-only below) stay as the seed left them.

const DEMO_PASSWORD = "Relay-member-2026";
const PROSPECT = { email: "member@relay-demo.cn", nickname: "小周同学" };
const CUSTOMER = { email: "customer@relay-demo.cn" };
const SHOTS = process.env.SHOTS_DIR ?? "test-results/screenshots";
mkdirSync(SHOTS, { recursive: true });

let serial = 0;
/** A fresh active prospect, with one submitted requirement when the seed has a category for it. */
async function createMember(password: string) {
  serial++;
  const stamp = `${Date.now().toString(36)}${serial}`;
  const email = `mc-${stamp}@e2e.relay-demo.cn`;
  const nickname = `测试会员${stamp}`.slice(0, 20);
  const passwordHash = await hashPassword(password);
  const id = await withE2eConnection(async (conn) => {
    const [result] = await conn.execute<ResultSetHeader>(
      "INSERT INTO `Member` (email, nickname, passwordHash, level, status, activatedAt, updatedAt) VALUES (?, ?, ?, 'prospect', 'active', NOW(3), NOW(3))",
      [email, nickname, passwordHash],
    );
    const memberId = result.insertId;
    const [categories] = await conn.query<RowDataPacket[]>(
      "SELECT id, designatedStaffId FROM `RegistrationCategory` WHERE kind = 'requirement' ORDER BY id LIMIT 1",
    );
    const category = categories[0];
    if (category) {
      await conn.execute(
        "INSERT INTO `Lead` (number, categoryId, memberId, ownerId, status, contactName, requirement, routedBy, source, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'new', ?, ?, 'default_owner', 'portal', NOW(3), NOW(3))",
        [`MC${stamp}`.slice(0, 20), category.id, memberId, category.designatedStaffId, nickname, "e2e 需求"],
      );
    }
    return memberId;
  });
  return { id, email, nickname, password };
}

async function latestMailTo(address: string, template: string): Promise<{ text: string } | undefined> {
  return withE2eConnection(async (conn) => {
    const [rows] = await conn.query<RowDataPacket[]>(
      "SELECT `text` FROM `EmailOutbox` WHERE toAddress = ? AND template = ? ORDER BY id DESC LIMIT 1",
      [address, template],
    );
    return rows[0] as { text: string } | undefined;
  });
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill(password);
  await page.locator("form:has(input[name=password]) button[type=submit]").click();
}

async function signInOk(page: Page, email: string, password: string) {
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/account\/?$/);
}

async function signOut(page: Page) {
  // The header's sign-out is a POST form to /logout; posting it directly keeps this test independent
  // of the header's menu markup. page.request shares the browser context's cookies. An (empty) form
  // body, as a browser sends: a POST with no form content type is refused with 415 (#13).
  const response = await page.request.post("/logout", { form: {} });
  expect(response.ok()).toBe(true);
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN" });
  return context.newPage();
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/member-account-${name}.png`, fullPage: true });
}

// Long flows with several argon2 hashes each: more time than the default 30 s.
test.describe.configure({ mode: "serial", timeout: 120_000 });

test("a member edits the profile, changes the password (other devices signed out) and signs in with it", async ({
  page,
  browser,
}) => {
  const member = await createMember("an old e2e passphrase");
  const elsewhere = await newPage(browser);
  await signInOk(elsewhere, member.email, member.password);
  await signInOk(page, member.email, member.password);

  // Overview: greeting, level, the seeded submission.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${member.nickname}，您好`);
  await expect(page.locator("main").getByText("潜在客户").first()).toBeVisible();
  const subnav = page.getByRole("navigation", { name: "会员中心导航" });
  await expect(subnav.getByRole("link", { name: "个人资料" })).toBeVisible();
  await expect(subnav.getByRole("link", { name: "我的用户专区" })).toHaveCount(0);
  await shot(page, "overview-zh-desktop");

  // Profile: a nickname someone else has is refused with a clear message, and nothing is saved.
  await subnav.getByRole("link", { name: "个人资料" }).click();
  await expect(page.getByRole("heading", { name: "个人资料", level: 1 })).toBeVisible();
  await page.getByLabel("昵称").fill(PROSPECT.nickname);
  await page.getByLabel("城市").fill("杭州");
  await page.getByRole("button", { name: "保存资料" }).click();
  await expect(page.getByText("这个昵称已被其他会员使用，请换一个。").first()).toBeVisible();
  await expect(page.getByLabel("城市")).toHaveValue("杭州");

  // A bad phone number gets a field error.
  const newNickname = `改名${member.nickname.slice(-6)}`;
  await page.getByLabel("昵称").fill(newNickname);
  await page.getByLabel("电话").fill("12");
  await page.getByRole("button", { name: "保存资料" }).click();
  await expect(page.getByText("请输入有效的电话号码。")).toBeVisible();

  await page.getByLabel("电话").fill("138-0013-8000");
  await page.getByLabel("职务").fill("采购经理");
  await page.getByLabel("收到新的站内消息时，发邮件提醒我").uncheck();
  await page.getByLabel("接收产品资讯和活动邀请邮件").check();
  await page.getByRole("button", { name: "保存资料" }).click();
  await expect(page.getByRole("status").filter({ hasText: "资料已保存。" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("昵称")).toHaveValue(newNickname);
  await expect(page.getByLabel("电话")).toHaveValue("138-0013-8000");
  await expect(page.getByLabel("城市")).toHaveValue("杭州");
  await expect(page.getByLabel("职务")).toHaveValue("采购经理");
  await expect(page.getByLabel("收到新的站内消息时，发邮件提醒我")).not.toBeChecked();
  await expect(page.getByLabel("接收产品资讯和活动邀请邮件")).toBeChecked();
  await shot(page, "profile-zh-desktop");

  // Security: two devices listed; a wrong current password changes nothing.
  await subnav.getByRole("link", { name: "账户安全" }).click();
  await expect(page.getByText("当前设备", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /^退出这个设备/ })).toHaveCount(1);
  const newPassword = "a fresh e2e passphrase";
  await page.locator("#password-current").fill("not my password");
  await page.locator("#password-new").fill(newPassword);
  await page.locator("#password-confirm").fill(newPassword);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("当前密码不正确。")).toBeVisible();
  // Mismatched confirmation.
  await page.locator("#password-current").fill(member.password);
  await page.locator("#password-new").fill(newPassword);
  await page.locator("#password-confirm").fill(`${newPassword}!`);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("两次输入的新密码不一致。")).toBeVisible();

  await page.locator("#password-current").fill(member.password);
  await page.locator("#password-new").fill(newPassword);
  await page.locator("#password-confirm").fill(newPassword);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByRole("status").filter({ hasText: "密码已修改，其他 1 个设备已退出登录。" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^退出这个设备/ })).toHaveCount(0);
  await shot(page, "security-zh-desktop");

  // This device is still signed in; the other one was signed out.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account\/?$/);
  await elsewhere.goto("/account");
  await expect(elsewhere).toHaveURL(/\/login\?redirectTo=%2Faccount/);
  await elsewhere.context().close();

  // Sign out; the old password no longer works, the new one does.
  await signOut(page);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, member.email, member.password);
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("alert").first()).toBeVisible();
  await signInOk(page, member.email, newPassword);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${newNickname}，您好`);
});

test("a member changes the sign-in e-mail through the link sent to the new address", async ({ page }) => {
  const member = await createMember("an e-mail e2e passphrase");
  await signInOk(page, member.email, member.password);
  await page.goto("/account/security");
  const newEmail = `moved-${member.email}`;
  await page.locator("#email-new").fill(newEmail);
  await page.locator("#email-password").fill(member.password);
  await page.getByRole("button", { name: "发送确认邮件" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已向 ${newEmail} 发送确认邮件` })).toBeVisible();

  // An address another member has gets the same answer (and no mail).
  await page.locator("#email-new").fill(PROSPECT.email);
  await page.locator("#email-password").fill(member.password);
  await page.getByRole("button", { name: "发送确认邮件" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已向 ${PROSPECT.email} 发送确认邮件` })).toBeVisible();
  expect(await latestMailTo(PROSPECT.email, "member-email-change")).toBeUndefined();

  const mail = await latestMailTo(newEmail, "member-email-change");
  const link = /https?:\/\/\S+\/account\/email\/confirm\?token=[a-z2-9.]+/.exec(mail?.text ?? "")?.[0];
  expect(link, "confirmation link in the mail").toBeTruthy();
  await page.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`将登录邮箱更换为 ${newEmail}？`);
  await shot(page, "email-confirm-zh-desktop");
  await page.getByRole("button", { name: "确认更换" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录邮箱已更换");
  expect((await latestMailTo(member.email, "member-email-changed"))?.text).toContain(newEmail);

  // The link is single-use.
  await page.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("链接已使用");

  await signOut(page);
  await signIn(page, member.email, member.password);
  await expect(page).toHaveURL(/\/login/);
  await signInOk(page, newEmail, member.password);
});

test("the customer zone: visitors sign in first, prospects get a 403 page, customers get in", async ({ page }) => {
  await page.goto("/zone");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fzone$/);

  await signInOk(page, PROSPECT.email, DEMO_PASSWORD);
  const denied = await page.goto("/zone");
  expect(denied?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("用户专区仅对成交客户开放");
  await expect(page.getByText("如何开通", { exact: true })).toBeVisible();
  // Still inside the portal: its header and footer are there.
  await expect(page.locator("footer")).toBeVisible();
  await expect(page.getByRole("link", { name: "联系我们" })).toBeVisible();
  await shot(page, "zone-denied-zh-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "zone-denied-zh-mobile");
  await page.setViewportSize({ width: 1280, height: 720 });
  await signOut(page);

  await signInOk(page, CUSTOMER.email, DEMO_PASSWORD);
  const subnav = page.getByRole("navigation", { name: "会员中心导航" });
  await expect(page.locator("main").getByText("成交客户").first()).toBeVisible();
  await expect(subnav.getByRole("link", { name: "我的用户专区" })).toBeVisible();
  await expect(subnav.getByText("服务请求")).toBeVisible();
  await shot(page, "overview-customer-zh-desktop");
  await subnav.getByRole("link", { name: "我的用户专区" }).click();
  await expect(page).toHaveURL(/\/zone(\/join)?$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的用户专区");
  for (const card of ["服务请求", "客户资产", "服务合约", "解决方案"]) {
    await expect(page.getByRole("heading", { level: 2, name: card })).toBeVisible();
  }
  await expect(page.getByText("所属单位", { exact: true })).toBeVisible();
  await shot(page, "zone-zh-desktop");

  // The same page in English.
  await page.request.post("/locale", { form: { locale: "en", redirectTo: "/zone" } });
  await page.goto("/zone");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My customer zone");
  await shot(page, "zone-en-desktop");
  await page.goto("/account");
  await expect(
    page.getByRole("navigation", { name: "Account navigation" }).getByRole("link", { name: "Profile" }),
  ).toBeVisible();
  await shot(page, "overview-customer-en-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "overview-customer-en-mobile");
  await page.goto("/account/security");
  await shot(page, "security-en-mobile");
  await page.request.post("/locale", { form: { locale: "zh-CN", redirectTo: "/" } });
});

test("while real-name verification is pending the member sees the banner and cannot enter the zone", async ({
  page,
}) => {
  const member = await createMember("a pending e2e passphrase");
  await withE2eConnection((conn) => conn.execute("UPDATE `Member` SET level = 'customer' WHERE id = ?", [member.id]));
  const setVerification = (on: boolean) =>
    withE2eConnection((conn) =>
      conn.execute(
        "INSERT INTO `Setting` (`key`, `value`, updatedAt) VALUES ('members.requireRealNameVerification', ?, NOW(3)) ON DUPLICATE KEY UPDATE `value` = VALUES(`value`), updatedAt = NOW(3)",
        [JSON.stringify(on)],
      ),
    );
  await setVerification(true);
  try {
    await signInOk(page, member.email, member.password);
    await expect(page.getByText("您的实名信息待审核，审核通过前部分资源受限")).toBeVisible();
    // A customer whose real name is not verified yet is limited like a visitor: no zone link.
    await expect(
      page.getByRole("navigation", { name: "会员中心导航" }).getByRole("link", { name: "我的用户专区" }),
    ).toHaveCount(0);
    await shot(page, "overview-pending-zh-desktop");
    const response = await page.goto("/zone");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("用户专区仅对成交客户开放");
    await expect(page.getByText("您的实名信息正在等待工作人员审核")).toBeVisible();
  } finally {
    await setVerification(false);
  }
});

test("deregistration anonymises the account, signs out, and the old credentials stop working", async ({ page }) => {
  const member = await createMember("a leaving e2e passphrase");
  await signInOk(page, member.email, member.password);
  await page.goto("/account/deregister");
  await expect(page.getByRole("heading", { name: "注销账户", level: 1 })).toBeVisible();
  await shot(page, "deregister-zh-desktop");

  // The wrong confirmation word changes nothing.
  await page.getByLabel("当前密码").fill(member.password);
  await page.getByLabel("确认词").fill("再见");
  await page.getByRole("button", { name: "永久注销我的账户" }).click();
  await expect(page.getByText("确认词不正确。")).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "deregister-zh-mobile");
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByLabel("当前密码").fill(member.password);
  await page.getByLabel("确认词").fill("注销");
  await page.getByRole("button", { name: "永久注销我的账户" }).click();
  await expect(page).toHaveURL(/\/goodbye$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("您的账户已注销");
  await shot(page, "goodbye-zh-desktop");
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => /relay_member$/.test(c.name))).toBeUndefined();

  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/);
  await signIn(page, member.email, member.password);
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("alert").first()).toBeVisible();

  // The CRM keeps the row (and the member's submissions) with the personal data gone.
  const row = await withE2eConnection(async (conn) => {
    const [rows] = await conn.query<RowDataPacket[]>(
      "SELECT email, nickname, status, phone, (SELECT COUNT(*) FROM `Lead` WHERE memberId = m.id) AS leads FROM `Member` m WHERE id = ?",
      [member.id],
    );
    return rows[0];
  });
  expect(row).toMatchObject({
    email: `deregistered+${member.id}@invalid.relay-crm`,
    nickname: `已注销用户${member.id}`,
    status: "deregistered",
    phone: null,
  });
});
