import type { OpportunityStage } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { mergeGrants, type Action, type Module, type Scope } from "#app/modules/auth/permissions.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { companyNameKey, contactPhoneKey, emailKey, phoneKey } from "#app/modules/crm/match-keys.ts";
import { createTestStaff } from "./staff.ts";

// Fixtures for opportunities, conversion and campaigns: staff with role presets (mirroring the demo
// roles), campaigns, companies, contacts and opportunities written straight into the tables.

let serial = 0;
const next = () => `${process.pid}-${++serial}-${Date.now().toString(36)}`;

type Grant = { module: Module; action: Action; scope: Scope };
const WORK: Action[] = ["browse", "add", "modify"];
const grants = (module: Module, actions: Action[], scope: Scope): Grant[] =>
  actions.map((action) => ({ module, action, scope }));

export const ROLE_GRANTS = {
  /** 市场主管: leads and campaigns all, no opportunities module. */
  marketing: [...grants("leads", WORK, "all"), ...grants("campaigns", [...WORK, "delete"], "all")],
  /** 销售经理: team scope on leads/opportunities/companies/contacts, campaigns browse all. */
  salesManager: [
    ...grants("leads", WORK, "team"),
    ...grants("opportunities", WORK, "team"),
    ...grants("companies", WORK, "team"),
    ...grants("contacts", WORK, "team"),
    ...grants("campaigns", ["browse"], "all"),
  ],
  /** 销售代表: own scope, no campaigns module. */
  sales: [
    ...grants("leads", WORK, "own"),
    ...grants("opportunities", WORK, "own"),
    ...grants("companies", WORK, "own"),
    ...grants("contacts", WORK, "own"),
  ],
  /** Sees all leads and all opportunities (a "full picture" executive without admin). */
  executive: [
    ...grants("leads", ["browse"], "all"),
    ...grants("opportunities", ["browse"], "all"),
    ...grants("campaigns", ["browse"], "all"),
  ],
} satisfies Record<string, Grant[]>;

export async function createSalesStaff(
  db: Db,
  role: keyof typeof ROLE_GRANTS | "admin" | "none",
  options: { teamId?: number | null } = {},
) {
  const { staff } = await createTestStaff(db, {
    isAdmin: role === "admin",
    grants: role === "admin" || role === "none" ? [] : ROLE_GRANTS[role],
    teamId: options.teamId ?? null,
  });
  const actor = staffActorFor(staff, {
    isAdmin: role === "admin",
    grants: role === "admin" || role === "none" ? {} : mergeGrants(ROLE_GRANTS[role]),
  });
  return { staff, actor };
}

export async function createSalesTeam(db: Db) {
  return db.team.create({ data: { name: `销售团队${next()}` } });
}

export async function createSalesCampaign(
  db: Db,
  ownerId: number,
  data: {
    name?: string;
    targetSalesAmount?: string;
    targetLeadCount?: number;
    targetCost?: string;
    targetWorkload?: string;
    summary?: string;
  } = {},
) {
  return db.campaign.create({ data: { name: data.name ?? `战役${next()}`, ownerId, type: "exhibition", ...data } });
}

export async function createSalesCompany(
  db: Db,
  data: { name?: string; ownerId?: number | null; city?: string; phone?: string } = {},
) {
  const s = next();
  const name = data.name ?? `测试单位${s}有限公司`;
  return db.company.create({
    data: {
      number: `TC${s}`.slice(0, 20),
      name,
      nameKey: companyNameKey(name),
      city: data.city ?? null,
      phone: data.phone ?? null,
      phoneKey: phoneKey(data.phone),
      ownerId: data.ownerId ?? null,
    },
  });
}

export async function createSalesContact(
  db: Db,
  data: { fullName?: string; email?: string; mobile?: string; companyId?: number | null; ownerId?: number | null } = {},
) {
  const s = next();
  const fullName = data.fullName ?? `测试${serial}`;
  return db.contact.create({
    data: {
      number: `TP${s}`.slice(0, 20),
      familyName: fullName.slice(0, 1),
      givenName: fullName.slice(1) || null,
      fullName,
      email: data.email ?? null,
      mobile: data.mobile ?? null,
      emailKey: emailKey(data.email),
      phoneKey: contactPhoneKey({ mobile: data.mobile }),
      companyId: data.companyId ?? null,
      ownerId: data.ownerId ?? null,
    },
  });
}

export async function createSalesOpportunity(
  db: Db,
  data: {
    ownerId: number;
    campaignId?: number | null;
    leadId?: number | null;
    companyId?: number | null;
    stage?: OpportunityStage;
    amount?: string;
    name?: string;
  },
) {
  const s = next();
  return db.opportunity.create({
    data: {
      number: `TO${s}`.slice(0, 20),
      name: data.name ?? `机会${s}`,
      ownerId: data.ownerId,
      campaignId: data.campaignId ?? null,
      leadId: data.leadId ?? null,
      companyId: data.companyId ?? null,
      stage: data.stage ?? "prospecting",
      amount: data.amount ?? "0",
      closedAt: data.stage === "won" || data.stage === "lost" ? new Date() : null,
    },
  });
}
