import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { saveApprovalFlow } from "#app/modules/approvals/approval-flows.server.ts";
import { decide } from "#app/modules/approvals/approvals.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { parseTierLine, PriceSchemeInput, tierLines } from "./price-scheme-input.ts";
import { applicableSchemes, getPriceScheme, savePriceScheme, submitPriceScheme } from "./price-schemes.server.ts";
import { priceLine } from "./pricing.ts";

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

const CATALOG = { catalog: { browse: "all", add: "all", modify: "all" } } as const;

async function setUp() {
  const { staff } = await createTestStaff(db);
  const editor = staffActorFor(staff, { grants: CATALOG });
  const category = await db.productCategory.create({ data: { name: "平衡机" } });
  const product = await db.product.create({
    data: { sku: "SY-1", name: "动平衡机", unit: "台", unitPrice: "100.00", categoryId: category.id },
  });
  return { editor, category, product };
}

async function input(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries({
    name: "阶梯价",
    target: "product",
    tiers: "10 9折",
    shared: "on",
    ...fields,
  })) {
    for (const value of Array.isArray(v) ? v : [v]) data.append(k, value);
  }
  const parsed = await parseForm(data, PriceSchemeInput);
  if (parsed.status !== "ok") throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.value;
}

describe("tier lines", () => {
  it("reads 折, percent and prices, and writes them back", () => {
    expect(parseTierLine("10 9折")).toEqual({ minQuantity: 10, discountBp: 1000 });
    expect(parseTierLine("50: 8.5折")).toEqual({ minQuantity: 50, discountBp: 1500 });
    expect(parseTierLine("20 5%")).toEqual({ minQuantity: 20, discountBp: 500 });
    expect(parseTierLine("100 ¥70.00")).toEqual({ minQuantity: 100, unitPriceFen: 7000 });
    expect(parseTierLine("１００ ７０")).toEqual({ minQuantity: 100, unitPriceFen: 7000 });
    for (const bad of ["", "9折", "0 9折", "10 10折", "10 abc", "10"]) expect(parseTierLine(bad), bad).toBeNull();
    expect(
      tierLines([
        { minQuantity: 10, unitPrice: null, discountBp: 1000 },
        { minQuantity: 20, unitPrice: null, discountBp: 1234 },
        { minQuantity: 100, unitPrice: "70.00", discountBp: null },
      ]),
    ).toBe("10 9折\n20 12.34%\n100 ¥70.00");
  });
});

