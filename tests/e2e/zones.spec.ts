import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import type { RowDataPacket } from "mysql2/promise";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import { withE2eConnection } from "./support/db.ts";
import { MEMBER_PASSWORD, memberPage, signIn as staffSignIn } from "./support/sign-in.ts";

// Customer zones end to end: a colleague of zone A asks to join, the customer admin confirms in the
// portal, customer service confirms in the back office, and only then the zone opens; members see
// assets (with the maintenance log) and contracts. The joining member is created here, so the demo
// members stay as the seed left them (the isolation sweep relies on them).

const ZONE_A_ADMIN = "zone-a-admin@relay-demo.cn";
const CSR = "service@relay-demo.cn";
const SHOTS = "docs/screenshots";
mkdirSync(SHOTS, { recursive: true });

test.describe.configure({ mode: "serial", timeout: 120_000 });

async function createColleague(): Promise<{ email: string; nickname: string }> {
  const stamp = Date.now().toString(36);
  const email = `zone-e2e-${stamp}@e2e.relay-demo.cn`;
  const nickname = `恒通新人${stamp}`.slice(0, 20);
  await withE2eConnection(async (conn) => {
    const [rows] = await conn.query<RowDataPacket[]>("SELECT companyId FROM `Member` WHERE email = ?", [ZONE_A_ADMIN]);
    await conn.execute(
      "INSERT INTO `Member` (email, nickname, passwordHash, level, status, companyId, activatedAt, realNameVerifiedAt, updatedAt) VALUES (?, ?, ?, 'customer', 'verified', ?, NOW(3), NOW(3), NOW(3))",
      [email, nickname, await hashPassword(MEMBER_PASSWORD), rows[0]!.companyId],
    );
  });
  return { email, nickname };
}

test("a colleague joins zone A only after the customer admin and customer service both confirm", async ({
  browser,
  page,
}) => {
  const colleague = await createColleague();
  const newcomer = await memberPage(browser, colleague.email);
  await newcomer.goto("/zone");
  await expect(newcomer.getByRole("heading", { level: 1 })).toHaveText("我的用户专区");
  await newcomer.getByRole("button", { name: "申请加入" }).click();
  await expect(newcomer.getByText(/正在确认中/)).toBeVisible();
  // Not in yet: a zone page answers 403.
  expect((await newcomer.goto("/zone/assets"))?.status()).toBe(403);

  // The customer admin confirms in the portal.
  const admin = await memberPage(browser, ZONE_A_ADMIN);
  await admin.goto("/zone/members");
  await admin.getByRole("button", { name: `确认 ${colleague.nickname} 加入` }).click();
  await expect(admin.getByRole("status")).toHaveText("已确认，等待客服确认。");
  expect((await newcomer.goto("/zone/assets"))?.status()).toBe(403);

  // Customer service sees the entry highlighted and gives the second confirmation.
  await page.setViewportSize({ width: 1360, height: 900 });
  await staffSignIn(page, CSR);
  await page.goto("/crm/zones");
  await page
    .getByRole("link", { name: /沈阳恒通/ })
    .first()
    .click();
  await expect(page.getByText("客户已确认").first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/zones-backoffice-zone-detail.png`, fullPage: true });
  await page.getByRole("button", { name: `确认 ${colleague.nickname} 加入` }).click();
  await expect(page.getByRole("status")).toHaveText("双方都已确认，对方已成为专区成员。");

  // Now the zone opens.
  await newcomer.goto("/zone");
  await expect(newcomer.getByRole("navigation", { name: "专区导航" })).toBeVisible();
  await newcomer.context().close();
  await admin.context().close();
});

test("members see their assets with the maintenance log, and their contracts", async ({ browser }) => {
  const member = await memberPage(browser, ZONE_A_ADMIN);
  await member.goto("/zone");
  await expect(member.getByRole("heading", { level: 2, name: "客户资产" })).toBeVisible();
  await expect(member.getByText("年底设备巡检安排")).toBeVisible();
  await member.screenshot({ path: `${SHOTS}/zones-portal-home.png`, fullPage: true });

  await member.getByRole("navigation", { name: "专区导航" }).getByRole("link", { name: "资产" }).click();
  await member.getByRole("link", { name: "SY3240平衡机" }).click();
  await expect(member.getByText("20040201-5326-A33")).toBeVisible();
  await expect(member.getByText("控制软件升级至 6.2", { exact: false })).toBeVisible();
  await expect(member.getByRole("link", { name: "测量单元" })).toBeVisible();
  await member.screenshot({ path: `${SHOTS}/zones-portal-asset.png`, fullPage: true });

  await member.goto("/zone/contracts");
  await expect(member.getByRole("heading", { name: "2026 年度平衡机维保服务合约" })).toBeVisible();
  // drafts are internal
  await expect(member.getByText("2027 年度维保续约")).toHaveCount(0);
  await member.context().close();
});

test("customer service logs maintenance on an asset and sees a contract about to end", async ({ page }) => {
  await page.setViewportSize({ width: 1360, height: 900 });
  await staffSignIn(page, CSR);
  await page.goto("/crm/assets?q=SY3240");
  await page.getByRole("link", { name: "SY3240平衡机" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SY3240平衡机");
  await page.getByLabel("方式").selectOption("maintain");
  await page.getByLabel("摘要").fill("e2e 巡检：皮带张紧度正常");
  await page.getByRole("button", { name: "记录维护" }).click();
  await expect(page.getByRole("status")).toHaveText("维护记录已添加。");
  await expect(page.getByText("e2e 巡检：皮带张紧度正常")).toBeVisible();

  await page.goto("/crm/service-contracts?expiring=30");
  await page.getByRole("link", { name: "加工中心 7×24 第三方维保合约" }).click();
  await expect(page.getByText(/天后到期/).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "完成" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/zones-backoffice-contract.png`, fullPage: true });
});
