import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { ProductInput } from "./product-input.ts";
import { productList } from "./product-list-query.ts";
import { getProduct, listProducts, saveProduct } from "./products.server.ts";

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

const editor = staffActorFor(
  { id: 1, teamId: null },
  { grants: { catalog: { browse: "all", add: "all", modify: "all" } } },
);
const browser = staffActorFor({ id: 2, teamId: null }, { grants: { catalog: { browse: "all" } } });

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries({
    sku: "PEN-01",
    name: "中性笔",
    unit: "支",
    unitPrice: "0.35",
    taxRateBp: "1300",
    priceIncludesTax: "on",
    active: "on",
    ...fields,
  })) {
    data.set(k, v);
  }
  return data;
}

async function parsed(fields: Record<string, string> = {}) {
  const { parseForm } = await import("#app/lib/forms.server.ts");
  const result = await parseForm(form(fields), ProductInput);
  if (result.status !== "ok") throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

describe("products", () => {
  it("saves packagings that convert and specifications, and finds the product by pinyin", async () => {
    const input = await parsed({
      name: "动平衡机",
      sku: "SY-3240",
      unit: "台",
      unitPrice: "¥128,000",
      packagings: "2 台/组\n",
      specs: "最大工件重量: 3200 kg\n主轴转速：12000 rpm",
      portalCustomer: "on",
    });
    const saved = await saveProduct(db, editor, null, input);
    expect(saved.status).toBe("ok");
    const id = saved.status === "ok" ? saved.value.id : 0;
    const product = await getProduct(db, id);
    expect(product?.unitPrice.toFixed(2)).toBe("128000.00");
    expect(product?.packagings.map((p) => [p.unit, p.contains, p.ofUnit])).toEqual([["组", 2, "台"]]);
    expect(product?.specs.map((s) => [s.key, s.value])).toEqual([
      ["最大工件重量", "3200 kg"],
      ["主轴转速", "12000 rpm"],
    ]);
    for (const q of ["平衡", "dongpingheng", "dphj", "sy-3240"]) {
      const page = await listProducts(db, productList.parse(new URLSearchParams({ q })));
      expect(
        page.rows.map((r) => r.id),
        q,
      ).toEqual([id]);
    }
    const none = await listProducts(db, productList.parse(new URLSearchParams({ q: "xyz" })));
    expect(none.rows).toEqual([]);
    const portal = await listProducts(db, productList.parse(new URLSearchParams({ portal: "no" })));
    expect(portal.rows).toEqual([]);
  });

  it("replaces packagings on update and keeps the SKU unique", async () => {
    const first = await saveProduct(db, editor, null, await parsed({ packagings: "100 支/包\n50 包/箱" }));
    const id = first.status === "ok" ? first.value.id : 0;
    expect(await saveProduct(db, editor, null, await parsed({ name: "另一个" }))).toMatchObject({
      status: "invalid",
      fieldErrors: { sku: ["catalog.error.skuTaken"] },
    });
    await saveProduct(db, editor, id, await parsed({ packagings: "1 盒 = 12 支" }));
    expect((await getProduct(db, id))?.packagings.map((p) => p.unit)).toEqual(["盒"]);
    expect(await saveProduct(db, editor, 999_999, await parsed({ sku: "X-1" }))).toMatchObject({ status: "not-found" });
    expect(await saveProduct(db, browser, id, await parsed())).toMatchObject({ status: "forbidden" });
    expect(await saveProduct(db, editor, id, await parsed({ categoryId: "424242" }))).toMatchObject({
      status: "invalid",
      fieldErrors: { categoryId: ["catalog.error.category"] },
    });
  });

  it("refuses packagings that do not convert to the base unit, and unreadable lines", async () => {
    const { parseForm } = await import("#app/lib/forms.server.ts");
    for (const [packagings, key] of [
      ["50 包/箱", "catalog.error.packagingChain"],
      ["100 支/包\n10 支/包", "catalog.error.packagingChain"],
      ["一百支一包", "catalog.error.packagingLine"],
      ["0 支/包", "catalog.error.packagingLine"],
    ] as const) {
      const result = await parseForm(form({ packagings }), ProductInput);
      expect(result, packagings).toMatchObject({ status: "invalid", fieldErrors: { packagings: [key] } });
    }
    const spec = await parseForm(form({ specs: "no separator here" }), ProductInput);
    expect(spec).toMatchObject({ status: "invalid", fieldErrors: { specs: ["catalog.error.specLine"] } });
    const sku = await parseForm(form({ sku: "含 空格" }), ProductInput);
    expect(sku).toMatchObject({ status: "invalid", fieldErrors: { sku: ["catalog.error.sku"] } });
  });
});
