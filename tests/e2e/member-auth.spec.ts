import { expect, request, test, type Browser, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { readMail } from "./support/mail.ts";

// Member registration → activation mail in the dev inbox → activation → sign-in → sign-out, the
// nickname clash message, and forgot/reset password, all through the browser. Mail is read the way
// a tester would: an admin opens /crm/dev/mail in a second browser context.

const SHOTS = process.env.E2E_SHOTS_DIR;
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const run = Date.now().toString(36);

// Each flow waits for the mail worker and hashes passwords (argon2): more than the default 30 s.
test.describe.configure({ timeout: 120_000 });
const PASSWORD = "amber river lantern";

function linkIn(text: string, path: string): string {
  const match = text.match(new RegExp(`https?://[^\\s\\]]+${path.replace("/", "\\/")}\\?token=[a-z2-9.]+`));
  if (!match) throw new Error(`no ${path} link in mail:\n${text}`);
  return match[0];
}

async function fillRegistration(page: Page, values: { email: string; nickname: string; password?: string }) {
  await page.goto("/register");
  await page.getByLabel("邮箱").fill(values.email);
  await page.getByLabel("昵称").fill(values.nickname);
  await page.getByLabel("密码", { exact: true }).fill(values.password ?? PASSWORD);
  await page.getByLabel("确认密码").fill(values.password ?? PASSWORD);
  await page.getByRole("checkbox", { name: /我已阅读并同意/ }).check();
  await page.getByRole("button", { name: "注册" }).click();
}

async function signInMember(page: Page, email: string, password: string) {
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

async function signOut(page: Page) {
  // The portal header's menu belongs to another feature; post the same plain form it does.
  await page.evaluate(() => {
    const form = document.createElement("form");
    form.method = "post";
    form.action = "/logout";
    document.body.append(form);
    form.submit();
  });
  await expect(page).toHaveURL(/\/\?signedOut=1$/);
}

async function registerAndActivate(page: Page, browser: Browser, email: string, nickname: string) {
  await fillRegistration(page, { email, nickname });
  await expect(page.getByRole("heading", { name: "请查收激活邮件" })).toBeVisible();
  const mail = await readMail(browser, email, "请激活您的接力 CRM 会员账户");
  await page.goto(linkIn(mail, "/activate"));
  await page.getByRole("button", { name: "激活账户" }).click();
  await expect(page.getByRole("heading", { name: "账户已激活" })).toBeVisible();
}

test("a visitor registers, activates from the mailed link, signs in and signs out", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = `wang.fang.${run}@relay-e2e.cn`;
  const nickname = `王芳${run.slice(-6)}`;

  await page.goto("/login");
  await expect(page.getByRole("link", { name: "前往员工登录" })).toHaveAttribute("href", "/crm/login");
  await page.goto("/register");
  await expect(page.getByRole("heading", { name: "注册会员", exact: true })).toBeVisible();
  await expect(page.getByText("建议使用公司邮箱")).toBeVisible();
  await page.getByLabel("邮箱").fill("someone@qq.com");
  await expect(page.getByText("qq.com 是免费邮箱")).toBeVisible();
  await shot(page, "register-zh-desktop");

  await fillRegistration(page, { email, nickname });
  await expect(page.getByRole("heading", { name: "请查收激活邮件" })).toBeVisible();
  await expect(page.getByText(`我们已向 ${email} 发送了一封邮件`)).toBeVisible();
  await expect(page.getByRole("link", { name: "重新发送激活邮件" })).toBeVisible();
  await shot(page, "register-sent-zh-desktop");

  // Not activated yet: the right password gets "activate first", with a way to resend.
  await page.goto("/login");
  await signInMember(page, email, PASSWORD);
  await expect(page.getByRole("alert")).toContainText("账户尚未激活");
  await expect(page.getByRole("link", { name: "重新发送激活邮件" })).toBeVisible();

  const mail = await readMail(browser, email, "请激活您的接力 CRM 会员账户");
  expect(mail).toContain(nickname);
  const activationLink = linkIn(mail, "/activate");

  // Opening the link does not activate by itself (mail scanners open links too); the button does.
  await page.goto(activationLink);
  await expect(page.getByRole("heading", { name: "激活会员账户" })).toBeVisible();
  await shot(page, "activate-confirm-zh-desktop");
  await page.getByRole("button", { name: "激活账户" }).click();
  await expect(page.getByRole("heading", { name: "账户已激活" })).toBeVisible();
  await shot(page, "activate-done-zh-desktop");

  // The link works once.
  await page.goto(activationLink);
  await expect(page.getByRole("heading", { name: "激活链接已使用过" })).toBeVisible();
  await expect(page.getByRole("link", { name: "重新发送激活邮件" })).toBeVisible();

  await page.goto("/login?flash=flash.members.activated");
  await expect(page.getByText("账户已激活，请登录。")).toBeVisible();
  await signInMember(page, email, "wrong password here");
  await expect(page.getByRole("alert")).toHaveText("邮箱或密码不正确。");
  await signInMember(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/account$/);

  // Signed in: the sign-in and registration pages send the member to the account.
  await page.goto("/login");
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/register");
  await expect(page).toHaveURL(/\/account$/);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "__Host-relay_member" || c.name === "relay_member");
  expect(session?.httpOnly).toBe(true);
  expect(session?.value).toMatch(/^[a-z2-9]{24}\.[a-z2-9]{24}$/);

  // GET /logout does nothing; POST signs out on the server and clears the cookie.
  await page.goto("/logout");
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/login");
  await expect(page).toHaveURL(/\/account$/);
  await signOut(page);
  await page.goto("/login");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "会员登录" })).toBeVisible();

  // The old cookie is dead on the server too.
  const replay = await request.newContext({
    baseURL,
    extraHTTPHeaders: { Cookie: `${session!.name}=${session!.value}` },
  });
  expect((await replay.get("/login", { maxRedirects: 0 })).status()).toBe(200);
  await replay.dispose();
});

