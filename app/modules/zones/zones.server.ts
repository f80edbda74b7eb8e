import type { Prisma, ZoneMembershipStatus } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx, Tx } from "#app/lib/db.server.ts";
import { scopeFor, type Action } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordAudit, recordStaffAudit, type AuditActor } from "#app/modules/audit/audit-log.server.ts";
import { notifyStaff } from "#app/modules/notifications/notifications.server.ts";
import { findPage } from "#app/modules/views/paged-list.server.ts";
import { servedCompaniesWhere, zoneWhereForScope } from "./service-scope.server.ts";
import type { ZoneListQuery } from "./zone-list-query.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";

// 用户专区 (seed 000 §2.B): one zone per customer company, co-managed by CSRs (ZoneManager) and the
// customer's appointed members (isCustomerAdmin). A member enters only when BOTH sides confirmed:
//   requested ─customer admin→ customer_confirmed ─CSR→ active
//   requested ─CSR→ staff_confirmed ─customer admin→ active
// An invitation counts as its inviter's confirmation. Either side may decline a pending entry.
// Active members may leave; customer admins (non-admins only) and CSRs may remove. Decision 018.
// Every transition locks the membership row, so two confirmations racing still end in `active`.

export type ZoneErrorCode =
  | "not-found"
  | "zone-exists"
  | "no-company"
  | "no-zone"
  | "wrong-company"
  | "already-member"
  | "already-pending"
  | "invalid-state"
  | "forbidden"
  | "invalid-input";

export class ZoneError extends Error {
  constructor(readonly code: ZoneErrorCode) {
    super(code);
    this.name = "ZoneError";
  }
}

export const PENDING_STATUSES: readonly ZoneMembershipStatus[] = ["requested", "customer_confirmed", "staff_confirmed"];

/**
 * May the staff member `action` on this zone? They need the `service` right for it, and either
 * co-manage the zone or have a service scope that covers its company.
 */
export async function staffCanManageZone(
  db: DbOrTx,
  actor: StaffActor,
  zoneId: number,
  action: Action,
): Promise<boolean> {
  const zone = await db.zone.findFirst({
    where: { id: zoneId, ...zoneManagedBy(actor, action) },
    select: { id: true },
  });
  return zone !== null;
}

/** Zones a staff member may `action` on, as a where-clause (none without the `service` right). */
export function zoneManagedBy(actor: StaffActor, action: Action): Prisma.ZoneWhereInput {
  const scope = scopeFor(actor, "service", action);
  if (scope === null) return { id: -1 };
  // "all" adds no condition: Prisma drops `{}` inside OR.
  if (scope === "all") return {};
  return { OR: [{ managers: { some: { staffId: actor.staffId } } }, zoneWhereForScope(scope, actor)] };
}

/** Every change a CSR makes to a zone needs `service` × modify over it. */
async function assertStaffManages(db: DbOrTx, actor: StaffActor, zoneId: number): Promise<void> {
  if (!(await staffCanManageZone(db, actor, zoneId, "modify"))) throw new ZoneError("forbidden");
}

// ───────────── zones and their CSRs ─────────────

export async function createZone(
  db: Db,
  input: { companyId: number; name?: string | null; managerStaffIds: number[]; actorStaffId: number },
): Promise<{ id: number }> {
  return db.$transaction(async (tx) => {
    const company = await tx.company.findUnique({ where: { id: input.companyId }, select: { id: true, name: true } });
    if (!company) throw new ZoneError("no-company");
    const existing = await tx.zone.findUnique({ where: { companyId: company.id }, select: { id: true } });
    if (existing) throw new ZoneError("zone-exists");
    const name = input.name?.trim() || company.name;
    const zone = await tx.zone.create({
      data: {
        companyId: company.id,
        name: name.slice(0, 200),
        managers: { create: [...new Set(input.managerStaffIds)].map((staffId) => ({ staffId })) },
      },
    });
    await recordAudit(tx, {
      actor: { type: "staff", id: input.actorStaffId },
      action: "zone.created",
      entityType: "zone",
      entityId: zone.id,
      after: { companyId: company.id, name, managers: input.managerStaffIds },
    });
    return { id: zone.id };
  });
}

/**
 * Opens a zone for a customer the actor serves (`service` × add over the company), with the actor as
 * its first CSR. A company outside that scope reads as "wrong-company".
 */
