import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createIntakeCategory } from "#tests/factories/lead-intake.ts";
import { createTestMember } from "#tests/factories/members.ts";
import {
  createSalesCompany,
  createSalesOpportunity,
  createSalesStaff,
  createSalesTeam,
} from "#tests/factories/sales.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { warrantyEndFor } from "./order-assets.server.ts";
import { createOrderFromLines, createOrderFromOpportunity } from "./order-create.server.ts";
import { advanceOrder, deliverOrder } from "./order-fulfilment.server.ts";
import { orderList } from "./order-list-query.ts";
import { getSalesOrder, listOrderAssets, listOrderHistory, listSalesOrders } from "./order-queries.server.ts";
import { listMemberOrders } from "./portal-orders.server.ts";

// Sales orders against the real database: lines copied to the fen, one order per source even under
// concurrency, scope (own / team / all / none), guarded steps, partial deliveries, and delivered
// units becoming customer assets exactly once — also when two deliveries race.

let serial = 0;

async function product(data: { unit?: string; warrantyMonths?: number | null; price?: string } = {}) {
  serial++;
  return db.product.create({
    data: {
      sku: `T-${process.pid}-${serial}`,
      name: `测试设备${serial}`,
      unit: data.unit ?? "台",
      unitPrice: data.price ?? "100.00",
      warrantyMonths: data.warrantyMonths === undefined ? 12 : data.warrantyMonths,
    },
  });
}

async function world() {
  const team = await createSalesTeam(db);
  const manager = await createSalesStaff(db, "salesManager", { teamId: team.id });
  const rep = await createSalesStaff(db, "sales", { teamId: team.id });
  const other = await createSalesStaff(db, "sales");
  const admin = await createSalesStaff(db, "admin");
  const outsider = await createSalesStaff(db, "none");
  const company = await createSalesCompany(db, { ownerId: rep.staff.id });
  const machine = await product({ warrantyMonths: 12 });
  const pens = await product({ unit: "支", warrantyMonths: null, price: "3.50" });
  const opp = await createSalesOpportunity(db, { ownerId: rep.staff.id, companyId: company.id });
  // Prices a tier and the best-price cap made: the stored totals are what the order must copy.
  await db.opportunityItem.createMany({
    data: [
      {
        opportunityId: opp.id,
        productId: machine.id,
        sku: machine.sku,
        name: machine.name,
        unit: "台",
        quantity: 3,
        unitPrice: "121600.00",
        lineTotal: "364800.00",
      },
      {
        opportunityId: opp.id,
        productId: pens.id,
        sku: pens.sku,
        name: pens.name,
        unit: "支",
        quantity: 120,
        unitPrice: "3.15",
        lineTotal: "378.01",
      },
    ],
  });
  return { team, manager, rep, other, admin, outsider, company, machine, pens, opp };
}

async function versionOf(id: number) {
  return (await db.salesOrder.findUniqueOrThrow({ where: { id } })).updatedAt;
}

async function linesOf(id: number) {
  return db.salesOrderLine.findMany({ where: { orderId: id }, orderBy: { position: "asc" } });
}

