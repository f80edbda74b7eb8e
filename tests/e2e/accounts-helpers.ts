import { expect, type Page } from "@playwright/test";

// Steps the accounts specs share (merge-bin, accounts-journey): entering a contact through the form
// (saving it anyway when the matcher flags it) and adding a note on its activity tab.

/** Enters a contact; returns its id and whether the matcher flagged it before it was saved. */
export async function newContact(page: Page, person: { family: string; given: string; email: string }) {
  await page.goto("/crm/contacts/new");
  await page.getByRole("textbox", { name: "姓", exact: true }).fill(person.family);
  await page.getByRole("textbox", { name: /^名/ }).fill(person.given);
  await page.getByRole("textbox", { name: /^邮箱/ }).fill(person.email);
  await page.getByRole("button", { name: "检查并保存" }).click();
  // Either the contact is saved (its page opens) or the matcher flags it: wait for one of the two,
  // then save the flagged one anyway.
  const notDuplicate = page.getByLabel("不是重复，仍然保存");
  const saved = () => /\/crm\/contacts\/\d+$/.test(new URL(page.url()).pathname);
  await expect(async () => {
    if (!saved()) await expect(notDuplicate).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  const flagged = !saved();
  if (flagged) {
    await notDuplicate.check();
    await page.getByRole("button", { name: "检查并保存" }).click();
  }
  await expect(page).toHaveURL(/\/crm\/contacts\/\d+$/);
  return { id: Number(new URL(page.url()).pathname.split("/").pop()), flagged };
}

export async function addNote(page: Page, contactId: number, body: string) {
  await page.goto(`/crm/contacts/${contactId}/activity`);
  await page.getByLabel("便笺内容").fill(body);
  await page.getByRole("button", { name: "添加便笺" }).click();
  await expect(page.getByText(body)).toBeVisible();
}
