import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { scopeFor, teamScopeIds, type Action } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// Which sales contracts and proposals an actor may see or change (the decision 026 pattern): they are
// sales records, so the opportunities module's grants decide (decision 045): own = owned; team = also
// owned by someone in the actor's team and sub-teams; all = every one. Every query that lists them or
// loads one by an id from the request includes this fragment.

export function contractScopeWhere(actor: StaffActor, action: Action): Prisma.SalesContractWhereInput | null {
  const scope = scopeFor(actor, "opportunities", action);
  if (scope === null) return null;
  if (scope === "all") return {};
  const teams = teamScopeIds(actor);
  const OR: Prisma.SalesContractWhereInput[] = [{ ownerId: actor.staffId }];
  if (scope === "team" && teams.length > 0) OR.push({ owner: { teamId: { in: teams } } });
  return { OR };
}

export function proposalScopeWhere(actor: StaffActor, action: Action): Prisma.ProposalWhereInput | null {
  const scope = scopeFor(actor, "opportunities", action);
  if (scope === null) return null;
  if (scope === "all") return {};
  const teams = teamScopeIds(actor);
  const OR: Prisma.ProposalWhereInput[] = [{ ownerId: actor.staffId }];
  if (scope === "team" && teams.length > 0) OR.push({ owner: { teamId: { in: teams } } });
  return { OR };
}

export type Found<T> = { kind: "ok"; row: T } | { kind: "not-found" } | { kind: "forbidden" };

/** The contract for a change, or why not: invisible (not-found) or visible but read-only (forbidden). */
export async function contractForChange<S extends Prisma.SalesContractSelect>(
  db: DbOrTx,
  actor: StaffActor,
  id: number,
  select: S,
): Promise<Found<Prisma.SalesContractGetPayload<{ select: S }>>> {
  const modify = contractScopeWhere(actor, "modify");
  const row = modify ? await db.salesContract.findFirst({ where: { AND: [modify, { id }] }, select }) : null;
  if (row) return { kind: "ok", row };
  const browse = contractScopeWhere(actor, "browse");
  const visible = browse ? await db.salesContract.count({ where: { AND: [browse, { id }] } }) : 0;
  return visible > 0 ? { kind: "forbidden" } : { kind: "not-found" };
}