export async function openZoneFor(db: Db, actor: StaffActor, input: { companyId: number; name?: string | null }) {
  const served = servedCompaniesWhere(actor, "add");
  const company = served
    ? await db.company.findFirst({ where: { AND: [{ id: input.companyId }, served] }, select: { id: true } })
    : null;
  if (!company) throw new ZoneError("wrong-company");
  return createZone(db, {
    companyId: company.id,
    name: input.name,
    managerStaffIds: [actor.staffId],
    actorStaffId: actor.staffId,
  });
}

export async function addZoneManager(db: Db, input: { zoneId: number; staffId: number; actor: StaffActor }) {
  await db.$transaction(async (tx) => {
    await assertStaffManages(tx, input.actor, input.zoneId);
    const staff = await tx.staff.findUnique({ where: { id: input.staffId }, select: { id: true, status: true } });
    if (!staff || staff.status === "inactive") throw new ZoneError("invalid-input");
    await tx.zoneManager.upsert({
      where: { zoneId_staffId: { zoneId: input.zoneId, staffId: staff.id } },
      create: { zoneId: input.zoneId, staffId: staff.id },
      update: {},
    });
    await recordStaffAudit(tx, input.actor, {
      action: "zone.manager-added",
      entityType: "zone",
      entityId: input.zoneId,
      after: { staffId: staff.id },
    });
  });
}

/** Removes a CSR from the zone; the last CSR stays (a zone is always co-managed by someone). */
export async function removeZoneManager(db: Db, input: { zoneId: number; staffId: number; actor: StaffActor }) {
  await db.$transaction(async (tx) => {
    await assertStaffManages(tx, input.actor, input.zoneId);
    await tx.$queryRaw`SELECT id FROM \`Zone\` WHERE id = ${input.zoneId} FOR UPDATE`;
    const count = await tx.zoneManager.count({ where: { zoneId: input.zoneId } });
    if (count <= 1) throw new ZoneError("invalid-state");
    const { count: removed } = await tx.zoneManager.deleteMany({
      where: { zoneId: input.zoneId, staffId: input.staffId },
    });
    if (removed === 0) throw new ZoneError("not-found");
    await recordStaffAudit(tx, input.actor, {
      action: "zone.manager-removed",
      entityType: "zone",
      entityId: input.zoneId,
      before: { staffId: input.staffId },
    });
  });
}

// ───────────── membership ─────────────

type MembershipRow = Prisma.ZoneMembershipGetPayload<{
  include: { zone: { select: { id: true; companyId: true; name: true } } };
}>;

async function lockMembership(tx: Tx, membershipId: number): Promise<MembershipRow> {
  await tx.$queryRaw`SELECT id FROM \`ZoneMembership\` WHERE id = ${membershipId} FOR UPDATE`;
  const row = await tx.zoneMembership.findUnique({
    where: { id: membershipId },
    include: { zone: { select: { id: true, companyId: true, name: true } } },
  });
  if (!row) throw new ZoneError("not-found");
  return row;
}

/**
 * Locks a membership id taken from a request, but only inside `zoneId`: an id of another zone reads
 * as "not found" before any rights are checked, whoever the caller is.
 */
async function lockZoneMembership(tx: Tx, zoneId: number, membershipId: number): Promise<MembershipRow> {
  await tx.$queryRaw`SELECT id FROM \`ZoneMembership\` WHERE id = ${membershipId} AND zoneId = ${zoneId} FOR UPDATE`;
  const row = await tx.zoneMembership.findFirst({
    where: { id: membershipId, zoneId },
    include: { zone: { select: { id: true, companyId: true, name: true } } },
  });
  if (!row) throw new ZoneError("not-found");
  return row;
}

/** The active customer-admin membership of `memberId` in `zoneId`, or a ZoneError("forbidden"). */
async function assertCustomerAdmin(tx: DbOrTx, zoneId: number, memberId: number): Promise<void> {
  const admin = await tx.zoneMembership.findFirst({
    where: {
      zoneId,
      memberId,
      status: "active",
      isCustomerAdmin: true,
      member: { status: { in: ["active", "verified"] } },
    },
    select: { id: true },
  });
  if (!admin) throw new ZoneError("forbidden");
}

async function notifyManagers(tx: Tx, zoneId: number, title: string, body: string | null) {
  const managers = await tx.zoneManager.findMany({ where: { zoneId }, select: { staffId: true } });
  for (const manager of managers) {
    await notifyStaff(tx, {
      staffId: manager.staffId,
      type: "zone.membership",
      title,
      body,
      link: `/crm/zones/${zoneId}`,
    });
  }
}

