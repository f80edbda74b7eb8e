import type { StaffStatus } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import {
  applyOverrides,
  isConflictStrategy,
  isModule,
  mergeGrants,
  type Action,
  type ConflictStrategies,
  type Grants,
  type PermissionOverride,
  type PermissionSubject,
  type Scope,
} from "./permissions.ts";
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
  conflicts?: ConflictStrategies;
  /** The staff member's team and every team below it (teamScopeIds); absent means just the team. */
  teamIds?: number[];
}

interface PrincipalRow extends StaffIdentity {
  /** Which branch of the UNION the row comes from. */
  src: "role" | "override" | "conflict" | "team";
  seq: number | bigint | null;
  roleName: string | null;
  isAdmin: number | boolean | null;
  module: string | null;
  action: Action | null;
  scope: Scope | null;
  strategy: string | null;
}

/**
 * Loads the staff member with roles, merged permissions, their per-user overrides and the
 * permission-conflict strategies for one validated session. Every signed-in page pays for this, so it
 * is one query (a UNION of role × permission rows, override rows and strategy rows) rather than the
 * round trips a nested Prisma select makes (bench/page-cost.ts). Nothing is cached: a change in the
 * matrix applies on the very next request (decision 031).
 */
export async function loadStaffPrincipal(db: Db, staffId: number, sessionId: string): Promise<StaffPrincipal | null> {
  // The "team" branch walks the team hierarchy down from the staff member's team (a recursive CTE,
  // depth-capped in case a cycle ever slipped past the editor's check): "team" scope covers sub-teams.
  const rows = await db.$queryRaw<PrincipalRow[]>`
    WITH RECURSIVE sub (id, depth) AS (
      SELECT s0.teamId, 0 FROM \`Staff\` s0 WHERE s0.id = ${staffId} AND s0.teamId IS NOT NULL
      UNION ALL
      SELECT tt.id, sub.depth + 1 FROM \`Team\` tt JOIN sub ON tt.parentId = sub.id WHERE sub.depth < 32
    )
    SELECT 'role' AS src, s.id, s.name, s.email, s.status, s.teamId, t.name AS teamName,
           r.name AS roleName, r.isAdmin, p.module, p.action, p.scope, NULL AS strategy, p.id AS seq
    FROM \`Staff\` s
    LEFT JOIN \`Team\` t ON t.id = s.teamId
    LEFT JOIN \`StaffRole\` sr ON sr.staffId = s.id
    LEFT JOIN \`Role\` r ON r.id = sr.roleId
    LEFT JOIN \`RolePermission\` p ON p.roleId = r.id
    WHERE s.id = ${staffId}
    UNION ALL
    SELECT 'override', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, o.module, o.action, o.scope, NULL, o.id
    FROM \`StaffPermissionOverride\` o
    WHERE o.staffId = ${staffId}
    UNION ALL
    SELECT 'conflict', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, c.module, NULL, NULL, c.strategy, NULL
    FROM \`PermissionConflictPolicy\` c
    UNION ALL
    SELECT 'team', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, sub.id FROM sub
    ORDER BY src, roleName, seq`;
  const staff = rows.find((row) => row.src === "role");
  if (!staff || staff.status === "inactive") return null;
  const roleNames = new Set<string>();
  let isAdmin = false;
  const permissions: Array<{ module: string; action: Action; scope: Scope }> = [];
  const overrides: PermissionOverride[] = [];
  const conflicts: ConflictStrategies = {};
  const teamIds = new Set<number>();
  for (const row of rows) {
    if (row.src === "team") {
      if (row.seq !== null) teamIds.add(Number(row.seq));
      continue;
    }
    if (row.src === "override") {
      if (row.module !== null && row.action !== null)
        overrides.push({ module: row.module, action: row.action, scope: row.scope });
      continue;
    }
    if (row.src === "conflict") {
      if (row.module !== null && isModule(row.module) && isConflictStrategy(row.strategy))
        conflicts[row.module] = row.strategy;
      continue;
    }
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
    grants: applyOverrides(mergeGrants(permissions), overrides),
    conflicts,
    // Own team first, so teamIds[0] is always the staff member's own team.
    teamIds:
      staff.teamId === null ? [] : [Number(staff.teamId), ...[...teamIds].filter((id) => id !== Number(staff.teamId))],
  };
}

/** The principal flattened into the one actor shape services take (decision 023). */
export function actorOf(principal: StaffPrincipal): StaffActor {
  return {
    staffId: principal.staff.id,
    teamId: principal.staff.teamId,
    teamIds: principal.teamIds ?? (principal.staff.teamId === null ? [] : [principal.staff.teamId]),
    teamName: principal.staff.teamName,
    name: principal.staff.name,
    email: principal.staff.email,
    status: principal.staff.status,
    roleNames: principal.roleNames,
    isAdmin: principal.isAdmin,
    grants: principal.grants,
    conflicts: principal.conflicts,
    sessionId: principal.sessionId,
  };
}
