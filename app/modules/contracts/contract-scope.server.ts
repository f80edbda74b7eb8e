import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import type { Action } from "#app/modules/auth/permissions.ts";
import { findForChangeIn, salesOwnerScope, type Found } from "#app/modules/crm/access/sales-scope.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// Which sales contracts and proposals an actor may see or change (the decision 026 pattern): they are
// sales records, so the opportunities module's grants decide (decision 045): own = owned; team = also
// owned by someone in the actor's team and sub-teams; all = every one. Every query that lists them or
// loads one by an id from the request includes this fragment.

export function contractScopeWhere(actor: StaffActor, action: Action): Prisma.SalesContractWhereInput | null {
  return salesOwnerScope(actor, action);
}

export function proposalScopeWhere(actor: StaffActor, action: Action): Prisma.ProposalWhereInput | null {
  return salesOwnerScope(actor, action);
}

export type { Found };

/** The contract for a change, or why not: invisible (not-found) or visible but read-only (forbidden). */
export async function contractForChange<S extends Prisma.SalesContractSelect>(
  db: DbOrTx,
  actor: StaffActor,
  id: number,
  select: S,
): Promise<Found<Prisma.SalesContractGetPayload<{ select: S }>>> {
  return findForChangeIn(
    id,
    (action) => contractScopeWhere(actor, action),
    (where) => db.salesContract.findFirst({ where, select }),
    (where) => db.salesContract.count({ where }),
  );
}
