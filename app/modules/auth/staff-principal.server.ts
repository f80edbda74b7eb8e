import type { StaffStatus } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { mergeGrants, type Action, type Grants, type PermissionSubject, type Scope } from "./permissions.ts";
import type { StaffActor } from "./staff-actor.ts";

/** Who the signed-in staff member is. */
interface StaffIdentity {
  id: number;
  name: string;
  email: string;
  status: StaffStatus;
  teamId: number | null;
  teamName: string | null;
}

export interface StaffPrincipal extends PermissionSubject {
  sessionId: string;
  staff: StaffIdentity;
  roleNames: string[];
  isAdmin: boolean;
  grants: Grants;
}

interface PrincipalRow extends StaffIdentity {
  roleName: string | null;
  isAdmin: number | boolean | null;
  module: string | null;
  action: Action | null;
  scope: Scope | null;
}

/**
 * Loads the staff member with roles and merged permissions for one validated session. Every signed-in
 * page pays for this, so it is one joined query (one row per role × permission) rather than the five
 * round trips a nested Prisma select makes (bench/page-cost.ts).
 */
export async function loadStaffPrincipal(db: Db, staffId: number, sessionId: string): Promise<StaffPrincipal | null> {
  const rows = await db.$queryRaw<PrincipalRow[]>`
    SELECT s.id, s.name, s.email, s.status, s.teamId, t.name AS teamName,
           r.name AS roleName, r.isAdmin, p.module, p.action, p.scope
    FROM \`Staff\` s
    LEFT JOIN \`Team\` t ON t.id = s.teamId
    LEFT JOIN \`StaffRole\` sr ON sr.staffId = s.id
    LEFT JOIN \`Role\` r ON r.id = sr.roleId
    LEFT JOIN \`RolePermission\` p ON p.roleId = r.id
    WHERE s.id = ${staffId}
    ORDER BY r.name, p.id`;
  const staff = rows[0];
  if (!staff || staff.status === "inactive") return null;
  const roleNames = new Set<string>();
  let isAdmin = false;
  const permissions: Array<{ module: string; action: Action; scope: Scope }> = [];
  for (const row of rows) {
    if (row.roleName === null) continue;
    roleNames.add(row.roleName);
    if (Number(row.isAdmin) === 1 || row.isAdmin === true) isAdmin = true;
    if (row.module !== null && row.action !== null && row.scope !== null)
      permissions.push({ module: row.module, action: row.action, scope: row.scope });
  }
  return {
    sessionId,
    staff: {
      id: Number(staff.id),
      name: staff.name,
      email: staff.email,
      status: staff.status,
      teamId: staff.teamId === null ? null : Number(staff.teamId),
      teamName: staff.teamName,
    },
    roleNames: [...roleNames],
    isAdmin,
    grants: mergeGrants(permissions),
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
