import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { scopeFor, teamScopeIds, type Action, type Scope } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// Which customers a staff member serves, for the `service` permission's scope: "all" → every
// company; "team" → companies whose zone a teammate co-manages (or that a teammate owns); "own" →
// companies whose zone they co-manage (or that they own). Services read the scope off the one
// StaffActor for the action they perform (decision 023) and put it in their queries.

type Who = Pick<StaffActor, "staffId" | "teamId"> & { teamIds?: readonly number[] };

export function serviceCompanyWhere(scope: Scope, who: Who): Prisma.CompanyWhereInput {
  if (scope === "all") return {};
  if (scope === "team" && who.teamId !== null) {
    const teams = { in: teamScopeIds(who) };
    return {
      OR: [{ zone: { managers: { some: { staff: { teamId: teams } } } } }, { owner: { teamId: teams } }],
    };
  }
  return { OR: [{ zone: { managers: { some: { staffId: who.staffId } } } }, { ownerId: who.staffId }] };
}

export function zoneWhereForScope(scope: Scope, who: Who): Prisma.ZoneWhereInput {
  return scope === "all" ? {} : { company: serviceCompanyWhere(scope, who) };
}

/** The companies the actor serves with `service` × `action`, or null when the role lacks that right. */
export function servedCompaniesWhere(actor: StaffActor, action: Action): Prisma.CompanyWhereInput | null {
  const scope = scopeFor(actor, "service", action);
  return scope === null ? null : serviceCompanyWhere(scope, actor);
}

/**
 * Companies the actor may pick for a new service record (`where` narrows further, e.g. "without a
 * zone yet"): empty without the right.
 */
export async function servedCompanyOptions(
  db: DbOrTx,
  actor: StaffActor,
  action: Action,
  where: Prisma.CompanyWhereInput = {},
  take = 300,
): Promise<Array<{ id: number; name: string; number: string }>> {
  const served = servedCompaniesWhere(actor, action);
  if (served === null) return [];
  return db.company.findMany({
    where: { AND: [served, where] },
    select: { id: true, name: true, number: true },
    orderBy: { name: "asc" },
    take,
  });
}
