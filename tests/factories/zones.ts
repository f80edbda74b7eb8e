import type { Db } from "#app/lib/db.server.ts";
import { mergeGrants } from "#app/modules/auth/permissions.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createTestCompany } from "./member-admin.ts";
import { createTestMember } from "./members.ts";
import { createTestStaff } from "./staff.ts";

// Customer zones for tests: a company, a CSR who co-manages its zone, an appointed customer admin,
// and helpers for colleagues, assets and contracts. Rows go straight into the database.

let serial = 0;

export async function createTestCsr(db: Db, options: { teamId?: number | null; scope?: "own" | "team" | "all" } = {}) {
  const scope = options.scope ?? "team";
  const grants = (["browse", "add", "modify", "delete"] as const).map((action) => ({
    module: "service" as const,
    action,
    scope,
  }));
  const { staff } = await createTestStaff(db, { teamId: options.teamId ?? null, grants });
  return { staff, actor: staffActorFor(staff, { grants: mergeGrants(grants) }) };
}

/** A member of `companyId`, optionally already active in `zoneId` (both confirmations recorded). */
export async function createZoneMember(
  db: Db,
  companyId: number,
  options: {
    zoneId?: number;
    admin?: boolean;
    status?: "requested" | "customer_confirmed" | "staff_confirmed" | "active";
  } = {},
) {
  const { member, password } = await createTestMember(db, { level: "customer" });
  await db.member.update({ where: { id: member.id }, data: { companyId } });
  let membershipId: number | null = null;
  if (options.zoneId !== undefined) {
    const status = options.status ?? "active";
    const now = new Date();
    const row = await db.zoneMembership.create({
      data: {
        zoneId: options.zoneId,
        memberId: member.id,
        status,
        isCustomerAdmin: options.admin ?? false,
        initiatedBy: "member",
        customerConfirmedAt: status === "active" || status === "customer_confirmed" ? now : null,
        staffConfirmedAt: status === "active" || status === "staff_confirmed" ? now : null,
      },
    });
    membershipId = row.id;
  }
  return { member: { ...member, companyId }, password, membershipId };
}

export async function createTestZone(
  db: Db,
  options: { companyName?: string; csrScope?: "own" | "team" | "all" } = {},
) {
  const company = await createTestCompany(db, options.companyName ? { name: options.companyName } : {});
  const csr = await createTestCsr(db, { scope: options.csrScope ?? "own" });
  const zone = await db.zone.create({
    data: { companyId: company.id, name: `${company.name}专区`, managers: { create: [{ staffId: csr.staff.id }] } },
  });
  const admin = await createZoneMember(db, company.id, { zoneId: zone.id, admin: true });
  return { company, zone, csr, admin };
}

export async function createTestAsset(
  db: Db,
  companyId: number,
  options: { name?: string; parentId?: number | null; serialNumber?: string } = {},
) {
  serial++;
  const row = await db.asset.create({
    data: {
      number: `TMPA${process.pid}${serial}`.slice(0, 20),
      companyId,
      name: options.name ?? `测试设备${serial}`,
      serialNumber: options.serialNumber ?? `SN-${process.pid}-${serial}`,
      parentId: options.parentId ?? null,
    },
  });
  return row;
}

export async function createTestContract(
  db: Db,
  companyId: number,
  options: {
    startDate?: Date;
    endDate?: Date;
    status?: "drafting" | "in_force" | "completed";
    approvalState?: "pending" | "approved" | "rejected";
    responseMode?: "h8x5" | "h8x7" | "h24x7";
    responseTime?: "remote_immediate" | "next_business_day" | "onsite_4h";
    ownerId?: number | null;
    assetIds?: number[];
  } = {},
) {
  serial++;
  return db.serviceContract.create({
    data: {
      number: `TMPC${process.pid}${serial}`.slice(0, 20),
      name: `测试服务合约${serial}`,
      companyId,
      status: options.status ?? "in_force",
      approvalState: options.approvalState ?? "approved",
      responseMode: options.responseMode ?? "h8x5",
      responseTime: options.responseTime ?? "next_business_day",
      startDate: options.startDate ?? new Date("2026-01-01T00:00:00Z"),
      endDate: options.endDate ?? new Date("2027-12-31T00:00:00Z"),
      ownerId: options.ownerId ?? null,
      assets: { create: (options.assetIds ?? []).map((assetId) => ({ assetId })) },
    },
  });
}
