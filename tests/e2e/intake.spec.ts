import { compileErrors, validate } from "@readme/openapi-parser";
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { Db } from "#app/lib/db.server.ts";
import { hitRateLimit } from "#app/modules/auth/rate-limit.server.ts";
import { createChannelKey } from "#app/modules/leads/intake/channel-keys.server.ts";
import { INTAKE_API_LIMITS } from "#app/modules/leads/intake/intake-api.server.ts";
import { e2eDb } from "./support/db.ts";

// The public intake API over real HTTP against the production build (statuses, CORS, React Router's
// action Origin check not getting in the way), and a visitor submitting 在线需求 in Chromium.

const PARTNER = "https://www.partner-demo.cn";
const STRANGER = "https://stranger.example";

let db: Db;
let channel: { categoryId: number; key: string; keyId: number };
let serial = 0;

function lead(extra: Record<string, unknown> = {}) {
  serial++;
  return {
    contact: { name: `接口客户${serial}`, mobile: `1371234${String(1000 + serial)}` },
    company: { name: `接口测试${serial}有限公司`, city: "上海" },
    requirement: `通过接口提交的需求 ${serial}`,
    ...extra,
  };
}

function post(api: APIRequestContext, body: unknown, headers: Record<string, string> = {}) {
  return api.post("/api/v1/leads", {
    headers: { Authorization: `Bearer ${channel.key}`, "Content-Type": "application/json", ...headers },
    // A Buffer goes out byte for byte (Playwright would re-encode a string that is not valid JSON).
    data: Buffer.from(typeof body === "string" ? body : JSON.stringify(body)),
  });
}

test.beforeAll(async () => {
  db = e2eDb();
  const designated = await db.staff.findUniqueOrThrow({ where: { email: "sales@relay-demo.cn" } });
  const category = await db.registrationCategory.create({
    data: {
      code: `E2E-API-${Date.now().toString(36)}`,
      name: "合作伙伴网站（端到端测试）",
      kind: "requirement",
      designatedStaffId: designated.id,
      allowedOrigins: `${PARTNER}\nhttp://localhost:5173`,
    },
  });
  const key = await createChannelKey(db, { categoryId: category.id, name: "e2e", createdById: null });
  channel = { categoryId: category.id, key: key.key, keyId: key.id };
});

test.afterAll(async () => {
  await db.$disconnect();
});

