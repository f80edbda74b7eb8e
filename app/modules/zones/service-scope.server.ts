import type { Prisma } from "#app/generated/prisma/client.ts";
import { scopeFor, type Action, type Grants, type Scope } from "#app/modules/auth/permissions.ts";

// Which customers a staff member serves, for the `service` permission's scope: "all" → every
// company; "team" → companies whose zone a teammate co-manages (or that a teammate owns); "own" →
// companies whose zone they co-manage (or that they own).

export interface ServiceViewer {
  id: number;
  teamId: number | null;
}

export function serviceCompanyWhere(scope: Scope, viewer: ServiceViewer): Prisma.CompanyWhereInput {
  if (scope === "all") return {};
  if (scope === "team" && viewer.teamId !== null) {
    return {
      OR: [
        { zone: { managers: { some: { staff: { teamId: viewer.teamId } } } } },
        { owner: { teamId: viewer.teamId } },
      ],
    };
  }
  return { OR: [{ zone: { managers: { some: { staffId: viewer.id } } } }, { ownerId: viewer.id }] };
}

export function zoneWhereForScope(scope: Scope, viewer: ServiceViewer): Prisma.ZoneWhereInput {
  return scope === "all" ? {} : { company: serviceCompanyWhere(scope, viewer) };
}

/** The `service` permission of a signed-in staff member as the actor services expect (null: not allowed). */
export function serviceActor(
  principal: { staff: { id: number; teamId: number | null }; isAdmin: boolean; grants: Grants },
  action: Action,
): (ServiceViewer & { scope: Scope }) | null {
  const scope = scopeFor(principal, "service", action);
  return scope === null ? null : { id: principal.staff.id, teamId: principal.staff.teamId, scope };
}
