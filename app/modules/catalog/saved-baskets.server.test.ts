import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { addToBasket } from "./basket-cookie.server.ts";
import { loadOrderBasket } from "./order-basket.server.ts";
import {
  basketQuantities,
  deleteBasket,
  listBaskets,
  MAX_BASKETS_PER_MEMBER,
  openBasket,
  saveBasket,
} from "./saved-baskets.server.ts";

// 自助预算 (#18 item 3, decision 040): a member saves the order basket under a name, lists, reopens
// and deletes it; another member's basket does not exist for them; retired products drop out.

function orderForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

async function products() {
  await db.product.createMany({
    data: [
      { sku: "BAL-1", name: "动平衡机", unit: "台", unitPrice: "12800.00" },
      { sku: "AIR-1", name: "空压机", unit: "台", unitPrice: "3999.99" },
      { sku: "OLD-1", name: "停产品", unit: "台", unitPrice: "1.00" },
    ],
  });
}

describe("saved baskets", () => {
  beforeEach(() => resetDatabase());

  it("reads only positive whole quantities from the order form", () => {
    const q = basketQuantities(
      orderForm({ "qty.BAL-1": "6", "qty.AIR-1": "0", "qty.X": "2.5", "qty.Y": "-1", "qty.Z": "abc", other: "7" }),
    );
    expect([...q]).toEqual([["BAL-1", 6]]);
  });

  it("saves, lists, reopens, replaces by name and deletes — each member only their own", async () => {
    await products();
    const { member: me } = await createTestMember(db);
    const { member: other } = await createTestMember(db);
    const saved = await saveBasket(db, me.id, {
      name: "  一季度预算 ",
      quantities: basketQuantities(orderForm({ "qty.BAL-1": "6", "qty.AIR-1": "2", "qty.GONE": "3" })),
    });
    if (saved.status !== "ok") throw new Error("save");
    expect(await listBaskets(db, me.id)).toMatchObject([{ id: saved.value.id, name: "一季度预算", lines: 2 }]);
    expect(await openBasket(db, me.id, String(saved.value.id))).toMatchObject({
      name: "一季度预算",
      quantities: { "BAL-1": 6, "AIR-1": 2 },
      dropped: 0,
    });

    // Saving under the same name replaces it.
    const again = await saveBasket(db, me.id, { name: "一季度预算", quantities: new Map([["OLD-1", 1]]) });
    expect(again).toEqual({ status: "ok", value: { id: saved.value.id } });
    await db.product.update({ where: { sku: "OLD-1" }, data: { active: false } });
    expect(await openBasket(db, me.id, saved.value.id)).toMatchObject({ quantities: {}, dropped: 1 });

    // Another member: missing, and nothing deleted.
    expect(await openBasket(db, other.id, saved.value.id)).toBeNull();
    expect(await listBaskets(db, other.id)).toEqual([]);
    expect(await deleteBasket(db, other.id, saved.value.id)).toMatchObject({ status: "not-found" });
    for (const bad of ["abc", "-1", "1e99", null]) {
      expect(await openBasket(db, me.id, bad)).toBeNull();
      expect((await deleteBasket(db, me.id, bad)).status).toBe("not-found");
    }
    expect(await deleteBasket(db, me.id, String(saved.value.id))).toEqual({ status: "ok", value: undefined });
    expect(await db.savedBasket.count()).toBe(0);
  });

  it("refuses a nameless or empty basket and more than the cap", async () => {
    await products();
    const { member } = await createTestMember(db);
    const basket = new Map([["BAL-1", 1]]);
    expect(await saveBasket(db, member.id, { name: "   ", quantities: basket })).toMatchObject({
      status: "invalid",
      fieldErrors: { basketName: ["portalCatalog.basket.nameRequired"] },
    });
    expect(await saveBasket(db, member.id, { name: "空", quantities: new Map([["NOPE", 1]]) })).toMatchObject({
      status: "invalid",
      formErrors: ["portalCatalog.basket.empty"],
    });
    await db.savedBasket.createMany({
      data: Array.from({ length: MAX_BASKETS_PER_MEMBER }, (_, i) => ({
        memberId: member.id,
        name: `预算${i}`,
        items: [],
      })),
    });
    expect(await saveBasket(db, member.id, { name: "再一个", quantities: basket })).toMatchObject({
      formErrors: ["portalCatalog.basket.tooMany"],
    });
  });

  it("starts the order page from a reopened basket, else from the catalog's current basket", async () => {
    await products();
    const { member } = await createTestMember(db);
    const saved = await saveBasket(db, member.id, { name: "常用", quantities: new Map([["AIR-1", 4]]) });
    if (saved.status !== "ok") throw new Error("save");
    const cookieRequest = (url: string) => new Request(url);
    const reopened = await loadOrderBasket(db, cookieRequest(`http://x/order?basket=${saved.value.id}`), member.id);
    expect(reopened).toMatchObject({ values: { "qty.AIR-1": "4" }, opened: { name: "常用" }, signedIn: true });
    // A visitor cannot open anyone's basket by id.
    const visitor = await loadOrderBasket(db, cookieRequest(`http://x/order?basket=${saved.value.id}`), null);
    expect(visitor).toMatchObject({ values: {}, opened: null, saved: [], signedIn: false });
    expect(addToBasket({ "BAL-1": 2 }, "BAL-1", 3)).toEqual({ "BAL-1": 5 });
    expect(addToBasket({}, "BAL-1", 10_000_000)).toEqual({ "BAL-1": 100_000 });
  });
});
