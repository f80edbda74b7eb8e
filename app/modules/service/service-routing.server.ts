import type { Tx } from "#app/lib/db.server.ts";
import { claimNextTurn } from "#app/modules/leads/distribution/token-rotation.server.ts";

// Who answers a new service request (seed 000 §2.K; decision 019):
// 1. the zone has a service token group → the next eligible member of that group in turn (the same
//    durable, atomic rotation as web leads; away/inactive staff are skipped);
// 2. else the zone's CSRs (ZoneManager) in the order they were added, the first active one;
// 3. else nobody: the request waits in the service desk's "unassigned" queue.
// Run inside a READ COMMITTED transaction (the token claim locks the group row).

export type ServiceRoutedBy = "token-group" | "zone-csr" | "unassigned";

export interface ServiceRouteDecision {
  assignee: { id: number; name: string; email: string; locale: string } | null;
  routedBy: ServiceRoutedBy;
  tokenGroupId: number | null;
}

export async function routeServiceRequest(
  tx: Tx,
  zone: { id: number; serviceTokenGroupId: number | null } | null,
): Promise<ServiceRouteDecision> {
  if (!zone) return { assignee: null, routedBy: "unassigned", tokenGroupId: null };
  if (zone.serviceTokenGroupId !== null) {
    const turn = await claimNextTurn(tx, zone.serviceTokenGroupId);
    if (turn?.chosen) {
      const s = turn.chosen.staff;
      return {
        assignee: { id: s.id, name: s.name, email: s.email, locale: s.locale },
        routedBy: "token-group",
        tokenGroupId: zone.serviceTokenGroupId,
      };
    }
  }
  const manager = await tx.zoneManager.findFirst({
    where: { zoneId: zone.id, staff: { status: "active" } },
    orderBy: [{ addedAt: "asc" }, { staffId: "asc" }],
    select: { staff: { select: { id: true, name: true, email: true, locale: true } } },
  });
  if (manager) return { assignee: manager.staff, routedBy: "zone-csr", tokenGroupId: null };
  return { assignee: null, routedBy: "unassigned", tokenGroupId: null };
}
