import { expect, test } from "@playwright/test";
import { memberPage } from "./support/sign-in.ts";

// Issue #14 item 11: after "回复已发送。" the reply box on a zone service request is empty again, text
// and file alike, so nothing invites sending the same reply twice.

const REQUESTER = "zone-a-user@relay-demo.cn";

test.describe.configure({ timeout: 120_000 });

test("a sent reply clears the reply box and its file", async ({ browser }) => {
  const page = await memberPage(browser, REQUESTER);

  await page.goto("/zone/requests/new");
  await page.getByRole("radio", { name: "问题", exact: true }).check();
  await page.getByLabel("主题").fill(`回复后清空 ${Date.now().toString(36)}`);
  await expect(page.getByRole("toolbar", { name: "格式工具栏" }).first()).toBeVisible();
  await page.getByRole("textbox", { name: "问题描述" }).fill("请问保养周期是多久？");
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page).toHaveURL(/\/zone\/requests\/\d+/);

  await expect(page.getByRole("toolbar", { name: "格式工具栏" }).first()).toBeVisible();
  const reply = page.getByRole("textbox", { name: "回复内容" });
  await reply.fill("补充：设备型号 SY3240。");
  const files = page.locator("#reply-attachments");
  await files.setInputFiles({ name: "nameplate.txt", mimeType: "text/plain", buffer: Buffer.from("SY3240") });
  await page.getByRole("button", { name: "发送回复" }).click();

  await expect(page.getByRole("status")).toHaveText("回复已发送。");
  await expect(page.getByText("补充：设备型号 SY3240。")).toBeVisible();
  await expect(reply).toHaveText("");
  await expect.poll(() => files.evaluate((input: HTMLInputElement) => input.files?.length ?? 0)).toBe(0);
  await page.context().close();
});
