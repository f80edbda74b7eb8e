import type { DbOrTx } from "#app/lib/db.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { STAFF_TRANSITIONS } from "./service-constants.ts";
import { getStaffRequest, serviceAssignees, staffRequestWhere } from "./service-queries.server.ts";

// One service request as the back office's detail page shows it: the request with its thread,
// history and the customer's 360° panel (read through the actor's `service` scope), what the actor
// may do with it, the assignee picker and the names the history refers to.

/** Whether the actor's `service` modify scope covers this request (the query applies the scope). */
export async function mayModifyRequest(db: DbOrTx, actor: StaffActor, requestId: number): Promise<boolean> {
  if (!can(actor, "service", "modify")) return false;
  return (
    (await db.serviceRequest.count({ where: { AND: [{ id: requestId }, staffRequestWhere(actor, "modify")] } })) > 0
  );
}

export async function getServiceRequestWorkspace(db: DbOrTx, actor: StaffActor, requestId: number) {
  const item = await getStaffRequest(db, actor, requestId);
  if (!item) return null;
  const canModify = await mayModifyRequest(db, actor, item.id);
  // "assigned" events name their new assignee by id only
  const assignedTo = item.events.flatMap((e) => {
    const to = (e.detail as { to?: unknown } | null)?.to;
    return e.type === "assigned" && typeof to === "number" ? [to] : [];
  });
  const [assignees, named] = await Promise.all([
    canModify ? serviceAssignees(db) : Promise.resolve([]),
    assignedTo.length > 0
      ? db.staff.findMany({ where: { id: { in: [...new Set(assignedTo)] } }, select: { id: true, name: true } })
      : Promise.resolve([]),
  ]);
  return {
    item,
    assignees,
    staffNames: Object.fromEntries(named.map((s) => [s.id, s.name])) as Record<number, string>,
    transitions: STAFF_TRANSITIONS[item.status],
    capabilities: { canModify, canKnowledge: can(actor, "knowledge", "add") },
  };
}

export type ServiceRequestWorkspace = NonNullable<Awaited<ReturnType<typeof getServiceRequestWorkspace>>>;
