import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { DICTIONARIES } from "#app/lib/i18n/translate.ts";
import { createApiChannel, intakeRequest } from "#tests/factories/intake-api.ts";
import { createIntakeProducts } from "#tests/factories/lead-intake.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  loadPortalForm,
  memberPrefill,
  portalResultInit,
  submitPortalForm,
  type PortalSubmitResult,
} from "./portal-intake.server.ts";
import { handleIntakePost } from "./intake-api.server.ts";

const IP = "198.51.100.20";
const ctx = { memberId: null, submitterIp: IP, userAgent: "vitest" };

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

let serial = 0;
function visitor(extra: Record<string, string> = {}): Record<string, string> {
  serial++;
  return {
    submissionId: crypto.randomUUID(),
    homepage: "",
    "contact.name": `访客${serial}`,
    "contact.mobile": `1390000${String(1000 + serial)}`,
    "company.name": `门户测试${serial}有限公司`,
    ...extra,
  };
}

function expectStatus<S extends PortalSubmitResult["status"]>(
  result: PortalSubmitResult,
  status: S,
): Extract<PortalSubmitResult, { status: S }> {
  expect(result.status, JSON.stringify(result)).toBe(status);
  return result as Extract<PortalSubmitResult, { status: S }>;
}

describe("portal intake forms", () => {
  beforeEach(() => resetDatabase());

  it("is unavailable (not an error) when the form's category is missing or inactive", async () => {
    expect((await loadPortalForm(db, "requirement", null)).available).toBe(false);
    expectStatus(await submitPortalForm(db, "requirement", form(visitor({ requirement: "x" })), ctx), "unavailable");
    await createApiChannel(db, { code: "WEB-REQ", active: false });
    expect((await loadPortalForm(db, "requirement", null)).available).toBe(false);
    expect(await db.lead.count()).toBe(0);
    expect(portalResultInit({ status: "unavailable" }).status).toBe(503);
  });

  it("creates a visitor's requirement lead and returns only the number and the owner's name", async () => {
    const { owner, category } = await createApiChannel(db, { code: "WEB-REQ" });
    const page = await loadPortalForm(db, "requirement", null);
    expect(page).toMatchObject({ available: true, prefill: {}, products: [] });
    expect(page.submissionId).toMatch(/^[0-9a-f-]{36}$/);

    const result = expectStatus(
      await submitPortalForm(db, "requirement", form(visitor({ requirement: "  需要 30 套培训设备  " })), ctx),
      "success",
    );
    expect(Object.keys(result).sort()).toEqual(["number", "ownerName", "replayed", "status"]);
    expect(result.ownerName).toBe(owner.name);
    const lead = await db.lead.findUniqueOrThrow({ where: { number: result.number } });
    expect(lead).toMatchObject({
      categoryId: category.id,
      source: "portal",
      memberId: null,
      ownerId: owner.id,
      requirement: "需要 30 套培训设备",
      submitterIp: IP,
      userAgent: "vitest",
    });
  });

  it("reports our own rule and the schema's errors together, and stores nothing", async () => {
    await createApiChannel(db, { code: "WEB-REQ" });
    const result = expectStatus(
      await submitPortalForm(
        db,
        "requirement",
        form({ submissionId: crypto.randomUUID(), requirement: "", "contact.title": "长".repeat(101) }),
        ctx,
      ),
      "invalid",
    );
    expect(result.errors.requirement).toEqual(["intake.requirements.requirementRequired"]);
    expect(result.errors["contact.title"]).toEqual(["leads.error.tooLong"]);
    expect(result.errors.contact).toEqual(["intake.form.reachableRequired", "leads.error.contactOrCompany"]);
    expect(result.values["contact.title"]).toBe("长".repeat(101));

    const email = expectStatus(
      await submitPortalForm(db, "requirement", form(visitor({ requirement: "x", "contact.email": "wrong@" })), ctx),
      "invalid",
    );
    expect(email.errors).toEqual({ "contact.email": ["leads.error.invalidEmail"] });
    expect(await db.lead.count()).toBe(0);
  });

  it("applies 联系人@单位 to the guest registration", async () => {
    await createApiChannel(db, { code: "WEB-GUEST", kind: "guest" });
    const result = expectStatus(
      await submitPortalForm(db, "guest", form({ "contact.title": "经理", requirement: "你好" }), ctx),
      "invalid",
    );
    expect(result.errors.contact).toEqual(["intake.form.reachableRequired", "leads.error.contactOrCompany"]);
    expect(result.errors.company).toEqual(["leads.error.contactOrCompany"]);
    const ok = expectStatus(await submitPortalForm(db, "guest", form(visitor()), ctx), "success");
    expect(ok.number).toMatch(/\S/);
  });

  it("issue #14 item 8: refuses a portal lead with a name only (no phone, mobile or e-mail) and stores nothing", async () => {
    await createApiChannel(db, { code: "WEB-GUEST", kind: "guest" });
    await createApiChannel(db, { code: "WEB-REQ" });
    await createApiChannel(db, { code: "WEB-ORDER", kind: "order" });
    await createIntakeProducts(db, [{ sku: "P-100", name: "标准版" }]);
    const nameOnly = {
      submissionId: crypto.randomUUID(),
      "contact.name": "王先生",
      "company.name": "无联系方式有限公司",
    };
    for (const [kind, extra] of [
      ["guest", {}],
      ["requirement", { requirement: "需要报价" }],
      ["order", { "qty.P-100": "2" }],
    ] as const) {
      const result = expectStatus(await submitPortalForm(db, kind, form({ ...nameOnly, ...extra }), ctx), "invalid");
      expect(result.errors).toEqual({ contact: ["intake.form.reachableRequired"] });
      expect(result.values["contact.name"]).toBe("王先生");
      expect(portalResultInit(result).status).toBe(400);
    }
    expect(await db.lead.count()).toBe(0);
    // The message speaks to the customer (您) in zh-CN and is complete in English.
    expect(DICTIONARIES["zh-CN"]["intake.form.reachableRequired"]).toContain("您");
    expect(DICTIONARIES.en["intake.form.reachableRequired"]).toMatch(/e-mail.*mobile.*phone/);

    const channels: Array<Record<string, string>> = [
      { "contact.email": "wang@example.cn" },
      { "contact.phone": "010-62345678" },
    ];
    for (const channel of channels) {
      const ok = expectStatus(
        await submitPortalForm(
          db,
          "requirement",
          form({ submissionId: crypto.randomUUID(), requirement: "x", ...channel }),
          ctx,
        ),
        "success",
      );
      expect(ok.number).toMatch(/\S/);
    }
    expect(await db.lead.count()).toBe(2);
  });

  it("issue #14 item 8: the public API keeps its contract (contact or company) and accepts a name only", async () => {
    const { key } = await createApiChannel(db);
    for (const payload of [{ contact: { name: "王伟" } }, { company: { name: "只有单位有限公司" } }]) {
      const response = await handleIntakePost(intakeRequest(payload, { key: key.key }), { db, clientIp: IP });
      expect(response.status).toBe(201);
    }
    expect(await db.lead.count()).toBe(2);
  });

  it("issue #14 item 8: acknowledges a submission to the e-mail left on the form, once, in the page's language", async () => {
    await createApiChannel(db, { code: "WEB-REQ" });
    const fields = visitor({ requirement: "需要报价", "contact.email": "visitor.ack@example.com" });
    const first = expectStatus(await submitPortalForm(db, "requirement", form(fields), ctx), "success");
    // The same form sent again (double click, refresh) replays the lead and does not mail again.
    expectStatus(await submitPortalForm(db, "requirement", form(fields), ctx), "success");
    const acks = await db.emailOutbox.findMany({ where: { template: "lead-received" } });
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({ toAddress: "visitor.ack@example.com", subject: "我们已收到您的提交" });
    expect(acks[0]!.text).toContain(first.number);
    expect(acks[0]!.text).toContain("您好");
    // In English when the page was English; nothing for a submission without an e-mail address.
    await submitPortalForm(
      db,
      "requirement",
      form(visitor({ requirement: "quote", "contact.email": "en.ack@example.com" })),
      { ...ctx, locale: "en" },
    );
    await submitPortalForm(db, "requirement", form(visitor({ requirement: "只留电话" })), ctx);
    const all = await db.emailOutbox.findMany({ where: { template: "lead-received" }, orderBy: { id: "asc" } });
    expect(all.map((m) => m.toAddress)).toEqual(["visitor.ack@example.com", "en.ack@example.com"]);
    expect(all[1]!.subject).toBe("We have received your submission");
  });

  it("rejects a filled honeypot without creating anything", async () => {
    await createApiChannel(db, { code: "WEB-REQ" });
    const result = await submitPortalForm(
      db,
      "requirement",
      form(visitor({ requirement: "buy now", homepage: "http://spam.example" })),
      ctx,
    );
    expectStatus(result, "rejected");
    expect(portalResultInit(result).status).toBe(400);
    expect(await db.lead.count()).toBe(0);
  });

  it("replays a repeated submission id (double submit, refresh) instead of creating a second lead", async () => {
    await createApiChannel(db, { code: "WEB-REQ" });
    const fields = visitor({ requirement: "重复提交测试" });
    const first = expectStatus(await submitPortalForm(db, "requirement", form(fields), ctx), "success");
    const second = expectStatus(await submitPortalForm(db, "requirement", form(fields), ctx), "success");
    expect(first.replayed).toBe(false);
    expect(second).toMatchObject({ replayed: true, number: first.number });
    expect(await db.lead.count()).toBe(1);
  });

  it("limits successful submissions per IP and says when to retry", async () => {
    await createApiChannel(db, { code: "WEB-REQ" });
    const limit = { scope: "intake-portal:ip", limit: 2, windowMs: 60 * 60_000 };
    const submit = (fields: Record<string, string>, ip = IP) =>
      submitPortalForm(db, "requirement", form(fields), { ...ctx, submitterIp: ip, limit });
    // Invalid attempts do not use up the allowance.
    expectStatus(await submit({ requirement: "" }), "invalid");
    expectStatus(await submit(visitor({ requirement: "一" })), "success");
    expectStatus(await submit(visitor({ requirement: "二" })), "success");
    const limited = expectStatus(await submit(visitor({ requirement: "三" })), "rate-limited");
    expect(limited.retryAfterSeconds).toBeGreaterThan(60);
    expect(limited.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(limited.values.requirement).toBe("三");
    const init = portalResultInit(limited);
    expect(init.status).toBe(429);
    expect(new Headers(init.headers).get("Retry-After")).toBe(String(limited.retryAfterSeconds));
    expectStatus(await submit(visitor({ requirement: "四" }), "198.51.100.99"), "success");
    expect(await db.lead.count()).toBe(3);
  });

  it("prefills a member's details and links the lead to the member", async () => {
    await createApiChannel(db, { code: "WEB-REQ" });
    const { member } = await createTestMember(db, { realName: "赵敏", phone: "138 0013 8000" });
    await db.member.update({
      where: { id: member.id },
      data: { companyName: "明教科技有限公司", province: "浙江省", city: "杭州", title: "采购主管" },
    });
    const page = await loadPortalForm(db, "requirement", member.id);
    expect(page.prefill).toEqual({
      "contact.name": "赵敏",
      "contact.title": "采购主管",
      "contact.email": member.email,
      "contact.mobile": "138 0013 8000",
      "company.name": "明教科技有限公司",
      "company.province": "浙江省",
      "company.city": "杭州",
    });
    const landline = await createTestMember(db, { phone: "010-6234 5678" });
    expect(await memberPrefill(db, landline.member.id)).toMatchObject({ "contact.phone": "010-6234 5678" });

    const result = expectStatus(
      await submitPortalForm(
        db,
        "requirement",
        form({ submissionId: crypto.randomUUID(), ...page.prefill, requirement: "会员的需求" }),
        { ...ctx, memberId: member.id },
      ),
      "success",
    );
    const lead = await db.lead.findUniqueOrThrow({ where: { number: result.number } });
    expect(lead).toMatchObject({ memberId: member.id, contactName: "赵敏", companyName: "明教科技有限公司" });
  });

  it("orders: needs one quantity above 0, checks quantities, and stores the items", async () => {
    await createApiChannel(db, { code: "WEB-ORDER", kind: "order" });
    await createIntakeProducts(db, [
      { sku: "P-100", name: "标准版" },
      { sku: "P-200", name: "企业版" },
      { sku: "P-OLD", name: "停售版", active: false },
    ]);
    const page = await loadPortalForm(db, "order", null);
    expect(page.products.map((p) => p.sku)).toEqual(["P-100", "P-200"]);
    expect(page.products[0]).toMatchObject({ name: "标准版", unitPrice: "100.00" });

    const none = expectStatus(
      await submitPortalForm(db, "order", form(visitor({ "qty.P-100": "0", "qty.P-200": "" })), ctx),
      "invalid",
    );
    expect(none.errors.items).toEqual(["intake.order.itemsRequired"]);

    const bad = expectStatus(
      await submitPortalForm(db, "order", form(visitor({ "qty.P-100": "2.5", "qty.P-200": "-1" })), ctx),
      "invalid",
    );
    expect(bad.errors["qty.P-100"]).toEqual(["leads.error.quantity"]);
    expect(bad.errors["qty.P-200"]).toEqual(["leads.error.quantity"]);
    expect(bad.errors.items).toBeUndefined();
    expect(await db.lead.count()).toBe(0);

    const ok = expectStatus(
      await submitPortalForm(db, "order", form(visitor({ "qty.P-100": "3", "qty.P-200": "0", "qty.P-OLD": "5" })), ctx),
      "success",
    );
    const lead = await db.lead.findUniqueOrThrow({ where: { number: ok.number }, include: { items: true } });
    expect(lead.items.map((i) => ({ sku: i.sku, quantity: i.quantity }))).toEqual([{ sku: "P-100", quantity: 3 }]);
  });

  it("orders: offers and accepts only the products the viewer's member level may see", async () => {
    await createApiChannel(db, { code: "WEB-ORDER", kind: "order" });
    await createIntakeProducts(db, [
      { sku: "P-ALL", name: "公开版" },
      { sku: "P-CUST", name: "客户专供版", levels: ["customer", "partner"] },
    ]);
    expect((await loadPortalForm(db, "order", null)).products.map((p) => p.sku)).toEqual(["P-ALL"]);
    const { member: customer } = await createTestMember(db, { level: "customer" });
    expect((await loadPortalForm(db, "order", customer.id)).products.map((p) => p.sku)).toEqual(["P-ALL", "P-CUST"]);

    // A visitor who posts a quantity for the hidden product orders only what they may see.
    const visitorOrder = expectStatus(
      await submitPortalForm(db, "order", form(visitor({ "qty.P-ALL": "1", "qty.P-CUST": "4" })), ctx),
      "success",
    );
    const lead = await db.lead.findUniqueOrThrow({ where: { number: visitorOrder.number }, include: { items: true } });
    expect(lead.items.map((i) => i.sku)).toEqual(["P-ALL"]);
    const onlyHidden = expectStatus(
      await submitPortalForm(db, "order", form(visitor({ "qty.P-CUST": "4" })), ctx),
      "invalid",
    );
    expect(onlyHidden.errors.items).toEqual(["intake.order.itemsRequired"]);
  });
});
