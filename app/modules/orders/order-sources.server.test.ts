import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createSalesCompany, createSalesStaff, createSalesTeam } from "#tests/factories/sales.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { createOrderFromContract, createOrderFromQuote } from "./order-sources.server.ts";

// Orders from an accepted quote (helper E's hand-over) and from a contract in execution (helper F's):
// lines copied to the fen from the source's stored totals, one order per source even when two
// requests race, the quote marked consumed by the order, and nothing from a source the actor may not
// change or that is not ready.

let serial = 0;

async function world() {
  const team = await createSalesTeam(db);
  const rep = await createSalesStaff(db, "sales", { teamId: team.id });
  const other = await createSalesStaff(db, "sales");
  const company = await createSalesCompany(db, { ownerId: rep.staff.id });
  const product = await db.product.create({
    data: {
      sku: `Q-${process.pid}-${++serial}`,
      name: "SY3240 卧式动平衡机",
      unitPrice: "128000.00",
      warrantyMonths: 18,
    },
  });
  return { rep, other, company, product };
}

async function quote(w: Awaited<ReturnType<typeof world>>, status: "accepted" | "sent" = "accepted") {
  const number = `QUOT${process.pid}${++serial}`.slice(0, 20);
  return db.quote.create({
    data: {
      number,
      currentKey: number,
      title: "平衡机报价",
      status,
      companyId: w.company.id,
      ownerId: w.rep.staff.id,
      validUntil: new Date("2027-01-31T00:00:00Z"),
      terms: "",
      totalFen: 24_826_200n,
      respondedAt: status === "accepted" ? new Date() : null,
      createdById: w.rep.staff.id,
      lines: {
        create: [
          {
            position: 1,
            productId: w.product.id,
            sku: w.product.sku,
            name: w.product.name,
            unit: "台",
            quantity: 2,
            listPriceFen: 12_800_000n,
            unitPriceFen: 12_413_100n,
            discountBp: 300,
            netFen: 21_970_088n,
            taxFen: 2_856_112n,
            grossFen: 24_826_200n,
            lineTotalFen: 24_826_200n,
          },
        ],
      },
    },
  });
}

async function contract(w: Awaited<ReturnType<typeof world>>, status: "drafting" | "in_execution") {
  return db.salesContract.create({
    data: {
      number: `CTRT${process.pid}${++serial}`.slice(0, 20),
      name: "平衡机采购合同",
      companyId: w.company.id,
      ownerId: w.rep.staff.id,
      typeCode: "new",
      status,
      amountFen: 37_239_301n,
      lines: {
        create: [
          {
            position: 1,
            productId: w.product.id,
            sku: w.product.sku,
            name: w.product.name,
            unit: "台",
            quantity: 3,
            unitPriceFen: 12_413_100n,
            netFen: 32_955_133n,
            taxFen: 4_284_168n,
            grossFen: 37_239_301n,
          },
        ],
      },
    },
  });
}

describe("orders from quotes and contracts", () => {
  beforeEach(() => resetDatabase());

  it("orders an accepted quote once, to the fen, and marks the quote consumed by the order", async () => {
    const w = await world();
    const q = await quote(w);
    const raced = await Promise.all([1, 2].map(() => createOrderFromQuote(db, w.rep.actor, q.id)));
    expect(raced.every((r) => r.status === "ok")).toBe(true);
    const ids = new Set(raced.map((r) => (r.status === "ok" ? r.value.id : 0)));
    expect(ids.size).toBe(1);
    const order = await db.salesOrder.findFirstOrThrow({ where: { quoteId: q.id }, include: { lines: true } });
    expect(order).toMatchObject({ source: "quote", companyId: w.company.id, ownerId: w.rep.staff.id });
    expect(order.totalAmount.toFixed(2)).toBe("248262.00");
    expect(
      order.lines.map((l) => [l.quantity, l.unitPrice.toFixed(2), l.lineTotal.toFixed(2), l.warrantyMonths]),
    ).toEqual([[2, "124131.00", "248262.00", 18]]);
    const consumed = await db.quote.findUniqueOrThrow({ where: { id: q.id } });
    expect(consumed).toMatchObject({ consumedByType: "order", consumedById: order.id });
    // asking again answers the same order
    expect(await createOrderFromQuote(db, w.rep.actor, q.id)).toMatchObject({
      status: "ok",
      value: { id: order.id, created: false },
    });
  });

  it("refuses a quote that is not accepted, one consumed by a contract, and one outside scope", async () => {
    const w = await world();
    const sent = await quote(w, "sent");
    expect(await createOrderFromQuote(db, w.rep.actor, sent.id)).toMatchObject({ status: "conflict" });
    const q = await quote(w);
    expect(await createOrderFromQuote(db, w.other.actor, q.id)).toMatchObject({ status: "not-found" });
    await db.quote.update({ where: { id: q.id }, data: { consumedAt: new Date(), consumedByType: "contract" } });
    expect(await createOrderFromQuote(db, w.rep.actor, q.id)).toMatchObject({
      status: "conflict",
      message: "quotes.error.consumed",
    });
    expect(await db.salesOrder.count()).toBe(0);
  });

  it("orders a contract in execution with its gross line totals, never a draft or someone else's", async () => {
    const w = await world();
    const draft = await contract(w, "drafting");
    expect((await createOrderFromContract(db, w.rep.actor, draft.id)).status).toBe("not-found");
    const running = await contract(w, "in_execution");
    expect((await createOrderFromContract(db, w.other.actor, running.id)).status).toBe("not-found");
    const made = await createOrderFromContract(db, w.rep.actor, running.id);
    expect(made).toMatchObject({ status: "ok", value: { created: true } });
    const order = await db.salesOrder.findFirstOrThrow({ where: { contractId: running.id }, include: { lines: true } });
    expect(order.totalAmount.toFixed(2)).toBe("372393.01");
    expect(order.lines.map((l) => [l.quantity, l.unitPrice.toFixed(2), l.lineTotal.toFixed(2)])).toEqual([
      [3, "124131.00", "372393.01"],
    ]);
  });
});