/**
 * Opens (or re-opens after a decline/removal) a membership for `memberId` in their company's zone.
 * `initiatedBy` is the side whose wish it is; an invitation is also its inviter's confirmation.
 */
async function openMembership(
  tx: Tx,
  zoneId: number,
  memberId: number,
  initiatedBy: "member" | "customer_admin" | "staff",
  confirmation: { customerById?: number; staffById?: number },
): Promise<MembershipRow> {
  const zone = await tx.zone.findUnique({ where: { id: zoneId }, select: { companyId: true } });
  if (!zone) throw new ZoneError("no-zone");
  const member = await tx.member.findUnique({ where: { id: memberId }, select: { companyId: true, status: true } });
  // Company first (issue #13): any id outside the zone's company — unknown, inactive or another
  // company's — gets the same answer, so an inviter cannot map other companies' member ids.
  if (!member || member.companyId !== zone.companyId) throw new ZoneError("wrong-company");
  if (!["active", "verified"].includes(member.status)) throw new ZoneError("invalid-state");
  const now = new Date();
  const status: ZoneMembershipStatus =
    confirmation.customerById !== undefined
      ? "customer_confirmed"
      : confirmation.staffById !== undefined
        ? "staff_confirmed"
        : "requested";
  const data = {
    status,
    initiatedBy,
    isCustomerAdmin: false,
    customerConfirmedById: confirmation.customerById ?? null,
    customerConfirmedAt: confirmation.customerById !== undefined ? now : null,
    staffConfirmedById: confirmation.staffById ?? null,
    staffConfirmedAt: confirmation.staffById !== undefined ? now : null,
  };
  const existing = await tx.zoneMembership.findUnique({ where: { zoneId_memberId: { zoneId, memberId } } });
  if (existing) {
    await tx.$queryRaw`SELECT id FROM \`ZoneMembership\` WHERE id = ${existing.id} FOR UPDATE`;
    const fresh = await tx.zoneMembership.findUniqueOrThrow({ where: { id: existing.id } });
    if (fresh.status === "active") throw new ZoneError("already-member");
    if (PENDING_STATUSES.includes(fresh.status)) throw new ZoneError("already-pending");
    await tx.zoneMembership.update({ where: { id: existing.id }, data });
    return lockMembership(tx, existing.id);
  }
  const created = await tx.zoneMembership.create({ data: { zoneId, memberId, ...data } });
  return lockMembership(tx, created.id);
}

/** A member asks to join their company's zone. */
export async function requestToJoin(db: Db, input: { memberId: number }): Promise<{ membershipId: number }> {
  try {
    return await db.$transaction(async (tx) => {
      const member = await tx.member.findUnique({
        where: { id: input.memberId },
        select: { companyId: true, nickname: true },
      });
      if (!member || member.companyId === null) throw new ZoneError("no-company");
      const zone = await tx.zone.findUnique({ where: { companyId: member.companyId }, select: { id: true } });
      if (!zone) throw new ZoneError("no-zone");
      const membership = await openMembership(tx, zone.id, input.memberId, "member", {});
      await auditMembership(tx, { type: "member", id: input.memberId }, "requested", membership.id, null, {
        zoneId: zone.id,
        status: membership.status,
      });
      await notifyManagers(tx, zone.id, `${member.nickname} 申请加入 ${membership.zone.name}`, null);
      return { membershipId: membership.id };
    });
  } catch (error) {
    throw uniqueRace(error);
  }
}

/** Two first-time requests racing: the loser sees the winner's row as "already pending". */
function uniqueRace(error: unknown): unknown {
  if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002") {
    return new ZoneError("already-pending");
  }
  return error;
}

export type ZoneActor = { type: "customer_admin"; memberId: number } | { type: "staff"; staff: StaffActor };

async function assertActor(tx: Tx, zoneId: number, actor: ZoneActor): Promise<void> {
  if (actor.type === "customer_admin") await assertCustomerAdmin(tx, zoneId, actor.memberId);
  else await assertStaffManages(tx, actor.staff, zoneId);
}

function auditActor(actor: ZoneActor) {
  return actor.type === "staff"
    ? { type: "staff" as const, id: actor.staff.staffId }
    : { type: "member" as const, id: actor.memberId };
}

/** Runs `change` on one membership of the zone, locked, once the actor may act on the zone. */
function changeMembership<R>(
  db: Db,
  input: { zoneId: number; membershipId: number; actor: ZoneActor },
  change: (tx: Tx, row: MembershipRow) => Promise<R>,
): Promise<R> {
  return db.$transaction(async (tx) => {
    const row = await lockZoneMembership(tx, input.zoneId, input.membershipId);
    await assertActor(tx, row.zoneId, input.actor);
    return change(tx, row);
  });
}

