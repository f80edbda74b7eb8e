import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers.ts";

// 线索分发规则 end to end: the marketing owner sees the demo rules (北京 / 上海 / 其它地区), enters three
// leads of her own, selects them in the inbox, previews the rules ("these 3 leads would go to …"),
// applies them and watches the batch finish. Screenshots of the rules page and the preview go to
// SHOTS_DIR for people to look at.

const SHOTS_DIR = process.env.DISTRIBUTION_SHOTS_DIR ?? "test-results/screenshots";
const MARKETING = "marketing@relay-demo.cn";

async function createLead(page: Page, company: string, province: string) {
  await page.goto("/crm/leads/new");
  await page.getByLabel("单位名称").fill(company);
  await page.getByLabel("省/自治区").fill(province);
  await page.getByRole("button", { name: "创建线索" }).click();
  await expect(page.getByRole("status")).toHaveText("线索已创建。");
}

test("the owner previews the distribution rules on selected leads, applies them and sees the batch finish", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36).toUpperCase();
  await signIn(page, MARKETING);

  // The rules, in evaluation order, with the catch-all last and the explanation beside them.
  await page.goto("/crm/rules/distribution");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("线索分发规则");
  const rules = page.getByRole("list", { name: "规则顺序" }).getByTestId("distribution-rule");
  await expect(rules).toHaveCount(3);
  await expect(rules.nth(0)).toContainText("北京地区");
  await expect(rules.nth(0)).toContainText("beijing");
  await expect(rules.nth(0)).toContainText("王磊");
  await expect(rules.nth(2)).toContainText("其它地区（兜底）");
  await expect(page.getByText("默认「先命中者优先」", { exact: false })).toBeVisible();
  await page.setViewportSize({ width: 1360, height: 900 });
  await page.screenshot({ path: `${SHOTS_DIR}/distribution-rules.png`, fullPage: true });

  // A rule's page: conditions, and each salesperson's rights as checkboxes.
  await rules.nth(0).getByRole("link", { name: "北京地区" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("北京地区");
  await expect(page.getByRole("checkbox", { name: "王磊 可修改需求" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "李娜 可修改需求" })).not.toBeChecked();
  await page.screenshot({ path: "test-results/screenshots/distribution-rule-detail.png", fullPage: true });

  // Three leads of her own: Beijing, Shanghai, and somewhere no rule names.
  await createLead(page, `北京星辰${stamp}`, "北京市");
  await createLead(page, `上海东方${stamp}`, "上海");
  await createLead(page, `广州南方${stamp}`, "广东省");

  // Select them in the inbox and preview the rules.
  await page.goto(`/crm/leads?tab=all&q=${stamp}`);
  await expect(page.getByRole("row").filter({ hasText: stamp })).toHaveCount(3);
  await page.getByRole("checkbox", { name: "选择本页全部线索" }).check();
  await expect(page.getByText("已选 3 条")).toBeVisible();
  await page.getByRole("button", { name: "按规则分发" }).click();
  await page.screenshot({ path: "test-results/screenshots/distribution-inbox.png", fullPage: true });
  await page.getByRole("button", { name: "预览分发结果" }).click();

  const dialog = page.getByRole("dialog", { name: "分发预览" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("选中的 3 条线索中，3 条将按下列规则分发");
  await expect(dialog.getByRole("region", { name: "北京地区" })).toContainText("1");
  await expect(dialog.getByRole("region", { name: "北京地区" })).toContainText("王磊");
  await expect(dialog.getByRole("region", { name: "上海地区" })).toContainText("陈静");
  await expect(dialog.getByRole("region", { name: "其它地区" })).toContainText(`广州南方${stamp}`);
  await page.screenshot({ path: `${SHOTS_DIR}/distribution-preview.png` });

  await dialog.getByRole("button", { name: "确认分发 3 条" }).click();
  await expect(page).toHaveURL(/\/crm\/leads\/batches\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("按规则分发");
  await expect(page.getByText("已处理 3 / 3 条")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("已完成").first()).toBeVisible();
  await expect(page.getByText("按「北京地区」分发")).toBeVisible();
  await expect(page.getByText("按「其它地区」分发")).toBeVisible();
  await page.screenshot({ path: `${SHOTS_DIR}/distribution-batch.png`, fullPage: true });

  // The Beijing lead's history names the distribution and its salespeople.
  await page.goto(`/crm/leads?tab=all&q=${encodeURIComponent(`北京星辰${stamp}`)}`);
  await page
    .getByRole("link", { name: `北京星辰${stamp}` })
    .first()
    .click();
  await expect(page.getByText("王磊").first()).toBeVisible();
});