describe("price schemes", () => {
  it("saves a draft, refuses tiers that break the product's prices, and prices only once approved", async () => {
    const { editor, product } = await setUp();
    const refused = await savePriceScheme(
      db,
      editor,
      null,
      await input({ productId: String(product.id), tiers: "10 ¥120" }),
    );
    expect(refused).toMatchObject({
      status: "invalid",
      fieldErrors: { tiers: ["catalog.scheme.error.tierAboveList"] },
    });
    const saved = await savePriceScheme(
      db,
      editor,
      null,
      await input({ productId: String(product.id), tiers: "10 9折\n50 8折\n100 ¥70" }),
    );
    const id = saved.status === "ok" ? saved.value.id : 0;
    expect((await getPriceScheme(db, id))?.status).toBe("draft");
    const before = await applicableSchemes(db, [product], { at: new Date() });
    expect(before.get(product.id)?.tiers).toEqual([]);

    // No approval flow for price schemes: submitting approves at once.
    expect(await submitPriceScheme(db, editor, id)).toEqual({ status: "ok", value: { status: "approved" } });
    const scheme = (await applicableSchemes(db, [product], { at: new Date() })).get(product.id)!;
    expect(priceLine(scheme, 10).unitPriceFen).toBe(9000);
    expect(priceLine(scheme, 100).unitPriceFen).toBe(7000);
    expect(await submitPriceScheme(db, editor, id)).toMatchObject({ status: "conflict" });
  });

  it("goes through the price-scheme approval flow", async () => {
    const { editor, product } = await setUp();
    const { staff: approverStaff } = await createTestStaff(db);
    const admin = staffActorFor(approverStaff, { isAdmin: true });
    const flow = await saveApprovalFlow(db, admin, {
      itemType: "price_scheme",
      active: true,
      steps: [{ mode: "and", staffIds: [approverStaff.id], roleIds: [] }],
    });
    expect(flow.status).toBe("ok");
    const saved = await savePriceScheme(db, editor, null, await input({ productId: String(product.id) }));
    const id = saved.status === "ok" ? saved.value.id : 0;
    expect(await submitPriceScheme(db, editor, id)).toEqual({ status: "ok", value: { status: "pending" } });
    expect(await savePriceScheme(db, editor, id, await input({ productId: String(product.id) }))).toMatchObject({
      status: "conflict",
    });
    const request = await db.approvalRequest.findFirstOrThrow({ where: { itemType: "price_scheme", itemId: id } });
    const decided = await db.$transaction((tx) => decide(tx, admin, request.id, "approve", null));
    expect(decided.status).toBe("ok");
    expect((await getPriceScheme(db, id))?.status).toBe("approved");
  });

  it("picks the most specific valid scheme: customer, then level, then product over category", async () => {
    const { editor, product, category } = await setUp();
    const company = await db.company.create({ data: { number: "ACNT-T-1", name: "沈阳恒通", nameKey: "沈阳恒通" } });
    const approve = async (fields: Record<string, string | string[]>) => {
      const saved = await savePriceScheme(db, editor, null, await input(fields));
      if (saved.status !== "ok") throw new Error(JSON.stringify(saved));
      await submitPriceScheme(db, editor, saved.value.id);
      return saved.value.id;
    };
    await approve({ target: "category", categoryId: String(category.id), tiers: "1 9.5折" });
    await approve({ productId: String(product.id), tiers: "1 9折" });
    await approve({ productId: String(product.id), memberLevel: "customer", tiers: "1 8.5折" });
    await approve({ productId: String(product.id), companyId: String(company.id), tiers: "1 8折" });
    await approve({ productId: String(product.id), tiers: "1 5折", validTo: "2020-01-01" });
    const privateId = await approve({
      productId: String(product.id),
      tiers: "1 6折",
      shared: "",
      memberLevel: "partner",
    });

    const price = async (context: Parameters<typeof applicableSchemes>[2]) =>
      priceLine((await applicableSchemes(db, [product], context)).get(product.id)!, 1).unitPriceFen;
    const now = new Date();
    expect(await price({ at: now })).toBe(9000);
    expect(await price({ at: now, memberLevel: "customer" })).toBe(8500);
    expect(await price({ at: now, memberLevel: "customer", companyId: company.id })).toBe(8000);
    // The 5折 scheme ended in 2020: it priced then, not now.
    expect(await price({ at: new Date("2019-06-01T00:00:00Z") })).toBe(5000);
    // The partner scheme is not shared: a salesperson without the grant does not get it.
    expect(await price({ at: now, memberLevel: "partner", staffId: editor.staffId })).toBe(9000);
    await db.priceSchemeGrant.create({ data: { schemeId: privateId, staffId: editor.staffId } });
    expect(await price({ at: now, memberLevel: "partner", staffId: editor.staffId })).toBe(6000);

    const other = await db.product.create({
      data: { sku: "SY-2", name: "立式平衡机", unit: "台", unitPrice: "200.00", categoryId: category.id },
    });
    const schemes = await applicableSchemes(db, [other], { at: now });
    expect(priceLine(schemes.get(other.id)!, 1).unitPriceFen).toBe(19_000);
  });

  it("refuses fixed prices on a category scheme and unknown references", async () => {
    const { editor, category } = await setUp();
    expect(
      await savePriceScheme(
        db,
        editor,
        null,
        await input({ target: "category", categoryId: String(category.id), tiers: "10 ¥5" }),
      ),
    ).toMatchObject({ status: "invalid", fieldErrors: { tiers: ["catalog.scheme.error.categoryPrice"] } });
    expect(await savePriceScheme(db, editor, null, await input({ productId: "999999" }))).toMatchObject({
      status: "invalid",
      fieldErrors: { productId: ["catalog.scheme.error.product"] },
    });
    const reader = staffActorFor({ id: editor.staffId, teamId: null }, { grants: { catalog: { browse: "all" } } });
    expect(await savePriceScheme(db, reader, null, await input({ productId: "1" }))).toMatchObject({
      status: "forbidden",
    });
    expect(await submitPriceScheme(db, editor, 999_999)).toMatchObject({ status: "not-found" });
  });
});
