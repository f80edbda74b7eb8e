import type { Prisma } from "#app/generated/prisma/client.ts";
import { teamScopeIds, type Scope } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// Which member threads a staff member may read and answer, as a query condition: a thread belongs to
// whoever handles it, and an unassigned thread is open to every reader (someone has to pick it up).
export function threadScopeWhere(
  scope: Scope,
  actor: Pick<StaffActor, "staffId" | "teamId"> & { teamIds?: readonly number[] },
): Prisma.MessageThreadWhereInput {
  if (scope === "all") return {};
  if (scope === "team" && actor.teamId !== null) {
    return { OR: [{ assignedStaffId: null }, { assignedStaff: { teamId: { in: teamScopeIds(actor) } } }] };
  }
  return { OR: [{ assignedStaffId: null }, { assignedStaffId: actor.staffId }] };
}
