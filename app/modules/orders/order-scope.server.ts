import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import type { Action } from "#app/modules/auth/permissions.ts";
import { findForChangeIn, salesOwnerScope } from "#app/modules/crm/access/sales-scope.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// Which sales orders an actor may see or change (decision 046): an order is sales work, so the
// opportunities module's grant decides, over the order's owner — own = owned, team = owned by the
// actor's team and sub-teams, all = every one. Every query that lists orders or loads one by id
// includes this fragment, so a route cannot forget it.

export function salesOrderScopeWhere(actor: StaffActor, action: Action): Prisma.SalesOrderWhereInput | null {
  return salesOwnerScope(actor, action);
}

/** The order for a change, or why not: invisible (not-found) or visible but read-only (forbidden). */
export async function findOrderForChange<S extends Prisma.SalesOrderSelect>(
  db: DbOrTx,
  actor: StaffActor,
  id: number,
  select: S,
): Promise<
  { kind: "ok"; order: Prisma.SalesOrderGetPayload<{ select: S }> } | { kind: "not-found" } | { kind: "forbidden" }
> {
  const found = await findForChangeIn(
    id,
    (action) => salesOrderScopeWhere(actor, action),
    (where) => db.salesOrder.findFirst({ where, select }),
    (where) => db.salesOrder.count({ where }),
  );
  return found.kind === "ok" ? { kind: "ok", order: found.row } : found;
}