test("a taken nickname is reported clearly; a taken e-mail looks like a new one", async ({ page, browser }) => {
  const email = `li.na.${run}@relay-e2e.cn`;
  const nickname = `NaNa${run.slice(-6)}`;
  await fillRegistration(page, { email, nickname });
  await expect(page.getByRole("heading", { name: "请查收激活邮件" })).toBeVisible();

  // Same nickname in other letter case, new e-mail: refused, with the fields kept.
  await fillRegistration(page, { email: `other.${run}@relay-e2e.cn`, nickname: nickname.toUpperCase() });
  await expect(page.getByText("该昵称已被使用，请换一个")).toBeVisible();
  await expect(page.getByLabel("邮箱")).toHaveValue(`other.${run}@relay-e2e.cn`);
  await expect(page.getByLabel("昵称")).toHaveAttribute("aria-invalid", "true");
  await shot(page, "register-nickname-taken-zh-desktop");

  // The same e-mail again: the very same success page; the owner is told by mail instead.
  await fillRegistration(page, { email, nickname: `Other${run.slice(-6)}` });
  await expect(page.getByRole("heading", { name: "请查收激活邮件" })).toBeVisible();
  await expect(page.getByText(`我们已向 ${email} 发送了一封邮件`)).toBeVisible();
  const notice = await readMail(browser, email, "有人尝试用您的邮箱注册接力 CRM 会员");
  expect(notice).toContain("/activate/resend");
});

test("forgot password: the mailed link sets a new password once and ends the old sign-in", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = `zhao.lei.${run}@relay-e2e.cn`;
  await registerAndActivate(page, browser, email, `赵磊${run.slice(-6)}`);
  await page.goto("/login");
  await signInMember(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/account$/);
  const before = (await page.context().cookies()).find((c) => c.name.endsWith("relay_member"));

  // A second, anonymous browser asks for the reset (as someone who forgot on another device would).
  const other = await browser.newContext();
  const visitor = await other.newPage();
  await visitor.goto("/login");
  await visitor.getByRole("link", { name: "忘记密码？" }).click();
  await expect(visitor.getByRole("heading", { name: "忘记密码" })).toBeVisible();
  await visitor.getByLabel("邮箱").fill(email);
  await visitor.getByRole("button", { name: "发送重设邮件" }).click();
  await expect(visitor.getByRole("heading", { name: "请查收邮件" })).toBeVisible();
  await shot(visitor, "forgot-sent-zh-desktop");

  const mail = await readMail(browser, email, "重设您的接力 CRM 会员密码");
  const resetLink = linkIn(mail, "/reset-password");
  await visitor.goto(resetLink);
  await expect(visitor.getByRole("heading", { name: "设置新密码" })).toBeVisible();
  const newPassword = "granite willow compass";
  await visitor.getByLabel("新密码").fill(newPassword);
  await visitor.getByLabel("确认密码").fill("a different one");
  await visitor.getByRole("button", { name: "保存新密码" }).click();
  await expect(visitor.getByText("两次输入的密码不一致。")).toBeVisible();
  await visitor.getByLabel("新密码").fill(newPassword);
  await visitor.getByLabel("确认密码").fill(newPassword);
  await visitor.getByRole("button", { name: "保存新密码" }).click();
  await expect(visitor.getByRole("heading", { name: "密码已重设" })).toBeVisible();
  await shot(visitor, "reset-done-zh-desktop");

  // The link is used up.
  await visitor.goto(resetLink);
  await expect(visitor.getByRole("heading", { name: "重设链接已使用过" })).toBeVisible();

  // The first browser's session ended with the reset.
  const replay = await request.newContext({
    baseURL,
    extraHTTPHeaders: { Cookie: `${before!.name}=${before!.value}` },
  });
  expect((await replay.get("/login", { maxRedirects: 0 })).status()).toBe(200);
  await replay.dispose();

  await visitor.goto("/login");
  await signInMember(visitor, email, PASSWORD);
  await expect(visitor.getByRole("alert")).toHaveText("邮箱或密码不正确。");
  await signInMember(visitor, email, newPassword);
  await expect(visitor).toHaveURL(/\/account$/);
  await other.close();
});

test("the sign-in is throttled: the 6th failure in a row answers 429", async ({ page }) => {
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const response = await page.request.post("/login", {
      form: { email: `nobody.${run}@relay-e2e.cn`, password: `guess-${i}` },
      maxRedirects: 0,
    });
    statuses.push(response.status());
  }
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
});

test("member pages read well in English and on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/register", "/login", "/forgot-password", "/activate/resend", "/activate?token=bad"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await shot(page, `m-zh${path.replace(/[/?=]/g, "-")}`);
  }
  // The language switch is a plain POST (the header's button sits in the closed phone menu here).
  await page.request.post("/locale", { form: { locale: "en", redirectTo: "/login" } });
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Member sign-in" })).toBeVisible();
  await shot(page, "m-en-login");
  await page.goto("/register");
  await expect(page.getByRole("heading", { name: "Register as a member" })).toBeVisible();
  await shot(page, "m-en-register");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/register");
  await page.getByRole("button", { name: "Register" }).click();
  // The form kit marks each missing field (aria-invalid) and explains it under the field.
  await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
  await shot(page, "register-en-errors-desktop");
  await page.goto("/reset-password?token=bad");
  await expect(page.getByRole("heading", { name: "This reset link does not work" })).toBeVisible();
});
