import type { DbOrTx } from "#app/lib/db.server.ts";
import { scopeFor, type Action } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { isoDay } from "#app/modules/service/service-dates.ts";
import { listPollsForStaff } from "./zone-polls.server.ts";
import {
  listInvitableMembers,
  membershipStateSelect,
  PENDING_STATUSES,
  staffCanManageZone,
  zoneManagedBy,
} from "./zones.server.ts";

// One zone as the back office's zone page shows it: the zone (members, pending entries, CSRs,
// announcements), what the actor may do there, the pickers the forms need, and the asset and contract
// counts. The zone is read through the actor's service scope in the query itself, so an id outside it
// reads as missing.

/** Whether the actor may `action` on this zone (co-manages it, or their service scope covers it). */
export function mayWorkOnZone(db: DbOrTx, actor: StaffActor, zoneId: number, action: Action) {
  return staffCanManageZone(db, actor, zoneId, action);
}

const memberSelect = { id: true, nickname: true, realName: true, email: true, title: true } as const;

export async function getZoneWorkspace(db: DbOrTx, actor: StaffActor, zoneId: number) {
  const zone = await db.zone.findFirst({
    where: { id: zoneId, ...zoneManagedBy(actor, "browse") },
    select: {
      id: true,
      name: true,
      createdAt: true,
      company: { select: { id: true, name: true, number: true, city: true } },
      managers: { select: { addedAt: true, staff: { select: { id: true, name: true, email: true } } } },
      memberships: {
        where: { status: { in: ["active", ...PENDING_STATUSES] } },
        orderBy: [{ status: "asc" }, { id: "asc" }],
        select: {
          ...membershipStateSelect,
          member: { select: memberSelect },
        },
      },
      announcements: {
        orderBy: { createdAt: "desc" },
        take: 20,
        select: { id: true, title: true, body: true, createdAt: true },
      },
    },
  });
  if (!zone) return null;
  const canModify = await mayWorkOnZone(db, actor, zone.id, "modify");
  const managerIds = zone.managers.map((m) => m.staff.id);
  const [invitable, csrCandidates, assetCount, contractCount] = await Promise.all([
    canModify ? listInvitableMembers(db, zone.id) : Promise.resolve([]),
    canModify
      ? db.staff.findMany({
          where: { status: { not: "inactive" }, id: { notIn: managerIds } },
          orderBy: { name: "asc" },
          take: 200,
          select: { id: true, name: true, email: true },
        })
      : Promise.resolve([]),
    db.asset.count({ where: { companyId: zone.company.id } }),
    db.serviceContract.count({ where: { companyId: zone.company.id } }),
  ]);
  const pendingStatuses: ReadonlySet<string> = new Set(PENDING_STATUSES);
  return {
    zone: {
      id: zone.id,
      name: zone.name,
      createdAt: isoDay(zone.createdAt),
      company: zone.company,
      managers: zone.managers.map((m) => ({ ...m.staff, addedAt: isoDay(m.addedAt) })),
      pending: zone.memberships
        .filter((m) => pendingStatuses.has(m.status))
        .map((m) => ({
          id: m.id,
          status: m.status,
          initiatedBy: m.initiatedBy,
          createdAt: isoDay(m.createdAt),
          customerConfirmed: m.customerConfirmedAt !== null,
          staffConfirmed: m.staffConfirmedAt !== null,
          member: m.member,
        })),
      active: zone.memberships
        .filter((m) => m.status === "active")
        .map((m) => ({ id: m.id, isCustomerAdmin: m.isCustomerAdmin, member: m.member })),
      announcements: zone.announcements.map((a) => ({ ...a, createdAt: isoDay(a.createdAt) })),
    },
    capabilities: { canModify },
    pickers: { invitable, csrCandidates },
    counts: { assets: assetCount, contracts: contractCount },
  };
}

export type ZoneWorkspace = NonNullable<Awaited<ReturnType<typeof getZoneWorkspace>>>;

/** The polls page of one zone: the zone (through the actor's scope), its polls, and who may do what. */
export async function getZonePollsWorkspace(db: DbOrTx, actor: StaffActor, zoneId: number) {
  const zone = await db.zone.findFirst({
    where: { id: zoneId, ...zoneManagedBy(actor, "browse") },
    select: { id: true, name: true },
  });
  if (!zone) return null;
  const [canAdd, canClose, polls] = await Promise.all([
    mayWorkOnZone(db, actor, zone.id, "add"),
    mayWorkOnZone(db, actor, zone.id, "modify"),
    listPollsForStaff(db, { zoneId: zone.id }),
  ]);
  return { zone, polls, capabilities: { canAdd, canClose } };
}

/** Ids of the zones the actor's service scope covers; `undefined` means every zone. */
export async function zoneIdsInScope(db: DbOrTx, actor: StaffActor): Promise<number[] | undefined> {
  const scope = scopeFor(actor, "service", "browse");
  if (scope === null) return [];
  if (scope === "all") return undefined;
  const zones = await db.zone.findMany({ where: zoneManagedBy(actor, "browse"), select: { id: true } });
  return zones.map((z) => z.id);
}
