import type { DbOrTx } from "#app/lib/db.server.ts";
import { listCompanyAssetTree, type AssetTreeNode } from "#app/modules/service/assets.server.ts";
import { listZoneContracts } from "#app/modules/service/service-contracts.server.ts";
import { daysUntil, isoDay } from "#app/modules/service/service-dates.ts";
import { portalRequestWhere, type ZoneViewer } from "#app/modules/service/service-queries.server.ts";
import { OPEN_STATUSES } from "#app/modules/service/service-constants.ts";
import { getJoinState, listInvitableMembers, listZoneMembers } from "./zones.server.ts";

// The portal's zone home (用户专区首页) as one view model: open requests the member may read,
// solutions published to the zone, assets, contracts in force, announcements and the member count.
// Every query is bounded by the viewer's zone and company (portalRequestWhere for requests).

const PREVIEW = 5;
const CONTRACT_PREVIEW = 4;

function countTree(nodes: AssetTreeNode[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countTree(node.children), 0);
}

export async function getZoneOverview(db: DbOrTx, viewer: ZoneViewer, now: Date = new Date()) {
  const openWhere = { ...portalRequestWhere(viewer), status: { in: [...OPEN_STATUSES] } };
  const [openCount, openRequests, solutions, assets, contracts, announcements, memberCount] = await Promise.all([
    db.serviceRequest.count({ where: openWhere }),
    db.serviceRequest.findMany({
      where: openWhere,
      orderBy: { id: "desc" },
      take: PREVIEW,
      select: { id: true, number: true, subject: true, status: true, createdAt: true },
    }),
    db.serviceRequest.findMany({
      where: { zoneId: viewer.zone.id, companyId: viewer.zone.companyId, publishedAt: { not: null } },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: PREVIEW,
      select: { id: true, number: true, subject: true, publishedAt: true },
    }),
    listCompanyAssetTree(db, viewer.zone.companyId),
    listZoneContracts(db, viewer.zone.companyId),
    db.zoneAnnouncement.findMany({
      where: { zoneId: viewer.zone.id },
      orderBy: { createdAt: "desc" },
      take: PREVIEW,
      select: { id: true, title: true, body: true, createdAt: true },
    }),
    db.zoneMembership.count({ where: { zoneId: viewer.zone.id, status: "active" } }),
  ]);
  const inForce = contracts.filter((c) => c.status === "in_force");
  return {
    openCount,
    openRequests: openRequests.map((r) => ({ ...r, createdAt: isoDay(r.createdAt) })),
    solutions: solutions.map((s) => ({ ...s, publishedAt: s.publishedAt ? isoDay(s.publishedAt) : null })),
    assetCount: countTree(assets),
    assets: assets.slice(0, PREVIEW).map((a) => ({
      id: a.id,
      name: a.name,
      model: a.model,
      serialNumber: a.serialNumber,
      status: a.status,
      children: a.children.length,
    })),
    contractCount: inForce.length,
    contracts: inForce.slice(0, CONTRACT_PREVIEW).map((c) => ({
      id: c.id,
      number: c.number,
      name: c.name,
      status: c.status,
      responseMode: c.responseMode,
      responseTime: c.responseTime,
      endDate: isoDay(c.endDate),
      daysLeft: daysUntil(c.endDate, now),
    })),
    announcements: announcements.map((a) => ({ ...a, createdAt: isoDay(a.createdAt) })),
    memberCount,
  };
}

export type ZoneOverview = Awaited<ReturnType<typeof getZoneOverview>>;

/** The join page of a customer who is not (yet) in their company's zone: the zone and their entry. */
export async function getZoneJoinView(db: DbOrTx, member: { id: number; companyId: number | null }) {
  const [join, company] = await Promise.all([
    getJoinState(db, member),
    member.companyId === null
      ? Promise.resolve(null)
      : db.company.findUnique({ where: { id: member.companyId }, select: { name: true } }),
  ]);
  return {
    companyName: company?.name ?? null,
    zoneName: join.zone?.name ?? null,
    membership: join.membership
      ? {
          status: join.membership.status,
          createdAt: isoDay(join.membership.createdAt),
          customerConfirmed: join.membership.customerConfirmedAt !== null,
          staffConfirmed: join.membership.staffConfirmedAt !== null,
        }
      : null,
  };
}

/**
 * The zone's members page: confirmed members for everyone; customer admins also get the pending
 * entries, colleagues they could invite, and real names and titles (they know their colleagues).
 */
export async function getZoneMembersView(
  db: DbOrTx,
  context: { zone: { id: number }; member: { id: number }; membership: { isCustomerAdmin: boolean } },
) {
  const admin = context.membership.isCustomerAdmin;
  const [members, invitable] = await Promise.all([
    listZoneMembers(db, context.zone.id, { includePending: admin }),
    admin ? listInvitableMembers(db, context.zone.id) : Promise.resolve([]),
  ]);
  const rows = members.map((m) => ({
    id: m.id,
    status: m.status,
    isCustomerAdmin: m.isCustomerAdmin,
    initiatedBy: m.initiatedBy,
    since: isoDay(m.createdAt),
    customerConfirmed: m.customerConfirmedAt !== null,
    memberId: m.member.id,
    nickname: m.member.nickname,
    realName: admin ? m.member.realName : null,
    title: admin ? m.member.title : null,
  }));
  return {
    me: { memberId: context.member.id, isCustomerAdmin: admin },
    active: rows.filter((m) => m.status === "active"),
    pending: rows.filter((m) => m.status !== "active"),
    invitable: invitable.map((m) => ({ id: m.id, label: `${m.nickname}${m.realName ? `（${m.realName}）` : ""}` })),
  };
}
