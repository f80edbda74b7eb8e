import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { scopeFor, teamScopeIds, type Action } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// Which opportunities an actor may see or change, as a Prisma `where` fragment every query that lists
// them or loads one by id includes (the decision 026 pattern for opportunities): own = owned;
// team = also owned by the actor's team and sub-teams; all = every one. Membership of an opportunity's
// team (OpportunityMember) does not widen it: search, reports and the scope sweep share this one rule
// (decision 038). The recycle bin is outside every scope.

export function opportunityScopeWhere(actor: StaffActor, action: Action): Prisma.OpportunityWhereInput | null {
  const scope = scopeFor(actor, "opportunities", action);
  if (scope === null) return null;
  if (scope === "all") return { deletedAt: null };
  const OR: Prisma.OpportunityWhereInput[] = [{ ownerId: actor.staffId }];
  const teams = teamScopeIds(actor);
  if (scope === "team" && teams.length > 0) OR.push({ owner: { teamId: { in: teams } } });
  return { deletedAt: null, OR };
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
  const modify = opportunityScopeWhere(actor, "modify");
  const opp = modify ? await db.opportunity.findFirst({ where: { AND: [modify, { id }] }, select }) : null;
  if (opp) return { kind: "ok", opp };
  const browse = opportunityScopeWhere(actor, "browse");
  const visible = browse ? await db.opportunity.count({ where: { AND: [browse, { id }] } }) : 0;
  return visible > 0 ? { kind: "forbidden" } : { kind: "not-found" };
}
