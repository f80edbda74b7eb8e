import { execFileSync } from "node:child_process";
import { expect, test, type Browser } from "@playwright/test";
import { createDb } from "#app/lib/db.server.ts";
import { companyNameKey } from "#app/modules/crm/match-keys.ts";
import { seedDemoMatching } from "#prisma/seed/demo-matching.ts";
import { addNote, newContact } from "./accounts-helpers.ts";
import { ADMIN, signIn } from "./helpers.ts";

// Accounts and contacts (#15), "What it must show" as one journey: a sales manager searches
// "刘强 深圳 liu@xyz.com", sees the 96 % match another rep owns (name and owner only) and asks for
// access; enters a contact the matcher flags, merges it into the existing one and finds both
// histories on the survivor; an administrator bins a company with its contacts from the list's bulk
// actions, finds it in the recycle bin and restores it whole. Then screenshots of the lists and the
// 360° pages in both languages at desktop and phone width (taken first, so they show the demo data
// only). Everything it creates is binned again in afterAll and its access request removed, so other
// specs see the demo organisation as before.

const MANAGER = "wang.lei@relay-demo.cn";
const QUERY = "刘强 深圳 liu@xyz.com";
const SHOTS = process.env.ACCOUNTS_SHOTS_DIR ?? "docs/screenshots/accounts";
const n = Date.now() % 100_000;
const COMPANY = `接力联调${n}有限公司`;

function e2eDb() {
  const base = process.env.DATABASE_URL ?? execFileSync("bash", ["scripts/db.sh", "url"]).toString().trim();
  return createDb(`${base.slice(0, base.lastIndexOf("/"))}/${process.env.E2E_DB ?? "relay_e2e"}`);
}

const created = { contacts: [] as number[], companyId: 0, requestSince: new Date() };

test.beforeAll(async () => {
  const db = e2eDb();
  try {
    await seedDemoMatching(db); // the demo people for matching (idempotent)
  } finally {
    await db.$disconnect();
  }
});

/** A company of our own with two contacts, to bin and restore (made when the journey starts). */
async function companyWithContacts() {
  const db = e2eDb();
  try {
    const admin = await db.staff.findUniqueOrThrow({ where: { email: ADMIN.email } });
    const company = await db.company.create({
      data: { number: `ACNTE2E${n}`, name: COMPANY, nameKey: companyNameKey(COMPANY), ownerId: admin.id },
    });
    created.companyId = company.id;
    for (const [i, given] of ["一", "二"].entries()) {
      const contact = await db.contact.create({
        data: {
          number: `CONTE2E${n}${i}`,
          familyName: "联",
          givenName: `${given}${n}`,
          fullName: `联${given}${n}`,
          companyId: company.id,
          ownerId: admin.id,
        },
      });
      created.contacts.push(contact.id);
    }
  } finally {
    await db.$disconnect();
  }
}

test.afterAll(async () => {
  const db = e2eDb();
  try {
    const manager = await db.staff.findUniqueOrThrow({ where: { email: MANAGER } });
    await db.accessRequest.deleteMany({ where: { requesterId: manager.id, createdAt: { gte: created.requestSince } } });
    const binned = { deletedAt: new Date() };
    await db.contact.updateMany({ where: { id: { in: created.contacts }, deletedAt: null }, data: binned });
    await db.company.updateMany({ where: { id: created.companyId, deletedAt: null }, data: binned });
  } finally {
    await db.$disconnect();
  }
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
    await page.screenshot({
      path: `${SHOTS}/crm-${name}-${locale === "en" ? "en" : "zh"}-${device}.png`,
      fullPage: true,
    });
  };
  await shot("companies", "/crm/companies");
  await shot("contacts", "/crm/contacts");
  // A demo company with a zone, contacts and a subsidiary, and its first contact. Links are read by
  // their address: on a phone the table is restyled as cards.
  const hrefs = async (prefix: string, pattern: RegExp) =>
    (
      await page.locator(`a[href^="${prefix}"]`).evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))
    ).filter((href) => pattern.test(href));
  await page.goto(`/crm/companies?q=${encodeURIComponent("沈阳恒通")}`);
  const [company] = await hrefs("/crm/companies/", /^\/crm\/companies\/\d+$/);
  await shot("company-overview", company!);
  await shot("company-organisation", `${company}/organisation`);
  await shot("company-contacts", `${company}/contacts`);
  const [contact] = await hrefs("/crm/contacts/", /^\/crm\/contacts\/\d+$/);
  await shot("contact-overview", contact!);
  await shot("contact-activity", `${contact}/activity`);
  await context.close();
}

