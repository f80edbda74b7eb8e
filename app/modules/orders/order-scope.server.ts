import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { scopeFor, teamScopeIds, type Action } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// Which sales orders an actor may see or change (decision 046): an order is sales work, so the
// opportunities module's grant decides, over the order's owner — own = owned, team = owned by the
// actor's team and sub-teams, all = every one. Every query that lists orders or loads one by id
// includes this fragment, so a route cannot forget it.

export function salesOrderScopeWhere(actor: StaffActor, action: Action): Prisma.SalesOrderWhereInput | null {
  const scope = scopeFor(actor, "opportunities", action);
  if (scope === null) return null;
  if (scope === "all") return {};
  const OR: Prisma.SalesOrderWhereInput[] = [{ ownerId: actor.staffId }];
  const teams = teamScopeIds(actor);
  if (scope === "team" && teams.length > 0) OR.push({ owner: { teamId: { in: teams } } });
  return { OR };
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
  const modify = salesOrderScopeWhere(actor, "modify");
  const order = modify ? await db.salesOrder.findFirst({ where: { AND: [modify, { id }] }, select }) : null;
  if (order) return { kind: "ok", order };
  const browse = salesOrderScopeWhere(actor, "browse");
  const visible = browse ? await db.salesOrder.count({ where: { AND: [browse, { id }] } }) : 0;
  return visible > 0 ? { kind: "forbidden" } : { kind: "not-found" };
}