/** Audits a change of one zone membership as `zone.membership-<change>`. */
function auditMembership(
  tx: Tx,
  actor: AuditActor,
  change: string,
  membershipId: number,
  before: object | null,
  after: object,
) {
  return recordAudit(tx, {
    actor,
    action: `zone.membership-${change}`,
    entityType: "zoneMembership",
    entityId: membershipId,
    before: before ? { ...before } : null,
    after: { ...after },
  });
}

/** A customer admin or a CSR invites a colleague (by member id; the member must belong to the company). */
export async function inviteToZone(
  db: Db,
  input: { zoneId: number; memberId: number; actor: ZoneActor },
): Promise<{ membershipId: number; status: ZoneMembershipStatus }> {
  try {
    return await db.$transaction(async (tx) => {
      await assertActor(tx, input.zoneId, input.actor);
      const membership = await openMembership(
        tx,
        input.zoneId,
        input.memberId,
        input.actor.type,
        input.actor.type === "staff"
          ? { staffById: input.actor.staff.staffId }
          : { customerById: input.actor.memberId },
      );
      await auditMembership(tx, auditActor(input.actor), "invited", membership.id, null, {
        zoneId: input.zoneId,
        memberId: input.memberId,
        status: membership.status,
      });
      if (input.actor.type === "customer_admin") {
        await notifyManagers(tx, input.zoneId, `${membership.zone.name}：客户管理员邀请了新成员，待客服确认`, null);
      }
      return { membershipId: membership.id, status: membership.status };
    });
  } catch (error) {
    throw uniqueRace(error);
  }
}

/** One side's confirmation. The second confirmation (either order) makes the membership active. */
export async function confirmMembership(
  db: Db,
  input: { zoneId: number; membershipId: number; actor: ZoneActor },
): Promise<{ status: ZoneMembershipStatus }> {
  return changeMembership(db, input, async (tx, row) => {
    if (!PENDING_STATUSES.includes(row.status)) throw new ZoneError("invalid-state");
    const now = new Date();
    let status: ZoneMembershipStatus;
    let data: Prisma.ZoneMembershipUpdateInput;
    if (input.actor.type === "customer_admin") {
      if (row.status === "customer_confirmed") throw new ZoneError("invalid-state");
      status = row.status === "staff_confirmed" ? "active" : "customer_confirmed";
      data = { status, customerConfirmedById: input.actor.memberId, customerConfirmedAt: now };
    } else {
      if (row.status === "staff_confirmed") throw new ZoneError("invalid-state");
      status = row.status === "customer_confirmed" ? "active" : "staff_confirmed";
      data = { status, staffConfirmedById: input.actor.staff.staffId, staffConfirmedAt: now };
    }
    await tx.zoneMembership.update({ where: { id: row.id }, data });
    await auditMembership(tx, auditActor(input.actor), "confirmed", row.id, { status: row.status }, { status });
    if (status === "customer_confirmed") {
      await notifyManagers(tx, row.zoneId, `${row.zone.name}：客户管理员已确认一位成员，待客服确认`, null);
    }
    return { status };
  });
}

/** Either side turns down a pending entry. */
export async function declineMembership(
  db: Db,
  input: { zoneId: number; membershipId: number; actor: ZoneActor },
): Promise<void> {
  await changeMembership(db, input, async (tx, row) => {
    if (!PENDING_STATUSES.includes(row.status)) throw new ZoneError("invalid-state");
    await tx.zoneMembership.update({ where: { id: row.id }, data: { status: "declined" } });
    await auditMembership(
      tx,
      auditActor(input.actor),
      "declined",
      row.id,
      { status: row.status },
      { status: "declined" },
    );
  });
}

/** Removes an active member. Customer admins may remove ordinary members only; CSRs anyone. */
export async function removeMembership(
  db: Db,
  input: { zoneId: number; membershipId: number; actor: ZoneActor },
): Promise<void> {
  await changeMembership(db, input, async (tx, row) => {
    if (row.status !== "active") throw new ZoneError("invalid-state");
    if (input.actor.type === "customer_admin" && (row.isCustomerAdmin || row.memberId === input.actor.memberId)) {
      throw new ZoneError("forbidden");
    }
    await tx.zoneMembership.update({ where: { id: row.id }, data: { status: "removed", isCustomerAdmin: false } });
    await auditMembership(
      tx,
      auditActor(input.actor),
      "removed",
      row.id,
      { status: row.status, isCustomerAdmin: row.isCustomerAdmin },
      { status: "removed" },
    );
  });
}

