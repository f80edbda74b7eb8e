import type { LeadRoutedBy, LeadStatus } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import type { Scope } from "#app/modules/auth/permissions.ts";
import { staffActorFor, type StaffActor } from "#app/modules/auth/staff-actor.ts";
import { companyNameKey, emailKey, phoneKey } from "#app/modules/crm/match-keys.ts";

// Leads written straight into the table, so inbox tests do not depend on the intake pipeline.

let serial = 0;

export async function createTestTeam(db: Db, name = `测试团队${++serial}-${Date.now()}`) {
  return db.team.create({ data: { name } });
}

export async function createTestCampaign(db: Db, ownerId: number, name = `测试战役${++serial}`) {
  return db.campaign.create({ data: { name, ownerId } });
}

export async function createTestCategory(
  db: Db,
  options: { designatedStaffId: number; campaignId?: number | null; tokenGroupId?: number | null; name?: string },
) {
  serial++;
  return db.registrationCategory.create({
    data: {
      code: `T${serial}-${Date.now()}`.slice(0, 40),
      name: options.name ?? `测试分类${serial}`,
      kind: "requirement",
      designatedStaffId: options.designatedStaffId,
      campaignId: options.campaignId ?? null,
      tokenGroupId: options.tokenGroupId ?? null,
    },
  });
}

export interface TestLeadOptions {
  ownerId: number;
  status?: LeadStatus;
  categoryId?: number | null;
  campaignId?: number | null;
  memberId?: number | null;
  contactName?: string | null;
  contactEmail?: string | null;
  contactMobile?: string | null;
  companyName?: string | null;
  requirement?: string | null;
  routedBy?: LeadRoutedBy;
  routedTokenGroupId?: number | null;
  routedPosition?: number | null;
  source?: string;
  createdAt?: Date;
  ownerSeenAt?: Date | null;
  matches?: Array<{ type: "contact" | "company"; id: number; score: number }>;
}

export async function createTestLead(db: Db, options: TestLeadOptions) {
  serial++;
  const contactName = options.contactName === undefined ? `联系人${serial}` : options.contactName;
  return db.lead.create({
    data: {
      number: `LT${process.pid % 1000}${String(serial).padStart(8, "0")}`.slice(0, 20),
      ownerId: options.ownerId,
      status: options.status ?? "new",
      categoryId: options.categoryId ?? null,
      campaignId: options.campaignId ?? null,
      memberId: options.memberId ?? null,
      contactName,
      contactEmail: options.contactEmail ?? null,
      contactMobile: options.contactMobile ?? null,
      companyName: options.companyName ?? null,
      requirement: options.requirement ?? null,
      emailKey: emailKey(options.contactEmail),
      phoneKey: phoneKey(options.contactMobile),
      companyKey: options.companyName ? companyNameKey(options.companyName) : null,
      routedBy: options.routedBy ?? "manual",
      routedTokenGroupId: options.routedTokenGroupId ?? null,
      routedPosition: options.routedPosition ?? null,
      source: options.source ?? "staff",
      ownerSeenAt: options.ownerSeenAt ?? null,
      matches: options.matches ?? undefined,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    },
  });
}

/** A StaffActor whose leads grants (browse, add, modify) all have `scope`; null: no leads grant at all. */
export function leadActor(staff: { id: number; teamId: number | null }, scope: Scope | null): StaffActor {
  return staffActorFor(staff, { grants: scope ? { leads: { browse: scope, add: scope, modify: scope } } : {} });
}
