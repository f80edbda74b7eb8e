import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { STEP_DATES_SELECT } from "./order-status.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { findPage } from "#app/modules/views/paged-list.server.ts";
import type { OrderListQuery } from "./order-list-query.ts";
import { salesOrderScopeWhere } from "./order-scope.server.ts";

// Reading sales orders in the back office: the list (filters, sorts, capped total) and one order with
// its lines, assets and history — always within the actor's scope (order-scope.server.ts).

const PAGE_SIZE = 25;
const NONE: Prisma.SalesOrderWhereInput = { id: -1 };

function orderBy(query: OrderListQuery): Prisma.SalesOrderOrderByWithRelationInput[] {
  switch (query.sort) {
    case "number":
      return [{ number: query.dir }];
    case "company":
      return [{ company: { name: query.dir } }, { id: "desc" }];
    case "total":
      return [{ totalAmount: query.dir }, { id: "desc" }];
    case "status":
      return [{ status: query.dir }, { id: "desc" }];
    case "created":
      return [{ id: query.dir }];
  }
}

export async function listSalesOrders(db: DbOrTx, actor: StaffActor, query: OrderListQuery) {
  const where: Prisma.SalesOrderWhereInput = {
    AND: [
      salesOrderScopeWhere(actor, "browse") ?? NONE,
      query.status ? { status: query.status } : {},
      query.source ? { source: query.source } : {},
      query.companyId ? { companyId: query.companyId } : {},
      query.q ? { OR: [{ number: { contains: query.q } }, { company: { name: { contains: query.q } } }] } : {},
    ],
  };
  const page = await findPage(
    query.page,
    PAGE_SIZE,
    (take) => db.salesOrder.count({ where, take }),
    (window) =>
      db.salesOrder.findMany({
        where,
        orderBy: orderBy(query),
        ...window,
        select: {
          id: true,
          number: true,
          status: true,
          source: true,
          totalAmount: true,
          currency: true,
          createdAt: true,
          company: { select: { id: true, name: true } },
          owner: { select: { id: true, name: true } },
          _count: { select: { lines: true } },
        },
      }),
  );
  return { ...page, rows: page.rows.map((r) => ({ ...r, totalAmount: r.totalAmount.toFixed(2) })) };
}
export type OrderListRow = Awaited<ReturnType<typeof listSalesOrders>>["rows"][number];

const detailSelect = {
  id: true,
  number: true,
  status: true,
  source: true,
  sourceKey: true,
  quoteId: true,
  contractId: true,
  totalAmount: true,
  currency: true,
  invoiceNumber: true,
  note: true,
  ...STEP_DATES_SELECT,
  updatedAt: true,
  ownerId: true,
  company: { select: { id: true, name: true } },
  contact: { select: { id: true, fullName: true } },
  opportunity: { select: { id: true, number: true, name: true } },
  lead: { select: { id: true, number: true } },
  owner: { select: { id: true, name: true } },
  lines: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      productId: true,
      sku: true,
      name: true,
      unit: true,
      quantity: true,
      unitPrice: true,
      lineTotal: true,
      deliveredQuantity: true,
      warrantyMonths: true,
    },
  },
} satisfies Prisma.SalesOrderSelect;

/** One order the actor may browse, with whether they may change it; null outside scope. */
export async function getSalesOrder(db: DbOrTx, actor: StaffActor, id: number) {
  const browse = salesOrderScopeWhere(actor, "browse");
  if (!browse) return null;
  const row = await db.salesOrder.findFirst({ where: { AND: [browse, { id }] }, select: detailSelect });
  if (!row) return null;
  // Money as decimal strings: exact, and what the page serialises.
  const order = {
    ...row,
    totalAmount: row.totalAmount.toFixed(2),
    lines: row.lines.map((l) => ({ ...l, unitPrice: l.unitPrice.toFixed(2), lineTotal: l.lineTotal.toFixed(2) })),
  };
  const modify = salesOrderScopeWhere(actor, "modify");
  const canModify = modify ? (await db.salesOrder.count({ where: { AND: [modify, { id }] } })) > 0 : false;
  return { order, canModify };
}
export type SalesOrderRecord = NonNullable<Awaited<ReturnType<typeof getSalesOrder>>>;

/** The assets the order's deliveries made (the caller has loaded the order within scope). */
export function listOrderAssets(db: DbOrTx, orderId: number) {
  return db.asset.findMany({
    where: { salesOrderLine: { orderId } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      number: true,
      name: true,
      serialNumber: true,
      quantity: true,
      warrantyEnd: true,
      status: true,
      installedOn: true,
    },
  });
}

/** The order's steps and deliveries, newest first, with who took them. */
export async function listOrderHistory(db: DbOrTx, orderId: number) {
  const events = await db.salesOrderEvent.findMany({ where: { orderId }, orderBy: { id: "desc" }, take: 200 });
  const staffIds = [...new Set(events.flatMap((e) => (e.staffId === null ? [] : [e.staffId])))];
  const staff = await db.staff.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } });
  const names = new Map(staff.map((s) => [s.id, s.name]));
  return events.map((e) => ({
    id: e.id,
    kind: e.kind,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.note,
    at: e.createdAt,
    by: e.staffId === null ? null : (names.get(e.staffId) ?? null),
    units: deliveredUnits(e.details),
  }));
}

function deliveredUnits(details: Prisma.JsonValue): number {
  if (!details || typeof details !== "object" || Array.isArray(details)) return 0;
  const lines = details.lines;
  if (!Array.isArray(lines)) return 0;
  let count = 0;
  for (const line of lines) {
    if (line && typeof line === "object" && !Array.isArray(line) && typeof line.quantity === "number")
      count += line.quantity;
  }
  return count;
}