/** The member leaves (active) or withdraws their pending request. */
export async function leaveZone(db: Db, input: { memberId: number }): Promise<void> {
  await db.$transaction(async (tx) => {
    const mine = await tx.zoneMembership.findFirst({
      where: { memberId: input.memberId, status: { in: ["active", ...PENDING_STATUSES] } },
      select: { id: true },
    });
    if (!mine) throw new ZoneError("not-found");
    const row = await lockMembership(tx, mine.id);
    if (row.status !== "active" && !PENDING_STATUSES.includes(row.status)) throw new ZoneError("invalid-state");
    await tx.zoneMembership.update({ where: { id: row.id }, data: { status: "removed", isCustomerAdmin: false } });
    await auditMembership(
      tx,
      { type: "member", id: input.memberId },
      "left",
      row.id,
      { status: row.status },
      { status: "removed" },
    );
  });
}

/**
 * A CSR records the customer's appointed person (客户管理员). The appointment comes from the customer
 * and is entered by the CSR, so it stands for both confirmations: the member becomes active admin.
 * `appoint: false` makes an admin an ordinary member again.
 */
export async function setCustomerAdmin(
  db: Db,
  input: { zoneId: number; memberId: number; appoint: boolean; actor: StaffActor },
): Promise<void> {
  await db.$transaction(async (tx) => {
    await assertStaffManages(tx, input.actor, input.zoneId);
    const existing = await tx.zoneMembership.findUnique({
      where: { zoneId_memberId: { zoneId: input.zoneId, memberId: input.memberId } },
      select: { id: true },
    });
    if (!input.appoint) {
      if (!existing) throw new ZoneError("not-found");
      const row = await lockMembership(tx, existing.id);
      await tx.zoneMembership.update({ where: { id: row.id }, data: { isCustomerAdmin: false } });
    } else {
      const now = new Date();
      const row = existing
        ? await lockMembership(tx, existing.id)
        : await openMembership(tx, input.zoneId, input.memberId, "staff", { staffById: input.actor.staffId });
      if (row.zone.companyId !== (await memberCompany(tx, input.memberId))) throw new ZoneError("wrong-company");
      await tx.zoneMembership.update({
        where: { id: row.id },
        data: {
          isCustomerAdmin: true,
          status: "active",
          customerConfirmedAt: row.customerConfirmedAt ?? now,
          staffConfirmedById: row.staffConfirmedById ?? input.actor.staffId,
          staffConfirmedAt: row.staffConfirmedAt ?? now,
        },
      });
    }
    await recordStaffAudit(tx, input.actor, {
      action: input.appoint ? "zone.admin-appointed" : "zone.admin-revoked",
      entityType: "zone",
      entityId: input.zoneId,
      after: { memberId: input.memberId },
    });
  });
}

async function memberCompany(tx: Tx, memberId: number): Promise<number | null> {
  return (await tx.member.findUnique({ where: { id: memberId }, select: { companyId: true } }))?.companyId ?? null;
}

// ───────────── announcements ─────────────

export async function postAnnouncement(
  db: Db,
  input: { zoneId: number; title: string; body: string; actor: StaffActor },
): Promise<{ id: number }> {
  const title = input.title.trim();
  const body = input.body.trim();
  if (!title || title.length > 200 || !body || body.length > 5000) throw new ZoneError("invalid-input");
  return db.$transaction(async (tx) => {
    await assertStaffManages(tx, input.actor, input.zoneId);
    const row = await tx.zoneAnnouncement.create({
      data: { zoneId: input.zoneId, title, body, authorStaffId: input.actor.staffId },
    });
    await recordStaffAudit(tx, input.actor, {
      action: "zone.announcement-posted",
      entityType: "zone",
      entityId: input.zoneId,
      after: { announcementId: row.id, title },
    });
    return { id: row.id };
  });
}

/** Deletes an announcement of `zoneId`; an id of another zone is "not found". */
export async function deleteAnnouncement(
  db: Db,
  input: { zoneId: number; announcementId: number; actor: StaffActor },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.zoneAnnouncement.findFirst({ where: { id: input.announcementId, zoneId: input.zoneId } });
    if (!row) throw new ZoneError("not-found");
    await assertStaffManages(tx, input.actor, row.zoneId);
    await tx.zoneAnnouncement.delete({ where: { id: row.id } });
    await recordStaffAudit(tx, input.actor, {
      action: "zone.announcement-deleted",
      entityType: "zone",
      entityId: row.zoneId,
      before: { announcementId: row.id, title: row.title },
    });
  });
}

