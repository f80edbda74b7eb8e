import type { Db } from "#app/lib/db.server.ts";
import { staffActorFor, type StaffActor } from "#app/modules/auth/staff-actor.ts";
import { parseKeywords } from "#app/modules/leads/distribution/distribution-rule-matching.ts";
import type { AssigneeRights } from "#app/modules/leads/distribution/lead-distribution.server.ts";
import { mergeGrants, type Action, type Module, type Scope } from "#app/modules/auth/permissions.ts";
import { createTestStaff } from "./staff.ts";

// 线索分发规则 and lead batches (#5): rules written straight into the tables, leads in bulk, and the
// actor the batch service expects.

let serial = 0;

export interface TestRuleOptions {
  name?: string;
  /** "北京 OR beijing" */
  region?: string;
  phone?: string;
  isCatchAll?: boolean;
  alsoApply?: boolean;
  active?: boolean;
  position?: number;
  assignees?: AssigneeRights[];
}

export async function createTestDistributionRule(db: Db, options: TestRuleOptions = {}) {
  serial++;
  const position =
    options.position ?? ((await db.distributionRule.aggregate({ _max: { position: true } }))._max.position ?? -1) + 1;
  return db.distributionRule.create({
    data: {
      name: options.name ?? `测试规则${serial}`,
      position,
      active: options.active ?? true,
      isCatchAll: options.isCatchAll ?? false,
      alsoApply: options.alsoApply ?? false,
      regionKeywords: parseKeywords(options.region ?? ""),
      phoneKeywords: parseKeywords(options.phone ?? ""),
      assignees: { create: (options.assignees ?? []).map((a) => ({ ...a })) },
    },
  });
}

/** A staff member with the given lead grants, plus their StaffActor built the way a session would. */
export async function createBatchActor(
  db: Db,
  grants: Array<{ module: Module; action: Action; scope: Scope }>,
  options: { teamId?: number | null } = {},
): Promise<{ actor: StaffActor; staffId: number }> {
  const { staff } = await createTestStaff(db, { grants, teamId: options.teamId ?? null });
  return { staffId: staff.id, actor: staffActorFor(staff, { grants: mergeGrants(grants) }) };
}

/** A marketing owner: browse/modify/transfer leads company-wide. */
export function createLeadOwnerActor(db: Db, scope: Scope = "all") {
  return createBatchActor(db, [
    { module: "leads", action: "browse", scope },
    { module: "leads", action: "modify", scope },
    { module: "leads", action: "transfer", scope },
  ]);
}

export interface BulkLeadOptions {
  ownerId: number;
  companyProvince?: string | null;
  companyCity?: string | null;
  contactPhone?: string | null;
  /** Varies fields per index, e.g. alternating regions. */
  each?: (index: number) => Partial<{
    companyProvince: string | null;
    companyCity: string | null;
    contactPhone: string | null;
    companyFax: string | null;
  }>;
}

/** `count` leads in one createMany per 2,000: fast enough for the 10,000-lead batch tests. */
export async function createLeadsInBulk(db: Db, count: number, options: BulkLeadOptions): Promise<number[]> {
  const prefix = `LB${(process.pid % 100).toString().padStart(2, "0")}${(++serial).toString(36)}${Date.now().toString(36).slice(-4)}`;
  for (let start = 0; start < count; start += 2_000) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 2_000); i++) {
      rows.push({
        number: `${prefix}${i.toString(36).padStart(4, "0")}`.slice(0, 20),
        ownerId: options.ownerId,
        status: "new" as const,
        contactName: `批量联系人${i}`,
        companyName: `批量单位${i}`,
        companyProvince: options.companyProvince ?? null,
        companyCity: options.companyCity ?? null,
        contactPhone: options.contactPhone ?? null,
        routedBy: "manual" as const,
        source: "staff",
        ...(options.each?.(i) ?? {}),
      });
    }
    await db.lead.createMany({ data: rows });
  }
  const leads = await db.lead.findMany({
    where: { number: { startsWith: prefix } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return leads.map((l) => l.id);
}