test("screenshots of the lists and 360° pages in both languages, desktop and phone", async ({ browser }) => {
  test.setTimeout(240_000);
  for (const locale of ["zh-CN", "en"] as const) {
    for (const device of ["desktop", "phone"] as const) await screenshots(browser, locale, device);
  }
});

test("find, ask for access, merge a flagged duplicate, bin and restore a company", async ({ page }) => {
  test.setTimeout(180_000);
  created.requestSince = new Date();
  await companyWithContacts();

  // 1. 王磊 (华北, contacts × team) finds 刘志强, owned by 陈静 of 华南: name and owner only.
  await signIn(page, MANAGER);
  await page.goto("/crm/match");
  await page.getByLabel("要查找的人").fill(QUERY);
  await page.getByRole("button", { name: "查找" }).click();
  const first = page.getByRole("list", { name: "可能是此人" }).getByRole("listitem").first();
  await expect(first).toContainText("刘志强");
  await expect(first).toContainText("负责人：陈静");
  await expect(first).toContainText(/9\d%/);
  for (const hidden of ["liu@xyz.com", "13902661088", "讯驰"]) await expect(first).not.toContainText(hidden);
  await first.getByRole("link", { name: "申请访问" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "申请访问" })).toBeVisible();
  await expect(page.getByText("刘志强")).toBeVisible();
  await page.getByLabel("说明（可选）").fill("客户来电，想确认是否同一人");
  await page.getByRole("button", { name: "发送申请" }).click();
  await expect(page.getByText("申请已发送，负责人处理后会通知您。")).toBeVisible();

  // 2. An existing contact, then the same person entered again: the matcher flags the second entry.
  const email = `lian${n}@example.com`;
  const person = { family: "联", given: `调${n}`, email };
  const original = await newContact(page, person);
  created.contacts.push(original.id);
  await addNote(page, original.id, `原记录的跟进${n}`);
  const copy = await newContact(page, person);
  created.contacts.push(copy.id);
  expect(copy.flagged).toBe(true);
  expect(copy.id).not.toBe(original.id);
  await addNote(page, copy.id, `重复录入的跟进${n}`);

  await page.goto(`/crm/merge?entity=contact&ids=${original.id},${copy.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "合并联系人" })).toBeVisible();
  await page.getByRole("button", { name: "合并", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/crm/contacts/${original.id}`));
  await page.goto(`/crm/contacts/${original.id}/activity`);
  await expect(page.getByText(`原记录的跟进${n}`)).toBeVisible();
  await expect(page.getByText(`重复录入的跟进${n}`)).toBeVisible();
  expect((await page.goto(`/crm/contacts/${copy.id}`))?.status()).toBe(404);

  // 3. The administrator bins the company with its contacts from the list (bulk action) …
  await page.context().clearCookies();
  await signIn(page, ADMIN.email);
  await page.goto(`/crm/companies?q=${encodeURIComponent(COMPANY)}`);
  await page.getByRole("checkbox", { name: COMPANY }).check();
  await page.locator("summary", { hasText: "删除" }).click();
  const bin = page.locator('form[data-intent="bulk-delete"]');
  await bin.getByLabel("同时删除该单位的联系人（还原单位时一并还原）").check();
  await bin.getByRole("button", { name: "删除" }).click();
  await expect(page.getByTestId("bulk-outcome")).toHaveText("已将 1 条记录移入回收站。");
  await expect(page.getByRole("link", { name: COMPANY })).toHaveCount(0);
  const companyUrl = `/crm/companies/${created.companyId}`;
  expect((await page.goto(companyUrl))?.status()).toBe(404);

  // … finds it in the recycle bin and restores it with both contacts.
  await page.goto("/crm/recycle-bin?type=company");
  const row = page.getByRole("row", { name: new RegExp(COMPANY) });
  await expect(row).toContainText(ADMIN.name);
  await row.getByRole("button", { name: "还原" }).click();
  await expect(page.getByText("已从回收站还原。")).toBeVisible();
  expect((await page.goto(`${companyUrl}/contacts`))?.status()).toBe(200);
  for (const given of ["一", "二"]) await expect(page.getByRole("link", { name: `联${given}${n}` })).toBeVisible();
});
