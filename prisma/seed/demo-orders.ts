import type { Db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { insertOrder, linesOfItems, opportunityOrderInput } from "#app/modules/orders/order-create.server.ts";

// Demo sales orders (issue #18 item 7, decision 046): warranty months on the demo machines (kept when
// an admin changed them), and one confirmed order per won demo opportunity with a company and
// items, so the order list, the fulfilment tab and 我的订单 have something to show. Idempotent: the
// order's source key is unique. Nothing is delivered here, so no zone gains assets the zone specs
// do not expect.

const WARRANTY_BY_PREFIX: Array<[string, number]> = [
  ["BAL-", 12],
  ["CNC-", 12],
  ["AIR-", 24],
  ["MEA-", 12],
];

export async function seedDemoOrders(db: Db): Promise<{ orders: number }> {
  for (const [prefix, months] of WARRANTY_BY_PREFIX) {
    await db.product.updateMany({
      where: { sku: { startsWith: prefix }, warrantyMonths: null },
      data: { warrantyMonths: months },
    });
  }
  const won = await db.opportunity.findMany({
    where: { stage: "won", deletedAt: null, companyId: { not: null }, items: { some: {} } },
    orderBy: { id: "asc" },
    take: 3,
    select: {
      id: true,
      companyId: true,
      contactId: true,
      leadId: true,
      owner: { select: { id: true, teamId: true, name: true, email: true } },
      items: { orderBy: { id: "asc" } },
    },
  });
  let orders = 0;
  for (const opp of won) {
    if (opp.companyId === null) continue;
    const companyId = opp.companyId;
    const input = opportunityOrderInput({ ...opp, companyId, ownerId: opp.owner.id }, linesOfItems(opp.items));
    const made = await db.$transaction((tx) => insertOrder(tx, staffActorFor(opp.owner), input));
    if (made.created) orders++;
  }
  return { orders };
}
