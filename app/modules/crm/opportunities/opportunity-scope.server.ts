import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import type { Action } from "#app/modules/auth/permissions.ts";
import { findForChangeIn, salesOwnerScope } from "#app/modules/crm/access/sales-scope.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// Which opportunities an actor may see or change, as a Prisma `where` fragment every query that lists
// them or loads one by id includes (the decision 026 pattern for opportunities): own = owned;
// team = also owned by the actor's team and sub-teams; all = every one. Membership of an opportunity's
// team (OpportunityMember) does not widen it: search, reports and the scope sweep share this one rule
// (decision 038). The recycle bin is outside every scope.

export function opportunityScopeWhere(actor: StaffActor, action: Action): Prisma.OpportunityWhereInput | null {
  const owned = salesOwnerScope(actor, action);
  return owned && { deletedAt: null, ...owned };
}

/** The row for a change, or why not: not visible at all (not-found) or visible but read-only (forbidden). */
export async function findForChange<S extends Prisma.OpportunitySelect>(
  db: DbOrTx,
  actor: StaffActor,
  id: number,
  select: S,
): Promise<
  { kind: "ok"; opp: Prisma.OpportunityGetPayload<{ select: S }> } | { kind: "not-found" } | { kind: "forbidden" }
> {
  const found = await findForChangeIn(
    id,
    (action) => opportunityScopeWhere(actor, action),
    (where) => db.opportunity.findFirst({ where, select }),
    (where) => db.opportunity.count({ where }),
  );
  return found.kind === "ok" ? { kind: "ok", opp: found.row } : found;
}
