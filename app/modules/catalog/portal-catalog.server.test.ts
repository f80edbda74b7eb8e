import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { getPortalProduct, listPortalCatalog, parseCatalogQuery, tierRows } from "./portal-catalog.server.ts";
import { productSearchKey } from "./products.server.ts";

// The portal catalog (#18 item 3, decision 040): the member's level decides which products exist for
// them (visitors = prospects), search matches pinyin and initials, the product page shows the
// member's own tier prices and never the cost.

async function catalog() {
  const category = await db.productCategory.create({ data: { name: "平衡机" } });
  const make = (sku: string, name: string, flags: { p?: boolean; c?: boolean; x?: boolean }, active = true) =>
    db.product.create({
      data: {
        sku,
        name,
        unit: "台",
        unitPrice: "10000.00",
        cost: "6200.00",
        categoryId: category.id,
        active,
        keyFeatures: "中文触摸屏操作\n支持自动定位",
        portalProspect: flags.p ?? false,
        portalCustomer: flags.c ?? false,
        portalPartner: flags.x ?? false,
        searchKey: productSearchKey(name, sku),
      },
    });
  const everyone = await make("BAL-A", "卧式动平衡机", { p: true, c: true, x: true });
  const customers = await make("BAL-C", "立式动平衡机", { c: true });
  await make("BAL-X", "全自动平衡机", { x: true });
  await make("BAL-OLD", "停产平衡机", { p: true, c: true, x: true }, false);
  await db.productSpec.create({ data: { productId: everyone.id, key: "最大工件重量", value: "3200 kg" } });
  await db.productPackaging.create({ data: { productId: everyone.id, unit: "箱", contains: 2, ofUnit: "台" } });
  // Customers: 5 台起 9 折.
  await db.priceScheme.create({
    data: {
      name: "会员阶梯价",
      productId: everyone.id,
      status: "approved",
      memberLevel: "customer",
      tiers: { create: [{ minQuantity: 5, discountBp: 1000 }] },
    },
  });
  return { category, everyone, customers };
}

const skus = (page: { items: Array<{ sku: string }> }) => page.items.map((i) => i.sku).sort();

describe("portal catalog", () => {
  beforeEach(() => resetDatabase());

  it("lists only the active products the viewer's level may see; visitors see what prospects see", async () => {
    await catalog();
    const { member: customer } = await createTestMember(db, { level: "customer" });
    const { member: partner } = await createTestMember(db, { level: "partner" });
    const q = parseCatalogQuery(new URLSearchParams());
    expect(skus(await listPortalCatalog(db, null, q))).toEqual(["BAL-A"]);
    expect(skus(await listPortalCatalog(db, customer.id, q))).toEqual(["BAL-A", "BAL-C"]);
    expect(skus(await listPortalCatalog(db, partner.id, q))).toEqual(["BAL-A", "BAL-X"]);
    expect(await getPortalProduct(db, null, "BAL-C")).toBeNull();
    expect(await getPortalProduct(db, customer.id, "BAL-X")).toBeNull();
    expect(await getPortalProduct(db, customer.id, "BAL-OLD")).toBeNull();
    expect(await getPortalProduct(db, customer.id, "x".repeat(65))).toBeNull();
  });

  it("searches names, SKUs, full pinyin and initials, within a category and pages", async () => {
    const { category } = await catalog();
    const { member } = await createTestMember(db, { level: "customer" });
    const search = (text: string, extra = "") =>
      listPortalCatalog(db, member.id, parseCatalogQuery(new URLSearchParams(`q=${encodeURIComponent(text)}${extra}`)));
    expect(skus(await search("woshi"))).toEqual(["BAL-A"]);
    expect(skus(await search("lsdphj"))).toEqual(["BAL-C"]);
    expect(skus(await search("动平衡"))).toEqual(["BAL-A", "BAL-C"]);
    expect(skus(await search("bal-c"))).toEqual(["BAL-C"]);
    expect(skus(await search("quanzidong"))).toEqual([]); // a partner's product
    expect((await search("", `&category=${category.id}`)).categories).toEqual([{ id: category.id, name: "平衡机" }]);
    expect(parseCatalogQuery(new URLSearchParams("page=-3&category=abc&q=" + "长".repeat(300)))).toEqual({
      q: "长".repeat(100),
      category: null,
      page: 1,
    });
  });

  it("shows the member's tier prices, specs, features and packagings, never the cost", async () => {
    await catalog();
    const { member: customer } = await createTestMember(db, { level: "customer" });
    const forCustomer = await getPortalProduct(db, customer.id, "BAL-A");
    expect(forCustomer?.tiers).toEqual([
      { minQuantity: 1, unitPrice: "10000.00", discountBp: 0 },
      { minQuantity: 5, unitPrice: "9000.00", discountBp: 1000 },
    ]);
    expect(forCustomer).toMatchObject({
      features: ["中文触摸屏操作", "支持自动定位"],
      specs: [{ key: "最大工件重量", value: "3200 kg" }],
      packagings: [{ unit: "箱", contains: 2, ofUnit: "台" }],
    });
    expect(JSON.stringify(forCustomer)).not.toContain("6200");
    // A visitor gets the list price only (the tier is for customers).
    expect((await getPortalProduct(db, null, "BAL-A"))?.tiers).toEqual([
      { minQuantity: 1, unitPrice: "10000.00", discountBp: 0 },
    ]);
  });

  it("drops tiers that give nothing over the row before", () => {
    const rows = tierRows({
      basePriceFen: 10_000,
      taxRateBp: 1300,
      priceIncludesTax: true,
      tiers: [
        { minQuantity: 3, discountBp: 0 },
        { minQuantity: 10, unitPriceFen: 9_000 },
      ],
    });
    expect(rows.map((r) => [r.minQuantity, r.unitPrice])).toEqual([
      [1, "100.00"],
      [10, "90.00"],
    ]);
  });
});
