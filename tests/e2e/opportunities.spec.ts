import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { ADMIN, SALES, signIn } from "./helpers.ts";

// Opportunities in full (issue #18 item 4): a salesperson creates one from a company page, adds line
// items, moves it on the kanban by dragging and by keyboard, and wins it. Its own records only (a
// stamped name), so other specs and the order they run in do not matter.

const SHOTS = process.env.OPPORTUNITY_SHOTS_DIR ?? "docs/screenshots/opportunities";

function card(page: Page, name: string): Locator {
  return page.getByTestId("board-card").filter({ hasText: name });
}

function column(page: Page, stage: string): Locator {
  return page.getByRole("region", { name: stage });
}

async function drag(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + 20, a.y + 12);
  await page.mouse.down();
  // Small steps first: the pointer sensor starts the drag after 6 px.
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(a.x + 20 + ((b.x + 60 - a.x - 20) * i) / 12, a.y + 12 + ((b.y + 80 - a.y - 12) * i) / 12);
  }
  await page.mouse.up();
}

test("create from a company, add items, move on the kanban by drag and by keyboard, win it", async ({ page }) => {
  test.setTimeout(120_000);
  const name = `空压机站改造 ${Date.now().toString(36)}`;
  await signIn(page, SALES.email);

  // A company of 李娜's: its 机会 tab offers 新建机会, prefilled with the company.
  await page.goto("/crm/companies");
  const companyHref = (
    await page.locator('a[href^="/crm/companies/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))
  ).find((href) => /^\/crm\/companies\/\d+$/.test(href));
  await page.goto(`${companyHref}/opportunities`);
  await page.getByRole("link", { name: "新建机会" }).click();
  await expect(page).toHaveURL(/\/crm\/opportunities\/new\?company=\d+$/);
  const companyId = companyHref!.split("/").pop()!;
  // The select by its role: while the new page renders, a name-only lookup can land on another element
  // named 单位 (the sidebar's link), which has no value.
  await expect(page.getByRole("combobox", { name: "单位", exact: true })).toHaveValue(companyId);
  await page.getByLabel("机会名称").fill(name);
  await page.getByRole("button", { name: "创建机会" }).click();
  await expect(page).toHaveURL(/\/crm\/opportunities\/\d+(\?.*)?$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const detail = new URL(page.url()).pathname;

  // Two line items: the amount follows them to the fen.
  await page.goto(`${detail}/items`);
  const product = page.getByLabel("产品");
  const options = await product.locator("option").allTextContents();
  await product.selectOption({ index: 0 });
  await page.getByLabel("数量").last().fill("2");
  await page.getByRole("button", { name: "添加产品" }).click();
  await expect(page.getByText("已创建。")).toBeVisible();
  await page.getByLabel("产品").selectOption({ index: Math.min(1, options.length - 1) });
  await page.getByLabel("数量").last().fill("3");
  await page.getByLabel("折扣（%）").last().fill("5");
  await page.getByRole("button", { name: "添加产品" }).click();
  await expect(page.getByRole("form")).toHaveCount(2);
  const sum = await page.getByTestId("items-sum").textContent();
  await expect(page.getByTestId("opportunity-amount")).toHaveText(sum!);

  // The board, filtered to this opportunity: drag it from 线索收集 to 资格认证 …
  await page.goto(`/crm/opportunities/board?q=${encodeURIComponent(name)}`);
  await expect(column(page, "线索收集").getByTestId("board-card")).toHaveCount(1);
  await drag(page, card(page, name), column(page, "资格认证"));
  await expect(page.getByTestId("board-status")).toHaveText(`已把 ${name} 移到 资格认证`);
  await expect(column(page, "资格认证").getByTestId("board-card")).toHaveCount(1);
  await expect(column(page, "资格认证").getByTestId("column-sum")).toContainText("1 个");

  // … then by keyboard: focus the card and press → to reach 方案报价.
  await card(page, name).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("board-status")).toHaveText(`已把 ${name} 移到 方案报价`);
  await expect(column(page, "方案报价").getByTestId("board-card")).toHaveCount(1);
  await expect(card(page, name)).toBeFocused();

  // Win it with the card's move menu.
  await card(page, name).getByRole("combobox").selectOption({ label: "结案/成功" });
  await card(page, name).getByRole("button", { name: "移到阶段" }).click();
  await expect(page.getByTestId("board-status")).toHaveText(`已把 ${name} 移到 结案/成功`);
  await expect(column(page, "结案/成功").getByTestId("board-card")).toHaveCount(1);
  await expect(column(page, "结案/成功").getByTestId("column-sum")).toContainText(sum!);

  // The record says so, and its history has the three moves with who made them.
  await page.goto(detail);
  await expect(page.getByText("可能性 100%")).toBeVisible();
  await page.goto(`${detail}/history`);
  await expect(page.getByText(`${SALES.name} 把阶段从 方案报价 改为 结案/成功`, { exact: false })).toBeVisible();
  await expect(page.getByText(`${SALES.name} 把阶段从 线索收集 改为 资格认证`, { exact: false })).toBeVisible();
});

const DEVICES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

async function screenshots(browser: Browser, locale: "zh-CN" | "en", device: keyof typeof DEVICES) {
  const context = await browser.newContext({ viewport: DEVICES[device] });
  const page = await context.newPage();
  await signIn(page, ADMIN.email);
  const base = test.info().project.use.baseURL!;
  await context.request.post(`${base}/locale`, { form: { locale, redirectTo: "/crm" }, maxRedirects: 0 });
  const shot = async (name: string, path: string) => {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `${SHOTS}/${name}-${locale === "en" ? "en" : "zh"}-${device}.png`, fullPage: true });
  };
  await shot("board", "/crm/opportunities/board");
  await shot("list", "/crm/opportunities");
  // A demo opportunity with items, a team and competitors (prisma/seed/demo-opportunities.ts).
  await page.goto(`/crm/opportunities?q=${encodeURIComponent("螺杆空压机站改造")}`);
  const href = (
    await page
      .locator('a[href^="/crm/opportunities/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))
  ).find((h) => /^\/crm\/opportunities\/\d+$/.test(h));
  await shot("detail", href!);
  await shot("detail-items", `${href}/items`);
  await shot("detail-competitors", `${href}/competitors`);
  await context.close();
}

test("screenshots of the kanban and the detail in both languages, desktop and phone", async ({ browser }) => {
  test.setTimeout(240_000);
  for (const locale of ["zh-CN", "en"] as const) {
    for (const device of ["desktop", "phone"] as const) await screenshots(browser, locale, device);
  }
});