describe("sales orders", () => {
  beforeEach(() => resetDatabase());

  it("copies the opportunity's lines to the fen, numbers the order SO… and makes one order per source", async () => {
    const w = await world();
    const first = await createOrderFromOpportunity(db, w.rep.actor, w.opp.id);
    expect(first.status).toBe("ok");
    if (first.status !== "ok") return;
    expect(first.value.created).toBe(true);
    expect(first.value.number).toMatch(/^SO\d{8}\d{4}$/);
    const order = await db.salesOrder.findUniqueOrThrow({ where: { id: first.value.id } });
    expect(order).toMatchObject({
      status: "confirmed",
      source: "opportunity",
      companyId: w.company.id,
      ownerId: w.rep.staff.id,
    });
    expect(order.totalAmount.toFixed(2)).toBe("365178.01");
    const lines = await linesOf(order.id);
    expect(
      lines.map((l) => [l.sku, l.quantity, l.unitPrice.toFixed(2), l.lineTotal.toFixed(2), l.warrantyMonths]),
    ).toEqual([
      [w.machine.sku, 3, "121600.00", "364800.00", 12],
      [w.pens.sku, 120, "3.15", "378.01", null],
    ]);

    const again = await createOrderFromOpportunity(db, w.rep.actor, w.opp.id);
    expect(again).toEqual({ status: "ok", value: { id: order.id, number: order.number, created: false } });

    // Two clicks at once on another opportunity: one order.
    const opp2 = await createSalesOpportunity(db, { ownerId: w.rep.staff.id, companyId: w.company.id });
    await db.opportunityItem.create({
      data: { opportunityId: opp2.id, sku: "X", name: "X", quantity: 1, unitPrice: "1.00", lineTotal: "1.00" },
    });
    const raced = await Promise.all([1, 2, 3].map(() => createOrderFromOpportunity(db, w.rep.actor, opp2.id)));
    const ids = new Set(raced.map((r) => (r.status === "ok" ? r.value.id : -1)));
    expect(ids.size).toBe(1);
    expect(raced.filter((r) => r.status === "ok" && r.value.created)).toHaveLength(1);
    expect(await db.salesOrder.count({ where: { opportunityId: opp2.id } })).toBe(1);
  });

  it("refuses sources it cannot order: no company, no lines, bad lines, outside scope", async () => {
    const w = await world();
    const bare = await createSalesOpportunity(db, { ownerId: w.rep.staff.id });
    expect(await createOrderFromOpportunity(db, w.rep.actor, bare.id)).toMatchObject({
      status: "invalid",
      formErrors: ["orders.error.noCompany"],
    });
    const empty = await createSalesOpportunity(db, { ownerId: w.rep.staff.id, companyId: w.company.id });
    expect(await createOrderFromOpportunity(db, w.rep.actor, empty.id)).toMatchObject({
      formErrors: ["orders.error.noLines"],
    });
    expect(await createOrderFromOpportunity(db, w.other.actor, w.opp.id)).toMatchObject({ status: "not-found" });
    expect(await createOrderFromOpportunity(db, w.outsider.actor, w.opp.id)).toMatchObject({ status: "not-found" });
    expect(await createOrderFromOpportunity(db, w.rep.actor, 987654)).toMatchObject({ status: "not-found" });
    const bad = await createOrderFromLines(db, w.admin.actor, {
      source: "quote",
      sourceId: 1,
      companyId: w.company.id,
      contactId: null,
      opportunityId: null,
      leadId: null,
      ownerId: w.rep.staff.id,
      lines: [{ productId: null, sku: "A", name: "A", unit: null, quantity: 0, unitPrice: "1.00", lineTotal: "0.00" }],
    });
    expect(bad).toMatchObject({ formErrors: ["orders.error.badLine"] });
    expect(await db.salesOrder.count()).toBe(0);
  });

  it("lists and loads orders within scope (own / team / all / none)", async () => {
    const w = await world();
    const mine = await createOrderFromOpportunity(db, w.rep.actor, w.opp.id);
    const otherOpp = await createSalesOpportunity(db, { ownerId: w.other.staff.id, companyId: w.company.id });
    await db.opportunityItem.create({
      data: { opportunityId: otherOpp.id, sku: "Y", name: "Y", quantity: 2, unitPrice: "5.00", lineTotal: "10.00" },
    });
    const theirs = await createOrderFromOpportunity(db, w.other.actor, otherOpp.id);
    if (mine.status !== "ok" || theirs.status !== "ok") throw new Error("setup");
    const query = orderList.parse(new URLSearchParams());
    const count = async (actor: typeof w.rep.actor) => (await listSalesOrders(db, actor, query)).total.count;
    expect(await count(w.rep.actor)).toBe(1);
    expect(await count(w.manager.actor)).toBe(1);
    expect(await count(w.other.actor)).toBe(1);
    expect(await count(w.admin.actor)).toBe(2);
    expect(await count(w.outsider.actor)).toBe(0);
    expect(await getSalesOrder(db, w.other.actor, mine.value.id)).toBeNull();
    expect(await getSalesOrder(db, w.outsider.actor, mine.value.id)).toBeNull();
    expect((await getSalesOrder(db, w.manager.actor, mine.value.id))?.canModify).toBe(true);
    const filtered = await listSalesOrders(
      db,
      w.admin.actor,
      orderList.parse(new URLSearchParams({ q: mine.value.number })),
    );
    expect(filtered.rows.map((r) => r.id)).toEqual([mine.value.id]);
    const sorted = await listSalesOrders(
      db,
      w.admin.actor,
      orderList.parse(new URLSearchParams({ sort: "total", dir: "asc" })),
    );
    expect(sorted.rows.map((r) => r.id)).toEqual([theirs.value.id, mine.value.id]);
    // Changing someone else's order is refused without telling whether it exists.
    expect(
      await advanceOrder(db, w.other.actor, mine.value.id, {
        to: "shipped",
        version: new Date(),
        note: null,
        invoiceNumber: null,
      }),
    ).toMatchObject({ status: "not-found" });
  });

  it("walks the guarded steps with dates and who, and keeps a stale or skipped step from changing anything", async () => {
    const w = await world();
    const made = await createOrderFromOpportunity(db, w.rep.actor, w.opp.id);
    if (made.status !== "ok") throw new Error("setup");
    const id = made.value.id;
    const step = async (
      to: "shipped" | "accepted" | "invoiced" | "paid" | "cancelled",
      invoiceNumber: string | null = null,
    ) => advanceOrder(db, w.rep.actor, id, { to, version: await versionOf(id), note: null, invoiceNumber });
    expect(await step("accepted")).toMatchObject({ status: "conflict", message: "orders.error.wrongStatus" });
    const stale = await versionOf(id);
    expect(await step("shipped")).toMatchObject({ status: "ok", value: { status: "shipped" } });
    expect(
      await advanceOrder(db, w.rep.actor, id, { to: "shipped", version: stale, note: null, invoiceNumber: null }),
    ).toMatchObject({ status: "conflict" });
    expect(await step("cancelled")).toMatchObject({ message: "orders.error.wrongStatus" });
    // delivered is reached only by deliveries
    expect(await step("accepted")).toMatchObject({ message: "orders.error.wrongStatus" });
    const lines = await linesOf(id);
    const all = await deliverOrder(db, w.rep.actor, id, {
      version: await versionOf(id),
      deliveredOn: null,
      note: null,
      lines: lines.map((l) => ({ lineId: l.id, quantity: l.quantity, serials: [], warrantyMonths: null })),
    });
    expect(all).toMatchObject({ status: "ok", value: { status: "delivered" } });
    expect(await step("accepted")).toMatchObject({ status: "ok" });
    expect(await step("invoiced")).toMatchObject({
      status: "invalid",
      fieldErrors: { invoiceNumber: ["orders.error.invoiceNumber"] },
    });
    expect(await step("invoiced", "No.04412345")).toMatchObject({ status: "ok" });
    expect(await step("paid")).toMatchObject({ status: "ok" });
    const order = await db.salesOrder.findUniqueOrThrow({ where: { id } });
    expect(order).toMatchObject({ status: "paid", invoiceNumber: "No.04412345" });
    for (const at of [order.shippedAt, order.deliveredAt, order.acceptedAt, order.invoicedAt, order.paidAt])
      expect(at).toBeInstanceOf(Date);
    const history = await listOrderHistory(db, id);
    expect(history.map((h) => h.toStatus)).toEqual([
      "paid",
      "invoiced",
      "accepted",
      "delivered",
      "shipped",
      "confirmed",
    ]);
    expect(history.every((h) => h.by === w.rep.staff.name)).toBe(true);
    expect(history.find((h) => h.kind === "delivery")?.units).toBe(123);

    // cancelling: only before shipping
    const opp2 = await createSalesOpportunity(db, { ownerId: w.rep.staff.id, companyId: w.company.id });
    await db.opportunityItem.create({
      data: { opportunityId: opp2.id, sku: "Z", name: "Z", quantity: 1, unitPrice: "1.00", lineTotal: "1.00" },
    });
    const second = await createOrderFromOpportunity(db, w.rep.actor, opp2.id);
    if (second.status !== "ok") throw new Error("setup");
    expect(
      await advanceOrder(db, w.rep.actor, second.value.id, {
        to: "cancelled",
        version: await versionOf(second.value.id),
        note: "客户撤单",
        invoiceNumber: null,
      }),
    ).toMatchObject({ status: "ok", value: { status: "cancelled" } });
  });

  it("turns delivered units into assets with serials and warranty, partial deliveries adding up, never twice", async () => {
    const w = await world();
    const made = await createOrderFromOpportunity(db, w.rep.actor, w.opp.id);
    if (made.status !== "ok") throw new Error("setup");
    const id = made.value.id;
    await advanceOrder(db, w.rep.actor, id, {
      to: "shipped",
      version: await versionOf(id),
      note: null,
      invoiceNumber: null,
    });
    const [machines, pens] = await linesOf(id);
    if (!machines || !pens) throw new Error("setup");
    const day = new Date("2026-11-30T00:00:00.000Z");

    // too many, duplicate serials, more serials than units, a future day: refused, nothing made
    const tooMany = await deliverOrder(db, w.rep.actor, id, {
      version: await versionOf(id),
      deliveredOn: day,
      note: null,
      lines: [{ lineId: machines.id, quantity: 4, serials: [], warrantyMonths: null }],
    });
    expect(tooMany).toMatchObject({ status: "invalid", fieldErrors: { lines: ["orders.error.tooMany"] } });
    const dupes = await deliverOrder(db, w.rep.actor, id, {
      version: await versionOf(id),
      deliveredOn: day,
      note: null,
      lines: [{ lineId: machines.id, quantity: 2, serials: ["A1", "A1"], warrantyMonths: null }],
    });
    expect(dupes).toMatchObject({ fieldErrors: { lines: ["orders.error.serials"] } });
    const future = await deliverOrder(db, w.rep.actor, id, {
      version: await versionOf(id),
      deliveredOn: new Date(Date.now() + 3 * 86_400_000),
      note: null,
      lines: [{ lineId: machines.id, quantity: 1, serials: [], warrantyMonths: null }],
    });
    expect(future).toMatchObject({ fieldErrors: { deliveredOn: ["orders.error.futureDate"] } });
    const foreignLine = await deliverOrder(db, w.rep.actor, id, {
      version: await versionOf(id),
      deliveredOn: day,
      note: null,
      lines: [{ lineId: 999999, quantity: 1, serials: [], warrantyMonths: null }],
    });
    expect(foreignLine).toMatchObject({ fieldErrors: { lines: ["orders.error.badLine"] } });
    expect(await db.asset.count()).toBe(0);

    // first delivery: 2 machines (serials typed, warranty changed to 24 months) and 100 pens
    const part = await deliverOrder(db, w.rep.actor, id, {
      version: await versionOf(id),
      deliveredOn: day,
      note: "第一批",
      lines: [
        { lineId: machines.id, quantity: 2, serials: ["SY-0001", "SY-0002"], warrantyMonths: 24 },
        { lineId: pens.id, quantity: 100, serials: [], warrantyMonths: null },
      ],
    });
    expect(part).toMatchObject({ status: "ok", value: { status: "shipped" } });
    let assets = await listOrderAssets(db, id);
    expect(assets.map((a) => [a.serialNumber, a.quantity])).toEqual([
      ["SY-0001", 1],
      ["SY-0002", 1],
      [null, 100],
    ]);
    const sy1 = await db.asset.findFirstOrThrow({ where: { serialNumber: "SY-0001" } });
    expect(sy1).toMatchObject({ companyId: w.company.id, productId: w.machine.id, status: "installed" });
    expect(sy1.warrantyStart?.toISOString().slice(0, 10)).toBe("2026-11-30");
    expect(sy1.warrantyEnd?.toISOString().slice(0, 10)).toBe("2028-11-29");
    const pensAsset = await db.asset.findFirstOrThrow({ where: { salesOrderLineId: pens.id } });
    expect(pensAsset.warrantyEnd).toBeNull();

    // the rest, sent twice at once from the same page: one delivery, one set of assets
    const version = await versionOf(id);
    const rest = {
      version,
      deliveredOn: day,
      note: null,
      lines: [
        { lineId: machines.id, quantity: 1, serials: [], warrantyMonths: null },
        { lineId: pens.id, quantity: 20, serials: [], warrantyMonths: null },
      ],
    };
    const raced = await Promise.all([deliverOrder(db, w.rep.actor, id, rest), deliverOrder(db, w.rep.actor, id, rest)]);
    expect(raced.map((r) => r.status).sort()).toEqual(["conflict", "ok"]);
    assets = await listOrderAssets(db, id);
    expect(assets).toHaveLength(5);
    const third = assets.find((a) => a.serialNumber?.startsWith(made.value.number));
    // no serial typed: a provisional one from the order, the line and the unit
    expect(third?.serialNumber).toBe(`${made.value.number}-1-003`);
    expect((await linesOf(id)).map((l) => [l.deliveredQuantity, l.quantity])).toEqual([
      [3, 3],
      [120, 120],
    ]);
    expect((await db.salesOrder.findUniqueOrThrow({ where: { id } })).status).toBe("delivered");
    // delivering again once delivered: refused, nothing new
    const again = await deliverOrder(db, w.rep.actor, id, { ...rest, version: await versionOf(id) });
    expect(again).toMatchObject({ status: "conflict", message: "orders.error.wrongStatus" });
    expect(await db.asset.count()).toBe(5);
    // the unique (line, first unit) key is the last guard: the same units cannot become an asset twice
    await expect(
      db.asset.create({
        data: { number: "DUP", companyId: w.company.id, name: "dup", salesOrderLineId: machines.id, deliveredUnit: 1 },
      }),
    ).rejects.toThrow();
  });

  it("shows a member their portal orders and the sales orders made from them, and their zone company's", async () => {
    const w = await world();
    const { member } = await createTestMember(db, { level: "customer" });
    const { member: stranger } = await createTestMember(db);
    const category = await createIntakeCategory(db, { designatedStaffId: w.rep.staff.id, kind: "order" });
    const lead = await db.lead.create({
      data: {
        number: `LT${process.pid}${Date.now().toString(36)}`.slice(0, 20),
        ownerId: w.rep.staff.id,
        memberId: member.id,
        categoryId: category.id,
        routedBy: "manual",
        source: "portal",
        status: "converted",
        items: {
          create: [
            {
              sku: w.machine.sku,
              productName: w.machine.name,
              quantity: 3,
              unitPrice: "121600.00",
              lineTotal: "364800.00",
            },
            { sku: w.pens.sku, productName: w.pens.name, quantity: 120, unitPrice: "3.15", lineTotal: "378.01" },
          ],
        },
      },
    });
    await db.opportunity.update({ where: { id: w.opp.id }, data: { leadId: lead.id } });
    const made = await createOrderFromOpportunity(db, w.rep.actor, w.opp.id);
    if (made.status !== "ok") throw new Error("setup");
    // an order of another company, not from this member
    const otherCompany = await createSalesCompany(db);
    const opp2 = await createSalesOpportunity(db, { ownerId: w.rep.staff.id, companyId: otherCompany.id });
    await db.opportunityItem.create({
      data: { opportunityId: opp2.id, sku: "Q", name: "Q", quantity: 1, unitPrice: "9.00", lineTotal: "9.00" },
    });
    const foreign = await createOrderFromOpportunity(db, w.rep.actor, opp2.id);
    if (foreign.status !== "ok") throw new Error("setup");

    const mine = await listMemberOrders(db, member.id, null);
    expect(mine.requests).toHaveLength(1);
    expect(mine.requests[0]).toMatchObject({ number: lead.number, state: "converted", total: "365178.01" });
    expect(mine.salesOrders.map((o) => [o.number, o.status, o.totalAmount])).toEqual([
      [made.value.number, "confirmed", "365178.01"],
    ]);
    expect((await listMemberOrders(db, stranger.id, null)).salesOrders).toHaveLength(0);
    expect((await listMemberOrders(db, stranger.id, null)).requests).toHaveLength(0);
    // a confirmed zone member of the other company sees that company's order
    const zoned = await listMemberOrders(db, stranger.id, otherCompany.id);
    expect(zoned.salesOrders.map((o) => o.number)).toEqual([foreign.value.number]);
  });

  it("ends warranties on the day before the same date months later", () => {
    const d = (s: string) => new Date(`${s}T00:00:00.000Z`);
    const iso = (x: Date) => x.toISOString().slice(0, 10);
    expect(iso(warrantyEndFor(d("2026-12-08"), 12))).toBe("2027-12-07");
    expect(iso(warrantyEndFor(d("2026-01-31"), 1))).toBe("2026-02-27");
    expect(iso(warrantyEndFor(d("2028-02-29"), 12))).toBe("2029-02-27");
    expect(iso(warrantyEndFor(d("2026-03-01"), 1))).toBe("2026-03-31");
  });
});