test.describe("intake API over HTTP", () => {
  test("401 without or with a bad key, with WWW-Authenticate", async ({ request }) => {
    const missing = await request.post("/api/v1/leads", { data: lead() });
    expect(missing.status()).toBe(401);
    expect(missing.headers()["www-authenticate"]).toBe("Bearer");
    expect(await missing.json()).toMatchObject({ error: "invalid_channel_key" });

    const bad = await request.post("/api/v1/leads", {
      headers: { Authorization: "Bearer rk_aaaaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaa" },
      data: lead(),
    });
    expect(bad.status()).toBe(401);
    expect(bad.headers()["www-authenticate"]).toContain("invalid_token");
  });

  test("415 for a non-JSON body, 400 for malformed JSON", async ({ request }) => {
    const form = await request.post("/api/v1/leads", {
      headers: { Authorization: `Bearer ${channel.key}` },
      form: { name: "王" },
    });
    expect(form.status()).toBe(415);
    const malformed = await post(request, '{"contact": {');
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error).toBe("malformed_json");
  });

  test("422 with translated field errors, including 联系人@单位", async ({ request }) => {
    const zh = await post(request, { requirement: "没有联系人" }, { "Accept-Language": "zh-CN,zh;q=0.9" });
    expect(zh.status()).toBe(422);
    const zhBody = (await zh.json()) as { errors: Record<string, string[]> };
    expect(zhBody.errors.contact?.[0]).toContain("联系人@单位");

    const en = await post(request, { contact: { email: "nope" } }, { "Accept-Language": "en-GB" });
    expect(en.status()).toBe(422);
    const enBody = (await en.json()) as { errors: Record<string, string[]> };
    expect(enBody.errors["contact.email"]?.[0]).toMatch(/valid e-mail/i);
  });

  test("201 on creation, then 200 with the same body for a replayed Idempotency-Key", async ({ request }) => {
    const headers = { "Idempotency-Key": `e2e-${Date.now()}` };
    const payload = lead();
    const first = await post(request, payload, headers);
    expect(first.status()).toBe(201);
    // The public answer is the id and status (issue #13); who got the lead stays inside the CRM.
    const created = (await first.json()) as { id: number; status: string };
    expect(created).toEqual({ id: expect.any(Number), status: "created" });
    const stored = await db.lead.findUniqueOrThrow({ where: { id: created.id }, include: { owner: true } });
    expect(stored.owner.name).toBe("李娜");
    expect(stored.routedBy).toBe("default_owner");

    const replay = await post(request, payload, headers);
    expect(replay.status()).toBe(200);
    expect(await replay.json()).toEqual({ id: created.id, status: "replayed" });

    // The same key with another body names a different submission: refused, nothing stored.
    const reused = await post(request, lead(), headers);
    expect(reused.status()).toBe(422);
    expect(((await reused.json()) as { error: string }).error).toBe("idempotency_key_reused");
    expect(await db.lead.count({ where: { categoryId: channel.categoryId, idempotencyKey: { not: null } } })).toBe(1);
  });

  test("CORS preflight: 204 for an allowed origin, 403 for a refused one", async ({ request }) => {
    const allowed = await request.fetch("/api/v1/leads", {
      method: "OPTIONS",
      headers: {
        Origin: PARTNER,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type,idempotency-key",
      },
    });
    expect(allowed.status()).toBe(204);
    expect(allowed.headers()["access-control-allow-origin"]).toBe(PARTNER);
    expect(allowed.headers()["access-control-allow-methods"]).toBe("POST, OPTIONS");
    expect(allowed.headers()["access-control-allow-headers"]).toBe("Authorization, Content-Type, Idempotency-Key");
    expect(allowed.headers()["vary"]).toContain("Origin");

    const refused = await request.fetch("/api/v1/leads", {
      method: "OPTIONS",
      headers: { Origin: STRANGER, "Access-Control-Request-Method": "POST" },
    });
    expect(refused.status()).toBe(403);
    expect(refused.headers()["access-control-allow-origin"]).toBeUndefined();
  });

  test("a cross-origin POST from an allowed site is not blocked by React Router's Origin check", async ({
    request,
  }) => {
    const response = await post(request, lead(), { Origin: PARTNER });
    expect(response.status()).toBe(201);
    expect(response.headers()["access-control-allow-origin"]).toBe(PARTNER);
    expect(response.headers()["vary"]).toContain("Origin");

    const refused = await post(request, lead(), { Origin: STRANGER });
    expect(refused.status()).toBe(403);
    expect(refused.headers()["access-control-allow-origin"]).toBeUndefined();
  });

  test("429 with Retry-After once a key has used its minute", async ({ request }) => {
    test.setTimeout(90_000);
    const busy = await createChannelKey(db, { categoryId: channel.categoryId, name: "busy", createdById: null });
    // Use up the key's allowance directly in the shared counter rather than with 600 HTTP calls.
    for (let batch = 0; batch < INTAKE_API_LIMITS.perKey.limit / 5; batch++) {
      await Promise.all(Array.from({ length: 5 }, () => hitRateLimit(db, INTAKE_API_LIMITS.perKey, String(busy.id))));
    }
    const response = await request.post("/api/v1/leads", {
      headers: { Authorization: `Bearer ${busy.key}`, "Content-Type": "application/json" },
      data: Buffer.from(JSON.stringify(lead())),
    });
    expect(response.status()).toBe(429);
    expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await response.json()).error).toBe("rate_limited");
  });

  test("GET /api/v1/leads is 405; the OpenAPI document is served and validates", async ({ request, baseURL }) => {
    const get = await request.get("/api/v1/leads");
    expect(get.status()).toBe(405);
    expect(get.headers()["allow"]).toBe("POST, OPTIONS");

    const response = await request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers[0].url).toBe(baseURL);
    const result = await validate(doc);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });
});

