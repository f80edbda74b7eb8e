import { expect, test } from "@playwright/test";
import { leadTab, signIn } from "./helpers.ts";

// The lead page as a workplace (#5): the owner distributes by hand with rights per person, one
// salesperson says 我处理, identifies and follows up; the other then sees who holds it and has no
// edit forms. Uses its own lead, so shared demo records stay untouched.

const stamp = Date.now().toString(36).slice(-5);
const company = `华远仪表${stamp}有限公司`;

test.describe.configure({ mode: "serial" });
let leadPath = "";

test("the owner distributes a lead to two salespeople with different rights", async ({ page }) => {
  await signIn(page, "wang.lei@relay-demo.cn");
  await page.goto("/crm/leads/new");
  await page.getByLabel("姓名").fill(`赵强${stamp}`);
  await page.getByLabel("单位名称").fill(company);
  await page.getByLabel("需求内容").fill("需要 50 台温控仪表，月底前报价。");
  await page.getByRole("button", { name: "创建线索" }).click();
  await expect(page.getByRole("status")).toHaveText("线索已创建。");
  leadPath = new URL(page.url()).pathname;

  await leadTab(page, "分发与处理").click();
  const distribute = page.getByRole("region", { name: "手工分发" });
  await distribute.getByRole("checkbox", { name: "分发给 李娜" }).check();
  await distribute.getByRole("checkbox", { name: "李娜 可编辑需求" }).check();
  await distribute.getByRole("checkbox", { name: "李娜 可编辑状态" }).check();
  await distribute.getByRole("checkbox", { name: "分发给 张伟" }).check();
  await distribute.getByRole("checkbox", { name: "张伟 可编辑联系人" }).check();
  await distribute.getByRole("button", { name: "分发" }).click();
  await expect(page.getByRole("status")).toHaveText("已分发。");

  const holders = page.getByRole("region", { name: "分发与认领" });
  await expect(holders).toContainText("李娜");
  await expect(holders).toContainText("张伟");
  await page.setViewportSize({ width: 1360, height: 1400 });
  await page.screenshot({ path: "docs/screenshots/lead-work-owner.png", fullPage: true });
  await leadTab(page, "记录").click();
  const history = page.getByRole("region", { name: "分配与处理记录" });
  await expect(history).toContainText("李娜：需求、状态");
  await expect(history).toContainText("张伟：联系人");
});

test("李娜 claims it with 我处理, identifies it and follows up", async ({ page }) => {
  await signIn(page, "sales@relay-demo.cn");
  await page.goto(leadPath);
  await page.getByRole("button", { name: "我处理" }).click();
  await expect(page.getByRole("status")).toContainText("您已认领此线索");

  const identify = page.getByRole("region", { name: "辨识" });
  await identify.getByLabel("辨识内容").selectOption({ label: "有需求客户" });
  await identify.getByLabel("需求现状").fill("预算已批，月底前采购");
  await identify.getByRole("button", { name: "保存辨识" }).click();
  await expect(page.getByRole("status")).toHaveText("辨识已保存。");
  await expect(identify).toContainText("已辨识");
  await expect(identify.getByRole("checkbox", { name: "已辨识" })).toBeChecked();

  await leadTab(page, "跟进").click();
  await page.getByLabel("跟进内容").fill("电话联系赵总，约周三上门演示。");
  await page.getByRole("button", { name: "添加跟进记录" }).click();
  await expect(page.getByRole("region", { name: "跟进记录" })).toContainText("约周三上门演示");

  await page.getByLabel("任务内容").fill("周三上门演示");
  await page.getByLabel("到期日").fill("2030-06-05");
  await page.getByRole("button", { name: "添加任务" }).click();
  await expect(page.getByRole("region", { name: "任务" })).toContainText("周三上门演示");
  await expect(page.getByLabel("任务内容")).toHaveValue("");

  await page.setViewportSize({ width: 1360, height: 1500 });
  await page.screenshot({ path: "docs/screenshots/lead-work-detail.png", fullPage: true });

  // 李娜 has the need right but not the contact right.
  await leadTab(page, "概览").click();
  await expect(page.getByText("编辑需求")).toBeVisible();
  await expect(page.getByText("编辑联系人")).toHaveCount(0);
});

test("张伟 then sees it claimed by 李娜 and can no longer edit", async ({ page }) => {
  await signIn(page, "zhang.wei@relay-demo.cn");
  await page.goto(leadPath);
  await expect(page.getByRole("button", { name: "我处理" })).toHaveCount(0);
  await expect(page.getByText("编辑联系人")).toHaveCount(0);
  await leadTab(page, "分发与处理").click();
  const holders = page.getByRole("region", { name: "分发与认领" });
  await expect(holders).toContainText("已由 李娜 认领（我处理）");
  await expect(holders).toContainText("李娜 已认领此线索，您的编辑权限已失效");
});
