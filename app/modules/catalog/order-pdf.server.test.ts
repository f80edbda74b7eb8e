import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createIntakeCategory } from "#tests/factories/lead-intake.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { basketFromPdfQuery, basketPdfHref } from "./order-pdf-link.ts";
import { renderBasketPdf, renderMemberOrderPdf } from "./order-pdf.server.ts";

// The portal order PDF (decision 049): the basket priced on the server by the member's schemes, in
// either language; a submitted order only for the member who submitted it.

/** The PDF's text as a reader sees it (pdftotext maps the embedded CJK glyphs back to Unicode). */
function pdfText(bytes: Buffer): string {
  return execFileSync("pdftotext", ["-layout", "-", "-"], { input: bytes }).toString("utf8");
}

let serial = 0;

async function setup() {
  const n = ++serial;
  const product = await db.product.create({
    data: { sku: `PDF-BAL-${n}`, name: `卧式动平衡机 ${n}`, unit: "台", unitPrice: "10000.00", portalCustomer: true },
  });
  const cheap = await db.product.create({
    data: { sku: `PDF-PEN-${n}`, name: `标记笔 ${n}`, unit: "支", unitPrice: "3.50", portalCustomer: true },
  });
  // 5 台起 9 折 for customers.
  await db.priceScheme.create({
    data: {
      name: `阶梯价 ${n}`,
      productId: product.id,
      status: "approved",
      memberLevel: "customer",
      tiers: { create: [{ minQuantity: 5, discountBp: 1000 }] },
    },
  });
  const { member } = await createTestMember(db, { level: "customer", realName: "王经理" });
  const { member: other } = await createTestMember(db, { level: "customer" });
  return { product, cheap, member, other, n };
}

beforeAll(() => resetDatabase(), 180_000);

describe("the basket PDF", () => {
  it("prices the basket with the member's tiers, in Chinese and in English", async () => {
    const { product, cheap, member } = await setup();
    const basket = { [product.sku]: 5, [cheap.sku]: 100 };
    const zh = await renderBasketPdf(db, member.id, basket, "zh-CN", new Date("2026-12-06T10:00:00Z"));
    expect(zh?.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(zh?.fileName).toBe("order-2026-12-06.pdf");
    const text = pdfText(zh!.bytes);
    expect(text).toContain("订单（自助预算）");
    expect(text).toContain(product.name);
    expect(text).toContain(product.sku);
    expect(text).toContain("王经理");
    // 5 × ¥9,000.00 (9 折) + 100 × ¥3.50 = ¥45,350.00, tax included.
    expect(text).toContain("¥9,000.00");
    expect(text).toContain("¥45,000.00");
    expect(text).toContain("¥45,350.00");
    expect(text).toMatch(/9\s?折/); // pdftotext drops the space before a CJK character

    const en = await renderBasketPdf(db, member.id, basket, "en");
    const english = pdfText(en!.bytes);
    expect(english).toContain("Order (budget)");
    expect(english).toContain("¥45,350.00");
    expect(english).toContain("10% off");
  });

  it("prices a visitor's basket at list price and leaves out what cannot be ordered", async () => {
    const { product } = await setup();
    const retired = await db.product.create({
      data: { sku: `PDF-OLD-${serial}`, name: "停产型号", unitPrice: "1.00", active: false },
    });
    const pdf = await renderBasketPdf(db, null, { [product.sku]: 5, [retired.sku]: 1, "NO-SUCH": 2 }, "zh-CN");
    const text = pdfText(pdf!.bytes);
    expect(text).toContain("¥50,000.00");
    expect(text).not.toContain("停产型号");
    expect(text).not.toContain("NO-SUCH");
    expect(await renderBasketPdf(db, null, { [retired.sku]: 1 }, "zh-CN")).toBeNull();
    expect(await renderBasketPdf(db, null, {}, "zh-CN")).toBeNull();
  });

  it("round-trips the on-screen quantities through the download link, dropping odd values", () => {
    const href = basketPdfHref([
      { sku: "BAL-SY3240", quantity: 2 },
      { sku: "耗材/笔", quantity: 100 },
    ]);
    expect(href.startsWith("/order/pdf?")).toBe(true);
    expect(basketFromPdfQuery(new URL(href, "http://x").searchParams)).toEqual({ "BAL-SY3240": 2, "耗材/笔": 100 });
    const odd = new URLSearchParams("qty.A=0&qty.B=-1&qty.C=1.5&qty.D=abc&qty.=3&other=1&qty.E=99999999");
    expect(basketFromPdfQuery(odd)).toEqual({ E: 100_000 });
    expect(basketFromPdfQuery(new URLSearchParams("basket=4"))).toBeNull();
  });
});

describe("a submitted order's PDF", () => {
  it("renders only the member's own order leads", async () => {
    const { product, member, other, n } = await setup();
    const { staff } = await createTestStaff(db);
    const orders = await createIntakeCategory(db, { designatedStaffId: staff.id, kind: "order" });
    const questions = await createIntakeCategory(db, { designatedStaffId: staff.id, kind: "requirement" });
    const lead = (number: string, categoryId: number, memberId: number, deletedAt: Date | null = null) =>
      db.lead.create({
        data: {
          number,
          categoryId,
          memberId,
          ownerId: staff.id,
          routedBy: "manual",
          source: "portal",
          companyName: "苏州精工机械有限公司",
          contactName: "王经理",
          deletedAt,
          items: {
            create: [
              { sku: product.sku, productName: product.name, quantity: 5, unitPrice: "9000.00", lineTotal: "45000.00" },
            ],
          },
        },
      });
    const mine = await lead(`LPDF${n}A`, orders.id, member.id);
    const theirs = await lead(`LPDF${n}B`, orders.id, other.id);
    const question = await lead(`LPDF${n}C`, questions.id, member.id);
    const deleted = await lead(`LPDF${n}D`, orders.id, member.id, new Date());

    const pdf = await renderMemberOrderPdf(db, member.id, mine.id, "zh-CN");
    expect(pdf?.fileName).toBe(`LPDF${n}A.pdf`);
    const text = pdfText(pdf!.bytes);
    expect(text).toContain(`LPDF${n}A`);
    expect(text).toContain("苏州精工机械有限公司");
    expect(text).toContain(product.name);
    expect(text).toContain("¥45,000.00");
    expect(text).toContain("已提交，等待处理");
    expect(pdfText((await renderMemberOrderPdf(db, member.id, mine.id, "en"))!.bytes)).toContain("Submitted");

    expect(await renderMemberOrderPdf(db, member.id, theirs.id, "zh-CN")).toBeNull();
    expect(await renderMemberOrderPdf(db, other.id, mine.id, "zh-CN")).toBeNull();
    expect(await renderMemberOrderPdf(db, member.id, question.id, "zh-CN")).toBeNull();
    expect(await renderMemberOrderPdf(db, member.id, deleted.id, "zh-CN")).toBeNull();
    expect(await renderMemberOrderPdf(db, member.id, 999_999, "zh-CN")).toBeNull();
  });
});