test.describe("portal forms", () => {
  test("a visitor submits 在线需求 and sees the success page with the lead number", async ({ page }) => {
    await page.goto("/requirements");
    await expect(page.getByRole("heading", { level: 1, name: "在线需求" })).toBeVisible();
    await page.getByLabel("需求描述").fill("需要 50 套会议室设备，本季度内交付。");
    await page.getByLabel("姓名").fill("陈晓");
    await page.getByLabel("手机").fill("13912345678");
    await page.getByLabel("单位名称").fill("晓光文化传媒有限公司");
    await page.getByRole("button", { name: "提交需求" }).click();

    await expect(page.getByRole("status")).toHaveText("提交成功");
    const number = (await page.getByTestId("lead-number").textContent())?.trim() ?? "";
    const stored = await db.lead.findUniqueOrThrow({ where: { number }, include: { owner: true, category: true } });
    expect(stored).toMatchObject({ contactName: "陈晓", source: "portal", memberId: null });
    expect(stored.category?.code).toBe("WEB-REQ");
    await expect(page.getByText(`我们的 ${stored.owner.name} 将与您联系。`)).toBeVisible();
    await expect(page.locator("main")).not.toContainText(stored.owner.email);
  });

  test("产品订购: steppers set a quantity and the order lead carries the item", async ({ page }) => {
    await page.goto("/order");
    const product = await db.product.findUniqueOrThrow({ where: { sku: "RLY-CRM-STD" } });
    const increase = page.getByRole("button", { name: `增加 ${product.name} 的数量` });
    await increase.click();
    await increase.click();
    await expect(page.getByLabel(`${product.name} 的数量`, { exact: true })).toHaveValue("2");
    await page.getByLabel("单位名称").fill("订购测试有限公司");
    // A portal lead needs a way to call back (issue #14 item 8).
    await page.getByLabel("手机").fill("13912340000");
    await page.getByRole("button", { name: "提交订单" }).click();

    await expect(page.getByRole("status")).toHaveText("提交成功");
    const number = (await page.getByTestId("lead-number").textContent())?.trim() ?? "";
    const stored = await db.lead.findUniqueOrThrow({ where: { number }, include: { items: true, category: true } });
    expect(stored.category?.code).toBe("WEB-ORDER");
    expect(stored.items.map((i) => ({ sku: i.sku, quantity: i.quantity }))).toEqual([
      { sku: "RLY-CRM-STD", quantity: 2 },
    ]);
  });

  test("a signed-in member finds their details filled in and the lead linked to them", async ({ page }) => {
    const signIn = await page.request.post("/login", {
      form: { email: "customer@relay-demo.cn", password: "Relay-member-2026" },
      maxRedirects: 0,
    });
    expect(signIn.status()).toBe(302);
    const member = await db.member.findUniqueOrThrow({ where: { email: "customer@relay-demo.cn" } });

    await page.goto("/requirements");
    await expect(page.getByRole("heading", { name: "已按会员资料自动填写" })).toBeVisible();
    await expect(page.getByLabel("电子邮箱")).toHaveValue(member.email);
    if (member.realName) await expect(page.getByLabel("姓名")).toHaveValue(member.realName);
    await page.getByLabel("需求描述").fill("会员提交：续订 20 个标准版许可。");
    await page.getByRole("button", { name: "提交需求" }).click();

    await expect(page.getByRole("status")).toHaveText("提交成功");
    const number = (await page.getByTestId("lead-number").textContent())?.trim() ?? "";
    const stored = await db.lead.findUniqueOrThrow({ where: { number } });
    expect(stored).toMatchObject({ memberId: member.id, contactEmail: member.email });
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("来宾登记 shows field errors next to the fields, then succeeds", async ({ page }) => {
      await page.goto("/guest-registration");
      await page.getByLabel("职务").fill("市场总监");
      await page.getByRole("button", { name: "提交登记" }).click();
      await expect(page.getByText("提交未成功，请修改标出的内容后再试。")).toBeVisible();
      await expect(page.getByText("联系人@单位").first()).toBeVisible();
      await expect(page.getByText("请至少填写电子邮箱、手机或办公电话中的一项").first()).toBeVisible();
      await expect(page.getByLabel("职务")).toHaveValue("市场总监");

      await page.getByLabel("电子邮箱").fill("not-an-email");
      await page.getByRole("button", { name: "提交登记" }).click();
      await expect(page.locator("#contact\\.email-error")).toHaveText("请输入有效的邮箱地址。");

      await page.getByLabel("电子邮箱").fill("guest.e2e@example.cn");
      await page.getByRole("button", { name: "提交登记" }).click();
      await expect(page.getByRole("status")).toHaveText("提交成功");
      await expect(page.getByTestId("lead-number")).not.toBeEmpty();
    });
  });
});
