import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { createDb } from "#app/lib/db.server.ts";
import { seedDemoMatching } from "#prisma/seed/demo-matching.ts";
import { ADMIN, signIn } from "./helpers.ts";

// 查找此人 (/crm/match): the seed's example "刘强 深圳 liu@xyz.com" finds 刘志强 of 深圳讯驰科技 first,
// as the same person, with the evidence; the JSON endpoint answers the same.

test.beforeAll(async () => {
  // The demo people for matching (idempotent), in this run's e2e database.
  const base = process.env.DATABASE_URL ?? execFileSync("bash", ["scripts/db.sh", "url"]).toString().trim();
  const db = createDb(`${base.slice(0, base.lastIndexOf("/"))}/${process.env.E2E_DB ?? "relay_e2e"}`);
  try {
    await seedDemoMatching(db);
  } finally {
    await db.$disconnect();
  }
});

test("find this person: the seed example in the box and through the API", async ({ page }) => {
  await signIn(page, ADMIN.email);
  await page.goto("/crm/match");
  await expect(page.getByRole("heading", { name: "查找此人", level: 1 })).toBeVisible();
  await page.getByLabel("要查找的人").fill("刘强 深圳 liu@xyz.com");
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page).toHaveURL(/\/crm\/match\?q=/);

  const results = page.getByRole("list", { name: "可能是此人" });
  const first = results.getByRole("listitem").first();
  await expect(first).toContainText("刘志强");
  await expect(first).toContainText("同一人");
  await expect(first).toContainText("邮箱完全一致");
  await expect(first.getByRole("meter")).toHaveAttribute("aria-valuenow", /^(8\d|9\d|100)$/);
  // The namesake in 深圳, the homophone 柳强 and the namesake in 北京 follow (≥ 4 ranked rows).
  expect(await results.locator(":scope > li").count()).toBeGreaterThanOrEqual(4);
  await expect(results).toContainText("柳强");
  await page.setViewportSize({ width: 1280, height: 1100 });
  await page.screenshot({ path: "docs/screenshots/matching-find-person.png", fullPage: true });

  const api = await page.request.get(`/crm/api/contacts/match?q=${encodeURIComponent("刘强 深圳 liu@xyz.com")}`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { candidates: Array<{ name: string; verdict: string }> };
  expect(body.candidates[0]).toMatchObject({ name: "刘志强", verdict: "same" });
});

test("a sales manager finds the match another team owns, shown as name and owner only", async ({ page }) => {
  // 王磊 (华北 sales manager, contacts × browse: team); 刘志强 is owned by 陈静 of 华南.
  await signIn(page, "wang.lei@relay-demo.cn");
  await page.goto(`/crm/match?q=${encodeURIComponent("刘强 深圳 liu@xyz.com")}`);
  const first = page.getByRole("list", { name: "可能是此人" }).getByRole("listitem").first();
  await expect(first).toContainText("刘志强");
  await expect(first).toContainText("负责人：陈静");
  await expect(first).toContainText("同一人");
  await expect(first).toContainText(/9\d%/);
  await expect(first).not.toContainText("liu@xyz.com");
  await expect(first).not.toContainText("13902661088");
  await expect(first).not.toContainText("讯驰");

  const api = await page.request.get(`/crm/api/contacts/match?q=${encodeURIComponent("刘强 深圳 liu@xyz.com")}`);
  const body = (await api.json()) as { candidates: Array<Record<string, unknown>> };
  expect(body.candidates[0]).toEqual({
    visible: false,
    id: expect.any(Number),
    name: "刘志强",
    owner: "陈静",
    score: expect.any(Number),
    verdict: "same",
  });
});
