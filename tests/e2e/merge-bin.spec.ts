import { expect, test } from "@playwright/test";
import { addNote, newContact } from "./accounts-helpers";
import { ADMIN, signIn } from "./helpers";

// Merge and recycle bin (#15): a sales manager enters a contact twice, merges the copy into the
// original and sees both records' notes on the survivor; an administrator deletes a company with
// its contacts, finds it in the recycle bin and restores it with them.

const MANAGER = "wang.lei@relay-demo.cn";

test("merge a duplicate contact, then bin and restore a company with its contacts", async ({ page }) => {
  test.setTimeout(120_000);
  const n = Date.now() % 100000;
  const email = `merge${n}@example.com`;

  await signIn(page, MANAGER);
  const original = (await newContact(page, { family: "合", given: `并${n}`, email })).id;
  await addNote(page, original, `原记录备注${n}`);
  const copy = (await newContact(page, { family: "合", given: `并${n}`, email })).id;
  expect(copy).not.toBe(original);
  await addNote(page, copy, `重复记录备注${n}`);

  await page.goto(`/crm/merge?entity=contact&ids=${original},${copy}`);
  await expect(page.getByRole("heading", { level: 1, name: "合并联系人" })).toBeVisible();
  await page.getByRole("button", { name: "合并", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/crm/contacts/${original}`));
  await expect(page.getByText(/已合并/)).toBeVisible();
  await page.goto(`/crm/contacts/${original}/activity`);
  await expect(page.getByText(`原记录备注${n}`)).toBeVisible();
  await expect(page.getByText(`重复记录备注${n}`)).toBeVisible();
  // The copy is gone from everywhere but the bin.
  const gone = await page.goto(`/crm/contacts/${copy}`);
  expect(gone?.status()).toBe(404);

  // An administrator bins a company with its contacts and restores both.
  await page.context().clearCookies();
  await signIn(page, ADMIN.email);
  await page.goto("/crm/companies?q=" + encodeURIComponent("西安星辰"));
  await page
    .getByRole("table")
    .getByRole("link", { name: /西安星辰/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/crm\/companies\/\d+$/);
  const companyUrl = page.url();
  await page.goto(`${companyUrl}/contacts`);
  const contactRows = await page.getByRole("table").getByRole("row").count();
  expect(contactRows).toBeGreaterThan(1);

  await page.goto(companyUrl);
  await page.getByTestId("record-actions").locator("summary").click();
  await page.getByLabel("同时删除该单位的联系人（还原单位时一并还原）").check();
  await page.getByRole("button", { name: "删除", exact: true }).click();
  await expect(page).toHaveURL(/\/crm\/companies(\?|$)/);
  await expect(page.getByText("已移入回收站。")).toBeVisible();
  expect((await page.goto(companyUrl))?.status()).toBe(404);

  await page.goto("/crm/recycle-bin?type=company");
  const row = page.getByRole("row", { name: /西安星辰/ });
  await expect(row).toContainText("周明");
  await row.getByRole("button", { name: "还原" }).click();
  await expect(page.getByText("已从回收站还原。")).toBeVisible();
  expect((await page.goto(companyUrl))?.status()).toBe(200);
  await page.goto(`${companyUrl}/contacts`);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(contactRows);
});
