import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { loadPortalForm, submitPortalForm } from "#app/modules/leads/intake/portal-intake.server.ts";
import { convertLead } from "#app/modules/leads/record/lead-conversion.server.ts";
import { createApiChannel } from "#tests/factories/intake-api.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { priceBasket, priceLine } from "./pricing.ts";

// The portal order basket end to end at the service level: the browser gets each product's scheme,
// the server prices the submitted quantities again, the lead items carry those prices, and on
// conversion the opportunity's items equal the basket to the fen.

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

// 产品订购 offers what the member's level may see in the catalog: these are offered to everyone.
const EVERY_LEVEL = { portalProspect: true, portalCustomer: true, portalPartner: true };

async function catalog() {
  const [balancer, compressor, lathe] = await Promise.all([
    db.product.create({ data: { sku: "BAL-1", name: "动平衡机", unit: "台", unitPrice: "12800.00", ...EVERY_LEVEL } }),
    db.product.create({ data: { sku: "AIR-1", name: "螺杆空压机", unit: "台", unitPrice: "3999.99", ...EVERY_LEVEL } }),
    db.product.create({ data: { sku: "CNC-1", name: "数控车床", unit: "台", unitPrice: "56000.00", ...EVERY_LEVEL } }),
  ]);
  // 5 台起 9 折, 10 台起 8.5 折 for the balancer; the compressor: ¥3,600.00 from 3, for customers only.
  await db.priceScheme.create({
    data: {
      name: "平衡机阶梯价",
      productId: balancer.id,
      status: "approved",
      tiers: {
        create: [
          { minQuantity: 5, discountBp: 1000 },
          { minQuantity: 10, discountBp: 1500 },
        ],
      },
    },
  });
  await db.priceScheme.create({
    data: {
      name: "空压机会员价",
      productId: compressor.id,
      status: "approved",
      memberLevel: "customer",
      tiers: { create: [{ minQuantity: 3, unitPrice: "3600.00" }] },
    },
  });
  // A draft prices nothing.
  await db.priceScheme.create({
    data: { name: "草稿", productId: lathe.id, tiers: { create: [{ minQuantity: 1, discountBp: 5000 }] } },
  });
  return { balancer, compressor, lathe };
}

function orderForm(quantities: Record<string, string>) {
  const form = new FormData();
  const fields: Record<string, string> = {
    submissionId: crypto.randomUUID(),
    homepage: "",
    "contact.name": "刘强",
    "contact.mobile": "13912345678",
    "company.name": "沈阳恒通科技集团有限公司",
  };
  for (const [sku, quantity] of Object.entries(quantities)) fields[`qty.${sku}`] = quantity;
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

describe("portal order basket", () => {
  it("prices a customer's basket across a tier and converts it into opportunity items equal to the fen", async () => {
    const { owner } = await createApiChannel(db, { code: "WEB-ORDER", kind: "order" });
    await catalog();
    const { member } = await createTestMember(db, { level: "customer" });

    const page = await loadPortalForm(db, "order", member.id);
    const schemes = Object.fromEntries(page.products.map((p) => [p.sku, p.scheme!]));
    const quantities = { "BAL-1": 5, "AIR-1": 3, "CNC-1": 1 };
    const browser = priceBasket(
      Object.entries(quantities).map(([sku, quantity]) => ({ scheme: schemes[sku]!, quantity })),
    );
    expect(browser.lines.map((l) => [l.unitPriceFen, l.amountFen])).toEqual([
      [1_152_000, 5_760_000],
      [360_000, 1_080_000],
      [5_600_000, 5_600_000],
    ]);
    // 4 台 would hint the tier: 再买 1 台享 9 折.
    expect(priceLine(schemes["BAL-1"]!, 4).nextTier).toMatchObject({ moreQuantity: 1, discountBp: 1000 });

    const result = await submitPortalForm(
      db,
      "order",
      orderForm(Object.fromEntries(Object.entries(quantities).map(([k, v]) => [k, String(v)]))),
      { memberId: member.id, submitterIp: "198.51.100.7", userAgent: "vitest" },
    );
    expect(result.status, JSON.stringify(result)).toBe("success");
    const lead = await db.lead.findFirstOrThrow({ include: { items: { orderBy: { id: "asc" } } } });
    // The form lists products by SKU, so the lead's items come in that order.
    const basketLines = browser.lines
      .map((l, i) => [
        Object.keys(quantities)[i]!,
        l.quantity,
        (l.unitPriceFen / 100).toFixed(2),
        (l.amountFen / 100).toFixed(2),
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(lead.items.map((i) => [i.sku, i.quantity, i.unitPrice?.toFixed(2), i.lineTotal?.toFixed(2)])).toEqual(
      basketLines,
    );

    const actor = staffActorFor(owner, { isAdmin: true });
    const converted = await convertLead(db, actor, lead.id, {
      contactMode: "create",
      companyMode: "create",
      createOpportunity: "on",
      opportunityName: "恒通门户订单",
      stage: "qualification",
      amount: "",
      probability: "30",
      expectedCloseDate: "2027-06-30",
    });
    expect(converted.kind, JSON.stringify(converted)).toBe("converted");
    if (converted.kind !== "converted") return;
    const opportunity = await db.opportunity.findUniqueOrThrow({
      where: { id: converted.opportunityId! },
      include: { items: { orderBy: { id: "asc" } } },
    });
    expect(opportunity.items.map((i) => [i.sku, i.quantity, i.unitPrice.toFixed(2), i.lineTotal.toFixed(2)])).toEqual(
      basketLines,
    );
    expect(opportunity.amount.toFixed(2)).toBe((browser.totals.grossFen / 100).toFixed(2));
  });

  it("gives a visitor everyone's schemes only, and never takes prices from the form", async () => {
    await createApiChannel(db, { code: "WEB-ORDER", kind: "order" });
    await catalog();
    const page = await loadPortalForm(db, "order", null);
    const compressor = page.products.find((p) => p.sku === "AIR-1")!;
    expect(compressor.scheme?.tiers).toEqual([]);
    const form = orderForm({ "AIR-1": "3" });
    form.set("price.AIR-1", "0.01");
    form.set("unitPrice", "0.01");
    const result = await submitPortalForm(db, "order", form, {
      memberId: null,
      submitterIp: "198.51.100.8",
      userAgent: "vitest",
    });
    expect(result.status).toBe("success");
    const item = await db.leadItem.findFirstOrThrow();
    expect([item.unitPrice?.toFixed(2), item.lineTotal?.toFixed(2)]).toEqual(["3999.99", "11999.97"]);
  });
});
