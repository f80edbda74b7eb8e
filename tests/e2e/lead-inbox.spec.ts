import { expect, test, type Page } from "@playwright/test";
import { ADMIN, leadTab, signIn } from "./helpers.ts";

// The lead's way from a visitor to its owner: 在线需求 on the portal → token-group routing → the
// owner's 我的新线索, the detail with its routing history, the notification and the dev-inbox mail.
// Then staff entry by hand, and the scope wall between salespeople. Tests share state in order.

const OWNER_EMAILS: Record<string, string> = {
  李娜: "sales@relay-demo.cn",
  张伟: "zhang.wei@relay-demo.cn",
  王磊: "wang.lei@relay-demo.cn",
};

const stamp = Date.now().toString(36).slice(-5);
const visitor = {
  name: `郑秋${stamp}`,
  email: `zheng.${stamp}@hengtai-e2e.cn`,
  mobile: "13912345678",
  company: `恒泰精密仪器${stamp}有限公司`,
  requirement: "需要 20 套接力网关用于三个仓库的设备联网，希望下月初安装，请报价。",
};
const who = `${visitor.name} @ ${visitor.company}`;

// Each test builds on the one before; after a failure the rest would only report the same cause.
test.describe.configure({ mode: "serial" });

let routed: { number: string; owner: string; email: string } | null = null;
let manualLeadPath: string | null = null;

async function signOut(page: Page) {
  await page.context().clearCookies();
}

test("a visitor submits 在线需求 and learns the lead number and the owner", async ({ page }) => {
  await page.goto("/requirements");
  await page.locator("textarea[name=requirement]").fill(visitor.requirement);
  await page.locator('input[name="contact.name"]').fill(visitor.name);
  await page.locator('input[name="contact.email"]').fill(visitor.email);
  await page.locator('input[name="contact.mobile"]').fill(visitor.mobile);
  await page.locator('input[name="company.name"]').fill(visitor.company);
  await page.getByRole("button", { name: "提交需求" }).click();

  await expect(page.getByRole("status")).toHaveText("提交成功");
  const number = (await page.getByTestId("lead-number").textContent())?.trim() ?? "";
  expect(number).toMatch(/^LEAD\d{12}$/);
  const ownerLine = await page.getByText(/我们的 .+ 将与您联系。/).textContent();
  const owner = /我们的 (.+) 将与您联系。/.exec(ownerLine ?? "")?.[1] ?? "";
  // The demo token group rotates 李娜 → 张伟 → 王磊.
  expect(Object.keys(OWNER_EMAILS)).toContain(owner);
  routed = { number, owner, email: OWNER_EMAILS[owner]! };
});

