import { expect, test } from "@playwright/test";
import type { Db } from "#app/lib/db.server.ts";
import { e2eDb } from "./support/db.ts";
import { memberSession } from "./support/sign-in.ts";

// Issue #18 item 3 (decision 040): a member browses the catalog, finds a product by its pinyin
// initials, opens its page (tier prices), adds it to the basket, saves the basket as a 自助预算,
// changes the basket, reopens the saved one and deletes it. Only this spec's own saved basket is
// written (removed again in afterAll); the current basket is a cookie of this browser context.

const MEMBER = "customer@relay-demo.cn";
const SKU = "BAL-SY3240";
const BASKET_NAME = `E2E 预算 ${Date.now().toString(36)}`;

let db: Db;

test.beforeAll(() => {
  db = e2eDb();
});

test.afterAll(async () => {
  await db.savedBasket.deleteMany({ where: { name: BASKET_NAME } });
  await db.$disconnect();
});

test("browse → product page → add → basket → save → reopen → delete", async ({ page }) => {
  test.setTimeout(120_000);
  const product = await db.product.findUniqueOrThrow({ where: { sku: SKU } });
  await memberSession(page, MEMBER);

  // Browse from the portal navigation, then search by pinyin initials (平衡机 → phj).
  await page.goto("/");
  await page.getByRole("link", { name: "产品目录" }).first().click();
  await expect(page).toHaveURL(/\/products$/);
  await page.getByLabel("搜索产品").fill("phj");
  await page.getByLabel("搜索产品").press("Enter");
  await expect(page).toHaveURL(/q=phj/);
  await expect(page.getByRole("status")).toContainText("phj");
  // Its demo picture shows on the card (decision 049).
  await expect(page.getByRole("img", { name: product.name, exact: true })).toBeVisible();
  await page.getByRole("link", { name: product.name, exact: true }).click();

  // The product page: specifications and the member's tier prices.
  await expect(page).toHaveURL(new RegExp(`/products/${SKU}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(product.name);
  await expect(page.getByTestId("tier-table")).toBeVisible();
  const picture = page.getByTestId("product-gallery").getByRole("img");
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.getByLabel("数量").fill("2");
  await page.getByRole("button", { name: "加入购物车" }).click();

  // The order page starts from the basket.
  await expect(page).toHaveURL(/\/order/);
  await expect(page.getByText("已加入购物车。")).toBeVisible();
  const quantity = page.getByLabel(`${product.name} 的数量`, { exact: true });
  await expect(quantity).toHaveValue("2");

  // "下载 PDF" renders the basket on the server.
  const pdfHref = await page.getByRole("link", { name: "下载 PDF" }).getAttribute("href");
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Save it as a budget.
  await page.getByLabel("预算名称").fill(BASKET_NAME);
  await page.getByRole("button", { name: "保存预算" }).click();
  await expect(page).toHaveURL(/basket=\d+/);
  await expect(page.getByText(`已打开预算“${BASKET_NAME}”。`)).toBeVisible();
  const saved = page.getByRole("region", { name: "我的预算" });
  await expect(saved).toContainText(BASKET_NAME);

  // Change the basket without saving, then reopen the saved one: its quantity comes back.
  await page.goto("/order");
  await quantity.fill("7");
  await page.getByRole("link", { name: `打开预算“${BASKET_NAME}”` }).click();
  await expect(page).toHaveURL(/basket=\d+/);
  await expect(quantity).toHaveValue("2");

  // Delete it.
  await page.getByRole("button", { name: `删除预算“${BASKET_NAME}”` }).click();
  await expect(page.getByText("预算已删除。")).toBeVisible();
  await expect(page.getByRole("link", { name: `打开预算“${BASKET_NAME}”` })).toHaveCount(0);
  expect(await db.savedBasket.count({ where: { name: BASKET_NAME } })).toBe(0);
});
