import type { LeadStatus, Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { STEP_DATES_SELECT } from "./order-status.ts";
import { sumMoney } from "./order-money.ts";

// 我的账户 · 我的订单: what a member may see of their purchases. Their own portal orders (purchase
// leads of an "order" category they submitted), and the sales orders made from those — plus, for a
// member with an active zone membership, every sales order of their company (the zone shows the
// company's assets and contracts to its confirmed members alike). Nothing internal: no owner's
// notes, no cost, no other company's rows — the where clause is built from the member's own ids.

export type PortalLeadState = "new" | "working" | "converted" | "closed";

const LEAD_STATE: Record<LeadStatus, PortalLeadState> = {
  new: "new",
  assigned: "new",
  contacted: "working",
  qualified: "working",
  converted: "converted",
  closed: "closed",
};

const MAX_ROWS = 100;

export async function listMemberOrders(db: DbOrTx, memberId: number, zoneCompanyId: number | null) {
  const requests = await db.lead.findMany({
    where: { memberId, deletedAt: null, category: { kind: "order" } },
    orderBy: { id: "desc" },
    take: MAX_ROWS,
    select: {
      id: true,
      number: true,
      status: true,
      createdAt: true,
      items: {
        orderBy: { id: "asc" },
        select: { id: true, sku: true, productName: true, quantity: true, unit: true, lineTotal: true },
      },
    },
  });
  const orderWhere: Prisma.SalesOrderWhereInput = {
    OR: [{ lead: { memberId } }, ...(zoneCompanyId !== null ? [{ companyId: zoneCompanyId }] : [])],
  };
  const salesOrders = await db.salesOrder.findMany({
    where: orderWhere,
    orderBy: { id: "desc" },
    take: MAX_ROWS,
    select: {
      id: true,
      number: true,
      status: true,
      totalAmount: true,
      currency: true,
      ...STEP_DATES_SELECT,
      leadId: true,
      lines: {
        orderBy: { position: "asc" },
        select: { id: true, name: true, quantity: true, unit: true, lineTotal: true, deliveredQuantity: true },
      },
    },
  });
  return {
    requests: requests.map((r) => ({
      id: r.id,
      number: r.number,
      state: LEAD_STATE[r.status],
      createdAt: r.createdAt,
      items: r.items.map((i) => ({ ...i, lineTotal: i.lineTotal?.toFixed(2) ?? null })),
      total: sumMoney(r.items.map((i) => i.lineTotal?.toFixed(2) ?? "0")),
    })),
    salesOrders: salesOrders.map((o) => ({
      ...o,
      totalAmount: o.totalAmount.toFixed(2),
      lines: o.lines.map((l) => ({ ...l, lineTotal: l.lineTotal.toFixed(2) })),
    })),
  };
}
export type MemberOrders = Awaited<ReturnType<typeof listMemberOrders>>;