test("the routed owner finds it unseen under 我的新线索, opens it and sees why it came to them", async ({ page }) => {
  expect(routed).not.toBeNull();
  const { number, owner, email } = routed!;
  await signIn(page, email);
  await page.goto("/crm/leads");

  await expect(page.getByRole("link", { name: "我的新线索" })).toHaveAttribute("aria-current", "page");
  const row = page.getByRole("row").filter({ hasText: number });
  await expect(row).toContainText(who);
  await expect(row).toContainText("负责人尚未查看");
  await expect(row).toContainText("令牌轮转");
  await expect(row).toContainText("新线索");

  await row.getByRole("link", { name: who }).click();
  await expect(page).toHaveURL(/\/crm\/leads\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(who);
  await expect(page.getByText(`负责人：${owner}`)).toBeVisible();
  await expect(page.getByText(visitor.requirement).first()).toBeVisible();

  await expect(page.getByRole("region", { name: "来源与分配" })).toContainText("门户网站");

  // Routing history (its own tab): submitted by a visitor, then the token group's turn.
  await leadTab(page, "记录").click();
  await expect(page).toHaveURL(/\/crm\/leads\/\d+\/history$/);
  const history = page.getByRole("region", { name: "分配与处理记录" });
  await expect(history).toContainText("网站访客提交了线索");
  await expect(history).toContainText(`系统把线索分配给 ${owner}`);
  await expect(history).toContainText(new RegExp(`令牌组「华北销售轮值」轮到第 \\d 位：${owner}`));

  // Opening it as the owner marked it seen.
  await page.goto("/crm/leads");
  await expect(page.getByRole("row").filter({ hasText: number })).not.toContainText("负责人尚未查看");

  // Moving it on takes it out of 我的新线索 and records who did it.
  await page.getByRole("row").filter({ hasText: number }).getByRole("link", { name: number }).click();
  await leadTab(page, "分发与处理").click();
  await page.getByRole("button", { name: "标记为已联系" }).click();
  await expect(page.getByRole("status")).toHaveText("状态已更新为“已联系”。");
  await leadTab(page, "记录").click();
  await expect(page.getByRole("region", { name: "分配与处理记录" })).toContainText(
    `${owner}把状态从“新线索”改为“已联系”`,
  );
  await page.goto("/crm/leads");
  await expect(page.getByRole("row").filter({ hasText: number })).toHaveCount(0);
  // The empty 我的新线索 offers the same way out; use the tab.
  await page
    .getByRole("navigation", { name: "线索视图" })
    .getByRole("link", { name: /^(我的线索|全部线索)$/ })
    .click();
  await expect(page.getByRole("row").filter({ hasText: number })).toContainText("已联系");
});

test("the owner's notification leads to the lead and is then read", async ({ page }) => {
  const { number, email } = routed!;
  await signIn(page, email);
  await page.goto("/crm/notifications");
  const item = page.getByRole("button", { name: new RegExp(`新线索：${visitor.name}`) });
  await expect(item).toContainText("未读");
  await item.click();
  await expect(page).toHaveURL(/\/crm\/leads\/\d+$/);
  await expect(page.getByText(number)).toBeVisible();

  await page.goto("/crm/notifications");
  await expect(page.getByRole("button", { name: new RegExp(`新线索：${visitor.name}`) })).not.toContainText("未读");
});

test("the admin finds the lead-assigned mail to the owner in the dev inbox", async ({ page }) => {
  const { number, email } = routed!;
  await signIn(page, ADMIN.email);
  await page.goto(`/crm/dev/mail?q=${encodeURIComponent(email)}`);
  const mail = page.getByRole("link", { name: `新线索 ${number}：${visitor.name}@${visitor.company}` });
  await expect(mail).toBeVisible();
  await mail.click();
  await expect(page.getByText(email).first()).toBeVisible();
});

test("a sales manager enters a lead by hand for a teammate; field errors first", async ({ page }) => {
  await signIn(page, "wang.lei@relay-demo.cn");
  await page.goto("/crm/leads");
  await page.getByRole("link", { name: "新建线索" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("新建线索");

  // Nothing filled in: the 联系人@单位 rule, beside the name fields; nothing is created.
  await page.getByRole("button", { name: "创建线索" }).click();
  await expect(page.getByRole("alert")).toContainText("联系人@单位");
  const short = "联系人（姓名、邮箱或电话）与单位名称至少填写一项。";
  await expect(page.locator("#f-company\\.name-error")).toHaveText(short);
  await expect(page.locator("#f-contact\\.name-error")).toHaveText(short);

  // A bad e-mail is reported on its field; what was typed stays.
  await page.getByLabel("邮箱").fill("not-an-address");
  await page.getByLabel("单位名称").fill(`北方重工${stamp}`);
  await page.getByRole("button", { name: "创建线索" }).click();
  await expect(page.locator("#f-contact\\.email-error")).toHaveText("请输入有效的邮箱地址。");
  await expect(page.getByLabel("邮箱")).toHaveValue("not-an-address");
  await expect(page.getByLabel("单位名称")).toHaveValue(`北方重工${stamp}`);

  await page.getByLabel("邮箱").fill(`sun.hai.${stamp}@e2e.cn`);
  await page.getByLabel("姓名").fill(`孙海${stamp}`);
  await page.getByLabel("需求内容").fill("展会上交换名片，想了解网关的批量价格。");
  await page.getByLabel("线索负责人").selectOption({ label: "张伟 · 销售一部（华北）" });
  await page.getByRole("button", { name: "创建线索" }).click();

  await expect(page).toHaveURL(/\/crm\/leads\/\d+(\?flash=flash\.leads\.created)?$/);
  await expect(page.getByRole("status")).toHaveText("线索已创建。");
  await expect(page.getByText("负责人：张伟")).toBeVisible();
  await expect(page.getByRole("region", { name: "来源与分配" })).toContainText("员工录入");
  manualLeadPath = new URL(page.url()).pathname;
  await leadTab(page, "记录").click();
  const history = page.getByRole("region", { name: "分配与处理记录" });
  await expect(history).toContainText("王磊提交了线索");
  await expect(history).toContainText("员工手工指定负责人：张伟");
});

test("a salesperson cannot open a colleague's lead; the owner can", async ({ page }) => {
  expect(manualLeadPath).not.toBeNull();
  await signIn(page, "sales@relay-demo.cn");
  // Outside one's scope a lead reads as missing: the page does not confirm it exists.
  const denied = await page.goto(manualLeadPath!);
  expect(denied?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("线索不存在");
  // The back-office navigation is still there.
  await expect(page.getByRole("link", { name: "返回线索列表" })).toBeVisible();

  await signOut(page);
  await signIn(page, "zhang.wei@relay-demo.cn");
  const allowed = await page.goto(manualLeadPath!);
  expect(allowed?.status()).toBe(200);
  await page.goto("/crm/leads");
  await expect(page.getByRole("row").filter({ hasText: `孙海${stamp}` })).toContainText("手工指定");
});
