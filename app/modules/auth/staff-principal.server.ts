import type { StaffStatus } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { mergeGrants, type Grants, type PermissionSubject } from "./permissions.ts";
import type { StaffActor } from "./staff-actor.ts";

export interface StaffPrincipal extends PermissionSubject {
  sessionId: string;
  staff: {
    id: number;
    name: string;
    email: string;
    status: StaffStatus;
    teamId: number | null;
    teamName: string | null;
  };
  roleNames: string[];
  isAdmin: boolean;
  grants: Grants;
}

/** Loads the staff member with roles and merged permissions for one validated session. */
export async function loadStaffPrincipal(db: Db, staffId: number, sessionId: string): Promise<StaffPrincipal | null> {
  const staff = await db.staff.findUnique({
    where: { id: staffId },
    select: {
      id: true,
      name: true,
      email: true,
      status: true,
      teamId: true,
      team: { select: { name: true } },
      roles: {
        select: {
          role: {
            select: { name: true, isAdmin: true, permissions: { select: { module: true, action: true, scope: true } } },
          },
        },
      },
    },
  });
  if (!staff || staff.status === "inactive") return null;
  const roles = staff.roles.map((r) => r.role);
  return {
    sessionId,
    staff: {
      id: staff.id,
      name: staff.name,
      email: staff.email,
      status: staff.status,
      teamId: staff.teamId,
      teamName: staff.team?.name ?? null,
    },
    roleNames: roles.map((r) => r.name),
    isAdmin: roles.some((r) => r.isAdmin),
    grants: mergeGrants(roles.flatMap((r) => r.permissions)),
  };
}

/** The principal flattened into the one actor shape services take (decision 023). */
export function actorOf(principal: StaffPrincipal): StaffActor {
  return {
    staffId: principal.staff.id,
    teamId: principal.staff.teamId,
    teamName: principal.staff.teamName,
    name: principal.staff.name,
    email: principal.staff.email,
    status: principal.staff.status,
    roleNames: principal.roleNames,
    isAdmin: principal.isAdmin,
    grants: principal.grants,
    sessionId: principal.sessionId,
  };
}