// ───────────── queries ─────────────

const ZONE_PAGE_SIZE = 20;

function zoneOrder(query: ZoneListQuery): Prisma.ZoneOrderByWithRelationInput[] {
  switch (query.sort) {
    case "name":
      return [{ name: query.dir }, { id: "asc" }];
    case "company":
      return [{ company: { name: query.dir } }, { id: "asc" }];
    case "created":
      return [{ id: query.dir }];
  }
}

/** The zones the actor may see (service × browse, or co-managed), with members and pending entries. */
export async function listZones(db: DbOrTx, actor: StaffActor, query: ZoneListQuery) {
  const where: Prisma.ZoneWhereInput = {
    AND: [
      zoneManagedBy(actor, "browse"),
      query.q ? { OR: [{ name: { contains: query.q } }, { company: { name: { contains: query.q } } }] } : {},
    ],
  };
  const { rows, ...paging } = await findPage(
    query.page,
    ZONE_PAGE_SIZE,
    (take) => db.zone.count({ where, take }),
    (window) =>
      db.zone.findMany({
        where,
        orderBy: zoneOrder(query),
        ...window,
        select: {
          id: true,
          name: true,
          company: { select: { id: true, name: true, number: true } },
          managers: { select: { staff: selectIdAndName } },
          _count: { select: { memberships: { where: { status: "active" } } } },
        },
      }),
  );
  const pending = await db.zoneMembership.groupBy({
    by: ["zoneId"],
    where: { zoneId: { in: rows.map((r) => r.id) }, status: { in: [...PENDING_STATUSES] } },
    _count: { _all: true },
  });
  const pendingBy = new Map(pending.map((p) => [p.zoneId, p._count._all]));
  return {
    ...paging,
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      company: r.company,
      managers: r.managers.map((m) => m.staff),
      activeMembers: r._count.memberships,
      pending: pendingBy.get(r.id) ?? 0,
    })),
  };
}

export type ZoneListRow = Awaited<ReturnType<typeof listZones>>["rows"][number];

/** Where a membership stands: its status, the admin flag and who confirmed it when. */
export const membershipStateSelect = {
  id: true,
  status: true,
  isCustomerAdmin: true,
  initiatedBy: true,
  createdAt: true,
  customerConfirmedAt: true,
  staffConfirmedAt: true,
} as const;

/** Members of the zone as zone members see them (active), and — for customer admins — pending entries. */
export async function listZoneMembers(db: DbOrTx, zoneId: number, options: { includePending: boolean }) {
  return db.zoneMembership.findMany({
    where: { zoneId, status: { in: options.includePending ? ["active", ...PENDING_STATUSES] : ["active"] } },
    orderBy: [{ isCustomerAdmin: "desc" }, { id: "asc" }],
    select: {
      ...membershipStateSelect,
      member: { select: { id: true, nickname: true, realName: true, title: true } },
    },
  });
}

/** Colleagues (same company, active accounts) who are not in the zone and could be invited. */
export async function listInvitableMembers(db: DbOrTx, zoneId: number) {
  const zone = await db.zone.findUnique({ where: { id: zoneId }, select: { companyId: true } });
  if (!zone) return [];
  return db.member.findMany({
    where: {
      companyId: zone.companyId,
      status: { in: ["active", "verified"] },
      zoneMemberships: { none: { zoneId, status: { in: ["active", ...PENDING_STATUSES] } } },
    },
    orderBy: { id: "asc" },
    take: 100,
    select: { id: true, nickname: true, realName: true, email: true },
  });
}

/** For the portal's zone home when the member is not (yet) in: their company's zone and their entry. */
export async function getJoinState(db: DbOrTx, member: { id: number; companyId: number | null }) {
  if (member.companyId === null) return { zone: null, membership: null };
  const zone = await db.zone.findUnique({ where: { companyId: member.companyId }, select: { id: true, name: true } });
  if (!zone) return { zone: null, membership: null };
  const membership = await db.zoneMembership.findUnique({
    where: { zoneId_memberId: { zoneId: zone.id, memberId: member.id } },
    select: { id: true, status: true, createdAt: true, customerConfirmedAt: true, staffConfirmedAt: true },
  });
  return { zone, membership };
}
