import type { Prisma } from "#app/generated/prisma/client.ts";
import type { Scope } from "#app/modules/auth/permissions.ts";

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
